import { describe, expect, it } from "vitest";
import { compareWeights, readWeight } from "./weights";

describe("readWeight", () => {
  it("reads the number and the unit as kilograms", () => {
    expect(readWeight("12,500.50 KGS")).toEqual([{ kg: 12500.5, roundingKg: 0.005 }]);
    expect(readWeight("G.W. 12.5 MT")![0]!.kg).toBe(12500);
    expect(readWeight("27,558 lbs")![0]!.kg).toBeCloseTo(12500.1, 1);
    expect(readWeight("1.250.000 kg")![0]!.kg).toBe(1250000);
    expect(readWeight("12 500 kilograms")![0]!.kg).toBe(12500);
  });

  it("reads an ambiguous point both ways and refuses a weight without a unit", () => {
    expect(readWeight("12.500 kg")!.map((r) => r.kg)).toEqual([12.5, 12500]);
    expect(readWeight("12500")).toBeNull();
    expect(readWeight("heavy")).toBeNull();
  });
});

describe("compareWeights", () => {
  it("finds the same weight in other units and within the rounding it is written to", () => {
    expect(compareWeights("12,500 kg", "12.5 MT")).toBe("same");
    expect(compareWeights("12,500 kg", "27,558 lbs")).toBe("same");
    expect(compareWeights("12.5 MT", "12,540 kg")).toBe("same");
    expect(compareWeights("12.500 kg", "12,500 KGS")).toBe("same");
  });

  it("finds another weight, and leaves what it cannot read undetermined", () => {
    expect(compareWeights("12,500 kg", "12,600 kg")).toBe("different");
    expect(compareWeights("12.500 MT", "12,600 kg")).toBe("different");
    expect(compareWeights("12,500 kg", "28,000 lbs")).toBe("different");
    expect(compareWeights("12,500 kg", "12,500")).toBe("undetermined");
  });
});
