import { createHash, randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { DOCUMENT_DATA_FIELDS } from "../lib/documents/data";
import { DOCUMENT_KIND_LABELS, type DocumentKind } from "../lib/terms/schema";
import { sampleTerms } from "../lib/terms/sample";
import { advisedCredit } from "./support/api";
import { act, expectAllAnchored, openCredit } from "./support/credit-page";
import { sql } from "./support/runtime";
import { USERS, personAs } from "./support/users";

// The second half of the lifecycle: the beneficiary uploads an invoice and a bill of lading that
// do not comply and presents them; the examiner sees the automatic findings and sends the notice
// (approved by a checker); the applicant waives and the bank accepts the waiver (maker and
// checker); maker and checker record payment. Every party's timeline shows each step
// anchored, and the auditor matches each downloaded document's hash to the chain on /verify.

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A small but real PDF, unique per run so its hash has never been anchored before. */
function pdf(title: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${title} ${randomBytes(8).toString("hex")}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

async function upload(page: Page, kind: DocumentKind, copies: { originals: string; copies: string }, values: Record<string, string | boolean>, file: { name: string; body: Buffer }) {
  const form = page.getByRole("form", { name: "Upload a document" });
  await form.getByLabel("Document type").selectOption(kind);
  await form.getByLabel("Originals", { exact: true }).fill(copies.originals);
  await form.getByLabel("Copies", { exact: true }).fill(copies.copies);
  for (const meta of DOCUMENT_DATA_FIELDS[kind]) {
    const value = values[meta.key];
    if (value === undefined) continue;
    // The label's text ends with the required marker ("*", hidden from screen readers).
    const field = form.getByLabel(new RegExp(`^${meta.label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\*?$`));
    if (meta.type === "boolean") await field.setChecked(Boolean(value));
    else if (meta.type === "select") await field.selectOption(String(value));
    else await field.fill(String(value));
  }
  await form.locator('input[type="file"]').setInputFiles({ name: file.name, mimeType: "application/pdf", buffer: file.body });
  await form.getByRole("button", { name: "Upload document" }).click();
  await expect(form.getByRole("status")).toContainText(`Uploaded ${file.name}`);
}

async function dropOnVerify(page: Page, file: { name: string; body: Buffer }) {
  await page.goto("/verify");
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: "application/pdf" }));
      return transfer;
    },
    { base64: file.body.toString("base64"), name: file.name },
  );
  await page.getByTestId("document-drop-zone").dispatchEvent("drop", { dataTransfer });
  return page.getByTestId("document-result");
}

