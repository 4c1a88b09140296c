import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { eucpExaminationDeadline } from "../lib/calendar/eucp-clock";
import { examinationDeadline } from "../lib/calendar/banking-days";
import { formatIsoDate } from "../lib/terms/fields";
import { sampleTerms } from "../lib/terms/sample";
import { DOCUMENT_DATA_FIELDS } from "../lib/documents/data";
import { advisedCredit, api } from "./support/api";
import { act, expectAllAnchored, openCredit } from "./support/credit-page";
import { sql, superuserSql } from "./support/runtime";
import { USERS, personAs } from "./support/users";

// Issue 15, item 5 (docs/EUCP.md): a credit subject to eUCP v2.1 names the place for presentation
// of electronic records and the formats it accepts. The beneficiary presents its records one by
// one; the presentation is incomplete and not examined until it gives notice of completeness
// (art. e6(c)), and the examining bank's five banking days count from the banking day after the
// notice (art. e7(a)(i)), not from the first record. The record here arrived a week before the
// notice (its receipt is moved back in the database, as if it had been sent then).

const PLACE = "https://trade.merlion.example/eucp";
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Uploads a commercial invoice through the form, as presentation.spec.ts does. */
async function uploadRecord(page: Page, file: { name: string; mimeType: string; body: Buffer }) {
  const terms = sampleTerms();
  const values: Record<string, string> = {
    number: `INV-${randomBytes(3).toString("hex")}`,
    date: isoDay(new Date(Date.now() - 9 * 86_400_000)),
    issuer: terms.beneficiary.name,
    addressee: terms.applicant.name,
    currency: terms.currency,
    amount: terms.amount,
    goodsDescription: terms.goodsDescription,
  };
  const form = page.getByRole("form", { name: "Upload a document" });
  await form.getByLabel("Document type").selectOption("COMMERCIAL_INVOICE");
  for (const meta of DOCUMENT_DATA_FIELDS.COMMERCIAL_INVOICE) {
    const value = values[meta.key];
    if (value === undefined) continue;
    const field = form.getByLabel(new RegExp(`^${meta.label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\*?$`));
    if (meta.type === "select") await field.selectOption(value);
    else await field.fill(value);
  }
  await form.locator('input[type="file"]').setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: file.body });
  await form.getByRole("button", { name: "Upload document" }).click();
}

