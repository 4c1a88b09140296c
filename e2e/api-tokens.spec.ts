import { expect, test } from "./support/test";
import { USERS, personAs } from "./support/users";

// Issue 12, L7 and the refused revocation: tokens have scopes and an expiry, only an administrator
// makes one that acts, and a refused revocation says why instead of showing an error page.

test("an admin's acting token acts, a maker's read token only reads, and a maker cannot revoke the admin's token", async ({ browser }) => {
  const admin = await personAs(browser, USERS.issuingChecker); // checker and admin
  await admin.goto("/settings");
  await admin.getByLabel("Token name").fill("Back office e2e");
  await admin.getByLabel("Valid for").selectOption("30");
  await admin.getByRole("checkbox", { name: /^Act/ }).check();
  await admin.getByRole("button", { name: "Create token" }).click();
  const adminToken = (await admin.getByRole("status").filter({ hasText: "Back office e2e" }).locator("code").textContent())!.trim();
  await expect(admin.getByRole("list", { name: "Active API tokens" }).getByRole("listitem").filter({ hasText: "Back office e2e" })).toContainText("read, act");

  const maker = await personAs(browser, USERS.issuingMaker);
  await maker.goto("/settings");
  await expect(maker.getByRole("checkbox", { name: /^Act/ })).toBeDisabled();
  await maker.getByLabel("Token name").fill("Maker reads e2e");
  await maker.getByRole("button", { name: "Create token" }).click();
  const makerToken = (await maker.getByRole("status").filter({ hasText: "Maker reads e2e" }).locator("code").textContent())!.trim();

  const api = maker.context().request;
  const asToken = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });
  expect((await api.get("/api/v1/credits", { headers: asToken(makerToken) })).status()).toBe(200);
  const refused = await api.post("/api/v1/credits", { headers: asToken(makerToken), data: {} });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("may not take steps or change anything");
  // The admin's acting token gets past the scope check (and then meets the terms' validation).
  const acting = await api.post("/api/v1/credits", { headers: asToken(adminToken), data: {} });
  expect(acting.status()).not.toBe(403);

  // The maker sees the admin's token but may not revoke it: the dialog says so, the token stays.
  await maker.reload();
  const row = maker.getByRole("list", { name: "Active API tokens" }).getByRole("listitem").filter({ hasText: "Back office e2e" });
  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = maker.getByRole("dialog");
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Only its owner or an administrator can revoke a token.");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await maker.reload();
  await expect(maker.getByRole("list", { name: "Active API tokens" }).getByRole("listitem").filter({ hasText: "Back office e2e" })).toBeVisible();

  // The admin revokes it; it stops working at once.
  await admin.reload();
  await admin.getByRole("list", { name: "Active API tokens" }).getByRole("listitem").filter({ hasText: "Back office e2e" }).getByRole("button", { name: "Revoke" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(admin.getByRole("list", { name: "Active API tokens" }).getByRole("listitem").filter({ hasText: "Back office e2e" })).toHaveCount(0);
  expect((await api.get("/api/v1/credits", { headers: asToken(adminToken) })).status()).toBe(401);
  await admin.context().close();
  await maker.context().close();
});