test("a discrepant presentation: notice, waiver, payment by maker and checker, anchored and matched by the auditor", async ({ browser }) => {
  test.setTimeout(720_000); // four more steps since four eyes (notice and waiver acceptance, each by maker and checker)
  const terms = sampleTerms();
  const creditId = await advisedCredit();
  const seller = await personAs(browser, USERS.seller);
  const buyer = await personAs(browser, USERS.buyer);
  const maker = await personAs(browser, USERS.issuingMaker);
  const checker = await personAs(browser, USERS.issuingChecker);
  const adviser = await personAs(browser, USERS.advisingMaker);

  // The beneficiary starts a presentation and uploads two documents, each with one discrepancy.
  await openCredit(seller, creditId);
  await act(seller, "Start a presentation");
  // Starting a presentation opens its builder.
  await expect(seller).toHaveURL(/\/presentations\/[0-9a-f-]{36}$/);
  const presentation = { id: seller.url().split("/presentations/")[1]! };
  const invoice = { name: "invoice-INV-7781.pdf", body: pdf("invoice") };
  const billOfLading = { name: "bill-of-lading.pdf", body: pdf("bill of lading") };
  await upload(seller, "COMMERCIAL_INVOICE", { originals: "3", copies: "2" }, {
    number: "INV-7781",
    date: isoDay(-3),
    issuer: terms.beneficiary.name,
    addressee: "Lion City Trading Ltd", // not the applicant: art. 18(a)(ii)
    currency: terms.currency,
    amount: terms.amount,
    goodsDescription: terms.goodsDescription,
  }, invoice);
  await upload(seller, "BILL_OF_LADING", { originals: "3", copies: "3" }, {
    number: "MAEU-2231907",
    carrier: "Maersk Line",
    portOfLoading: terms.portOfLoading,
    portOfDischarge: "Port Klang, Malaysia", // not the credit's port: art. 20(a)(iii)
    onBoardDate: isoDay(-2),
    originalsIssued: "3",
    shippedOnBoard: true,
  }, billOfLading);
  await expect(seller.getByRole("table", { name: "Documents" }).getByRole("row")).toHaveCount(3);
  // Before presenting, the pre-check shows the planted port discrepancy with its article.
  await seller.reload();
  const preCheck = seller.getByRole("list", { name: "Pre-check discrepancies" });
  await expect(preCheck).toContainText("Port Klang");
  await expect(preCheck).toContainText("Art. 20(a)(iii)");
  await act(seller, "Present documents");

  // The examiner sees the automatic findings next to the documents and the terms, and sends the notice.
  await maker.goto(`/credits/${creditId}/presentations/${presentation!.id}`);
  const findings = maker.getByRole("list", { name: "Findings" });
  await expect(findings).toContainText("Lion City Trading Ltd");
  await expect(findings).toContainText("Port Klang");
  await expect(maker.getByText(/\d+ banking days? left: decide by \d{1,2} [A-Z][a-z]{2} \d{4}/)).toBeVisible();
  // The notice states what the bank does with the documents (art. 16(c)(iii)).
  await act(maker, "Send discrepancy notice", {}, { check: [/holding the documents until we receive a waiver/] });
  // Four eyes: the notice goes once a checker approves it.
  await checker.goto(`/credits/${creditId}/presentations/${presentation!.id}`);
  await act(checker, "Approve and send notice");
  await expect(checker.getByText(/The notice says what the bank does with the documents \(art. 16\(c\)\(iii\)\): \(b\) We are holding/)).toBeVisible();

  // The applicant sees the notice and waives.
  await buyer.goto(`/credits/${creditId}/presentations/${presentation!.id}`);
  await expect(buyer.getByRole("alert").filter({ hasText: "The bank found discrepancies" })).toBeVisible();
  // An itemised waiver: each discrepancy of the notice is ticked by name; leaving one out is refused.
  const waiver = buyer.getByRole("dialog");
  await expect(async () => {
    if (!(await waiver.isVisible())) await buyer.getByRole("button", { name: "Waive discrepancies", exact: true }).first().click();
    await expect(waiver).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  const items = waiver.getByRole("checkbox");
  expect(await items.count()).toBeGreaterThanOrEqual(2);
  await waiver.getByRole("checkbox", { name: /Port Klang/ }).check();
  await waiver.getByRole("button", { name: "Waive discrepancies", exact: true }).click();
  await expect(waiver.getByRole("alert")).toContainText("Waive each discrepancy of the notice, or none");
  for (const item of await items.all()) await item.check();
  await waiver.getByRole("button", { name: "Waive discrepancies", exact: true }).click();
  await expect(waiver).toBeHidden();

  // The issuing bank decides whether to accept the waiver (art. 16(b)), under four eyes too.
  await maker.goto(`/credits/${creditId}/presentations/${presentation!.id}`);
  await act(maker, "Accept the waiver");
  await checker.goto(`/credits/${creditId}/presentations/${presentation!.id}`);
  await act(checker, "Approve accepting the waiver");

  // Four eyes on the payment: the maker prepares, the checker approves.
  await maker.goto(`/credits/${creditId}/presentations/${presentation!.id}`);
  await act(maker, "Prepare payment");
  await maker.reload();
  await expect(maker.getByRole("button", { name: "Approve payment" })).toHaveCount(0);
  await checker.goto(`/credits/${creditId}/presentations/${presentation!.id}`);
  await act(checker, "Approve payment");

  const kinds = [
    "TERMS_AGREED",
    "CREDIT_ISSUED",
    "CREDIT_ADVISED",
    "DOCUMENTS_PRESENTED",
    "DISCREPANCIES_NOTIFIED",
    "DISCREPANCIES_WAIVED",
    "PAYMENT_RECORDED",
    "CREDIT_SETTLED",
  ];
  for (const party of [seller, buyer, maker, checker, adviser]) await expectAllAnchored(party, creditId, kinds);

  // The auditor, granted access by the issuing bank, downloads each document and matches its hash to the chain.
  const [bank] = await sql<{ issuing_bank_id: string }>("SELECT issuing_bank_id FROM credits WHERE id = $1", [creditId]);
  await sql(
    `INSERT INTO audit_grants (id, bank_id, auditor_id, credit_id, valid_from, valid_until, granted_by_id, approved_at)
     SELECT gen_random_uuid(), $1, o.id, $2, now(), now() + interval '30 days', u.id, now()
       FROM organizations o, users u WHERE o.kind = 'AUDITOR' AND u.email = $3`,
    [bank!.issuing_bank_id, creditId, USERS.issuingChecker],
  );
  const auditor = await personAs(browser, USERS.auditor);
  const documents = await sql<{ id: string; kind: DocumentKind; sha256: string }>("SELECT id, kind, sha256 FROM documents WHERE credit_id = $1 ORDER BY created_at", [creditId]);
  expect(documents.map((d) => d.kind)).toEqual(["COMMERCIAL_INVOICE", "BILL_OF_LADING"]);
  for (const [document, original] of [
    [documents[0]!, invoice],
    [documents[1]!, billOfLading],
  ] as const) {
    const response = await auditor.request.get(`/api/v1/documents/${document.id}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["content-disposition"]).toContain(original.name);
    const body = await response.body();
    expect(createHash("sha256").update(body).digest("hex")).toBe(document.sha256);

    const result = await dropOnVerify(auditor, { name: original.name, body });
    await expect(result).toHaveAttribute("data-anchored", "true");
    // The chain's time and block, the registry checked; never the milestone that committed to it.
    await expect(result).toContainText(/anchored at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC \(block \d+\) in registry 0x[0-9a-fA-F]{40} on chain 31337/);
    await expect(result).not.toContainText("Documents presented");
    await expect(result).toContainText(document.sha256.slice(0, 6));
  }
  await expect(auditor.getByText(DOCUMENT_KIND_LABELS.COMMERCIAL_INVOICE)).toHaveCount(0); // /verify reveals no credit details

  // A file that was never presented is reported as not anchored.
  const unknown = await dropOnVerify(auditor, { name: "unknown.pdf", body: pdf("never presented") });
  await expect(unknown).toHaveAttribute("data-anchored", "false");
  await expect(unknown).toContainText(/not anchored in registry 0x[0-9a-fA-F]{40} on chain 31337/);
});
