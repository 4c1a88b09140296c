import { expect, test } from "@playwright/test";
import { sampleTerms } from "../lib/terms/sample";
import { advisedCredit, apiAction } from "./support/api";
import { expectAllAnchored } from "./support/credit-page";
import { superuserSql } from "./support/runtime";
import { USERS, personAs } from "./support/users";

// The tamper drill of docs/AUDITING.md: the auditor verifies an anchored credit, someone with
// database access alters one milestone and deletes another, and "verify now" shows exactly those.

const KINDS = ["TERMS_AGREED", "CREDIT_ISSUED", "CREDIT_ADVISED", "AMENDMENT_ISSUED", "AMENDMENT_ADVISED", "AMENDMENT_ACCEPTED"];

async function amendedCredit(): Promise<string> {
  const creditId = await advisedCredit();
  const requested = await apiAction(USERS.buyer, creditId, "requestAmendment", {
    input: { terms: { ...sampleTerms(), goodsDescription: "4 industrial centrifugal pumps, model DP-400, with spare parts" }, note: "Spare parts added" },
  });
  const subjectId = requested.subjectId!;
  await apiAction(USERS.issuingMaker, creditId, "prepareAmendment", { subjectId, input: {} });
  await apiAction(USERS.issuingChecker, creditId, "approveAmendment", { subjectId });
  await apiAction(USERS.advisingMaker, creditId, "adviseAmendment", { subjectId });
  await apiAction(USERS.seller, creditId, "acceptAmendment", { subjectId });
  return creditId;
}

test("the auditor sees all verified, then exactly the altered and the missing milestone", async ({ browser }) => {
  test.setTimeout(120_000);
  const creditId = await amendedCredit();
  const checker = await personAs(browser, USERS.issuingChecker);
  await expectAllAnchored(checker, creditId, KINDS);

  // Without a grant the auditor cannot open the credit.
  const auditor = await personAs(browser, USERS.auditor);
  await auditor.goto(`/credits/${creditId}/audit`);
  await expect(auditor.getByRole("heading", { name: /not found/i })).toBeVisible();

  // The issuing bank grants access to this one credit.
  await checker.goto("/settings");
  await checker.getByLabel("Audit firm").selectOption({ label: "Veritas Trade Assurance LLP" });
  await checker.getByLabel("Scope").selectOption(creditId);
  await checker.getByRole("button", { name: "Grant access" }).click();
  await expect(checker.getByRole("status").filter({ hasText: /granted/i })).toBeVisible();

  await auditor.goto(`/credits/${creditId}/audit`);
  await auditor.getByRole("button", { name: "Verify now" }).click();
  const summary = auditor.getByTestId("verification-summary");
  await expect(summary).toContainText(`Checked ${KINDS.length} milestones`);
  await expect(summary).toContainText(`${KINDS.length} verified`);

  // Tamper as the superuser: change milestone 2's content, delete milestone 4 (bypassing the
  // append-only trigger, which the app's own role cannot).
  await superuserSql(`
    BEGIN;
    SET LOCAL session_replication_role = replica;
    UPDATE milestones SET content = jsonb_set(content, '{tampered}', 'true') WHERE credit_id = '${creditId}' AND seq = 2;
    DELETE FROM milestones WHERE credit_id = '${creditId}' AND seq = 4;
    COMMIT;`);

  await auditor.reload();
  await auditor.getByRole("button", { name: "Verify now" }).click();
  await expect(summary).toContainText(`Checked ${KINDS.length - 1} milestones`);
  const rows = auditor.getByRole("table", { name: "Milestone chain" }).locator("tbody tr");
  const statuses = await rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute("data-seq")}:${tr.getAttribute("data-status")}`));
  expect(statuses).toEqual(["1:verified", "2:altered", "3:verified", "5:missing", "6:verified"]);
  await expect(summary).toContainText("3 verified");
  await expect(summary).toContainText("1 altered");
  await expect(summary).toContainText("1 missing");
});
