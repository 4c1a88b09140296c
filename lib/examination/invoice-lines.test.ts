import { describe, expect, it } from "vitest";
import { statedQuantities, unitName } from "./goods";
import { examinePresentation } from "./index";
import { unitPriceInCredit } from "./rules/invoice-lines";
import { presentation, rulesOf } from "./test-presentation";

// The invoice line: quantity, unit and unit price against the credit (art. 30(a), (b)).

const bulk = "About 500 MT Dutch milk powder, 26% fat, at USD 3,100.00 per MT";
const bulkExact = "500 MT Dutch milk powder, 26% fat, at USD 3,100.00 per MT";

describe("reading the credit's quantities and unit price", () => {
  it("reads quantities with 'about', units by any spelling, and a unit price", () => {
    expect(statedQuantities(bulk)).toEqual([{ value: 500, unit: "mt", about: true }]);
    expect(statedQuantities("24 units industrial centrifugal pumps")).toEqual([{ value: 24, unit: "unit", about: false }]);
    expect(unitName("PCS")).toBe("piece");
    expect(unitName("kgs")).toBe("kg");
    expect(unitName("litres")).toBeNull();
    expect(unitPriceInCredit(bulk)).toEqual({ currency: "USD", price: "3100.00", about: false });
    expect(unitPriceInCredit("Pumps DP-450, unit price USD 5,208.33")).toEqual({ currency: "USD", price: "5208.33", about: false });
    expect(unitPriceInCredit("Pumps DP-450 at about EUR 12.50/unit")).toEqual({ currency: "EUR", price: "12.50", about: true });
  });
});

describe("quantity (art. 30(a), (b))", () => {
  it("allows 10% more of an 'about' quantity, in the credit's unit or another weight", () => {
    expect(examinePresentation(presentation({ terms: { goodsDescription: bulk }, data: { COMMERCIAL_INVOICE: { goodsDescription: bulk, quantity: 550, unit: "MT", amount: "125000.00" } } })).findings).toEqual([]);
    expect(examinePresentation(presentation({ terms: { goodsDescription: bulk }, data: { COMMERCIAL_INVOICE: { goodsDescription: bulk, quantity: 549000, unit: "KGS" } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ terms: { goodsDescription: bulk }, data: { COMMERCIAL_INVOICE: { goodsDescription: bulk, quantity: 551, unit: "MT" } } }));
    expect(result.findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["invoice-quantity-exceeds-credit 30(a)"]);
    expect(result.findings[0]).toMatchObject({ found: "551 MT", expected: "At most 550 MT (500 mt + 10%)" });
  });

  it("allows 5% more of a bulk quantity without 'about' (30(b)), none of units counted", () => {
    expect(examinePresentation(presentation({ terms: { goodsDescription: bulkExact }, data: { COMMERCIAL_INVOICE: { goodsDescription: bulkExact, quantity: 525, unit: "MT" } } })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ terms: { goodsDescription: bulkExact }, data: { COMMERCIAL_INVOICE: { goodsDescription: bulkExact, quantity: 526, unit: "MT" } } })))).toEqual(["invoice-quantity-exceeds-credit"]);
    expect(examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: { quantity: 24, unit: "units" } } })).findings).toEqual([]);
    const counted = examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: { quantity: 25, unit: "pcs" } } }));
    expect(counted.findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["invoice-quantity-exceeds-credit 30(b)"]);
  });

  it("leaves a unit it cannot compare to the examiner", () => {
    const result = examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: { quantity: 24, unit: "litres" } } }));
    expect(result.findings).toEqual([]);
    expect(result.checkByHand.map((f) => f.rule)).toEqual(["invoice-quantity-exceeds-credit"]);
  });
});

describe("unit price", () => {
  it("refuses a unit price above the credit's, allowing 10% on an 'about' price", () => {
    const priced = "24 units industrial centrifugal pumps, model DP-450, at USD 5,208.33 per unit";
    const invoice = { goodsDescription: priced };
    expect(examinePresentation(presentation({ terms: { goodsDescription: priced }, data: { COMMERCIAL_INVOICE: { ...invoice, unitPrice: "5208.33" } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ terms: { goodsDescription: priced }, data: { COMMERCIAL_INVOICE: { ...invoice, unitPrice: "5210.00" } } }));
    expect(result.findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["invoice-unit-price-exceeds-credit 14(d)"]);
    expect(result.findings[0]).toMatchObject({ found: "USD 5,210.00", expected: "At most USD 5,208.33" });
    const about = "24 units industrial centrifugal pumps, model DP-450, at about USD 5,000.00 per unit";
    expect(examinePresentation(presentation({ terms: { goodsDescription: about }, data: { COMMERCIAL_INVOICE: { goodsDescription: about, unitPrice: "5500.00" } } })).findings).toEqual([]);
    expect(examinePresentation(presentation({ terms: { goodsDescription: about }, data: { COMMERCIAL_INVOICE: { goodsDescription: about, unitPrice: "5500.01" } } })).findings.map((f) => f.article)).toEqual(["30(a)"]);
  });
});
