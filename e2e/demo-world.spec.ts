import { expect, test } from "./support/test";
import { DEMO_SCENARIOS, demoStepKey } from "../lib/seed/demo-world";
import { sql } from "./support/runtime";
import { USERS, personAs } from "./support/users";

// A fresh `npm start` with SEED_DEMO (scripts/e2e.ts starts exactly that) shows a credit in every
// state, and "Verify now" on each reports every milestone verified against the chain.

/** The demo credits by scenario: the stored result of each scenario's first step (the buyer's draft). */
async function demoCredits(): Promise<{ key: string; title: string; creditId: string; milestones: number }[]> {
  const rows = await sql<{ key: string; credit_id: string; milestones: string }>(
    `SELECT k.key, k.response->>'creditId' AS credit_id, (SELECT count(*) FROM milestones m WHERE m.credit_id = (k.response->>'creditId')::uuid) AS milestones
       FROM idempotency_keys k JOIN users u ON u.id = k.user_id WHERE u.email = $1 AND k.action = 'createCredit' AND k.key LIKE 'demo-%'`,
    [USERS.buyer],
  );
  return DEMO_SCENARIOS.map((s) => {
    const row = rows.find((r) => r.key === demoStepKey(s.key, 1));
    if (!row) throw new Error(`The demo world has no ${s.key} credit`);
    return { key: s.key, title: s.title, creditId: row.credit_id, milestones: Number(row.milestones) };
  });
}

test("the buyer finds the demo credits in every state, and every trail verifies on chain", async ({ browser }) => {
  test.setTimeout(600_000); // thirteen live verifications against the chain
  const credits = await demoCredits();
  expect(credits).toHaveLength(DEMO_SCENARIOS.length);
  const buyer = await personAs(browser, USERS.buyer);

  // The credit list shows them all, with every state a newcomer should be able to open.
  await buyer.goto("/credits");
  for (const status of ["Draft", "Issued", "Advised", "Settled", "Expired", "Cancelled"]) {
    await expect(buyer.getByRole("main").getByRole("table").getByText(status, { exact: true }).first()).toBeVisible();
  }

  // Three tabs verify side by side: each verification mostly waits on the chain.
  const tabs = [buyer, await buyer.context().newPage(), await buyer.context().newPage()];
  await Promise.all(
    tabs.map(async (tab, t) => {
      for (const credit of credits.filter((_, i) => i % tabs.length === t)) {
        await tab.goto(`/credits/${credit.creditId}/audit`);
        await expect(tab.getByRole("heading", { level: 1 })).toBeVisible();
        if (credit.milestones === 0) continue; // still being negotiated: nothing anchored yet
        // The worker anchors the world within seconds of the start; then every milestone verifies.
        await expect(async () => {
          await tab.reload();
          await tab.getByRole("button", { name: "Verify now" }).click();
          await expect(tab.getByTestId("verification-summary")).toBeVisible();
          const rows = tab.getByRole("table", { name: "Milestone chain" }).locator("tbody tr");
          const statuses = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-status")));
          expect(statuses, credit.key).toEqual(Array(credit.milestones).fill("verified"));
        }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });
        await expect(tab.getByTestId("verification-summary")).toContainText(`${credit.milestones} verified`);
      }
    }),
  );
});
