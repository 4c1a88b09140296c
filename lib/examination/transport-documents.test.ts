import { describe, expect, it } from "vitest";
import type { Terms } from "@/lib/terms/schema";
import { examinePresentation } from "./index";
import { TEST_TERMS, presentation, rulesOf } from "./test-presentation";
import type { OtherTransportKind } from "./transport-documents";
import type { PresentedDocument } from "./types";

// Transport documents other than the bill of lading (art. 19, 21-25): the sample presentation with
// its bill of lading replaced by another kind, which the credit then calls for.

const COMPLYING: Record<OtherTransportKind, Record<string, unknown>> = {
  MULTIMODAL_TRANSPORT_DOCUMENT: { number: "MTD-1", carrier: "Kuehne + Nagel", signedAs: "CARRIER", placeOfTakingInCharge: "Rotterdam, Netherlands", placeOfFinalDestination: "Singapore", issueDate: "2027-01-20", originalsIssued: 3 },
  SEA_WAYBILL: { number: "SWB-1", carrier: "Maersk A/S", vessel: "Maersk Elba", portOfLoading: "Rotterdam", portOfDischarge: "Singapore", onBoardDate: "2027-01-20", shippedOnBoard: true, originalsIssued: 3, signedAs: "AGENT_FOR_CARRIER" },
  CHARTER_PARTY_BILL_OF_LADING: { vessel: "Nordic Star", signedAs: "MASTER", portOfLoading: "Rotterdam", portOfDischarge: "Singapore", onBoardDate: "2027-01-20", shippedOnBoard: true, originalsIssued: 3 },
  AIR_WAYBILL: { number: "074-12345675", carrier: "KLM Cargo", signedAs: "AGENT_FOR_CARRIER", airportOfDeparture: "Amsterdam Schiphol", airportOfDestination: "Singapore Changi", issueDate: "2027-01-20", acceptedForCarriage: true },
  ROAD_RAIL_INLAND_WATERWAY_DOCUMENT: { mode: "ROAD", carrier: "Van der Wal Transport", signedAs: "CARRIER", placeOfShipment: "Rotterdam", placeOfDestination: "Singapore", issueDate: "2027-01-20" },
  COURIER_RECEIPT: { service: "COURIER", courier: "DHL Express", stampedOrSigned: true, pickupDate: "2027-01-20", placeOfDispatch: "Rotterdam" },
};
type Kind = keyof typeof COMPLYING;

/** The sample presentation with `kind` in place of the bill of lading, under a credit calling for it. */
function withTransport(kind: Kind, data: Record<string, unknown> = {}, options: { counts?: { originals: number; copies: number }; terms?: Partial<Terms> } = {}) {
  // The bill of lading's line, for another kind: its 46A conditions (made out to order, freight) are the bill's, tested in requirements.test.ts.
  const documentsRequired = TEST_TERMS.documentsRequired.map((d) => (d.kind === "BILL_OF_LADING" ? { ...d, kind, conditions: undefined } : d));
  const doc: PresentedDocument = { id: "doc-transport", kind, originals: 3, copies: 3, ...options.counts, data: { ...COMPLYING[kind], ...data } };
  return presentation({ terms: { documentsRequired, ...options.terms }, data: { BILL_OF_LADING: null }, extra: [doc] });
}

describe("each transport document kind, complying (art. 19, 21-25)", () => {
  it.each(Object.keys(COMPLYING) as Kind[])("%s under a credit calling for it", (kind) => {
    const air = kind === "AIR_WAYBILL" ? { terms: { portOfLoading: "Amsterdam", portOfDischarge: "Singapore" } } : {};
    const result = examinePresentation(withTransport(kind, {}, air));
    expect(result.findings).toEqual([]);
    expect(result.checkByHand).toEqual([]);
  });
});

