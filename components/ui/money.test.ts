import { describe, expect, it } from "vitest";
import { currencyDecimals, formatMoney } from "./money";

describe("formatMoney", () => {
  it("groups thousands and shows the currency's two decimals", () => {
    expect(formatMoney("USD", "275000")).toBe("USD 275,000.00");
    expect(formatMoney("EUR", "1250000.5")).toBe("EUR 1,250,000.50");
    expect(formatMoney("GBP", "999.99")).toBe("GBP 999.99");
    expect(formatMoney("USD", "0")).toBe("USD 0.00");
  });

  it("keeps every digit of amounts too large for a float", () => {
    // 9007199254740993 is 2^53 + 1: a float would print ...992.
    expect(formatMoney("USD", "9007199254740993.99")).toBe("USD 9,007,199,254,740,993.99");
    expect(formatMoney("USD", "999999999999999.995")).toBe("USD 999,999,999,999,999.995");
  });

  it("follows the currency's minor units: none for JPY, three for KWD", () => {
    expect(formatMoney("JPY", "1500000")).toBe("JPY 1,500,000");
    expect(formatMoney("KWD", "12345.678")).toBe("KWD 12,345.678");
    expect(formatMoney("KWD", "10")).toBe("KWD 10.000");
  });

  it("trims stored trailing zeros but never rounds away a significant digit", () => {
    // Decimal(18,3) columns come back as "250000.000".
    expect(formatMoney("USD", "250000.000")).toBe("USD 250,000.00");
    expect(formatMoney("USD", "100.005")).toBe("USD 100.005");
    expect(formatMoney("JPY", "100.500")).toBe("JPY 100.5");
  });

  it("accepts numbers, bigints and Decimal-like objects", () => {
    expect(formatMoney("USD", 1234)).toBe("USD 1,234.00");
    expect(formatMoney("USD", 1234.5)).toBe("USD 1,234.50");
    expect(formatMoney("USD", 12345678901234567890n)).toBe("USD 12,345,678,901,234,567,890.00");
    expect(formatMoney("USD", { toFixed: () => "250000.125" })).toBe("USD 250,000.125");
  });

  it("drops redundant leading zeros", () => {
    expect(formatMoney("USD", "0001000")).toBe("USD 1,000.00");
    expect(formatMoney("USD", "0.5")).toBe("USD 0.50");
  });

  it("refuses what is not a decimal amount, naming it", () => {
    expect(() => formatMoney("USD", "12,000")).toThrow('Not a decimal amount: "12,000"');
    expect(() => formatMoney("USD", "1e6")).toThrow(RangeError);
    expect(() => formatMoney("USD", "")).toThrow(RangeError);
  });
});

describe("currencyDecimals", () => {
  it("reads ISO 4217 minor units and falls back to two for an unknown code", () => {
    expect(currencyDecimals("USD")).toBe(2);
    expect(currencyDecimals("JPY")).toBe(0);
    expect(currencyDecimals("BHD")).toBe(3);
    expect(currencyDecimals("not a code")).toBe(2);
  });
});
