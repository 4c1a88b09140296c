import { expect, test } from "./support/test";
import { advisedCredit, apiAction, uploadInvoice } from "./support/api";
import { sql } from "./support/runtime";
import { USERS, personAs } from "./support/users";

// Four eyes on payment, as the checker sees it (issue 11, bug 3 and the payment limit): the
// presentation claims less than the credit allows; the maker's payment above the claimed amount
// is refused with a visible message; the checker's panel and confirm dialog show the amount,
// the maker, when it was prepared and the amount the presentation claims.

const CLAIMED = "100000.00";

test("a checker's payment dialog shows amount, maker and claimed amount; a payment above the claimed amount is refused", async ({ browser }) => {
  test.setTimeout(480_000);
  // Through the API: a presentation claiming USD 100,000 under a USD 125,000 credit, found
  // discrepant (the bill of lading is missing), notice and waiver each decided by maker and checker.
  const creditId = await advisedCredit();
  const presentationId = (await apiAction(USERS.seller, creditId, "startPresentation")).subjectId!;
  await uploadInvoice(creditId, presentationId, CLAIMED);
  await apiAction(USERS.seller, creditId, "presentDocuments", { subjectId: presentationId });
  await apiAction(USERS.issuingMaker, creditId, "notifyDiscrepancies", { subjectId: presentationId, input: { disposal: "HOLDING_UNTIL_WAIVER" } });
  await apiAction(USERS.issuingChecker, creditId, "approveNotice", { subjectId: presentationId });
  const discrepancies = await sql<{ id: string }>("SELECT id FROM findings WHERE presentation_id = $1 AND NOT dismissed", [presentationId]);
  await apiAction(USERS.buyer, creditId, "waiveDiscrepancies", { subjectId: presentationId, input: { findingIds: discrepancies.map((d) => d.id) } });
  await apiAction(USERS.issuingMaker, creditId, "acceptWaiver", { subjectId: presentationId });
  await apiAction(USERS.issuingChecker, creditId, "approveWaiverAcceptance", { subjectId: presentationId });
  const [maker] = await sql<{ name: string }>("SELECT name FROM users WHERE email = $1", [USERS.issuingMaker]);

  // The maker asks for more than the presentation claims: refused, in the dialog, nothing recorded.
  const makerPage = await personAs(browser, USERS.issuingMaker);
  await makerPage.goto(`/credits/${creditId}/presentations/${presentationId}`);
  await makerPage.getByRole("region", { name: "What you can do now" }).getByRole("button", { name: "Prepare payment", exact: true }).click();
  let dialog = makerPage.getByRole("dialog");
  await expect(dialog).toContainText("The presentation claims USD 100,000.00");
  await dialog.getByLabel(/^Amount/).fill("100000.01");
  await dialog.getByRole("button", { name: "Prepare payment", exact: true }).click();
  await expect(dialog.getByText(/claims USD 100,000\.00: a payment cannot exceed the amount claimed/)).toBeVisible();
  await expect(dialog).toBeVisible();
  expect(await sql("SELECT id FROM approvals WHERE credit_id = $1 AND kind = 'PAYMENT'", [creditId])).toHaveLength(0);

  // The claimed amount itself is prepared for a checker.
  await dialog.getByLabel(/^Amount/).fill(CLAIMED);
  await dialog.getByRole("button", { name: "Prepare payment", exact: true }).click();
  await expect(dialog).toBeHidden();

  // The checker sees what is approved, in the waiting panel and in the confirm dialog.
  const checkerPage = await personAs(browser, USERS.issuingChecker);
  await checkerPage.goto(`/credits/${creditId}/presentations/${presentationId}`);
  const panel = checkerPage.getByRole("region", { name: /^Payment: prepared by .*, waiting for a checker$/ });
  await expect(panel.getByTestId("approval-maker")).toHaveText(maker!.name);
  await expect(panel.getByTestId("approval-amount")).toHaveText("USD 100,000.00");
  await expect(panel.getByTestId("approval-claimed")).toHaveText("USD 100,000.00");
  await checkerPage.getByRole("region", { name: "What you can do now" }).getByRole("button", { name: "Approve payment", exact: true }).click();
  dialog = checkerPage.getByRole("dialog");
  const summary = dialog.getByTestId("approval-summary");
  await expect(summary.getByTestId("approval-maker")).toHaveText(maker!.name);
  await expect(summary.getByTestId("approval-amount")).toHaveText("USD 100,000.00");
  await expect(summary.getByTestId("approval-claimed")).toHaveText("USD 100,000.00");
  await expect(summary).toContainText("Prepared on");
  await expect(summary.getByRole("table", { name: "What changes when approved" })).toContainText("USD 100,000.00");
  await dialog.getByRole("button", { name: "Approve payment", exact: true }).click();
  await expect(dialog).toBeHidden();
  const [payment] = await sql<{ amount: string }>("SELECT amount::text FROM payments WHERE credit_id = $1", [creditId]);
  expect(Number(payment!.amount)).toBe(100000);
});