describe("signature and authentication (19-24(a)(i), 25(a)(i), 25(c))", () => {
  it("refuses a capacity not indicated, citing the kind's own article", () => {
    const result = examinePresentation(withTransport("MULTIMODAL_TRANSPORT_DOCUMENT", { signedAs: "NOT_INDICATED" }));
    expect(rulesOf(result)).toEqual(["transport-document-signature"]);
    expect(result.findings[0]).toMatchObject({ article: "19(a)(i)", documentId: "doc-transport" });
    expect(examinePresentation(withTransport("CHARTER_PARTY_BILL_OF_LADING", { signedAs: "AGENT_FOR_CHARTERER" })).findings).toEqual([]);
    expect(examinePresentation(withTransport("CHARTER_PARTY_BILL_OF_LADING", { signedAs: "NOT_INDICATED" })).findings[0]).toMatchObject({ article: "22(a)(i)" });
  });

  it("accepts a railway's stamp on a rail document only", () => {
    expect(examinePresentation(withTransport("ROAD_RAIL_INLAND_WATERWAY_DOCUMENT", { mode: "RAIL", signedAs: "RAILWAY_STAMP" })).findings).toEqual([]);
    const result = examinePresentation(withTransport("ROAD_RAIL_INLAND_WATERWAY_DOCUMENT", { mode: "ROAD", signedAs: "RAILWAY_STAMP" }));
    expect(result.findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["transport-document-signature 24(a)(i)"]);
  });

  it("refuses a courier receipt without the courier's name or stamp, and an unstamped post receipt", () => {
    const result = examinePresentation(withTransport("COURIER_RECEIPT", { courier: "", stampedOrSigned: false }));
    expect(result.findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["transport-document-signature 25(a)(i)", "transport-document-signature 25(a)(i)"]);
    expect(examinePresentation(withTransport("COURIER_RECEIPT", { service: "POST", courier: "", stampedOrSigned: true })).findings).toEqual([]);
    expect(examinePresentation(withTransport("COURIER_RECEIPT", { service: "POST", courier: "", stampedOrSigned: false })).findings[0]).toMatchObject({ article: "25(c)" });
  });
});

describe("shipment (21(a)(ii), 22(a)(ii), 23(a)(ii))", () => {
  it("refuses a sea waybill or charter party bill not shown on board, and an air waybill not showing acceptance", () => {
    expect(examinePresentation(withTransport("SEA_WAYBILL", { shippedOnBoard: false })).findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["transport-document-not-on-board 21(a)(ii)"]);
    expect(examinePresentation(withTransport("CHARTER_PARTY_BILL_OF_LADING", { shippedOnBoard: false })).findings.map((f) => f.article)).toEqual(["22(a)(ii)"]);
    const air = { terms: { portOfLoading: "Amsterdam", portOfDischarge: "Singapore" } };
    expect(rulesOf(examinePresentation(withTransport("AIR_WAYBILL", { acceptedForCarriage: false }, air)))).toEqual(["air-waybill-not-accepted-for-carriage"]);
  });
});

describe("places against 44A-44F (19(a)(iii), 21-22(a)(iii), 23(a)(iv), 24(a)(iii), 25(a)(ii))", () => {
  it("holds airports to the credit's 44E/44F", () => {
    const terms = { portOfLoading: "Amsterdam", portOfDischarge: "Singapore" };
    const result = examinePresentation(withTransport("AIR_WAYBILL", { airportOfDestination: "Kuala Lumpur" }, { terms }));
    expect(rulesOf(result)).toEqual(["transport-document-place-of-destination"]);
    expect(result.findings[0]).toMatchObject({ article: "23(a)(iv)", found: "Kuala Lumpur", expected: "Singapore" });
  });

  it("holds a multimodal document to the place of taking in charge (44A) when the credit states one", () => {
    const terms = { placeOfTakingInCharge: "Venlo, Netherlands", finalDestination: "Singapore" };
    expect(examinePresentation(withTransport("MULTIMODAL_TRANSPORT_DOCUMENT", { placeOfTakingInCharge: "Venlo", portOfLoading: "Rotterdam" }, { terms })).findings).toEqual([]);
    const result = examinePresentation(withTransport("MULTIMODAL_TRANSPORT_DOCUMENT", { placeOfTakingInCharge: "Duisburg, Germany", portOfLoading: "Rotterdam" }, { terms }));
    expect(result.findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["transport-document-place-of-departure 19(a)(iii)"]);
  });

  it("holds a courier receipt's place of dispatch to the credit's", () => {
    const result = examinePresentation(withTransport("COURIER_RECEIPT", { placeOfDispatch: "Antwerp, Belgium" }));
    expect(result.findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["transport-document-place-of-departure 25(a)(ii)"]);
  });
});

