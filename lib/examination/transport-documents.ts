import type { DocumentKind, Terms } from "@/lib/terms/schema";
import type { Parsed } from "./types";

// The transport documents other than the bill of lading (art. 20), read one way: each kind's
// article, the date it gives as the date of shipment, and the places it must show against the
// credit's 44A-44F. The rules of rules/transport-documents.ts read this table. Pure.

type Data = Record<string, unknown>;

export const OTHER_TRANSPORT_KINDS = ["MULTIMODAL_TRANSPORT_DOCUMENT", "SEA_WAYBILL", "CHARTER_PARTY_BILL_OF_LADING", "AIR_WAYBILL", "ROAD_RAIL_INLAND_WATERWAY_DOCUMENT", "COURIER_RECEIPT"] as const satisfies readonly DocumentKind[];
export type OtherTransportKind = (typeof OTHER_TRANSPORT_KINDS)[number];

/** A place a transport document must show, beside the credit's. */
export interface Leg {
  /** "port of loading", "airport of departure", ... */
  what: string;
  onDocument: string | undefined;
  inCredit: string | undefined;
  article: string;
  /** How the places are compared: as ports or places (comparePorts), or as airports (compareAirports). */
  airports?: boolean;
}

export interface TransportArticle {
  /** "19", "21", ... */
  article: string;
  /** The date of shipment the document evidences when it is an original; null when it gives none. */
  shipmentDate: (data: Data) => string | null;
  shipmentDateArticle: string;
  departure: (data: Data, terms: Terms) => Leg;
  destination: ((data: Data, terms: Terms) => Leg) | null;
  signatureArticle: string;
}

const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : undefined);
const onBoard = (d: Data) => (d.shippedOnBoard === true ? (str(d.onBoardDate) ?? null) : null);

/** Ports of the credit (44E/44F), or its places (44A/44B) for documents that run from place to place. */
const portOfLoading = (t: Terms) => t.portOfLoading;
const portOfDischarge = (t: Terms) => t.portOfDischarge;
const placeOfDispatch = (t: Terms) => t.placeOfTakingInCharge ?? t.portOfLoading;
const placeOfDestination = (t: Terms) => t.finalDestination ?? t.portOfDischarge;

export const TRANSPORT_ARTICLES: Record<OtherTransportKind, TransportArticle> = {
  MULTIMODAL_TRANSPORT_DOCUMENT: {
    article: "19",
    shipmentDate: (d) => str(d.shipmentDate) ?? str(d.issueDate) ?? null,
    shipmentDateArticle: "19(a)(ii)",
    // A credit naming a place of taking in charge (44A) is met by that place; one naming only ports, by the ports where shown.
    departure: (d, t) =>
      t.placeOfTakingInCharge || !str(d.portOfLoading)
        ? { what: "place of dispatch, taking in charge or shipment", onDocument: str(d.placeOfTakingInCharge), inCredit: placeOfDispatch(t), article: "19(a)(iii)" }
        : { what: "port of loading", onDocument: str(d.portOfLoading), inCredit: portOfLoading(t), article: "19(a)(iii)" },
    destination: (d, t) =>
      t.finalDestination || !str(d.portOfDischarge)
        ? { what: "place of final destination", onDocument: str(d.placeOfFinalDestination), inCredit: placeOfDestination(t), article: "19(a)(iii)" }
        : { what: "port of discharge", onDocument: str(d.portOfDischarge), inCredit: portOfDischarge(t), article: "19(a)(iii)" },
    signatureArticle: "19(a)(i)",
  },
  SEA_WAYBILL: {
    article: "21",
    shipmentDate: onBoard,
    shipmentDateArticle: "21(a)(ii)",
    departure: (d, t) => ({ what: "port of loading", onDocument: str(d.portOfLoading), inCredit: portOfLoading(t), article: "21(a)(iii)" }),
    destination: (d, t) => ({ what: "port of discharge", onDocument: str(d.portOfDischarge), inCredit: portOfDischarge(t), article: "21(a)(iii)" }),
    signatureArticle: "21(a)(i)",
  },
  CHARTER_PARTY_BILL_OF_LADING: {
    article: "22",
    shipmentDate: onBoard,
    shipmentDateArticle: "22(a)(ii)",
    departure: (d, t) => ({ what: "port of loading", onDocument: str(d.portOfLoading), inCredit: portOfLoading(t), article: "22(a)(iii)" }),
    destination: (d, t) => ({ what: "port of discharge", onDocument: str(d.portOfDischarge), inCredit: portOfDischarge(t), article: "22(a)(iii)" }),
    signatureArticle: "22(a)(i)",
  },
  AIR_WAYBILL: {
    article: "23",
    shipmentDate: (d) => str(d.flightDate) ?? str(d.issueDate) ?? null,
    shipmentDateArticle: "23(a)(iii)",
    departure: (d, t) => ({ what: "airport of departure", onDocument: str(d.airportOfDeparture), inCredit: portOfLoading(t), article: "23(a)(iv)", airports: true }),
    destination: (d, t) => ({ what: "airport of destination", onDocument: str(d.airportOfDestination), inCredit: portOfDischarge(t), article: "23(a)(iv)", airports: true }),
    signatureArticle: "23(a)(i)",
  },
  ROAD_RAIL_INLAND_WATERWAY_DOCUMENT: {
    article: "24",
    shipmentDate: (d) => str(d.receiptDate) ?? str(d.issueDate) ?? null,
    shipmentDateArticle: "24(a)(ii)",
    departure: (d, t) => ({ what: "place of shipment", onDocument: str(d.placeOfShipment), inCredit: placeOfDispatch(t), article: "24(a)(iii)" }),
    destination: (d, t) => ({ what: "place of destination", onDocument: str(d.placeOfDestination), inCredit: placeOfDestination(t), article: "24(a)(iii)" }),
    signatureArticle: "24(a)(i)",
  },
  COURIER_RECEIPT: {
    article: "25",
    shipmentDate: (d) => str(d.pickupDate) ?? null,
    shipmentDateArticle: "25(a)(ii)",
    departure: (d, t) => ({ what: "place of dispatch", onDocument: str(d.placeOfDispatch), inCredit: placeOfDispatch(t), article: d.service === "POST" ? "25(c)" : "25(a)(ii)" }),
    destination: null,
    signatureArticle: "25(a)(i)",
  },
};

/** A transport document other than a bill of lading, with the reading of its article. */
export interface OtherTransport extends Parsed<Data> {
  kind: OtherTransportKind;
  rules: TransportArticle;
}

export const isOtherTransportKind = (kind: DocumentKind): kind is OtherTransportKind => (OTHER_TRANSPORT_KINDS as readonly DocumentKind[]).includes(kind);
