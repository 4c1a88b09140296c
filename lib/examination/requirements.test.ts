import { describe, expect, it } from "vitest";
import type { DocumentConditions } from "@/lib/terms/conditions";
import type { DocumentKind, Terms } from "@/lib/terms/schema";
import { examinePresentation } from "./index";
import { readOrder, risksCovered } from "./rules/requirements";
import { TEST_TERMS, presentation, rulesOf } from "./test-presentation";
import type { ExaminationResult } from "./types";

// 46A as data against the documents (issue 13): each rule with a compliant and a discrepant case.
// The fixture's bill of lading is to be clean, on board, made out to order, notify the applicant,
// marked freight prepaid; its insurance 110%, ICC (A), Rotterdam to Singapore; its certificate of
// origin from a chamber of commerce, showing the Netherlands.

const byHand = (result: ExaminationResult) => result.checkByHand.map((c) => c.rule);

/** The fixture's 46A with one document's conditions replaced. */
const requiring = (kind: DocumentKind, conditions: DocumentConditions | undefined, details = ""): Partial<Terms> => ({
  documentsRequired: TEST_TERMS.documentsRequired.map((d) => (d.kind === kind ? { ...d, conditions, details } : d)),
});
const transport = TEST_TERMS.documentsRequired.find((d) => d.kind === "BILL_OF_LADING")!.conditions!.transport!;

describe("the fixture", () => {
  it("complies with every structured requirement, with nothing left to check by hand", () => {
    const result = examinePresentation(presentation());
    expect(result.findings).toEqual([]);
    expect(result.checkByHand).toEqual([]);
  });
});

describe("consignee (46A: made out to order / to a named party; art. 14(d))", () => {
  it("reads 'to order', 'to the order of X' and a named consignee", () => {
    expect(readOrder("To order")).toEqual({ order: true, of: null });
    expect(readOrder("TO THE ORDER OF DBS BANK LTD")).toEqual({ order: true, of: "DBS BANK LTD" });
    expect(readOrder("Lion City Engineering Pte Ltd")).toEqual({ order: false, of: null });
  });

  it("accepts a bill made out to order, refuses one consigned to the applicant", () => {
    expect(examinePresentation(presentation({ data: { BILL_OF_LADING: { consignee: "TO ORDER" } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { consignee: "Lion City Engineering Pte Ltd" } } }));
    expect(rulesOf(result)).toEqual(["transport-document-consignee"]);
    expect(result.findings[0]).toMatchObject({ article: "14(d)", documentId: "doc-bl", found: "Lion City Engineering Pte Ltd", expected: "Made out to order" });
    expect(result.findings[0]!.message).toContain("ISBP 821");
  });

  it("to order of the issuing bank: by name when the bank is known, the examiner's when not", () => {
    const terms = requiring("BILL_OF_LADING", { transport: { ...transport, consignee: "TO_ORDER_OF_ISSUING_BANK" } });
    const to = (consignee: string, issuingBank?: string) => examinePresentation({ ...presentation({ terms, data: { BILL_OF_LADING: { consignee } } }), issuingBank });
    expect(to("To order of issuing bank").findings).toEqual([]);
    expect(to("To the order of Merchant Trade Bank Ltd", "Merchant Trade Bank Limited").findings).toEqual([]);
    expect(rulesOf(to("To the order of OCBC Bank", "Merchant Trade Bank Limited"))).toEqual(["transport-document-consignee"]);
    expect(rulesOf(to("To order"))).toEqual(["transport-document-consignee"]);
    const unknown = to("To the order of Merchant Trade Bank Ltd");
    expect(unknown.findings).toEqual([]);
    expect(byHand(unknown)).toEqual(["transport-document-consignee"]);
  });

  it("consigned to the applicant or a named party: that party, not to order", () => {
    const applicant = requiring("BILL_OF_LADING", { transport: { ...transport, consignee: "APPLICANT" } });
    expect(examinePresentation(presentation({ terms: applicant, data: { BILL_OF_LADING: { consignee: "LION CITY ENGINEERING PTE. LTD." } } })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ terms: applicant, data: { BILL_OF_LADING: { consignee: "To order of Lion City Engineering Pte Ltd" } } })))).toEqual(["transport-document-consignee"]);
    const named = requiring("BILL_OF_LADING", { transport: { ...transport, consignee: "NAMED", consigneeName: "Jurong Logistics Pte Ltd" } });
    expect(examinePresentation(presentation({ terms: named, data: { BILL_OF_LADING: { consignee: "Jurong Logistics Pte. Ltd." } } })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ terms: named, data: { BILL_OF_LADING: { consignee: "Tuas Trading Pte Ltd" } } })))).toEqual(["transport-document-consignee"]);
  });

  it("to order of the shipper: plain 'to order' or the shipper named", () => {
    const terms = requiring("BILL_OF_LADING", { transport: { ...transport, consignee: "TO_ORDER_OF_SHIPPER" } });
    expect(examinePresentation(presentation({ terms, data: { BILL_OF_LADING: { consignee: "To order of Delta Pumps BV" } } })).findings).toEqual([]);
    expect(examinePresentation(presentation({ terms, data: { BILL_OF_LADING: { consignee: "To order of shipper" } } })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ terms, data: { BILL_OF_LADING: { consignee: "To order of DBS Bank" } } })))).toEqual(["transport-document-consignee"]);
  });

  it("leaves a consignee not recorded to the examiner, never a discrepancy", () => {
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { consignee: undefined } } }));
    expect(result.findings).toEqual([]);
    expect(byHand(result)).toEqual(["transport-document-consignee"]);
  });
});

