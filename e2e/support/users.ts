import { type Browser, type BrowserContext, type Page, expect } from "@playwright/test";
import { DEMO_EMAILS, DEMO_PASSWORD } from "../../lib/seed/demo-world";
import { checkAccessibilityOnVisit } from "./axe";

export const USERS = DEMO_EMAILS;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: /sign out/i })).toBeVisible({ timeout: 45_000 }); // argon2 is slow on a busy machine
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
/** Each demo user's session, signed in once per Playwright worker (sign-in itself: sign-in.spec.ts). */
const sessions = new Map<string, Promise<StorageState>>();

/**
 * A signed-in page in its own browser context (own cookies), like a separate person. The first
 * call for a user in this worker signs in through the form; later ones start from that
 * session's cookie, which saves an argon2 check and a dashboard render per person on two cores.
 */
export async function personAs(browser: Browser, email: string): Promise<Page> {
  const known = sessions.get(email);
  if (known) {
    const storageState = await known.catch(() => undefined);
    if (storageState) {
      const context = await browser.newContext({ storageState });
      return checkAccessibilityOnVisit(await context.newPage());
    }
  }
  const context = await browser.newContext();
  const page = checkAccessibilityOnVisit(await context.newPage());
  const signedIn = signIn(page, email).then(() => context.storageState());
  sessions.set(email, signedIn);
  await signedIn;
  return page;
}
