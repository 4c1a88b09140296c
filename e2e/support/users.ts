import { type Browser, type Page, expect } from "@playwright/test";
import { DEMO_EMAILS, DEMO_PASSWORD } from "../../lib/seed/demo-world";
import { checkAccessibilityOnVisit } from "./axe";

export const USERS = DEMO_EMAILS;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: /sign out/i })).toBeVisible({ timeout: 45_000 }); // argon2 is slow on a busy machine
}

/** A signed-in page in its own browser context (own cookies), like a separate person. */
export async function personAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = checkAccessibilityOnVisit(await context.newPage());
  await signIn(page, email);
  return page;
}