describe("date of shipment and presentation period (14(c)) for every kind", () => {
  it("takes an air waybill's date from its issue date, or a notation of the actual date of shipment (23(a)(iii))", () => {
    const terms = { portOfLoading: "Amsterdam", portOfDischarge: "Singapore" };
    // Issued 2027-01-05: day 21 is 2027-01-26, presented 2027-02-01.
    const late = examinePresentation(withTransport("AIR_WAYBILL", { issueDate: "2027-01-05" }, { terms }));
    expect(late.findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["presented-after-presentation-period 14(c)", "insurance-dated-after-shipment 28(e)"]);
    expect(examinePresentation(withTransport("AIR_WAYBILL", { issueDate: "2027-01-05", flightDate: "2027-01-20" }, { terms })).findings).toEqual([]);
    const afterLatest = examinePresentation(withTransport("AIR_WAYBILL", { flightDate: "2027-01-30" }, { terms }));
    expect(afterLatest.findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["shipped-after-latest-shipment-date 23(a)(iii)"]);
  });

  it.each([
    ["MULTIMODAL_TRANSPORT_DOCUMENT", { issueDate: "2027-01-05" }],
    ["SEA_WAYBILL", { onBoardDate: "2027-01-05" }],
    ["CHARTER_PARTY_BILL_OF_LADING", { onBoardDate: "2027-01-05" }],
    ["ROAD_RAIL_INLAND_WATERWAY_DOCUMENT", { issueDate: "2027-01-05" }],
    ["COURIER_RECEIPT", { pickupDate: "2027-01-05" }],
  ] as const)("counts 21 days from the date of shipment a %s shows (and dates the insurance against it, 28(e))", (kind, dates) => {
    expect(rulesOf(examinePresentation(withTransport(kind, dates)))).toEqual(["presented-after-presentation-period", "insurance-dated-after-shipment"]);
  });

  it("counts from a multimodal document's dispatch stamp over its issue date (19(a)(ii)), a road document's reception stamp (24(a)(ii))", () => {
    expect(examinePresentation(withTransport("MULTIMODAL_TRANSPORT_DOCUMENT", { issueDate: "2027-01-05", shipmentDate: "2027-01-20" })).findings).toEqual([]);
    expect(examinePresentation(withTransport("ROAD_RAIL_INLAND_WATERWAY_DOCUMENT", { issueDate: "2027-01-05", receiptDate: "2027-01-20" })).findings).toEqual([]);
  });
});

