import { describe, expect, it } from "vitest";
import { canonicalAmount, currencyDecimals, parseAmount } from "./money";

// The one check every amount passes when it enters TradeTrail (terms, documents, payments).

describe("currencyDecimals (ISO 4217 minor units)", () => {
  it.each([
    ["JPY", 0], ["KRW", 0], ["VND", 0], ["CLP", 0],
    ["USD", 2], ["EUR", 2], ["GBP", 2], ["IDR", 2], ["SGD", 2],
    ["BHD", 3], ["KWD", 3], ["OMR", 3], ["JOD", 3], ["TND", 3], ["IQD", 3], ["LYD", 3],
  ])("%s has %i decimals", (currency, decimals) => {
    expect(currencyDecimals(currency)).toBe(decimals);
  });
});

describe("parseAmount", () => {
  it("takes whole amounts in a currency without minor units and refuses any decimal", () => {
    expect(parseAmount("JPY", "15000000")).toEqual({ ok: true, amount: "15000000", milli: 15_000_000_000n });
    expect(parseAmount("JPY", "15000000.5")).toEqual({ ok: false, reason: "decimals", message: "JPY amounts have no decimal places" });
    expect(parseAmount("JPY", "15000000.0")).toEqual({ ok: false, reason: "decimals", message: "JPY amounts have no decimal places" });
  });

  it("takes up to two decimals in USD and refuses a third (bug 2: USD 262,000.005)", () => {
    expect(parseAmount("USD", "262000.00")).toMatchObject({ ok: true, milli: 262_000_000n });
    expect(parseAmount("USD", "262000.5")).toMatchObject({ ok: true, milli: 262_000_500n });
    expect(parseAmount("USD", "262000.005")).toEqual({ ok: false, reason: "decimals", message: "USD amounts have at most 2 decimal places" });
  });

  it("takes three decimals in the dinar currencies and refuses a fourth", () => {
    for (const currency of ["BHD", "KWD", "OMR", "JOD", "TND"]) {
      expect(parseAmount(currency, "1250.125")).toMatchObject({ ok: true, milli: 1_250_125n });
      expect(parseAmount(currency, "1250.1255")).toEqual({ ok: false, reason: "decimals", message: `${currency} amounts have at most 3 decimal places` });
    }
  });

  it("checks the form alone when the currency is not known yet (at most three decimals)", () => {
    expect(parseAmount(null, "1.125")).toMatchObject({ ok: true });
    expect(parseAmount(null, "1.1255")).toEqual({ ok: false, reason: "decimals", message: "At most 3 decimal places" });
  });

  it("refuses what is not a plain positive decimal", () => {
    for (const raw of ["", "  ", "abc", "1,000.00", "-5", "1e6", "12.", ".5", "0x10", "1 000", "1234567890123456"]) {
      expect(parseAmount("USD", raw).ok, raw).toBe(false);
    }
    expect(parseAmount("USD", "0")).toEqual({ ok: false, reason: "zero", message: "The amount must be more than zero" });
    expect(parseAmount("USD", "0.00")).toEqual({ ok: false, reason: "zero", message: "The amount must be more than zero" });
    expect(parseAmount("USD", undefined)).toEqual({ ok: false, reason: "missing", message: "Enter an amount" });
  });

  it("takes a JSON number as the decimal it denotes, and trims spaces", () => {
    expect(parseAmount("USD", 125000.5)).toMatchObject({ ok: true, amount: "125000.5" });
    expect(parseAmount("USD", 0.125)).toEqual({ ok: false, reason: "decimals", message: "USD amounts have at most 2 decimal places" });
    expect(parseAmount("USD", " 42.10 ")).toMatchObject({ ok: true, amount: "42.10" });
  });
});

describe("one check for every place an amount enters", () => {
  it("gives the same verdict for terms (32B), document data and payment input", async () => {
    const { termsSchema } = await import("@/lib/terms/schema");
    const { sampleTerms } = await import("@/lib/terms/sample");
    const { parseDocumentData } = await import("@/lib/documents/data");
    const { parseInput } = await import("@/lib/lifecycle/inputs");
    const invoice = { number: "INV-1", date: "2027-01-20", issuer: "Seller", addressee: "Buyer", goodsDescription: "Pumps" };
    for (const [currency, amount] of [["USD", "262000.005"], ["JPY", "1000.5"], ["KWD", "1.1255"]] as const) {
      const expected = parseAmount(currency, amount);
      expect(expected.ok).toBe(false);
      const message = (expected as { message: string }).message;
      const terms = termsSchema.safeParse(sampleTerms({ currency, amount }));
      expect(terms.success ? null : terms.error.issues.find((i) => i.path.join(".") === "amount")?.message).toBe(message);
      expect(parseDocumentData("COMMERCIAL_INVOICE", { ...invoice, currency, amount })).toEqual({ ok: false, fields: { amount: message } });
    }
    // Payment input checks the form here; the decimals are the credit currency's to judge, in the
    // payment step (tests/integration/four-eyes.test.ts: USD 262000.005 is refused there).
    expect(parseInput("payment", { amount: "262000.005" })).toMatchObject({ ok: true });
    expect(parseInput("payment", { amount: "12,000" })).toEqual({ ok: false, fields: { amount: "Enter an amount like 125000.00" } });
  });
});

describe("canonicalAmount", () => {
  it("writes an amount with exactly its currency's minor units, whatever form it came in", () => {
    for (const raw of ["42000", "42000.0", "42000.00", "42000.000"]) {
      expect(canonicalAmount("USD", raw)).toBe("42000.00");
      expect(canonicalAmount("JPY", raw)).toBe("42000");
      expect(canonicalAmount("BHD", raw)).toBe("42000.000");
    }
    expect(canonicalAmount("usd", "1250.5")).toBe("1250.50");
    expect(canonicalAmount("KWD", { toString: () => "0.125" })).toBe("0.125");
  });
});
