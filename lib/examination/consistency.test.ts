import { describe, expect, it } from "vitest";
import { examinePresentation } from "./index";
import { countriesNamedIn, readCountry } from "./ports";
import { originInCredit } from "./rules/consistency";
import { TEST_TERMS, presentation, rulesOf } from "./test-presentation";

// Art. 14(d): data across documents and with the credit need not be identical but must not conflict.

const byHand = (result: ReturnType<typeof examinePresentation>) => result.checkByHand.map((f) => f.rule);

describe("weights across documents (art. 14(d))", () => {
  it("accepts one gross weight written in kg, MT and lbs", () => {
    const result = examinePresentation(
      presentation({ data: { PACKING_LIST: { grossWeightKg: 9840, netWeightKg: 9120 }, COMMERCIAL_INVOICE: { grossWeight: "9.84 MT", netWeight: "9,120 KGS" }, BILL_OF_LADING: { grossWeight: "21,693 LBS" } } }),
    );
    expect(result.findings).toEqual([]);
    expect(result.checkByHand).toEqual([]);
  });

  it("refuses a gross or net weight that conflicts with the packing list's", () => {
    const result = examinePresentation(presentation({ data: { PACKING_LIST: { grossWeightKg: 9840, netWeightKg: 9120 }, BILL_OF_LADING: { grossWeight: "9,480 KGS" }, COMMERCIAL_INVOICE: { netWeight: "9.2 MT" } } }));
    expect(rulesOf(result)).toEqual(["document-gross-weight-conflict", "document-net-weight-conflict"]);
    expect(result.findings[0]).toMatchObject({ article: "14(d)", documentId: "doc-bl", found: "9,480 KGS", expected: "9840 kg, as on the packing list" });
    expect(result.findings[1]).toMatchObject({ documentId: "doc-invoice", found: "9.2 MT" });
  });

  it("leaves a weight without a unit, or weights shared by two bills of lading, to the examiner", () => {
    const unread = examinePresentation(presentation({ data: { PACKING_LIST: { grossWeightKg: 9840 }, BILL_OF_LADING: { grossWeight: "9840" } } }));
    expect(unread.findings).toEqual([]);
    expect(byHand(unread)).toEqual(["document-gross-weight-conflict"]);
    const second = { id: "doc-bl-2", kind: "BILL_OF_LADING" as const, originals: 0, copies: 1, data: { ...presentation().documents[1]!.data, number: "B2", grossWeight: "4,920 kg" } };
    const shared = examinePresentation(presentation({ data: { PACKING_LIST: { grossWeightKg: 9840 }, BILL_OF_LADING: { grossWeight: "4,920 kg" } }, extra: [second] }));
    expect(shared.findings).toEqual([]);
    expect(byHand(shared)).toEqual(["document-gross-weight-conflict"]);
  });
});