describe("originals, face and transhipment", () => {
  it("refuses less than the full set of a multimodal document, not a copy (19(a)(iv))", () => {
    const result = examinePresentation(withTransport("MULTIMODAL_TRANSPORT_DOCUMENT", {}, { counts: { originals: 3, copies: 3 }, terms: {} }));
    expect(result.findings).toEqual([]);
    const short = examinePresentation(withTransport("MULTIMODAL_TRANSPORT_DOCUMENT", { originalsIssued: 4 }));
    expect(short.findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["transport-document-full-set 19(a)(iv)"]);
  });

  it("refuses an air waybill or road document marked for another party than the consignor (23(a)(v), 24(b)(i))", () => {
    const terms = { portOfLoading: "Amsterdam", portOfDischarge: "Singapore" };
    expect(examinePresentation(withTransport("AIR_WAYBILL", { notForConsignor: true }, { terms })).findings.map((f) => f.article)).toEqual(["23(a)(v)"]);
    expect(examinePresentation(withTransport("ROAD_RAIL_INLAND_WATERWAY_DOCUMENT", { notForConsignor: true })).findings.map((f) => f.article)).toEqual(["24(b)(i)"]);
  });

  it("refuses a clause declaring defects (27), on-deck loading (26(a)) and a charter party on a sea waybill (21(a)(vi))", () => {
    const result = examinePresentation(withTransport("SEA_WAYBILL", { clauses: "2 cartons torn", onDeck: true, charterParty: true }));
    expect(result.findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["transport-document-not-clean 27", "transport-document-on-deck 26(a)", "transport-document-charter-party 21(a)(vi)"]);
    expect(examinePresentation(withTransport("SEA_WAYBILL", { clauses: "Shipper's load and count" })).findings).toEqual([]);
  });

  it("accepts transhipment on a multimodal, air or road document under one document for the whole carriage (19(c), 23(c), 24(e)); a sea waybill only in containers (21(c))", () => {
    const prohibited = { transhipment: "NOT_ALLOWED" as const };
    expect(examinePresentation(withTransport("MULTIMODAL_TRANSPORT_DOCUMENT", { transhipment: true }, { terms: prohibited })).findings).toEqual([]);
    expect(examinePresentation(withTransport("ROAD_RAIL_INLAND_WATERWAY_DOCUMENT", { transhipment: true }, { terms: prohibited })).findings).toEqual([]);
    expect(examinePresentation(withTransport("SEA_WAYBILL", { transhipment: true, containerised: true }, { terms: prohibited })).findings).toEqual([]);
    expect(examinePresentation(withTransport("SEA_WAYBILL", { transhipment: true }, { terms: prohibited })).findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["transhipment-prohibited 21(c)"]);
  });

  it("compares the cargo on another transport document with the other documents (art. 14(d))", () => {
    const result = examinePresentation(withTransport("ROAD_RAIL_INLAND_WATERWAY_DOCUMENT", { packages: 20 }));
    expect(rulesOf(result)).toEqual(["document-packages-conflict"]);
  });
});

describe("partial shipments across transport documents (art. 31(b), (c))", () => {
  const second = (kind: OtherTransportKind, data: Record<string, unknown>): PresentedDocument => ({ id: "doc-transport-2", kind, originals: 3, copies: 0, data: { ...COMPLYING[kind], ...data } });

  it("holds two sea waybills to one vessel and voyage, as bills of lading", () => {
    const one = withTransport("SEA_WAYBILL", { voyage: "012E" });
    expect(examinePresentation({ ...one, documents: [...one.documents, second("SEA_WAYBILL", { number: "SWB-2", voyage: "012E" })] }).findings).toEqual([]);
    const two = examinePresentation({ ...one, documents: [...one.documents, second("SEA_WAYBILL", { number: "SWB-2", vessel: "CMA CGM Tage" })] });
    expect(two.findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["partial-shipment-prohibited 31(b)"]);
  });

  it("leaves two air waybills or courier receipts to the examiner, who knows the flights", () => {
    const terms = { portOfLoading: "Amsterdam", portOfDischarge: "Singapore" };
    const one = withTransport("AIR_WAYBILL", {}, { terms });
    const result = examinePresentation({ ...one, documents: [...one.documents, second("AIR_WAYBILL", { number: "074-99999990" })] });
    expect(result.findings).toEqual([]);
    expect(result.checkByHand.map((f) => `${f.rule} ${f.article}`)).toEqual(["partial-shipment-prohibited 31(b)"]);
    const courier = withTransport("COURIER_RECEIPT");
    const receipts = examinePresentation({ ...courier, documents: [...courier.documents, second("COURIER_RECEIPT", { number: "2" })] });
    expect(receipts.checkByHand.map((f) => f.article)).toEqual(["31(c)"]);
    expect(examinePresentation({ ...one, terms: { ...one.terms, partialShipments: "ALLOWED" }, documents: [...one.documents, second("AIR_WAYBILL", {})] }).checkByHand).toEqual([]);
  });
});
