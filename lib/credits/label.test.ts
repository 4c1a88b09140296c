import { describe, expect, it } from "vitest";
import { creditFileStem, creditLabel } from "./label";

// Bug 9: notifications and file names mixed TT-… references and bank credit numbers.

describe("creditLabel", () => {
  it("is the TradeTrail reference until the bank issues the credit, then its credit number (field 20)", () => {
    expect(creditLabel({ reference: "TT-2026-000042", creditNumber: null })).toBe("TT-2026-000042");
    expect(creditLabel({ reference: "TT-2026-000042", creditNumber: "MTB/LC/2026/0042" })).toBe("MTB/LC/2026/0042");
  });

  it("gives a file-name-safe stem of the same label", () => {
    expect(creditFileStem({ reference: "TT-2026-000042", creditNumber: "MTB/LC/2026/0042" })).toBe("MTB-LC-2026-0042");
    expect(creditFileStem({ reference: "TT-2026-000042", creditNumber: null })).toBe("TT-2026-000042");
    expect(creditFileStem({ reference: "TT-1", creditNumber: "//" })).toBe("credit");
  });
});