test("the beneficiary presents electronically under eUCP, and the deadline is counted from the notice of completeness", async ({ browser }) => {
  test.setTimeout(300_000);
  const creditId = await advisedCredit({ applicableRules: "EUCP_LATEST_VERSION", eucpPresentationPlace: PLACE, eucpRecordFormats: "PDF, XML" });
  const seller = await personAs(browser, USERS.seller);
  const examiner = await personAs(browser, USERS.issuingMaker);

  // The credit shows where and how electronic records are presented (arts. e5, e6(a)(i)).
  await openCredit(seller, creditId);
  await act(seller, "Start a presentation");
  await expect(seller).toHaveURL(/\/presentations\/[0-9a-f-]{36}$/);
  const presentationId = seller.url().split("/presentations/")[1]!;
  await expect(seller.getByText(PLACE)).toBeVisible();
  await expect(seller.getByTestId("eucp-clock")).toContainText("incomplete and not examined");

  // A record in a format the credit does not name is refused (art. e5); a PDF is received.
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
  await uploadRecord(seller, { name: "invoice.png", mimeType: "image/png", body: png });
  await expect(seller.getByRole("form", { name: "Upload a document" }).getByRole("alert").first()).toContainText("The credit accepts electronic records as PDF, XML (eUCP art. e5)");
  const pdf = Buffer.from(`%PDF-1.4\n% eUCP invoice ${randomBytes(8).toString("hex")}\n%%EOF\n`);
  await uploadRecord(seller, { name: "invoice.pdf", mimeType: "application/pdf", body: pdf });
  await expect(seller.getByRole("form", { name: "Upload a document" }).getByRole("status")).toContainText("Uploaded invoice.pdf");

  // Under eUCP there is no "Present documents": the presentation is made by the notice of completeness.
  await seller.reload();
  await expect(seller.getByRole("button", { name: "Give notice of completeness" })).toBeVisible();
  await expect(seller.getByRole("button", { name: "Present documents", exact: true })).toHaveCount(0);

  // The record reached the bank a week ago (documents are append-only: only the superuser can move
  // its receipt back); until the notice, nothing is examined and no clock runs.
  await superuserSql(`BEGIN; SET LOCAL session_replication_role = replica;
    UPDATE documents SET created_at = created_at - interval '7 days' WHERE presentation_id = '${presentationId}'; COMMIT;`);
  const before = await api<{ presentations: { id: string; examinationDeadline: string | null }[] }>(USERS.issuingMaker, "GET", `/credits/${creditId}`);
  expect(before.presentations.find((p) => p.id === presentationId)?.examinationDeadline ?? null).toBeNull();

  await act(seller, "Give notice of completeness");

  // The examining (issuing) bank's five banking days count from the banking day after the notice.
  const [row] = await sql<{ presented_on: string; deadline: string; first_record: string; bank: string }>(
    `SELECT to_char(p.presented_on, 'YYYY-MM-DD') AS presented_on, to_char(p.examination_deadline, 'YYYY-MM-DD') AS deadline,
            to_char(min(d.created_at) AT TIME ZONE 'Asia/Singapore', 'YYYY-MM-DD') AS first_record, p.examining_bank_id AS bank
       FROM presentations p JOIN documents d ON d.presentation_id = p.id WHERE p.id = $1 GROUP BY p.id`,
    [presentationId],
  );
  const holidays = (await sql<{ day: string }>("SELECT to_char(date, 'YYYY-MM-DD') AS day FROM bank_holidays WHERE bank_id = $1", [row!.bank])).map((h) => h.day);
  const expected = eucpExaminationDeadline({ noticeOn: row!.presented_on, holidays });
  expect(row!.deadline).toBe(expected);
  expect(row!.presented_on >= isoDay(new Date(Date.now() - 86_400_000))).toBe(true); // the notice's day, not the record's
  expect(expected).not.toBe(examinationDeadline(row!.first_record, holidays)); // what counting from the first record would give

  // Every party reads what the clock counts from.
  await seller.reload();
  await expect(seller.getByTestId("eucp-clock")).toContainText(`Notice of completeness received on ${formatIsoDate(row!.presented_on)}`);
  await expect(seller.getByTestId("eucp-clock")).toContainText(`the last day of examination is ${formatIsoDate(expected)}`);
  await examiner.goto(`/credits/${creditId}/presentations/${presentationId}`);
  await expect(examiner.getByText("counted from the notice of completeness: eUCP art. e7(a)(i)")).toBeVisible();
  await expect(examiner.getByText(new RegExp(`decide by ${formatIsoDate(expected)}`))).toBeVisible();

  // The notice is a milestone, anchored with the record's hash.
  await expectAllAnchored(seller, creditId, ["TERMS_AGREED", "CREDIT_ISSUED", "CREDIT_ADVISED", "NOTICE_OF_COMPLETENESS"]);
  const [milestone] = await sql<{ content: { eucp: { noticeOfCompletenessOn: string; placeForPresentation: string } }; document_hashes: string[] }>(
    "SELECT content, document_hashes FROM milestones WHERE credit_id = $1 AND kind = 'NOTICE_OF_COMPLETENESS'",
    [creditId],
  );
  expect(milestone!.content.eucp).toMatchObject({ noticeOfCompletenessOn: row!.presented_on, placeForPresentation: PLACE });
  const [document] = await sql<{ sha256: string }>("SELECT sha256 FROM documents WHERE presentation_id = $1", [presentationId]);
  expect(milestone!.document_hashes).toEqual([document!.sha256]);
});
