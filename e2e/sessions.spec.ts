import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { DEMO_EMAILS } from "../lib/seed/demo-world";
import { checkAccessibilityOnVisit } from "./support/axe";
import { sql } from "./support/runtime";
import { expect, test } from "./support/test";
import { signIn } from "./support/users";

// Issue 12, M1: sessions end on the server. A cookie copied before sign-out opens nothing after
// it; Auth.js's endpoints hand out no renewed cookie; a user ends another of their sessions from
// Settings and that browser is signed out at its next navigation.
//
// Each test signs in as a user of its own (a copy of the demo buyer, same password), so ending
// "all other sessions" never signs out a test running beside it as the buyer.

const LINUX_FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const WINDOWS_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const MAC_SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";

async function userOfOwn(tag: string): Promise<string> {
  const email = `sessions-${tag}-${randomUUID().slice(0, 8)}@lioncity.example`;
  await sql(
    `INSERT INTO users (id, email, name, password_hash) SELECT gen_random_uuid(), $1, $2, password_hash FROM users WHERE email = $3`,
    [email, `Session Tester ${tag}`, DEMO_EMAILS.buyer],
  );
  await sql(
    `INSERT INTO memberships (id, user_id, organization_id, roles)
     SELECT gen_random_uuid(), u.id, m.organization_id, ARRAY['MAKER']::"MemberRole"[] FROM users u, memberships m JOIN users b ON b.id = m.user_id
      WHERE u.email = $1 AND b.email = $2`,
    [email, DEMO_EMAILS.buyer],
  );
  return email;
}

async function browserAs(browser: Browser, email: string, userAgent: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ userAgent });
  const page = checkAccessibilityOnVisit(await context.newPage());
  await signIn(page, email);
  return { context, page };
}

const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => /authjs\.session-token$/.test(c.name));

test("a cookie copied before sign-out opens no page and no API afterwards", async ({ browser }) => {
  const email = await userOfOwn("signout");
  const { context, page } = await browserAs(browser, email, LINUX_FIREFOX);
  const copied = await context.cookies();
  expect(copied.some((c) => /authjs\.session-token$/.test(c.name))).toBe(true);
  expect((await context.request.get("/api/v1/credits", { maxRedirects: 0 })).status()).toBe(200);

  await page.getByRole("button", { name: /sign out/i }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Someone who kept the cookie, in a browser of their own.
  const thief = await browser.newContext({ userAgent: LINUX_FIREFOX });
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  for (const path of ["/", "/credits", "/settings", "/notifications"]) {
    await thiefPage.goto(path);
    await expect(thiefPage, path).toHaveURL(/\/sign-in/);
    await expect(thiefPage.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  }
  const api = await thief.request.get("/api/v1/credits", { maxRedirects: 0, failOnStatusCode: false });
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("UNAUTHENTICATED");
  await thief.close();
  await context.close();
});

test("Auth.js's endpoints are not served: no renewed cookie from /api/auth/session", async ({ browser }) => {
  const email = await userOfOwn("endpoints");
  const { context } = await browserAs(browser, email, LINUX_FIREFOX);
  const before = await sessionCookie(context);
  expect(before).toBeDefined();
  for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/signin"]) {
    const response = await context.request.get(path, { maxRedirects: 0, failOnStatusCode: false });
    expect([path, response.status()]).toEqual([path, 404]);
    expect(response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && /authjs\.session-token/.test(h.value))).toEqual([]);
  }
  for (const path of ["/api/auth/session", "/api/auth/callback/credentials", "/api/auth/signout"]) {
    const response = await context.request.post(path, { maxRedirects: 0, failOnStatusCode: false, form: { email, password: "x" } });
    expect([path, [404, 405].includes(response.status())]).toEqual([path, true]);
    expect(response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && /authjs\.session-token/.test(h.value))).toEqual([]);
  }
  // The cookie is the one sign-in set: same value, same expiry.
  const after = await sessionCookie(context);
  expect(after?.value).toBe(before?.value);
  expect(after?.expires).toBe(before?.expires);
  await context.close();
});

test("a user ends another of their sessions from Settings, and then all the others; those browsers are signed out", async ({ browser }) => {
  test.setTimeout(240_000); // four sign-ins (argon2) and the Settings page scanned by axe, on two busy cores
  const email = await userOfOwn("settings");
  const here = await browserAs(browser, email, LINUX_FIREFOX);
  const there = await browserAs(browser, email, WINDOWS_CHROME);

  await here.page.goto("/settings");
  const sessions = here.page.getByRole("list", { name: "Your sessions" });
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expect(sessions.getByRole("listitem").filter({ hasText: "This session" })).toContainText("Firefox on Linux");
  const other = sessions.getByRole("listitem").filter({ hasText: "Chrome on Windows" });
  await expect(other).not.toContainText("This session");
  await other.getByRole("button", { name: /^End the session: Chrome on Windows/ }).click();
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  await expect(here.page.getByText("You are signed in nowhere else.")).toBeVisible();

  // The other browser, on its next navigation.
  await there.page.goto("/credits");
  await expect(there.page).toHaveURL(/\/sign-in/);
  expect((await there.context.request.get("/api/v1/credits", { maxRedirects: 0, failOnStatusCode: false })).status()).toBe(401);

  // Two more, ended together after a confirmation; this one stays signed in.
  const third = await browserAs(browser, email, WINDOWS_CHROME);
  const fourth = await browserAs(browser, email, MAC_SAFARI);
  await here.page.goto("/settings");
  await expect(sessions.getByRole("listitem")).toHaveCount(3);
  await here.page.getByRole("button", { name: "End all other sessions" }).click();
  const dialog = here.page.getByRole("dialog", { name: "End all your other sessions?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "End other sessions" }).click();
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  for (const { page } of [third, fourth]) {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  }
  await here.page.goto("/");
  await expect(here.page).not.toHaveURL(/\/sign-in/);
  await expect(here.page.getByRole("button", { name: /sign out/i })).toBeVisible();

  for (const { context } of [here, there, third, fourth]) await context.close();
});
