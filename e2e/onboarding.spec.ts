import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { appliedCredit } from "./support/api";
import { mailTo } from "./support/runtime";
import { expect, test } from "./support/test";
import { USERS, personAs, signIn } from "./support/users";

// Issue 12: the platform administrator onboards a new bank; the bank's first administrator
// accepts the e-mailed invitation (read from the mail catcher), sets a password and invites a
// maker, who accepts too and is e-mailed the first credit waiting for the bank.

const letters = (n: number) => Array.from(randomBytes(n), (b) => String.fromCharCode(65 + (b % 26))).join("");
const PASSWORD = "harbour lantern copper meadow";

async function acceptInvitation(page: Page, email: string, name: string, organization: string) {
  const message = await mailTo(email, /accept-invite\?token=/);
  expect(message.subject).toContain(`invites you to ${organization}`);
  await page.goto(/(http\S+\/accept-invite\?token=[\w-]+)/.exec(message.text)![1]!);
  await expect(page.getByRole("heading", { name: `Join ${organization}` })).toBeVisible();
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("The same password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("status")).toContainText(`Your account ${email} is ready`);
}

test("a platform administrator onboards a bank, whose administrator accepts the e-mailed invitation and invites a maker, who is e-mailed the credit waiting for them", async ({ browser }) => {
  const code = letters(4);
  const bank = `Harbour Bank ${code}`;
  const adminEmail = `admin-${code.toLowerCase()}@harbour.example`;
  const makerEmail = `maker-${code.toLowerCase()}@harbour.example`;

  const platform = await personAs(browser, USERS.platformAdmin);
  await platform.goto("/platform");
  const form = platform.getByRole("form", { name: "Onboard an organisation" });
  await form.getByLabel("Kind of organisation").selectOption("BANK");
  await form.getByLabel("Legal name").fill(bank);
  await form.getByLabel("Country").selectOption("SG");
  // A BIC from another country is refused, naming the field, and what was typed stays.
  await form.getByLabel("BIC").fill(`${code}NL2R`);
  await form.getByLabel("E-mail address of its first administrator").fill(adminEmail);
  await form.getByRole("button", { name: "Onboard and send the invitation" }).click();
  await expect(form.getByRole("alert")).toContainText("This BIC is registered in NL, not SG");
  await expect(form.getByLabel("BIC")).toHaveAccessibleDescription(/This BIC is registered in NL, not SG/);
  await expect(form.getByLabel("Legal name")).toHaveValue(bank);
  await form.getByLabel("BIC").fill(`${code}SGSG`);
  await form.getByRole("button", { name: "Onboard and send the invitation" }).click();
  await expect(form.getByRole("status")).toContainText(`${bank} is onboarded`);
  const row = platform.getByRole("table", { name: "Organisations on TradeTrail" }).getByRole("row").filter({ hasText: bank });
  await expect(row).toContainText(`${code}SGSGXXX`);
  await expect(row).toContainText(`Invited ${adminEmail}`);

  // The bank's first administrator, in a browser of their own.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await acceptInvitation(admin, adminEmail, "Hana Admin", bank);
  await signIn(admin, adminEmail, PASSWORD);
  await expect(admin.getByRole("banner")).toContainText(bank);
  await admin.goto("/settings");
  await expect(admin.getByRole("list", { name: "Administrative log" })).toContainText(`onboarded · ${bank}`);
  const invite = admin.getByRole("form", { name: "Invite a member" });
  await invite.getByLabel("E-mail address of the person to invite").fill(makerEmail);
  await invite.getByRole("checkbox", { name: "Viewer" }).uncheck();
  await invite.getByRole("checkbox", { name: "Maker" }).check();
  await invite.getByRole("button", { name: "Send the invitation" }).click();
  await expect(invite.getByRole("status")).toContainText(`Invitation e-mailed to ${makerEmail}`);

  const makerContext = await browser.newContext();
  const maker = await makerContext.newPage();
  await acceptInvitation(maker, makerEmail, "Omar Maker", bank);

  // A trader applies to the new bank: its maker hears of the step waiting for them, with the link.
  const creditId = await appliedCredit(bank);
  const waiting = await mailTo(makerEmail, new RegExp(`/credits/${creditId}`));
  expect(waiting.text).toContain("Open it: http");
  await signIn(maker, makerEmail, PASSWORD);
  await maker.goto(/(http\S+\/credits\/[\w-]+)/.exec(waiting.text)![1]!);
  await expect(maker.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(maker.getByRole("main")).toContainText(bank);

  await platform.reload();
  await expect(row).toContainText("1 administrator");
  await Promise.all([adminContext.close(), makerContext.close(), platform.context().close()]);
});
