import { expect, test } from "./support/test";
import { advisedCredit, apiAction, uploadInvoice } from "./support/api";
import { sql } from "./support/runtime";
import { USERS, personAs } from "./support/users";

// Issue 13: the notice of discrepancies is refused once the fifth banking day following
// presentation has passed (UCP 600 art. 16(d)), and the examiner is told why: the preclusion of
// art. 16(f). The deadline is moved back in the database, as if the bank had let it pass.

test("the notice is refused on the sixth banking day, explaining the preclusion of art. 16(f)", async ({ browser }) => {
  const creditId = await advisedCredit();
  const presentationId = (await apiAction(USERS.seller, creditId, "startPresentation")).subjectId!;
  await uploadInvoice(creditId, presentationId, "100000.00"); // no bill of lading: discrepant
  await apiAction(USERS.seller, creditId, "presentDocuments", { subjectId: presentationId });
  // The last banking day before today was the fifth: today is the sixth.
  const [row] = await sql<{ day: string }>(
    `SELECT to_char(d, 'YYYY-MM-DD') AS day FROM generate_series(current_date - 1, current_date - 7, interval '-1 day') d WHERE extract(isodow FROM d) < 6 LIMIT 1`,
  );
  const day = row!.day;
  await sql("UPDATE presentations SET examination_deadline = $1 WHERE id = $2", [day, presentationId]);

  const maker = await personAs(browser, USERS.issuingMaker);
  await maker.goto(`/credits/${creditId}/presentations/${presentationId}`);
  const dialog = maker.getByRole("dialog");
  // A click before the page has hydrated opens nothing: click again until the dialog opens.
  await expect(async () => {
    if (!(await dialog.isVisible())) await maker.getByRole("button", { name: "Send discrepancy notice", exact: true }).first().click();
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await dialog.getByLabel(/holding the documents pending your further instructions/).check();
  await dialog.getByRole("button", { name: "Send discrepancy notice", exact: true }).click();
  await expect(dialog.getByRole("alert")).toContainText(`the fifth banking day following presentation was ${day}`);
  await expect(dialog.getByRole("alert")).toContainText("precluded from claiming that the documents do not comply (art. 16(f))");
  expect(await sql("SELECT id FROM approvals WHERE subject_id = $1", [presentationId])).toHaveLength(0);
  expect(await sql("SELECT status FROM presentations WHERE id = $1", [presentationId])).toEqual([{ status: "PRESENTED" }]);
  await maker.context().close();
});
