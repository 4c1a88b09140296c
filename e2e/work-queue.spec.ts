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

test("the dashboard shows each queue's first rows, and the whole queue on request", async ({ browser }) => {
  const maker = await personAs(browser, USERS.issuingMaker);
  await maker.goto("/");
  const queue = maker.getByRole("table", { name: "Credits waiting for you" });
  const heading = maker.getByRole("heading", { name: /^Waiting for you/ });
  const total = Number(/\((\d+)\)/.exec((await heading.textContent()) ?? "")?.[1]);
  expect(total).toBeGreaterThan(0);
  // A header row and at most ten credits.
  await expect(queue.getByRole("row")).toHaveCount(Math.min(total, 10) + 1);
  // The whole queue: every credit waiting for the maker, the complying presentation among them.
  await maker.goto("/?show=mine");
  await expect(queue.getByRole("row")).toHaveCount(total + 1);
  await expect(queue.getByRole("row").filter({ hasText: "MTB/LC/26/D07" }).getByRole("link", { name: "Presentation 1: Prepare payment" })).toBeVisible();
});
