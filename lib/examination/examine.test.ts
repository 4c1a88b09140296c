import { describe, expect, it } from "vitest";
import { termsSchema } from "@/lib/terms/schema";
import { examinePresentation } from "./index";
import { TEST_TERMS, presentation, rulesOf } from "./test-presentation";

describe("examinePresentation", () => {
  it("finds a complete, consistent presentation complying", () => {
    expect(termsSchema.parse(TEST_TERMS)).toEqual(TEST_TERMS);
    const result = examinePresentation(presentation());
    expect(result.findings).toEqual([]);
    expect(result.compliant).toBe(true);
  });

  it("lists every discrepancy in one result, each citing its article and document (art. 16)", () => {
    const result = examinePresentation(
      presentation({
        presentedOn: "2027-02-12",
        data: { COMMERCIAL_INVOICE: { amount: "130000.00", currency: "USD" }, BILL_OF_LADING: { shippedOnBoard: false }, PACKING_LIST: null },
      }),
    );
    expect(result.compliant).toBe(false);
    // The bill not shown on board gives no date of shipment (art. 20a(ii)), so no presentation period runs from it.
    expect(rulesOf(result)).toEqual(["required-document-missing", "invoice-amount-exceeds-credit", "bill-of-lading-not-on-board", "insurance-under-110-percent"]);
    expect(result.findings[0]).toEqual({
      rule: "required-document-missing",
      article: "14(a)",
      documentId: null,
      documentKind: null,
      message: "Packing list required by the credit was not presented.",
      found: "Not presented",
      expected: "Packing list",
    });
    expect(result.findings[1]).toMatchObject({ article: "18(b)", documentId: "doc-invoice", documentKind: "COMMERCIAL_INVOICE", found: "USD 130,000.00", expected: "At most USD 125,000.00" });
    expect(result.findings[2]).toMatchObject({ article: "20(a)(ii)", documentId: "doc-bl", documentKind: "BILL_OF_LADING" });
  });

  it("reports a document whose stored details no longer validate, to check by hand, instead of failing", () => {
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { onBoardDate: "20 January" } } }));
    expect(result.findings).toEqual([]);
    expect(result.checkByHand).toEqual([expect.objectContaining({ rule: "document-details-incomplete", article: "14(a)", documentId: "doc-bl", found: "onBoardDate: Enter a real date as YYYY-MM-DD" })]);
  });

  it("accepts a Date-free input: presentedOn, drawnBefore and holidays as plain strings", () => {
    const input = presentation();
    delete input.drawnBefore;
    delete input.earlierPresentations;
    delete input.holidays;
    expect(examinePresentation(input).compliant).toBe(true);
  });
});
