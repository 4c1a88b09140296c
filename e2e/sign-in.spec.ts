import { expect, test } from "./support/test";
import { DEMO_USERS } from "../lib/seed/demo-world";
import { signIn } from "./support/users";

test.describe("signing in", () => {
  for (const user of DEMO_USERS) {
    test(`${user.role} signs in, sees their shell, and signs out`, async ({ page }) => {
      await signIn(page, user.email);
      const header = page.getByRole("banner");
      await expect(header).toContainText(user.name);
      const orgName = { issuingBank: "Merlion Trade Bank", advisingBank: "Rotterdam Maritime Bank", applicant: "Lion City Engineering", beneficiary: "Delta Pumps", auditor: "Veritas Trade Assurance", operator: "TradeTrail operations" }[user.org];
      await expect(header).toContainText(orgName);
      await expect(header).toContainText(new RegExp(user.roles[0]!, "i"));
      const nav = page.getByRole("navigation", { name: /main/i });
      if (user.org === "auditor") await expect(nav.getByRole("link", { name: "Audit" })).toBeVisible();
      else await expect(nav.getByRole("link", { name: "Audit" })).toHaveCount(0);
      if (user.org === "applicant") await expect(nav.getByRole("link", { name: "New credit" })).toBeVisible();
      // The platform operator is never a party to a credit: organisations, not credits.
      if (user.org === "operator") {
        await expect(page).toHaveURL(/\/platform$/);
        await expect(nav.getByRole("link", { name: "Credits" })).toHaveCount(0);
      } else await expect(nav.getByRole("link", { name: "Organisations" })).toHaveCount(0);
      await page.getByRole("button", { name: /sign out/i }).click();
      await expect(page).toHaveURL(/\/sign-in/);
      await page.goto("/");
      await expect(page).toHaveURL(/\/sign-in/);
    });
  }

  test("refuses a wrong password with a clear message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill("buyer@lioncity.example");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The email address or password is not correct." })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel("Email address")).toHaveValue("buyer@lioncity.example");
  });
});
