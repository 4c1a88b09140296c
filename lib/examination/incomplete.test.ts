import { describe, expect, it } from "vitest";
import { examinePresentation } from "./index";
import { presentation, rulesOf } from "./test-presentation";

// Missing or unreadable details are a data-entry problem, not a discrepancy: every check whose
// details are there still runs, and the gap is left to the examiner, never to the notice (art. 16).

describe("incomplete document details", () => {
  it("runs every other check on a document with one unreadable field", () => {
    // The on-board date no longer validates; the ports on the same bill of lading are still wrong.
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { onBoardDate: "20 January", portOfDischarge: "Port Klang" } } }));
    expect(rulesOf(result)).toEqual(["bill-of-lading-port-of-discharge"]);
    expect(result.checkByHand.map((c) => [c.rule, c.documentId])).toEqual([["document-details-incomplete", "doc-bl"]]);
  });

  it("keeps incomplete details out of the discrepancies a notice would send", () => {
    const result = examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: { issuer: "" } } }));
    expect(result.findings).toEqual([]);
    expect(result.compliant).toBe(true);
    expect(result.checkByHand).toEqual([
      expect.objectContaining({ rule: "document-details-incomplete", article: "14(a)", documentId: "doc-invoice", found: "issuer: Enter who issued the invoice" }),
    ]);
  });

  it("still checks the amount of an invoice whose description is missing", () => {
    const result = examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: { goodsDescription: "", amount: "130000.00" }, INSURANCE_CERTIFICATE: { amount: "200000.00" } } }));
    expect(rulesOf(result)).toEqual(["invoice-amount-exceeds-credit"]);
    expect(rulesOf({ ...result, findings: result.checkByHand })).toEqual(["document-details-incomplete"]);
  });

  it("names every missing field of a document in one item", () => {
    const result = examinePresentation(presentation({ data: { INSURANCE_CERTIFICATE: { risks: "", number: "" } } }));
    expect(result.findings).toEqual([]);
    expect(result.checkByHand[0]!.found).toBe("number: Enter the policy or certificate number; risks: Enter the risks covered");
  });

  it("leaves the 110% cover to the examiner when the invoice value cannot be read", () => {
    const result = examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: { amount: "" }, INSURANCE_CERTIFICATE: { amount: "100.00" } } }));
    expect(result.findings).toEqual([]);
    expect(rulesOf({ ...result, findings: result.checkByHand })).toEqual(["document-details-incomplete", "insurance-value-unknown"]);
  });
});
