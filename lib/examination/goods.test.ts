import { describe, expect, it } from "vitest";
import { compareGoods, conflictsInGeneralTerms } from "./goods";

// Art. 18(c): the invoice's description of the goods must correspond with the credit's. It may
// add detail and order its words differently; it may not change a model, a number or a quantity.

const CREDIT = "10,000 pcs widgets, model SW-100, stainless steel";

describe("goods description (art. 18(c))", () => {
  it("accepts the same description reordered, with other capitals and punctuation, or with more detail", () => {
    expect(compareGoods(CREDIT, "Stainless steel widgets model SW-100, 10000 PCS")).toEqual({ conflicts: [], short: [], missingWords: [] });
    expect(compareGoods(CREDIT, "Order 7781: 10,000 pieces of widgets (model SW-100), stainless steel, packed in 40 cartons")).toEqual({ conflicts: [], short: [], missingWords: [] });
    expect(compareGoods("24 units industrial centrifugal pumps", "24 UNITS INDUSTRIAL CENTRIFUGAL PUMP")).toEqual({ conflicts: [], short: [], missingWords: [] });
  });

  it("compares model codes as whole tokens: SW-1000 is not SW-100", () => {
    expect(compareGoods(CREDIT, "10,000 pcs widgets, model SW-1000, stainless steel").conflicts).toEqual(["SW-100 is not shown"]);
    expect(compareGoods(CREDIT, "10,000 pcs widgets, model SW100, stainless steel").conflicts).toEqual([]);
  });

  it("compares numbers as numbers: 110,000 pcs is not 10,000 pcs", () => {
    expect(compareGoods(CREDIT, "110,000 pcs widgets, model SW-100, stainless steel").conflicts).toEqual(["110000 piece shown where the credit states 10000 piece"]);
    expect(compareGoods("Cotton yarn, 2.5 mm", "Cotton yarn, 2.50 mm").conflicts).toEqual([]);
    expect(compareGoods("Cotton yarn, 2.5 mm", "Cotton yarn, 25 mm").conflicts).toEqual(["2.5 is not shown"]);
  });

  it("refuses what the invoice negates", () => {
    expect(compareGoods(CREDIT, "10,000 pcs widgets, not SW-100, stainless steel").conflicts).toEqual(["SW-100 is not shown"]);
    expect(compareGoods(CREDIT, "10,000 pcs widgets, model SW-100, not stainless steel").conflicts).toEqual(['"stainless" is not shown']);
    expect(compareGoods(CREDIT, "10,000 pcs widgets, model SW-100, stainless steel, non-returnable").conflicts).toEqual([]);
  });

  it("refuses a word of the credit's description the invoice leaves out or replaces", () => {
    expect(compareGoods("24 units industrial centrifugal pumps", "24 units industrial centrifugal valves").conflicts).toEqual(['"pumps" is not shown']);
  });

  it("tells a smaller quantity apart, for the partial-shipment rule to judge (art. 31)", () => {
    expect(compareGoods(CREDIT, "4,000 pcs widgets, model SW-100, stainless steel")).toEqual({ conflicts: [], short: [{ expected: "10000 piece", found: "4000 piece" }], missingWords: [] });
  });
});

describe("goods in the other documents (art. 14(d)/(e))", () => {
  const credit = "10,000 pcs stainless steel washers model SW-1000";
  it("lets them use general terms, and finds a model or a quantity that conflicts", () => {
    expect(conflictsInGeneralTerms(credit, "Washers", "10,000 pcs stainless steel washers, model SW-1000")).toEqual([]);
    expect(conflictsInGeneralTerms(credit, "10000 pieces washers SW-1000", "10,000 pcs washers SW-1000")).toEqual([]);
    expect(conflictsInGeneralTerms(credit, "Washers model SW-100", null)).toEqual(["SW-100 where the credit states SW-1000"]);
    expect(conflictsInGeneralTerms(credit, "9,000 pcs washers", "10,000 pcs washers SW-1000")).toEqual(["9000 piece where the invoice shows 10000 piece"]);
    // Without an invoice quantity, the packing list's quantity is not weighed here (a partial shipment may be allowed).
    expect(conflictsInGeneralTerms(credit, "9,000 pcs washers", null)).toEqual([]);
  });
});
