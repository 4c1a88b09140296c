import { describe, expect, it } from "vitest";
import { draftingCheck } from "./drafting-check";
import { sampleTerms } from "./sample";

const rules = (terms: Parameters<typeof draftingCheck>[0]) => draftingCheck(terms).map((n) => n.rule);

describe("the drafting check", () => {
  it("finds nothing to say about the sample terms", () => {
    expect(draftingCheck(sampleTerms())).toEqual([]);
  });

  it("points out a condition that names no document (art. 14(h)), and not one that does", () => {
    const notes = draftingCheck({ additionalConditions: "The goods must be of German origin. Shipment must be effected by a conference vessel, as evidenced by a carrier's certificate." });
    expect(notes).toEqual([expect.objectContaining({ rule: "non-documentary-condition", reference: "UCP 600 art. 14(h)", message: expect.stringContaining("The goods must be of German origin.") })]);
    expect(rules({ additionalConditions: "All documents must show the credit number." })).toEqual([]);
  });

  it("asks for insurance under CIF and CIP, and not from the seller under FOB", () => {
    const withInsurance = sampleTerms().documentsRequired;
    const without = withInsurance.filter((d) => d.kind !== "INSURANCE_CERTIFICATE");
    expect(rules({ incoterm: "CIF", documentsRequired: without })).toEqual(["insurance-missing"]);
    expect(rules({ incoterm: "CIP", documentsRequired: withInsurance })).toEqual([]);
    const insuranceRules = (terms: Parameters<typeof draftingCheck>[0]) => rules(terms).filter((r) => r.startsWith("insurance"));
    expect(insuranceRules({ incoterm: "FOB", documentsRequired: withInsurance })).toEqual(["insurance-not-the-sellers"]);
    expect(insuranceRules({ incoterm: "FOB", documentsRequired: without })).toEqual([]);
  });

  it("matches the freight on the bill of lading with the Incoterm", () => {
    const bl = (details: string) => [{ kind: "BILL_OF_LADING" as const, originals: 3, copies: 0, details }];
    expect(rules({ incoterm: "FOB", documentsRequired: bl("Full set clean on board, freight prepaid") })).toEqual(["freight-prepaid-under-f-term"]);
    expect(rules({ incoterm: "FOB", documentsRequired: bl("Full set clean on board, freight collect") })).toEqual([]);
    expect(rules({ incoterm: "CFR", documentsRequired: bl("freight collect") })).toEqual(["freight-collect-under-c-term"]);
    expect(rules({ incoterm: "CFR", documentsRequired: bl("Freight Prepaid") })).toEqual([]);
  });

  it("reads the structured freight marking first, the free text only where none is given", () => {
    const bl = (freight: "PREPAID" | "COLLECT", details = "") => [{ kind: "BILL_OF_LADING" as const, originals: 3, copies: 0, conditions: { transport: { freight } }, details }];
    expect(rules({ incoterm: "FOB", documentsRequired: bl("PREPAID") })).toEqual(["freight-prepaid-under-f-term"]);
    expect(rules({ incoterm: "FOB", documentsRequired: bl("COLLECT") })).toEqual([]);
    expect(rules({ incoterm: "CFR", documentsRequired: bl("COLLECT") })).toEqual(["freight-collect-under-c-term"]);
    // The structure wins over stale words in the details.
    expect(rules({ incoterm: "CFR", documentsRequired: bl("PREPAID", "freight collect") })).toEqual([]);
    // The sample under FOB: its bill of lading is marked freight prepaid as data.
    expect(rules({ ...sampleTerms(), incoterm: "FOB" })).toContain("freight-prepaid-under-f-term");
  });

  it("matches the freight on the other transport documents with the Incoterm too", () => {
    const air = (details: string) => [{ kind: "AIR_WAYBILL" as const, originals: 1, copies: 0, details }];
    const notes = draftingCheck({ incoterm: "FCA", documentsRequired: air("Air waybill consigned to the applicant, freight prepaid") });
    expect(notes).toEqual([expect.objectContaining({ rule: "freight-prepaid-under-f-term", message: expect.stringContaining("The air waybill is to show") })]);
    expect(rules({ incoterm: "CPT", documentsRequired: air("freight prepaid") })).toEqual([]);
  });

  it("flags words art. 3 empties of meaning: vague issuers and vague times", () => {
    const docs = [{ kind: "INSPECTION_CERTIFICATE" as const, originals: 1, copies: 0, details: "Issued by an independent surveyor" }];
    expect(draftingCheck({ documentsRequired: docs })).toEqual([expect.objectContaining({ field: "documentsRequired.0.details", rule: "vague-issuer", reference: "UCP 600 art. 3" })]);
    expect(rules({ additionalConditions: "Documents to be presented promptly after shipment." })).toEqual(["vague-time"]);
    expect(rules({ additionalConditions: "Certificate issued by SGS Singapore." })).toEqual([]);
  });

  it("weighs 32B against the quantity and unit price 45A states, with the 39A tolerance", () => {
    const goods = (description: string, amount: string, tolerance: Parameters<typeof draftingCheck>[0]["tolerance"] = { type: "NONE" }) => rules({ goodsDescription: description, amount, currency: "USD", tolerance });
    expect(goods("24 units industrial pumps at USD 5,000.00 per unit", "120000.00")).toEqual([]);
    expect(goods("24 units industrial pumps at USD 5,000.00 per unit", "100000.00")).toEqual(["goods-cost-more-than-credit"]);
    expect(goods("24 units industrial pumps at USD 5,000.00 per unit", "110000.00", { type: "PERCENT", plus: 10, minus: 0 })).toEqual([]);
    expect(goods("24 units industrial pumps @ 5000 each", "150000.00")).toEqual(["credit-more-than-goods"]);
    expect(goods("24 units industrial pumps @ 5000 each", "125000.00", { type: "ABOUT" })).toEqual([]);
    // No unit price, or a price in another currency: nothing to weigh.
    expect(goods("24 units industrial pumps", "1.00")).toEqual([]);
    expect(goods("24 units at EUR 5,000.00 per unit", "1.00")).toEqual([]);
  });
});