describe("packages and marks across documents (art. 14(d), ISBP 821 section A)", () => {
  it("accepts the packing list's number of packages on the bill and the invoice, and refuses another", () => {
    expect(examinePresentation(presentation({ data: { BILL_OF_LADING: { packages: 24 }, COMMERCIAL_INVOICE: { packages: "24" } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { packages: 25 } } }));
    expect(rulesOf(result)).toEqual(["document-packages-conflict"]);
    expect(result.findings[0]).toMatchObject({ documentId: "doc-bl", found: "25", expected: "24, as on the packing list" });
  });

  it("accepts marks with information added, refuses marks that differ", () => {
    const marks = (onBill: string) => presentation({ data: { COMMERCIAL_INVOICE: { shippingMarks: "LCE / SINGAPORE / 1-24" }, BILL_OF_LADING: { shippingMarks: onBill }, PACKING_LIST: { shippingMarks: "LCE SINGAPORE NOS. 1-24" } } });
    expect(examinePresentation(marks("LCE SINGAPORE 1-24 MADE IN HOLLAND")).findings).toEqual([]);
    const result = examinePresentation(marks("LCE SINGAPORE 1-20"));
    expect(rulesOf(result)).toEqual(["document-marks-conflict"]);
    expect(result.findings[0]).toMatchObject({ article: "14(d)", documentId: "doc-bl", expected: "LCE / SINGAPORE / 1-24, as on the commercial invoice" });
    expect(result.findings[0]!.message).toContain("(ISBP 821 section A)");
  });
});

describe("country of origin (art. 14(d))", () => {
  it("reads the credit's origin from 45A or the certificate's requirement in 46A", () => {
    expect(originInCredit(TEST_TERMS)).toBe("NL");
    // The structured country of 46A first, then the words of 46A's details or 45A.
    const worded = TEST_TERMS.documentsRequired.map((d) => (d.kind === "CERTIFICATE_OF_ORIGIN" ? { ...d, conditions: undefined, details: "Showing the Netherlands as country of origin" } : d));
    expect(originInCredit({ ...TEST_TERMS, documentsRequired: worded })).toBe("NL");
    expect(originInCredit({ ...TEST_TERMS, goodsDescription: "Pumps, origin: P.R. China", documentsRequired: worded })).toBeNull();
    expect(originInCredit({ ...TEST_TERMS, goodsDescription: "Pumps, origin: P.R. China" })).toBe("NL");
    expect(originInCredit({ ...TEST_TERMS, goodsDescription: "Pumps, origin: P.R. China", documentsRequired: TEST_TERMS.documentsRequired.filter((d) => d.kind !== "CERTIFICATE_OF_ORIGIN") })).toBe("CN");
    expect(originInCredit({ ...TEST_TERMS, documentsRequired: TEST_TERMS.documentsRequired.filter((d) => d.kind !== "CERTIFICATE_OF_ORIGIN") })).toBeNull();
    expect(readCountry("Holland")).toBe("NL");
    expect(countriesNamedIn("MADE IN THE NETHERLANDS")).toEqual(["NL"]);
  });

  it("accepts the credit's origin however written, refuses another on the certificate or the invoice", () => {
    expect(examinePresentation(presentation({ data: { CERTIFICATE_OF_ORIGIN: { countryOfOrigin: "The Netherlands" }, COMMERCIAL_INVOICE: { countryOfOrigin: "Holland" } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ data: { CERTIFICATE_OF_ORIGIN: { countryOfOrigin: "Germany" }, COMMERCIAL_INVOICE: { countryOfOrigin: "NL" } } }));
    expect(rulesOf(result)).toEqual(["document-origin-conflict"]);
    expect(result.findings[0]).toMatchObject({ documentId: "doc-origin", found: "Germany", expected: "NL, as stated in the credit" });
  });

  it("without an origin in the credit, holds the invoice to the certificate, and leaves a country it does not know to the examiner", () => {
    const terms = { documentsRequired: TEST_TERMS.documentsRequired.map((d) => (d.kind === "CERTIFICATE_OF_ORIGIN" ? { ...d, conditions: { issuer: { kind: "CHAMBER_OF_COMMERCE" as const } } } : d)) };
    expect(examinePresentation(presentation({ terms, data: { CERTIFICATE_OF_ORIGIN: { countryOfOrigin: "Germany" }, COMMERCIAL_INVOICE: { countryOfOrigin: "Germany" } } })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ terms, data: { CERTIFICATE_OF_ORIGIN: { countryOfOrigin: "Germany" }, COMMERCIAL_INVOICE: { countryOfOrigin: "Netherlands" } } })))).toEqual(["document-origin-conflict"]);
    const unknown = examinePresentation(presentation({ terms, data: { CERTIFICATE_OF_ORIGIN: { countryOfOrigin: "Bangladesh" }, COMMERCIAL_INVOICE: { countryOfOrigin: "Republic of Bangladesh" } } }));
    expect(unknown.findings).toEqual([]);
    expect(byHand(unknown)).toEqual(["document-origin-conflict"]);
  });
});