describe("notify party (art. 14(d))", () => {
  it("accepts the applicant however its name is written, refuses another party", () => {
    expect(examinePresentation(presentation({ data: { BILL_OF_LADING: { notifyParty: "LION CITY ENGINEERING PRIVATE LIMITED" } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { notifyParty: "Jurong Forwarding Pte Ltd" } } }));
    expect(rulesOf(result)).toEqual(["transport-document-notify-party"]);
    expect(result.findings[0]).toMatchObject({ article: "14(d)", expected: "Notify Lion City Engineering Pte Ltd" });
  });

  it("a named notify party is that party; 'no notify party required' checks nothing", () => {
    const named = requiring("BILL_OF_LADING", { transport: { ...transport, notifyParty: "NAMED", notifyPartyName: "Jurong Forwarding Pte Ltd" } });
    expect(examinePresentation(presentation({ terms: named, data: { BILL_OF_LADING: { notifyParty: "JURONG FORWARDING PTE. LTD." } } })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ terms: named })))).toEqual(["transport-document-notify-party"]);
    const none = requiring("BILL_OF_LADING", { transport: { ...transport, notifyParty: "NONE" } });
    const result = examinePresentation(presentation({ terms: none, data: { BILL_OF_LADING: { notifyParty: undefined } } }));
    expect(result.findings).toEqual([]);
    expect(result.checkByHand).toEqual([]);
  });
});

