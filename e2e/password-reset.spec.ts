import { randomUUID } from "node:crypto";
import { mailTo, sql } from "./support/runtime";
import { expect, test } from "./support/test";
import { signIn } from "./support/users";

// Issue 12: a forgotten password, end to end. The link is read from the e-mail the app sent,
// as the development mail catcher received it over SMTP.

test("a user who forgot their password gets an e-mailed link, sets a new password with it, signs in, and the link works once", async ({ page }) => {
  // A user of their own: a new password ends every session of its user, and the demo users' are shared.
  const email = `forgetful-${randomUUID().slice(0, 8)}@lioncity.example`;
  const [org] = await sql<{ id: string }>("SELECT id FROM organizations WHERE name = 'Lion City Engineering Pte Ltd'");
  const [user] = await sql<{ id: string }>("INSERT INTO users (id, email, name, password_hash) VALUES (gen_random_uuid(), $1, 'Wei Forgetful', 'not a usable hash') RETURNING id", [email]);
  await sql("INSERT INTO memberships (id, user_id, organization_id, roles) VALUES (gen_random_uuid(), $1, $2, '{VIEWER}')", [user!.id, org!.id]);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText(`If an account exists for ${email}`);

  const message = await mailTo(email, /reset-password\?token=/);
  expect(message.subject).toBe("Set a new TradeTrail password");
  const link = /(http\S+\/reset-password\?token=[\w-]+)/.exec(message.text)![1]!;

  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("password1234");
  await page.getByLabel("The same password again").fill("password1234");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "exposed in data breaches" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("copper lantern orbit meadow");
  await page.getByLabel("The same password again").fill("copper lantern orbit meadow");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your new password is set");

  await signIn(page, email, "copper lantern orbit meadow");
  await page.getByRole("button", { name: /sign out/i }).click();

  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("another strong phrase of words");
  await page.getByLabel("The same password again").fill("another strong phrase of words");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This link is not valid any more" })).toBeVisible();
});