describe("parties (art. 14(j), 14(k), ISBP 821 L5)", () => {
  it("does not hold a shipper or consignor other than the beneficiary against the documents (14(k))", () => {
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { shipper: "Rotterdam Forwarding B.V." }, CERTIFICATE_OF_ORIGIN: { consignor: "Pump Parts Europe GmbH" } } }));
    expect(result.findings).toEqual([]);
    expect(result.checkByHand).toEqual([]);
  });

  it("accepts the applicant's address as consignee or notify party as the credit states it, refuses another (14(j))", () => {
    const party = (address: string) => presentation({ data: { BILL_OF_LADING: { consignee: "To order", notifyParty: "Lion City Engineering Pte. Ltd.", notifyPartyAddress: address } } });
    expect(examinePresentation(party("21 Tuas Ave 3, Singapore 639413")).findings).toEqual([]);
    const result = examinePresentation(party("8 Jurong Pier Road, Singapore 619160"));
    expect(rulesOf(result)).toEqual(["transport-applicant-address"]);
    expect(result.findings[0]).toMatchObject({ article: "14(j)", documentId: "doc-bl", expected: TEST_TERMS.applicant.address });
    const contact = examinePresentation(party("21 Tuas Avenue 3, Singapore 639413, Tel +65 6861 0000"));
    expect(contact.findings).toEqual([]);
    expect(byHand(contact)).toEqual(["transport-applicant-address"]);
  });

  it("holds the certificate of origin's consignee to the bill's named consignee; to order, any party but the beneficiary (ISBP 821 L5)", () => {
    // The credit states no consignee of its own here: the bill's is held only against the certificate's.
    const documentsRequired = TEST_TERMS.documentsRequired.map((d) => (d.kind === "BILL_OF_LADING" ? { ...d, conditions: { transport: { ...d.conditions!.transport, consignee: undefined } } } : d));
    const consignees = (onBill: string, onCertificate: string) => presentation({ terms: { documentsRequired }, data: { BILL_OF_LADING: { consignee: onBill }, CERTIFICATE_OF_ORIGIN: { consignee: onCertificate } } });
    expect(examinePresentation(consignees("Lion City Engineering Pte Ltd", "LION CITY ENGINEERING PTE. LTD.")).findings).toEqual([]);
    expect(examinePresentation(consignees("To order of DBS Bank Ltd", "Lion City Engineering Pte Ltd")).findings).toEqual([]);
    expect(rulesOf(examinePresentation(consignees("Lion City Engineering Pte Ltd", "Tuas Trading Pte Ltd")))).toEqual(["certificate-consignee-conflict"]);
    const beneficiary = examinePresentation(consignees("To order", "Delta Pumps BV"));
    expect(rulesOf(beneficiary)).toEqual(["certificate-consignee-conflict"]);
    expect(beneficiary.findings[0]).toMatchObject({ article: "14(d)", documentId: "doc-origin" });
    expect(beneficiary.findings[0]!.message).toContain("(ISBP 821 L5)");
  });
});

describe("ports on the invoice (art. 14(d))", () => {
  it("accepts the credit's ports as the bill shows them, refuses another port", () => {
    expect(examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: { portOfLoading: "Rotterdam (NLRTM)", portOfDischarge: "Port of Singapore" } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ data: { COMMERCIAL_INVOICE: { portOfDischarge: "Port Klang, Malaysia" } } }));
    expect(rulesOf(result)).toEqual(["document-port-conflict"]);
    expect(result.findings[0]).toMatchObject({ documentId: "doc-invoice", found: "Port Klang, Malaysia", expected: "Singapore" });
  });

  it("within a range in the credit, refuses an invoice port other than the bill's", () => {
    const terms = { portOfLoading: "Any European port" };
    expect(examinePresentation(presentation({ terms, data: { COMMERCIAL_INVOICE: { portOfLoading: "Rotterdam" } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ terms, data: { COMMERCIAL_INVOICE: { portOfLoading: "Antwerp, Belgium" } } }));
    expect(rulesOf(result)).toEqual(["document-port-conflict"]);
    expect(result.findings[0]).toMatchObject({ expected: "Rotterdam" });
  });
});
