import { describe, expect, it } from "vitest";
import { examinePresentation } from "./index";
import { TEST_TERMS, presentation, rulesOf } from "./test-presentation";

describe("commercial invoice (art. 18)", () => {
  it("accepts the parties' names written with other capitals and punctuation", () => {
    const result = examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: { issuer: "Delta Pumps B.V.", addressee: "LION CITY ENGINEERING PTE LTD" } } }));
    expect(result.findings).toEqual([]);
  });

  it("refuses an invoice issued by someone other than the beneficiary (18a(i))", () => {
    const result = examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: { issuer: "Delta Trading B.V." } } }));
    expect(rulesOf(result)).toEqual(["invoice-issuer"]);
    expect(result.findings[0]).toMatchObject({ article: "18(a)(i)", found: "Delta Trading B.V.", expected: TEST_TERMS.beneficiary.name });
  });

  it("refuses an invoice not made out to the applicant (18a(ii))", () => {
    const result = examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: { addressee: "Merlion Trade Bank" } } }));
    expect(rulesOf(result)).toEqual(["invoice-addressee"]);
    expect(result.findings[0]).toMatchObject({ article: "18(a)(ii)", expected: TEST_TERMS.applicant.name });
  });

  it("refuses an invoice in another currency (18a(iii))", () => {
    const result = examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: { currency: "EUR" }, INSURANCE_CERTIFICATE: { amount: "137500.00" } } }));
    expect(rulesOf(result)).toEqual(["invoice-currency"]);
    expect(result.findings[0]).toMatchObject({ article: "18(a)(iii)", found: "EUR", expected: "USD" });
  });

  it("accepts a description that adds detail, refuses one that differs (18c)", () => {
    expect(examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: { goodsDescription: `Order 7781: ${TEST_TERMS.goodsDescription}, packed in 24 crates` } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: { goodsDescription: "24 units industrial centrifugal pumps, model DP-400" } } }));
    expect(rulesOf(result)).toEqual(["invoice-goods-description"]);
    expect(result.findings[0]).toMatchObject({ article: "18(c)", expected: TEST_TERMS.goodsDescription });
  });
});

describe("parties' names on the invoice (ISBP 821 A1, art. 14(j))", () => {
  it("accepts the beneficiary's legal form written out or abbreviated", () => {
    const terms = { beneficiary: { ...TEST_TERMS.beneficiary, name: "Shanghai Widgets Limited" }, applicant: { ...TEST_TERMS.applicant, name: "Lion City Engineering Private Limited" } };
    const result = examinePresentation(presentation({ terms, data: { COMMERCIAL_INVOICE: { issuer: "Shanghai Widgets Ltd", addressee: "Lion City Engineering Pte. Ltd." } } }));
    expect(result.findings).toEqual([]);
  });
});

describe("goods on the invoice (art. 18(c), 31)", () => {
  const goods = (credit: string, invoice: string, partialShipments: "ALLOWED" | "NOT_ALLOWED" = "NOT_ALLOWED") =>
    examinePresentation(presentation({ terms: { goodsDescription: credit, partialShipments }, data: { COMMERCIAL_INVOICE: { goodsDescription: invoice } } }));

  it("refuses another model, a larger quantity and a negated model, which a substring let through", () => {
    for (const invoice of ["10,000 pcs widgets model SW-1000", "110,000 pcs widgets model SW-100", "10,000 pcs widgets, not SW-100"]) {
      expect(rulesOf(goods("10,000 pcs widgets model SW-100", invoice)), invoice).toEqual(["invoice-goods-description"]);
    }
  });

  it("accepts the credit's description reordered, which a substring refused", () => {
    expect(goods("24 units industrial centrifugal pumps, model DP-450", "Model DP-450 industrial centrifugal pumps: 24 units").findings).toEqual([]);
  });

  it("accepts a smaller quantity when partial shipments are allowed, and refuses it under art. 31 when they are not", () => {
    expect(goods("24 units pumps model DP-450", "12 units pumps model DP-450", "ALLOWED").findings).toEqual([]);
    const partial = goods("24 units pumps model DP-450", "12 units pumps model DP-450");
    expect(rulesOf(partial)).toEqual(["partial-shipment-quantity"]);
    expect(partial.findings[0]).toMatchObject({ article: "31(a)", found: "12 unit", expected: "24 unit" });
  });
});
