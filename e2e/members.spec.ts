import { randomUUID } from "node:crypto";
import { advisedCredit } from "./support/api";
import { mailTo } from "./support/runtime";
import { expect, test } from "./support/test";
import { USERS, personAs, signIn } from "./support/users";

// Issue 12: a bank's administrator invites a maker by e-mail; the invitation, read from the
// development mail catcher, creates the account; the new maker signs in with the roles given,
// and the invitation is in the bank's administrative log.

test("an administrator invites a maker, who accepts the e-mailed invitation, sets a password, signs in, and is e-mailed the step waiting for the bank", async ({ browser, page }) => {
  const email = `new-maker-${randomUUID().slice(0, 8)}@merlion.example`;
  const admin = await personAs(browser, USERS.issuingChecker); // checker and administrator
  await admin.goto("/settings");
  const invite = admin.getByRole("form", { name: "Invite a member" });
  await invite.getByLabel("E-mail address of the person to invite").fill(email);
  await invite.getByRole("checkbox", { name: "Viewer" }).uncheck();
  await invite.getByRole("checkbox", { name: "Maker" }).check();
  await invite.getByRole("button", { name: "Send the invitation" }).click();
  await expect(invite.getByRole("status")).toContainText(`Invitation e-mailed to ${email}`);
  await expect(admin.getByRole("list", { name: "Pending invitations" })).toContainText(email);

  const message = await mailTo(email, /accept-invite\?token=/);
  expect(message.subject).toContain("invites you to Merlion Trade Bank");
  const link = /(http\S+\/accept-invite\?token=[\w-]+)/.exec(message.text)![1]!;
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Join Merlion Trade Bank" })).toBeVisible();
  await page.getByLabel("Your name").fill("Nadia Maker");
  await page.getByLabel("Password", { exact: true }).fill("copper lantern orbit meadow");
  await page.getByLabel("The same password again").fill("copper lantern orbit meadow");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("status")).toContainText(`Your account ${email} is ready`);

  await signIn(page, email, "copper lantern orbit meadow");
  await expect(page.getByRole("banner")).toContainText("Nadia Maker");
  await expect(page.getByRole("banner")).toContainText(/maker/i);

  // A credit now waits for the bank's officers: the new maker hears of it by e-mail, with a link.
  const creditId = await advisedCredit();
  const waiting = await mailTo(email, new RegExp(`/credits/${creditId}`));
  expect(waiting.text).toContain("Open it: http");

  await admin.reload();
  await expect(admin.getByRole("list", { name: "Administrative log" })).toContainText(`invited · ${email}`);
  await expect(admin.getByRole("list", { name: "Members of your organisation" })).toContainText(email);
  await admin.context().close();
});
