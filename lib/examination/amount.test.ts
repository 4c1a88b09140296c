import { describe, expect, it } from "vitest";
import { examinePresentation } from "./index";
import { type Changes, presentation, rulesOf } from "./test-presentation";

// Invoice amount against credit amount 125,000.00 USD (art. 30, 18b). The insurance moves with
// the invoice (art. 28 asks 110% of it), so only the amount rule is in play.
const invoiced = (amount: string, changes: Changes = {}) =>
  examinePresentation(
    presentation({
      ...changes,
      data: { COMMERCIAL_INVOICE: { amount }, INSURANCE_CERTIFICATE: { amount: "200000.00" }, ...changes.data },
    }),
  );

describe("invoice amount within the credit (art. 30, 18b)", () => {
  it("accepts exactly the credit amount and refuses a cent more when no tolerance is stated", () => {
    expect(invoiced("125000.00").findings).toEqual([]);
    const over = invoiced("125000.01");
    expect(rulesOf(over)).toEqual(["invoice-amount-exceeds-credit"]);
    expect(over.findings[0]).toMatchObject({ article: "18(b)", found: "USD 125,000.01", expected: "At most USD 125,000.00" });
  });

  it('allows 10% more under "about": +10% complies, +10.01% does not (art. 30a)', () => {
    const about = { terms: { tolerance: { type: "ABOUT" as const } } };
    expect(invoiced("137500.00", about).findings).toEqual([]);
    const over = invoiced("137512.50", about);
    expect(rulesOf(over)).toEqual(["invoice-amount-exceeds-credit"]);
    expect(over.findings[0]).toMatchObject({ article: "30(a)", expected: "At most USD 137,500.00" });
    expect(over.findings[0]!.message).toContain('"about"');
  });

  it('does not read an invoice for less than "about" allows as a partial shipment: that is the goods\' quantity (art. 31)', () => {
    const about = { terms: { tolerance: { type: "ABOUT" as const } } };
    expect(invoiced("112500.00", about).findings).toEqual([]);
    expect(invoiced("112487.50", about).findings).toEqual([]);
  });

  it("applies a stated percentage tolerance above the amount, and reads less than it as no partial shipment", () => {
    const tolerance = { terms: { tolerance: { type: "PERCENT" as const, plus: 5, minus: 2 } } };
    expect(invoiced("131250.00", tolerance).findings).toEqual([]);
    expect(rulesOf(invoiced("131250.01", tolerance))).toEqual(["invoice-amount-exceeds-credit"]);
    expect(invoiced("122500.00", tolerance).findings).toEqual([]);
    // Less than the tolerance allows is not by itself a partial shipment (art. 31).
    expect(invoiced("122499.99", tolerance).findings).toEqual([]);
  });

  it("with partial shipments prohibited, infers no partial shipment from the amount alone, only from the quantity (art. 31(a))", () => {
    expect(invoiced("118750.00").findings).toEqual([]);
    expect(invoiced("60000.00").findings).toEqual([]);
    const fewer = invoiced("60000.00", { data: { COMMERCIAL_INVOICE: { amount: "60000.00", goodsDescription: presentation().terms.goodsDescription!.replace("24 units", "12 units") } } });
    expect(rulesOf(fewer)).toEqual(["partial-shipment-quantity"]);
    expect(fewer.findings[0]).toMatchObject({ article: "31(a)", found: "12 unit", expected: "24 unit" });
  });

  it("asks the examiner to check the quantity when the credit states none and the invoice is for less than 95% (art. 31(a), 30(c))", () => {
    const noQuantity = { terms: { goodsDescription: "Industrial centrifugal pumps, model DP-450" }, data: { COMMERCIAL_INVOICE: { amount: "100000.00", goodsDescription: "Industrial centrifugal pumps, model DP-450" }, INSURANCE_CERTIFICATE: { amount: "200000.00" } } };
    const result = examinePresentation(presentation(noQuantity));
    expect(result.findings).toEqual([]);
    expect(result.checkByHand).toEqual([expect.objectContaining({ rule: "invoice-amount-below-credit", article: "31(a)", found: "USD 100,000.00" })]);
  });

  it("allows any smaller drawing when partial shipments are allowed", () => {
    expect(invoiced("40000.00", { terms: { partialShipments: "ALLOWED" } }).findings).toEqual([]);
  });

  it("refuses more than the undrawn balance after earlier drawings", () => {
    const partial = { terms: { partialShipments: "ALLOWED" as const }, drawnBefore: "100000.000", earlierPresentations: 1 };
    expect(invoiced("25000.00", partial).findings).toEqual([]);
    const over = invoiced("25000.01", partial);
    expect(rulesOf(over)).toEqual(["invoice-amount-exceeds-balance"]);
    expect(over.findings[0]).toMatchObject({ article: "18(b)", found: "USD 25,000.01", expected: "At most USD 25,000.00" });
  });

  it("adds up several invoices", () => {
    const second = {
      id: "doc-invoice-2",
      kind: "COMMERCIAL_INVOICE" as const,
      originals: 1,
      copies: 0,
      data: { number: "INV-2", date: "2027-01-20", issuer: "Delta Pumps B.V.", addressee: "Lion City Engineering Pte Ltd", currency: "USD", amount: "0.01", goodsDescription: "" },
    };
    second.data.goodsDescription = presentation().terms.goodsDescription ?? "";
    const result = invoiced("125000.00", { extra: [second] });
    expect(rulesOf(result)).toEqual(["invoice-amount-exceeds-credit"]);
    expect(result.findings[0]).toMatchObject({ documentId: null, found: "USD 125,000.01" });
  });

  it("leaves an invoice in another currency to the currency rule", () => {
    expect(rulesOf(invoiced("125000.00", { data: { COMMERCIAL_INVOICE: { currency: "EUR", amount: "999999.00" } } }))).toEqual(["invoice-currency"]);
  });
});
