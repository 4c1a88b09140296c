import { describe, expect, it } from "vitest";
import { examinePresentation } from "./index";
import type { Currency } from "@/lib/terms/schema";
import { presentation, rulesOf } from "./test-presentation";

describe("insurance document (art. 28)", () => {
  it("accepts exactly 110% of the invoice value and refuses a cent less (28f(ii))", () => {
    expect(examinePresentation(presentation({ data: { INSURANCE_CERTIFICATE: { amount: "137500.00" } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ data: { INSURANCE_CERTIFICATE: { amount: "137499.99" } } }));
    expect(rulesOf(result)).toEqual(["insurance-under-110-percent"]);
    expect(result.findings[0]).toMatchObject({ article: "28(f)(ii)", documentId: "doc-insurance", found: "USD 137,499.99", expected: "At least USD 137,500.00" });
  });

  it("takes 110% of the invoice value, not of the credit amount, when the invoice is for less", () => {
    const terms = { partialShipments: "ALLOWED" as const };
    expect(examinePresentation(presentation({ terms, data: { COMMERCIAL_INVOICE: { amount: "100000.00" }, INSURANCE_CERTIFICATE: { amount: "110000.00" } } })).findings).toEqual([]);
  });

  it("takes 110% of the credit amount when no invoice is there to show the value", () => {
    const result = examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: null, INSURANCE_CERTIFICATE: { amount: "130000.00" } } }));
    expect(rulesOf(result)).toEqual(["required-document-missing", "insurance-under-110-percent"]);
    expect(result.findings[1]).toMatchObject({ expected: "At least USD 137,500.00" });
  });

  it("refuses insurance in another currency (28f(i))", () => {
    const result = examinePresentation(presentation({ data: { INSURANCE_CERTIFICATE: { currency: "EUR", amount: "200000.00" } } }));
    expect(rulesOf(result)).toEqual(["insurance-currency"]);
    expect(result.findings[0]).toMatchObject({ article: "28(f)(i)", found: "EUR", expected: "USD" });
  });

  it("refuses insurance dated after shipment unless it shows cover from shipment (28e)", () => {
    expect(examinePresentation(presentation({ data: { INSURANCE_CERTIFICATE: { date: "2027-01-20" } } })).findings).toEqual([]);
    const late = examinePresentation(presentation({ data: { INSURANCE_CERTIFICATE: { date: "2027-01-21" } } }));
    expect(rulesOf(late)).toEqual(["insurance-dated-after-shipment"]);
    expect(late.findings[0]).toMatchObject({ article: "28(e)", found: "2027-01-21", expected: "On or before 2027-01-20" });
    expect(examinePresentation(presentation({ data: { INSURANCE_CERTIFICATE: { date: "2027-01-21", coverFrom: "2027-01-18" } } })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ data: { INSURANCE_CERTIFICATE: { date: "2027-01-21", coverFrom: "2027-01-21" } } })))).toEqual(["insurance-dated-after-shipment"]);
  });
});

describe("the 110% minimum printed exactly (art. 28(f)(ii))", () => {
  const partial = { partialShipments: "ALLOWED" as const };
  const insured = (currency: Currency, invoice: string, cover: string) =>
    examinePresentation(
      presentation({
        terms: { ...partial, currency, amount: "2000000" },
        data: { COMMERCIAL_INVOICE: { currency, amount: invoice }, INSURANCE_CERTIFICATE: { currency, amount: cover } },
      }),
    );

  it("rounds the minimum up to the cent, never down: 110% of USD 100,000.05 is USD 110,000.055", () => {
    const short = insured("USD", "100000.05", "110000.05");
    expect(rulesOf(short)).toEqual(["insurance-under-110-percent"]);
    expect(short.findings[0]).toMatchObject({ found: "USD 110,000.05", expected: "At least USD 110,000.06" });
    expect(insured("USD", "100000.05", "110000.06").findings).toEqual([]);
  });

  it("uses the currency's minor unit: whole yen, thousandths of a dinar", () => {
    expect(insured("JPY", "1000005", "1100005").findings[0]).toMatchObject({ expected: "At least JPY 1,100,006" });
    expect(insured("JPY", "1000005", "1100006").findings).toEqual([]);
    expect(insured("KWD", "1000.001", "1100.001").findings[0]).toMatchObject({ expected: "At least KWD 1,100.002" });
    expect(insured("KWD", "1000.001", "1100.002").findings).toEqual([]);
  });
});
