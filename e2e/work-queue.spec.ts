import { expect, test } from "./support/test";
import { USERS, personAs } from "./support/users";

// The work queue on the demo world: "waiting for you" rows link to the exact item and step,
// and the credit page opens with what the user can do now, item by item.

test("dashboard rows open the exact presentation step, and the credit page says what you can do now", async ({ browser }) => {
  test.setTimeout(180_000);
  // The demo world's complying presentation waits for the issuing bank's payment (credit MTB/LC/26/D07).
  const maker = await personAs(browser, USERS.issuingMaker);
  await maker.goto("/");
  const queue = maker.getByRole("table", { name: "Credits waiting for you" });
  const compliant = queue.getByRole("row").filter({ hasText: "MTB/LC/26/D07" });
  await compliant.getByRole("link", { name: "Presentation 1: Prepare payment" }).click();
  await expect(maker).toHaveURL(/\/credits\/[0-9a-f-]{36}\/presentations\/[0-9a-f-]{36}$/);
  await expect(maker.getByRole("button", { name: "Prepare payment" })).toBeVisible();

  // The discrepant one waits for the applicant's waiver: the row and the banner both lead there.
  const buyer = await personAs(browser, USERS.buyer);
  await buyer.goto("/");
  const row = buyer.getByRole("table", { name: "Credits waiting for you" }).getByRole("row").filter({ hasText: "MTB/LC/26/D08" });
  await expect(row.getByRole("link", { name: "Presentation 1: Waive discrepancies" })).toBeVisible();
  await row.getByRole("link", { name: "MTB/LC/26/D08" }).click();
  const banner = buyer.getByRole("region", { name: "What you can do now" });
  await expect(banner.getByRole("link", { name: "Presentation 1: Waive discrepancies" })).toBeVisible();
  await banner.getByRole("link", { name: "Presentation 1: Waive discrepancies" }).click();
  await expect(buyer).toHaveURL(/\/presentations\/[0-9a-f-]{36}$/);
  await expect(buyer.getByRole("button", { name: "Waive discrepancies" })).toBeVisible();
});
