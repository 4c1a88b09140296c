import { expect, test } from "./support/test";
import { USERS, personAs } from "./support/users";

// Issue 15, item 6: an organisation's administrator adds a webhook in Settings, sees its signing
// secret once, and deletes it; a member who is not an administrator is not offered webhooks.

test("an administrator adds a webhook, sees its secret once and deletes it; a maker is not offered webhooks", async ({ browser }) => {
  const admin = await personAs(browser, USERS.issuingChecker); // checker and admin
  const url = `https://erp.bank.example/tradetrail/${Date.now()}`;
  await admin.goto("/settings");
  await admin.getByLabel("Webhook URL").fill("http://erp.bank.example/hook");
  await admin.getByRole("button", { name: "Add webhook" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "webhook URL" })).toContainText("must use https");

  await admin.getByLabel("Webhook URL").fill(url);
  await admin.getByLabel("Webhook description").fill("Trade finance ERP");
  await admin.getByRole("checkbox", { name: "credit.expired" }).check();
  await admin.getByRole("button", { name: "Add webhook" }).click();
  const secret = (await admin.getByRole("status").filter({ hasText: "signing secret" }).locator("code").textContent())!.trim();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  const row = admin.getByRole("list", { name: "Webhooks" }).getByRole("listitem").filter({ hasText: url });
  await expect(row).toContainText("Trade finance ERP");
  await expect(row).toContainText("credit.issued, credit.amended, documents.presented, presentation.discrepant, presentation.paid, credit.expired");
  await expect(row).toContainText("0 delivered");

  // Shown once: not on the page after a reload.
  await admin.reload();
  await expect(admin.getByText(secret)).toHaveCount(0);
  await expect(admin.getByRole("list", { name: "Webhooks" }).getByRole("listitem").filter({ hasText: url })).toBeVisible();

  const maker = await personAs(browser, USERS.issuingMaker);
  await maker.goto("/settings");
  await expect(maker.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await expect(maker.getByRole("heading", { name: "Webhooks" })).toHaveCount(0);

  await row.getByRole("button", { name: "Delete" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Delete webhook" }).click();
  await expect(admin.getByRole("list", { name: "Webhooks" }).getByRole("listitem").filter({ hasText: url })).toHaveCount(0);
  await admin.context().close();
  await maker.context().close();
});
