import { expect, test } from "./support/test";
import { advisedCredit, apiAction, uploadInvoice } from "./support/api";
import { act } from "./support/credit-page";
import { USERS, personAs } from "./support/users";

// Issue 13: the examiner corrects a value captured wrongly from a presented document (an invoice
// amount typed with an extra zero); once a checker approves, the examination runs again and the
// finding the typo caused is closed, with the correction and its reason on the page.

test("the examiner corrects a captured value, the checker approves, the engine re-runs and the finding disappears", async ({ browser }) => {
  const creditId = await advisedCredit();
  const presentationId = (await apiAction(USERS.seller, creditId, "startPresentation")).subjectId!;
  await uploadInvoice(creditId, presentationId, "1000000.00"); // the invoice says 100,000.00
  await apiAction(USERS.seller, creditId, "presentDocuments", { subjectId: presentationId });
  const url = `/credits/${creditId}/presentations/${presentationId}`;

  const maker = await personAs(browser, USERS.issuingMaker);
  await maker.goto(url);
  const findings = maker.getByRole("list", { name: "Findings" });
  const typo = findings.getByRole("listitem").filter({ hasText: "1,000,000.00" });
  await expect(typo).toContainText("Discrepancy");
  await maker.getByText("Correct a value captured from a document, and re-examine").click();
  const form = maker.getByRole("form", { name: "Correct a captured value" });
  await form.getByLabel("Detail").selectOption({ label: "Invoice amount" });
  await expect(form.getByText("Captured: 1000000.00")).toBeVisible();
  await form.getByLabel("The value on the document").fill("100000.00");
  await form.getByLabel("Why the captured value was wrong").fill("Captured with an extra zero");
  await form.getByRole("button", { name: "Correct and re-examine" }).click();
  // Four eyes: the correction now waits for a checker, and shows what it changes.
  await expect(maker.getByText(/Correct captured data: prepared by .+, waiting for a checker/)).toBeVisible();

  const checker = await personAs(browser, USERS.issuingChecker);
  await checker.goto(url);
  await act(checker, "Approve the correction");
  await checker.reload();
  const closed = checker.getByRole("list", { name: "Findings" }).getByRole("listitem").filter({ hasText: "1,000,000.00" });
  await expect(closed).toContainText("Dismissed");
  await expect(closed).toContainText("No longer found when re-examined after the correction of invoice amount on the commercial invoice");
  await expect(checker.getByRole("list", { name: "Corrections" })).toContainText("Invoice amount: 1000000.00 → 100000.00");
  await expect(checker.getByRole("list", { name: "Corrections" })).toContainText("Captured with an extra zero");
  await Promise.all([maker.context().close(), checker.context().close()]);
});
