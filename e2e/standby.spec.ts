import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { DOCUMENT_DATA_FIELDS } from "../lib/documents/data";
import type { DocumentKind } from "../lib/terms/schema";
import { apiAction } from "./support/api";
import { act, creditIdFrom, expectAllAnchored, openCredit } from "./support/credit-page";
import { USERS, personAs } from "./support/users";

// A standby letter of credit under ISP98, in the browser: the applicant drafts it as a standby
// (no shipment fields, a demand and a statement of default as the documents); the beneficiary
// agrees, the issuing bank's maker and checker issue it and the advising bank advises it (through
// the API); the beneficiary presents a demand with a statement of default, and the bank
// determines it complying and pays, each with four eyes. Every milestone is anchored and verifies.

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const pdf = (title: string) => Buffer.from(`%PDF-1.4\n% ${title} ${randomBytes(8).toString("hex")}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

async function upload(page: Page, kind: DocumentKind, values: Record<string, string>, name: string) {
  const form = page.getByRole("form", { name: "Upload a document" });
  await form.getByLabel("Document type").selectOption(kind);
  await form.getByLabel("Originals", { exact: true }).fill("1");
  await form.getByLabel("Copies", { exact: true }).fill("0");
  for (const meta of DOCUMENT_DATA_FIELDS[kind]) {
    const value = values[meta.key];
    if (value === undefined) continue;
    const field = form.getByLabel(new RegExp(`^${meta.label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\*?$`));
    if (meta.type === "select") await field.selectOption(value);
    else await field.fill(value);
  }
  await form.locator('input[type="file"]').setInputFiles({ name, mimeType: "application/pdf", buffer: pdf(name) });
  await form.getByRole("button", { name: "Upload document" }).click();
  await expect(form.getByRole("status")).toContainText(`Uploaded ${name}`);
}

test("a standby credit under ISP98 goes through a demand: issued, demand and statement presented, found complying and paid", async ({ browser }) => {
  test.setTimeout(420_000);
  const buyer = await personAs(browser, USERS.buyer);
  const seller = await personAs(browser, USERS.seller);
  const maker = await personAs(browser, USERS.issuingMaker);
  const checker = await personAs(browser, USERS.issuingChecker);

  // The applicant drafts a standby: choosing the kind takes the shipment fields away and lists
  // a demand and a statement of default as the documents required.
  await buyer.goto("/credits/new");
  await buyer.getByLabel("Beneficiary (seller)").selectOption({ label: "Delta Pumps B.V." });
  await buyer.getByLabel("Issuing bank (your bank)").selectOption({ label: "Merlion Trade Bank" });
  await buyer.getByLabel("Advising bank (the seller's bank)").selectOption({ label: "Rotterdam Maritime Bank" });
  await buyer.getByLabel("Kind of credit").selectOption("STANDBY");
  await expect(buyer.getByLabel("Port of loading (44E)")).toHaveCount(0);
  await expect(buyer.getByLabel("Applicable rules (40E)")).toHaveValue(/^(ISP_LATEST_VERSION|UCP_LATEST_VERSION)$/);
  await buyer.getByLabel("Applicable rules (40E)").selectOption("ISP_LATEST_VERSION");
  await expect(buyer.getByLabel("Document 1 type")).toHaveValue("DEMAND");
  await expect(buyer.getByLabel("Document 2 type")).toHaveValue("STATEMENT_OF_DEFAULT");
  await buyer.getByLabel("Applicant name").fill("Lion City Engineering Pte Ltd");
  await buyer.getByLabel("Applicant address").fill("21 Tuas Avenue 3, Singapore 639413");
  await buyer.getByLabel("Currency").selectOption("USD");
  // Available with the issuing bank: its maker and checker examine the demand and pay (a credit
  // available with the advising bank is examined there: tests/integration/examining-bank.test.ts).
  await buyer.getByLabel("Available with (41a)").selectOption("ISSUING_BANK");
  await buyer.getByLabel("Amount (32B)").fill("250000.00");
  await buyer.getByLabel("Expiry date (31D)").fill(isoDay(180));
  await buyer.getByLabel("Place of expiry").fill("Singapore");
  await buyer.getByLabel("Underlying transaction (45A)").fill("Payment obligations of the applicant under\nsupply contract DP-2026-118");
  // An optional MT700 field, from its collapsed group.
  await buyer.getByText("Banks and instructions (58a, 53a, 57a, 78, 72Z)").click();
  await buyer.getByLabel("Sender to receiver information (72Z)").fill("PLEASE ACKNOWLEDGE RECEIPT");
  await buyer.getByRole("button", { name: "Save draft" }).click();
  await expect(buyer).toHaveURL(/\/credits\/[0-9a-f-]{36}$/);
  const creditId = creditIdFrom(buyer);
  await expect(buyer.getByText("Standby letter of credit").first()).toBeVisible();
  await expect(buyer.getByText("ISP latest version (ISP98)").first()).toBeVisible();
  await expect(buyer.getByText("PLEASE ACKNOWLEDGE RECEIPT").first()).toBeVisible();
  await act(buyer, "Send to beneficiary", { "Comment (optional)": "Standby for the supply contract" });

  // Agreement, issuance (maker and checker) and advice, as the banks' back offices would send
  // them: the browser walk of these steps is e2e/lifecycle.spec.ts.
  await apiAction(USERS.seller, creditId, "endorseTerms");
  await apiAction(USERS.buyer, creditId, "submitApplication", { input: {} });
  await apiAction(USERS.issuingMaker, creditId, "prepareIssuance", { input: { creditNumber: `MTB-SB-${Date.now().toString().slice(-8)}` } });
  await apiAction(USERS.issuingChecker, creditId, "approveIssuance");
  await apiAction(USERS.advisingMaker, creditId, "adviseCredit", { input: { addConfirmation: false } });

  // The beneficiary presents a demand for the full amount and a statement of default.
  await openCredit(seller, creditId);
  await act(seller, "Start a presentation");
  await expect(seller).toHaveURL(/\/presentations\/[0-9a-f-]{36}$/);
  const presentationUrl = new URL(seller.url()).pathname;
  await upload(seller, "DEMAND", { date: isoDay(0), signedBy: "Joost Visser, director", currency: "USD", amount: "250000.00", wording: "We demand payment of USD 250,000.00 under your standby." }, "demand.pdf");
  await upload(seller, "STATEMENT_OF_DEFAULT", { date: isoDay(0), signedBy: "Joost Visser, director", statement: "The applicant failed to pay invoice DP-118 when it fell due." }, "statement-of-default.pdf");
  await expect(seller.getByRole("table", { name: "Documents" }).getByRole("row")).toHaveCount(3);
  await act(seller, "Present documents");

  // The bank examines: no transport-document rule applies, nothing is found; maker and checker
  // determine it complying, then prepare and approve the payment of the amount demanded.
  await maker.goto(presentationUrl);
  await expect(maker.getByText("Demand for payment").first()).toBeVisible();
  await act(maker, "Determine complying");
  await checker.goto(presentationUrl);
  await act(checker, "Approve: complying");
  await maker.goto(presentationUrl);
  await act(maker, "Prepare payment", { "Amount (USD)": "250000.00" });
  await checker.goto(presentationUrl);
  await act(checker, "Approve payment");

  const kinds = ["TERMS_AGREED", "CREDIT_ISSUED", "CREDIT_ADVISED", "DOCUMENTS_PRESENTED", "PRESENTATION_COMPLIANT", "PAYMENT_RECORDED", "CREDIT_SETTLED"];
  for (const party of [buyer, seller, checker]) await expectAllAnchored(party, creditId, kinds);

  await checker.goto(`/credits/${creditId}/audit`);
  await checker.getByRole("button", { name: "Verify now" }).click();
  await expect(checker.getByTestId("verification-summary")).toContainText(`Checked ${kinds.length} milestones`);
  await expect(checker.getByTestId("verification-summary")).toContainText(`${kinds.length} verified`);
});
