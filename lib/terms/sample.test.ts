import { describe, expect, it } from "vitest";
import { sampleTerms } from "./sample";
import { termsSchema, toleranceBounds } from "./schema";

describe("sampleTerms", () => {
  it("is valid terms, complete with every default, so parsing changes nothing", () => {
    const terms = sampleTerms();
    expect(termsSchema.parse(terms)).toEqual(terms);
  });

  it("is a USD 125,000.00 CIF credit from Rotterdam to Singapore for industrial pumps", () => {
    const terms = sampleTerms();
    expect(terms).toMatchObject({ currency: "USD", amount: "125000.00", incoterm: "CIF", incotermPlace: "Singapore", portOfDischarge: "Singapore", presentationPeriodDays: 21 });
    expect(terms.portOfLoading).toMatch(/^Rotterdam/);
    expect(terms.goodsDescription).toMatch(/industrial centrifugal pumps/);
    expect(toleranceBounds(terms)).toEqual({ min: 125_000_000n, max: 125_000_000n });
    expect(terms.documentsRequired.map((d) => [d.kind, d.originals, d.copies])).toEqual([
      ["COMMERCIAL_INVOICE", 3, 2],
      ["BILL_OF_LADING", 3, 3],
      ["PACKING_LIST", 1, 2],
      ["CERTIFICATE_OF_ORIGIN", 1, 1],
      ["INSURANCE_CERTIFICATE", 2, 0],
    ]);
  });

  it("ships about 60 days and expires about 90 days after today (UTC)", () => {
    const terms = sampleTerms({}, new Date("2026-11-25T23:59:00Z"));
    expect(terms.latestShipmentDate).toBe("2027-01-24");
    expect(terms.expiryDate).toBe("2027-02-23");
  });

  it("stays valid across a leap day and a year end", () => {
    expect(termsSchema.safeParse(sampleTerms({}, new Date("2027-12-31T00:00:00Z"))).success).toBe(true);
    expect(sampleTerms({}, new Date("2027-12-31T00:00:00Z")).latestShipmentDate).toBe("2028-02-29");
  });

  it("applies overrides whole-field, and returns a fresh object each time", () => {
    const terms = sampleTerms({ amount: "150000.00", tolerance: { type: "ABOUT" } });
    expect(terms.amount).toBe("150000.00");
    expect(terms.tolerance).toEqual({ type: "ABOUT" });
    expect(termsSchema.safeParse(terms).success).toBe(true);
    const a = sampleTerms();
    a.documentsRequired.pop();
    expect(sampleTerms().documentsRequired).toHaveLength(5);
  });
});
