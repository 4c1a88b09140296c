import { randomUUID } from "node:crypto";
import { DEMO_EMAILS, DEMO_PASSWORD } from "../lib/seed/demo-world";
import { sql } from "./support/runtime";
import { expect, test } from "./support/test";

// Issue 14, item 1: a passkey added in Settings signs its owner in, and revoked, it no longer
// does. Chromium's virtual authenticator (CDP WebAuthn domain) answers the browser's prompts.
//
// The embedded default serves http://127.0.0.1:PORT, and an IP address is no RP ID: passkeys
// live on http://localhost:PORT (lib/passkeys/relying-party.ts), so this test uses that name.

async function userOfOwn(): Promise<string> {
  const email = `passkeys-${randomUUID().slice(0, 8)}@lioncity.example`;
  await sql(`INSERT INTO users (id, email, name, password_hash) SELECT gen_random_uuid(), $1, 'Passkey Tester', password_hash FROM users WHERE email = $2`, [email, DEMO_EMAILS.buyer]);
  await sql(
    `INSERT INTO memberships (id, user_id, organization_id, roles)
     SELECT gen_random_uuid(), u.id, m.organization_id, ARRAY['MAKER']::"MemberRole"[] FROM users u, memberships m JOIN users b ON b.id = m.user_id
      WHERE u.email = $1 AND b.email = $2`,
    [email, DEMO_EMAILS.buyer],
  );
  return email;
}

test("a passkey added in Settings signs its owner in, and no longer once revoked", async ({ page, baseURL }) => {
  const site = new URL(baseURL!);
  const origin = `${site.protocol}//localhost:${site.port}`;
  const email = await userOfOwn();

  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  await test.step("sign in with the password and add a passkey", async () => {
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("button", { name: /sign out/i })).toBeVisible({ timeout: 45_000 });
    expect(new URL(page.url()).origin).toBe(origin);

    await page.goto(`${origin}/settings`);
    await expect(page.getByText("You have no passkey yet.")).toBeVisible();
    await page.getByLabel("Passkey name").fill("Virtual laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByText("Passkey “Virtual laptop” added.")).toBeVisible();
    const passkeys = page.getByRole("list", { name: "Your passkeys" });
    await expect(passkeys.getByRole("listitem")).toHaveCount(1);
    await expect(passkeys.getByRole("listitem").first()).toContainText("Virtual laptop");
    await expect(passkeys.getByRole("listitem").first()).toContainText("never used");
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]!.isResidentCredential).toBe(true);
  });

  await test.step("sign out, and sign in with the passkey alone", async () => {
    await page.getByRole("button", { name: /sign out/i }).click();
    // Signing out keeps the browser on the address it used, where its passkeys work.
    await expect(page).toHaveURL(`${origin}/sign-in`);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page.getByRole("button", { name: /sign out/i })).toBeVisible({ timeout: 45_000 });
    await expect(page).toHaveURL(`${origin}/`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const [row] = await sql<{ n: string }>(`SELECT count(*) AS n FROM passkeys p JOIN users u ON u.id = p.user_id WHERE u.email = $1 AND p.last_used_at IS NOT NULL`, [email]);
    expect(row?.n).toBe("1");
  });

  await test.step("revoke it after a confirmation; it signs nobody in any more", async () => {
    await page.goto(`${origin}/settings`);
    const passkeys = page.getByRole("list", { name: "Your passkeys" });
    await expect(passkeys.getByRole("listitem").first()).toContainText("last used");
    await page.getByRole("button", { name: "Revoke Virtual laptop" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke the passkey “Virtual laptop”?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Revoke passkey" }).click();
    await expect(page.getByText("You have no passkey yet.")).toBeVisible();
    const [event] = await sql<{ data: { credentialId: string } }>(
      `SELECT e.data FROM admin_events e JOIN users u ON u.id = e.actor_id WHERE u.email = $1 AND e.action = 'passkey-revoked'`,
      [email],
    );
    expect(event?.data.credentialId).toBeTruthy();

    await page.getByRole("button", { name: /sign out/i }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto(`${origin}/sign-in`);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "did not sign you in" })).toBeVisible();
    await expect(page.getByRole("button", { name: /sign out/i })).toHaveCount(0);
  });
});