describe("freight marking (art. 14(d))", () => {
  it("accepts the marking the credit requires, refuses the other", () => {
    expect(examinePresentation(presentation()).findings).toEqual([]);
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { freight: "COLLECT" } } }));
    expect(rulesOf(result)).toEqual(["transport-document-freight"]);
    expect(result.findings[0]).toMatchObject({ found: "Marked freight collect", expected: "Marked freight prepaid" });
    const collect = requiring("BILL_OF_LADING", { transport: { ...transport, freight: "COLLECT" } });
    expect(examinePresentation(presentation({ terms: collect, data: { BILL_OF_LADING: { freight: "COLLECT" } } })).findings).toEqual([]);
  });

  it("applies to the other transport documents too, and leaves a marking not recorded to the examiner", () => {
    const terms: Partial<Terms> = {
      documentsRequired: TEST_TERMS.documentsRequired.map((d) => (d.kind === "BILL_OF_LADING" ? { kind: "AIR_WAYBILL" as const, originals: 1, copies: 0, conditions: { transport: { freight: "PREPAID" as const } }, details: "" } : d)),
    };
    const awb = (freight?: string) => ({
      id: "doc-awb",
      kind: "AIR_WAYBILL" as const,
      originals: 1,
      copies: 0,
      data: { number: "176-12345675", carrier: "Singapore Airlines Cargo", signedAs: "AGENT_FOR_CARRIER", airportOfDeparture: "AMS", airportOfDestination: "SIN", issueDate: "2027-01-20", acceptedForCarriage: true, freight },
    });
    const credit = { ...terms, portOfLoading: "Amsterdam", portOfDischarge: "Singapore" };
    expect(examinePresentation(presentation({ terms: credit, data: { BILL_OF_LADING: null }, extra: [awb("PREPAID")] })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ terms: credit, data: { BILL_OF_LADING: null }, extra: [awb("COLLECT")] })))).toEqual(["transport-document-freight"]);
    expect(byHand(examinePresentation(presentation({ terms: credit, data: { BILL_OF_LADING: null }, extra: [awb()] })))).toEqual(["transport-document-freight"]);
  });
});

describe("on board, clean, charter party and on deck as the credit allows (art. 20(a)(ii), 27, 20(a)(vi), 22, 26(a))", () => {
  it("refuses a bill not on board (20(a)(ii)) and asks the examiner for the notation on a multimodal document the credit wants on board", () => {
    expect(rulesOf(examinePresentation(presentation({ data: { BILL_OF_LADING: { shippedOnBoard: false } } })))).toContain("bill-of-lading-not-on-board");
    const multimodal = {
      id: "doc-mtd",
      kind: "MULTIMODAL_TRANSPORT_DOCUMENT" as const,
      originals: 3,
      copies: 0,
      data: { number: "MTD-1", carrier: "Maersk A/S", signedAs: "CARRIER", placeOfTakingInCharge: "Rotterdam", placeOfFinalDestination: "Singapore", issueDate: "2027-01-20", originalsIssued: 3 },
    };
    const required = (onBoard: boolean) => ({ documentsRequired: TEST_TERMS.documentsRequired.map((d) => (d.kind === "BILL_OF_LADING" ? { kind: "MULTIMODAL_TRANSPORT_DOCUMENT" as const, originals: 3, copies: 0, conditions: { transport: { onBoard } }, details: "" } : d)) });
    const asked = examinePresentation(presentation({ terms: required(true), data: { BILL_OF_LADING: null }, extra: [multimodal] }));
    expect(asked.findings).toEqual([]);
    expect(asked.checkByHand).toEqual([expect.objectContaining({ rule: "transport-document-on-board-required", article: "19(a)(ii)", documentId: "doc-mtd" })]);
    expect(examinePresentation(presentation({ terms: required(false), data: { BILL_OF_LADING: null }, extra: [multimodal] })).checkByHand).toEqual([]);
  });

  it("refuses a claused bill (27) unless the credit expressly accepts one", () => {
    const torn = { BILL_OF_LADING: { clauses: "3 cartons torn" } };
    expect(rulesOf(examinePresentation(presentation({ data: torn })))).toEqual(["bill-of-lading-not-clean"]);
    const claused = requiring("BILL_OF_LADING", { transport: { ...transport, clean: false } });
    expect(examinePresentation(presentation({ terms: claused, data: torn })).findings).toEqual([]);
  });

  it("refuses a charter party bill (20(a)(vi)) unless the credit accepts charter party bills (22)", () => {
    const charter = { BILL_OF_LADING: { charterParty: true } };
    const refused = examinePresentation(presentation({ data: charter }));
    expect(rulesOf(refused)).toEqual(["bill-of-lading-charter-party"]);
    expect(refused.findings[0]!.message).toContain("ISBP 821 E1(b)");
    const allowed = requiring("BILL_OF_LADING", { transport: { ...transport, charterPartyAllowed: true } });
    expect(examinePresentation(presentation({ terms: allowed, data: charter })).findings).toEqual([]);
  });

  it("refuses goods loaded on deck (26(a)) unless the credit allows it", () => {
    const onDeck = { BILL_OF_LADING: { onDeck: true } };
    expect(rulesOf(examinePresentation(presentation({ data: onDeck })))).toEqual(["bill-of-lading-on-deck"]);
    const allowed = requiring("BILL_OF_LADING", { transport: { ...transport, onDeckAllowed: true } });
    expect(examinePresentation(presentation({ terms: allowed, data: onDeck })).findings).toEqual([]);
    // Explicitly not allowed is UCP 600's default.
    const notAllowed = requiring("BILL_OF_LADING", { transport: { ...transport, onDeckAllowed: false } });
    expect(rulesOf(examinePresentation(presentation({ terms: notAllowed, data: onDeck })))).toEqual(["bill-of-lading-on-deck"]);
  });
});

