import { describe, expect, it } from "vitest";
import { examinePresentation } from "./index";
import { presentation, rulesOf } from "./test-presentation";

// Shipped on board Wed 2027-01-20; latest shipment Fri 2027-01-29; expiry Fri 2027-02-26.

describe("latest shipment date (44C, art. 20a(ii))", () => {
  it("accepts shipment on the latest shipment date itself", () => {
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { onBoardDate: "2027-01-29" }, INSURANCE_CERTIFICATE: { date: "2027-01-29" } } }));
    expect(result.findings).toEqual([]);
  });

  it("refuses shipment the day after", () => {
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { onBoardDate: "2027-01-30" } } }));
    expect(rulesOf(result)).toEqual(["shipped-after-latest-shipment-date"]);
    expect(result.findings[0]).toMatchObject({ article: "20(a)(ii)", documentId: "doc-bl", found: "2027-01-30", expected: "On or before 2027-01-29" });
  });
});

describe("presentation period (48, art. 14c) and expiry (art. 6e, 29a)", () => {
  it("accepts presentation on day 21 after shipment and refuses day 22", () => {
    expect(examinePresentation(presentation({ presentedOn: "2027-02-10" })).findings).toEqual([]);
    const late = examinePresentation(presentation({ presentedOn: "2027-02-11" }));
    expect(rulesOf(late)).toEqual(["presented-after-presentation-period"]);
    expect(late.findings[0]).toMatchObject({ article: "14(c)", documentId: null, found: "2027-02-11", expected: "On or before 2027-02-10" });
    expect(late.findings[0]!.message).toContain("21 days after the date of shipment (2027-01-20)");
  });

  it("uses the credit's own period when it states one", () => {
    const terms = { presentationPeriodDays: 12 }; // day 12 is Mon 2027-02-01
    expect(examinePresentation(presentation({ terms, presentedOn: "2027-02-01" })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ terms, presentedOn: "2027-02-02" })))).toEqual(["presented-after-presentation-period"]);
  });

  it("counts from the latest on-board date when several bills of lading are presented (art. 31b)", () => {
    const second = { id: "doc-bl-2", kind: "BILL_OF_LADING" as const, originals: 1, copies: 0, data: { ...presentation().documents[1]!.data, number: "B2", originalsIssued: 1, onBoardDate: "2027-01-22" } };
    expect(examinePresentation(presentation({ presentedOn: "2027-02-12", extra: [second] })).findings).toEqual([]);
  });

  it("moves a last day that falls on a weekend or a holiday to the next banking day (art. 29a)", () => {
    // Shipped Fri 2027-01-22: day 21 is Fri 2027-02-12, a bank holiday here; Sat and Sun follow.
    const changes = { data: { BILL_OF_LADING: { onBoardDate: "2027-01-22" }, INSURANCE_CERTIFICATE: { date: "2027-01-22" } }, holidays: ["2027-02-12"] };
    expect(examinePresentation(presentation({ ...changes, presentedOn: "2027-02-15" })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ ...changes, presentedOn: "2027-02-16" })))).toEqual(["presented-after-presentation-period"]);
    // Without the holiday, Friday was the last day.
    expect(rulesOf(examinePresentation(presentation({ ...changes, holidays: [], presentedOn: "2027-02-15" })))).toEqual(["presented-after-presentation-period"]);
  });

  it("moves a last day or an expiry date on a Saturday to the Monday (art. 29a)", () => {
    const terms = { presentationPeriodDays: 10 }; // day 10 is Sat 2027-01-30
    expect(examinePresentation(presentation({ terms, presentedOn: "2027-02-01" })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ terms, presentedOn: "2027-02-02" })))).toEqual(["presented-after-presentation-period"]);
    const saturdayExpiry = { terms: { expiryDate: "2027-02-27", presentationPeriodDays: 45 } };
    expect(examinePresentation(presentation({ ...saturdayExpiry, presentedOn: "2027-03-01" })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ ...saturdayExpiry, presentedOn: "2027-03-02" })))).toEqual(["presented-after-expiry"]);
  });

  it("refuses a presentation after expiry, even within the period after shipment", () => {
    const changes = { terms: { presentationPeriodDays: 45 } };
    expect(examinePresentation(presentation({ ...changes, presentedOn: "2027-02-26" })).findings).toEqual([]);
    const expired = examinePresentation(presentation({ ...changes, presentedOn: "2027-03-01" }));
    expect(rulesOf(expired)).toEqual(["presented-after-expiry"]);
    expect(expired.findings[0]).toMatchObject({ article: "6(e)", found: "2027-03-01", expected: "On or before 2027-02-26" });
  });

  it("reports both when a presentation is late on both counts", () => {
    expect(rulesOf(examinePresentation(presentation({ presentedOn: "2027-03-01" })))).toEqual(["presented-after-expiry", "presented-after-presentation-period"]);
  });

  it("checks expiry even when no bill of lading gives a shipment date", () => {
    const noTransport = { terms: { documentsRequired: presentation().terms.documentsRequired.filter((d) => d.kind !== "BILL_OF_LADING") }, data: { BILL_OF_LADING: null } };
    expect(examinePresentation(presentation({ ...noTransport, presentedOn: "2027-02-24" })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ ...noTransport, presentedOn: "2027-03-02" })))).toEqual(["presented-after-expiry"]);
  });
});

describe("the date of shipment (art. 20(a)(ii), 14(c))", () => {
  const bill = (id: string, data: Record<string, unknown>, counts = { originals: 3, copies: 0 }) => ({
    id,
    kind: "BILL_OF_LADING" as const,
    ...counts,
    data: { ...presentation().documents[1]!.data, number: id, ...data },
  });

  it("counts the presentation period only from original transport documents, not from a copy (14c)", () => {
    // Day 23 after the original's 2027-01-20; a copy-only bill dated 2027-01-25 must not extend it.
    const copy = bill("doc-bl-copy", { onBoardDate: "2027-01-25" }, { originals: 0, copies: 2 });
    const result = examinePresentation(presentation({ presentedOn: "2027-02-12", extra: [copy] }));
    expect(rulesOf(result)).toEqual(["presented-after-presentation-period"]);
    expect(result.findings[0]!.message).toContain("(2027-01-20)");
  });

  it("takes no date of shipment from a bill of lading that does not show shipment on board (20a(ii))", () => {
    const received = bill("doc-bl-received", { onBoardDate: "2027-01-25", shippedOnBoard: false });
    expect(rulesOf(examinePresentation(presentation({ presentedOn: "2027-02-12", extra: [received] })))).toEqual(["presented-after-presentation-period", "bill-of-lading-not-on-board"]);
  });

  it("does not read a received-for-shipment bill's date as a late shipment: it is refused for not being on board", () => {
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { shippedOnBoard: false, onBoardDate: "2027-01-30" }, INSURANCE_CERTIFICATE: { date: "2027-01-19" } } }));
    expect(rulesOf(result)).toEqual(["bill-of-lading-not-on-board"]);
  });
});