describe("insurance as the credit requires (art. 28(f)(ii), 28(f)(iii), 28(g))", () => {
  const insurance = TEST_TERMS.documentsRequired.find((d) => d.kind === "INSURANCE_CERTIFICATE")!.conditions!.insurance!;

  it("holds the cover to the percentage the credit sets", () => {
    const at120 = requiring("INSURANCE_CERTIFICATE", { insurance: { ...insurance, coverPercent: 120 } });
    // Invoice USD 125,000.00: 110% is 137,500.00 (the fixture's cover), 120% is 150,000.00.
    const short = examinePresentation(presentation({ terms: at120 }));
    expect(rulesOf(short)).toEqual(["insurance-under-required-cover"]);
    expect(short.findings[0]).toMatchObject({ article: "28(f)(ii)", expected: "At least USD 150,000.00" });
    expect(examinePresentation(presentation({ terms: at120, data: { INSURANCE_CERTIFICATE: { amount: "150000.00" } } })).findings).toEqual([]);
  });

  it("reads the risks a policy covers in its usual wordings", () => {
    expect(risksCovered("ICC (A), Institute War Clauses (Cargo) and Institute Strikes Clauses (Cargo)")).toEqual(["ICC_A", "WAR", "STRIKES"]);
    expect(risksCovered("Institute Cargo Clauses B incl. SRCC")).toEqual(["ICC_B", "STRIKES"]);
    expect(risksCovered("All risks, warehouse to warehouse")).toEqual(["ALL_RISKS"]);
    expect(risksCovered("Institute Cargo Clauses (All Risks) 1/1/63")).toEqual(["ALL_RISKS"]);
    expect(risksCovered("Institute Cargo Clauses (A)")).toEqual(["ICC_A"]);
  });

  it("refuses a policy without a risk the credit requires (28(g)); wider cargo clauses are the examiner's", () => {
    const withWar = requiring("INSURANCE_CERTIFICATE", { insurance: { ...insurance, risks: ["ICC_A", "WAR"] } });
    expect(examinePresentation(presentation({ terms: withWar, data: { INSURANCE_CERTIFICATE: { risks: "ICC (A) and war risks" } } })).findings).toEqual([]);
    const short = examinePresentation(presentation({ terms: withWar }));
    expect(rulesOf(short)).toEqual(["insurance-risks"]);
    expect(short.findings[0]!.message).toContain("Institute War Clauses (Cargo)");
    const iccB = requiring("INSURANCE_CERTIFICATE", { insurance: { ...insurance, risks: ["ICC_B"] } });
    const wider = examinePresentation(presentation({ terms: iccB }));
    expect(wider.findings).toEqual([]);
    expect(byHand(wider)).toEqual(["insurance-risks"]);
    expect(rulesOf(examinePresentation(presentation({ data: { INSURANCE_CERTIFICATE: { risks: "Institute Cargo Clauses (C)" } } })))).toEqual(["insurance-risks"]);
  });

  it("holds cover to the places the credit states (28(f)(iii)), by port reading", () => {
    expect(examinePresentation(presentation({ data: { INSURANCE_CERTIFICATE: { coverFromPlace: "Port of Rotterdam (NLRTM)", coverToPlace: "SINGAPORE" } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ data: { INSURANCE_CERTIFICATE: { coverToPlace: "Port Klang, Malaysia" } } }));
    expect(rulesOf(result)).toEqual(["insurance-cover-places"]);
    expect(result.findings[0]).toMatchObject({ article: "28(f)(iii)", expected: "Cover to Singapore" });
    const notRecorded = examinePresentation(presentation({ data: { INSURANCE_CERTIFICATE: { coverFromPlace: undefined } } }));
    expect(notRecorded.findings).toEqual([]);
    expect(byHand(notRecorded)).toEqual(["insurance-cover-places"]);
  });

  it("holds the insurer to the issuer the credit names (28(a))", () => {
    const insurer = requiring("INSURANCE_CERTIFICATE", { insurance, issuer: { kind: "INSURER_OR_AGENT" } });
    expect(examinePresentation(presentation({ terms: insurer })).findings).toEqual([]);
    const byBeneficiary = examinePresentation(presentation({ terms: insurer, data: { INSURANCE_CERTIFICATE: { issuer: "Delta Pumps B.V." } } }));
    expect(rulesOf(byBeneficiary)).toEqual(["document-issuer"]);
    expect(byBeneficiary.findings[0]!.article).toBe("28(a)");
  });
});

describe('"all risks" and Institute Cargo Clauses (A) (art. 28(g), 28(h), ISBP 821 K18)', () => {
  const insurance = TEST_TERMS.documentsRequired.find((d) => d.kind === "INSURANCE_CERTIFICATE")!.conditions!.insurance!;
  const allRisks = requiring("INSURANCE_CERTIFICATE", { insurance: { ...insurance, risks: ["ALL_RISKS"] } });
  const covering = (terms: Partial<Terms>, risks: string) => examinePresentation(presentation({ terms, data: { INSURANCE_CERTIFICATE: { risks } } }));

  it("meets a credit requiring all risks with any all-risks notation or clause, whatever it states is excluded (28(h))", () => {
    for (const wording of ["All risks", "Covering all risks, excluding war and strikes", "Against ALL-RISKS warehouse to warehouse", "Institute Cargo Clauses (All Risks) 1/1/63"]) {
      const result = covering(allRisks, wording);
      expect(result.findings, wording).toEqual([]);
      expect(byHand(result), wording).toEqual([]);
    }
  });

  it("meets it with Institute Cargo Clauses (A) (ISBP 821 K18)", () => {
    expect(covering(allRisks, "Institute Cargo Clauses (A) 1/1/09").findings).toEqual([]);
    expect(covering(allRisks, "ICC (A) incl. war and SRCC").findings).toEqual([]);
  });

  it("refuses narrower cargo clauses, or no risks stated, for a credit requiring all risks, citing 28(h) and K18", () => {
    for (const wording of ["Institute Cargo Clauses (C)", "ICC (B)", "Marine cargo insurance, warehouse to warehouse"]) {
      const result = covering(allRisks, wording);
      expect(rulesOf(result), wording).toEqual(["insurance-risks"]);
      expect(result.findings[0], wording).toMatchObject({ article: "28(h)", found: wording, expected: "All risks" });
      expect(result.findings[0]!.message, wording).toContain("(ISBP 821 K18)");
    }
  });

  it("does not read all risks as ICC (A): a credit requiring ICC (A) is not met by an all-risks clause (28(h) works one way)", () => {
    const iccA = requiring("INSURANCE_CERTIFICATE", { insurance: { ...insurance, risks: ["ICC_A"] } });
    const result = covering(iccA, "All risks");
    expect(rulesOf(result)).toEqual(["insurance-risks"]);
    expect(result.findings[0]).toMatchObject({ article: "28(g)", expected: "Institute Cargo Clauses (A)" });
    expect(result.findings[0]!.message).toContain('"all risks" cover, not Institute Cargo Clauses (A)');
    expect(covering(iccA, "Institute Cargo Clauses (A)").findings).toEqual([]);
  });

  it("still requires the additional risks the credit names beside all risks", () => {
    const withWar = requiring("INSURANCE_CERTIFICATE", { insurance: { ...insurance, risks: ["ALL_RISKS", "WAR"] } });
    expect(covering(withWar, "ICC (A) and Institute War Clauses (Cargo)").findings).toEqual([]);
    const short = covering(withWar, "Institute Cargo Clauses (A)");
    expect(rulesOf(short)).toEqual(["insurance-risks"]);
    expect(short.findings[0]).toMatchObject({ article: "28(g)" });
    expect(short.findings[0]!.message).toContain("Institute War Clauses (Cargo)");
  });

  it("hands all-risks cover against a credit requiring ICC (B) or (C) to the examiner, as wider cover", () => {
    const iccC = requiring("INSURANCE_CERTIFICATE", { insurance: { ...insurance, risks: ["ICC_C"] } });
    const wider = covering(iccC, "All risks");
    expect(wider.findings).toEqual([]);
    expect(byHand(wider)).toEqual(["insurance-risks"]);
  });
});

describe("certificate of origin: country and issuer (art. 14(f), ISBP 821 L3)", () => {
  it("holds the country to the structured origin", () => {
    expect(examinePresentation(presentation({ data: { CERTIFICATE_OF_ORIGIN: { countryOfOrigin: "Holland" } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ data: { CERTIFICATE_OF_ORIGIN: { countryOfOrigin: "Belgium" } } }));
    expect(rulesOf(result)).toEqual(["document-origin-conflict"]);
    expect(result.findings[0]).toMatchObject({ expected: "NL, as stated in the credit" });
  });

  it("a chamber of commerce: by the words of its name; the beneficiary is refused; another issuer is the examiner's", () => {
    expect(examinePresentation(presentation({ data: { CERTIFICATE_OF_ORIGIN: { issuer: "Kamer van Koophandel Rotterdam" } } })).findings).toEqual([]);
    const beneficiary = examinePresentation(presentation({ data: { CERTIFICATE_OF_ORIGIN: { issuer: "Delta Pumps BV" } } }));
    expect(rulesOf(beneficiary)).toEqual(["document-issuer"]);
    expect(beneficiary.findings[0]).toMatchObject({ article: "14(f)", expected: "Issued by a chamber of commerce" });
    expect(beneficiary.findings[0]!.message).toContain("(ISBP 821 L3)");
    const other = examinePresentation(presentation({ data: { CERTIFICATE_OF_ORIGIN: { issuer: "Netherlands Enterprise Agency" } } }));
    expect(other.findings).toEqual([]);
    expect(byHand(other)).toEqual(["document-issuer"]);
  });

  it("a named issuer: that name; a longer name containing it is the examiner's", () => {
    const named = requiring("CERTIFICATE_OF_ORIGIN", { issuer: { kind: "NAMED", name: "Rotterdam Chamber of Commerce" }, origin: { originCountry: "NL" } });
    expect(examinePresentation(presentation({ terms: named })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ terms: named, data: { CERTIFICATE_OF_ORIGIN: { issuer: "Amsterdam Chamber of Commerce" } } })))).toEqual(["document-issuer"]);
    const inspection = requiring("PACKING_LIST", { issuer: { kind: "NAMED", name: "SGS" } });
    expect(byHand(examinePresentation(presentation({ terms: inspection, data: { PACKING_LIST: { issuer: "SGS Nederland B.V." } } })))).toEqual(["document-issuer"]);
    // An optional issuer not recorded is the examiner's; a required one is already named among the missing details.
    expect(byHand(examinePresentation(presentation({ terms: inspection })))).toEqual(["document-issuer"]);
    expect(byHand(examinePresentation(presentation({ data: { CERTIFICATE_OF_ORIGIN: { issuer: undefined } } })))).toEqual(["document-details-incomplete"]);
  });

  it("the beneficiary as issuer of a document the credit says it issues", () => {
    const terms = requiring("PACKING_LIST", { issuer: { kind: "BENEFICIARY" } });
    expect(examinePresentation(presentation({ terms, data: { PACKING_LIST: { issuer: "DELTA PUMPS BV" } } })).findings).toEqual([]);
    expect(rulesOf(examinePresentation(presentation({ terms, data: { PACKING_LIST: { issuer: "Rotterdam Packers B.V." } } })))).toEqual(["document-issuer"]);
  });
});

describe("requirements in words only (46A details)", () => {
  it("quotes them to the examiner for each document of the kind presented, never as a discrepancy", () => {
    const terms = requiring("PACKING_LIST", undefined, "Showing gross and net weight of each package");
    const result = examinePresentation(presentation({ terms }));
    expect(result.findings).toEqual([]);
    expect(result.compliant).toBe(true);
    expect(result.checkByHand).toEqual([
      expect.objectContaining({ rule: "credit-requirement-in-words", article: "14(a)", documentId: "doc-packing", expected: "Showing gross and net weight of each package" }),
    ]);
    expect(result.checkByHand[0]!.message).toContain("“Showing gross and net weight of each package”");
    // Not presented: the missing document is the finding; there is nothing to read the words on.
    expect(byHand(examinePresentation(presentation({ terms, data: { PACKING_LIST: null } })))).toEqual([]);
  });

  it("quotes each 'other' line's words once for the presentation: which document answers which line is the examiner's", () => {
    const terms: Partial<Terms> = {
      documentsRequired: [...TEST_TERMS.documentsRequired, { kind: "OTHER", originals: 1, copies: 0, details: "Weight certificate" }, { kind: "OTHER", originals: 1, copies: 0, details: "Fumigation certificate" }],
    };
    const other = (id: string, title: string) => ({ id, kind: "OTHER" as const, originals: 1, copies: 0, data: { title, issuer: "Delta Pumps B.V.", date: "2027-01-17" } });
    const result = examinePresentation(presentation({ terms, extra: [other("doc-weight", "Weight certificate"), other("doc-fumigation", "Fumigation certificate")] }));
    expect(result.checkByHand.map((c) => [c.rule, c.documentId, c.expected])).toEqual([
      ["credit-requirement-in-words", null, "Weight certificate"],
      ["credit-requirement-in-words", null, "Fumigation certificate"],
    ]);
  });

  it("leaves a beneficiary's certificate's words to its own rule", () => {
    const terms: Partial<Terms> = { documentsRequired: [...TEST_TERMS.documentsRequired, { kind: "BENEFICIARY_CERTIFICATE", originals: 1, copies: 0, details: "Certifying that one set of copy documents was sent to the applicant" }] };
    const certificate = { id: "doc-cert", kind: "BENEFICIARY_CERTIFICATE" as const, originals: 1, copies: 0, data: { date: "2027-01-21", issuer: "Delta Pumps B.V.", wording: "We certify that one set of copy documents was sent to the applicant" } };
    expect(examinePresentation(presentation({ terms, extra: [certificate] })).checkByHand).toEqual([]);
  });
});
