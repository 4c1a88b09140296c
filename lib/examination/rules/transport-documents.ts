import { DOCUMENT_KIND_LABELS } from "@/lib/terms/schema";
import { checkByHand, finding, presentedInOriginal } from "../context";
import { compareAirports } from "../airports";
import { comparePorts } from "../ports";
import type { OtherTransport } from "../transport-documents";
import type { Rule, RuleOutcome } from "../types";
import { allowedByCredit } from "./requirements";
import { declaredDefect } from "./transport";

// The transport documents other than the bill of lading, each under its own article: multimodal
// (19), sea waybill (21), charter party bill of lading (22), air waybill (23), road, rail or
// inland waterway (24), courier and post receipts (25). What each kind must show is read by
// transport-documents.ts; the bill of lading keeps its own rules (transport.ts, art. 20).

const name = (t: OtherTransport) => DOCUMENT_KIND_LABELS[t.kind].toLowerCase();
const value = (t: OtherTransport, field: string) => t.data[field];

/**
 * Signed by whom its article names, the capacity indicated (19-24(a)(i)); a courier receipt names
 * its courier and is stamped or signed by it, a post receipt is stamped by the post (25(a)(i), (c)).
 * A capacity not captured is not guessed at.
 */
export const transportDocumentSigned: Rule = ({ otherTransport }) =>
  otherTransport.flatMap((t): RuleOutcome[] => {
    const fields = { rule: "transport-document-signature", article: t.rules.signatureArticle };
    if (t.kind === "COURIER_RECEIPT") {
      const post = value(t, "service") === "POST";
      const article = post ? "25(c)" : "25(a)(i)";
      const out: RuleOutcome[] = [];
      if (value(t, "service") === "COURIER" && typeof value(t, "courier") !== "string")
        out.push(finding(t, { ...fields, article, message: "The courier receipt does not indicate the name of the courier service.", found: "No courier named", expected: "The name of the courier service" }));
      if (value(t, "service") !== undefined && value(t, "stampedOrSigned") !== true)
        out.push(
          finding(t, {
            ...fields,
            article,
            message: post ? "The post receipt is not stamped by the post office." : "The courier receipt is not stamped or signed by the named courier service.",
            found: "Not stamped or signed",
            expected: post ? "Stamped by the post at the place of dispatch" : "Stamped or signed by the courier service",
          }),
        );
      return out;
    }
    const signedAs = value(t, "signedAs");
    const railStampOffRail = signedAs === "RAILWAY_STAMP" && value(t, "mode") !== "RAIL";
    if (signedAs !== "NOT_INDICATED" && !railStampOffRail) return [];
    return [
      finding(t, {
        ...fields,
        message: railStampOffRail
          ? `A railway's stamp authenticates only a rail transport document; this ${name(t)} is not signed by the carrier or a named agent.`
          : `The ${name(t)} does not indicate that it is signed by whom art. ${t.rules.article} requires, in that capacity.`,
        found: railStampOffRail ? "Railway stamp" : "Capacity of the signatory not indicated",
        expected: t.kind === "CHARTER_PARTY_BILL_OF_LADING" ? "Signed as master, owner or charterer, or named agent for one of them" : "Signed as carrier (or master), or named agent for either",
      }),
    ];
  });

/** Shipment on board a named vessel (21(a)(ii), 22(a)(ii)); goods accepted for carriage on an air waybill (23(a)(ii)). */
export const transportDocumentShipped: Rule = ({ otherTransport }) =>
  otherTransport.flatMap((t): RuleOutcome[] => {
    if ((t.kind === "SEA_WAYBILL" || t.kind === "CHARTER_PARTY_BILL_OF_LADING") && value(t, "shippedOnBoard") === false)
      return [finding(t, { rule: "transport-document-not-on-board", article: t.rules.shipmentDateArticle, message: `The ${name(t)} does not indicate that the goods were shipped on board a named vessel.`, found: "No on-board notation", expected: "Pre-printed 'shipped on board' wording or a dated on-board notation" })];
    if (t.kind === "AIR_WAYBILL" && value(t, "acceptedForCarriage") === false)
      return [finding(t, { rule: "air-waybill-not-accepted-for-carriage", article: "23(a)(ii)", message: "The air waybill does not indicate that the goods have been accepted for carriage.", found: "No acceptance for carriage", expected: "Goods accepted for carriage" })];
    return [];
  });

/**
 * The places the credit states (44A/44E from, 44B/44F to), by UN/LOCODE, name or range
 * (comparePorts); one that cannot be placed in a range is for the examiner.
 */
export const transportDocumentPlaces: Rule = ({ terms, otherTransport }) =>
  otherTransport.flatMap((t) =>
    [
      { rule: "transport-document-place-of-departure", leg: t.rules.departure(t.data, terms) },
      ...(t.rules.destination ? [{ rule: "transport-document-place-of-destination", leg: t.rules.destination(t.data, terms) }] : []),
    ].flatMap(({ rule, leg }): RuleOutcome[] => {
      if (leg.onDocument === undefined || leg.inCredit === undefined) return [];
      const comparison = (leg.airports ? compareAirports : comparePorts)(leg.inCredit, leg.onDocument);
      if (comparison === "same") return [];
      const fields = { rule, article: leg.article, found: leg.onDocument, expected: leg.inCredit };
      return comparison === "different"
        ? [finding(t, { ...fields, message: `The ${name(t)} does not show the ${leg.what} stated in the credit.` })]
        : [checkByHand(t, { ...fields, message: `The ${leg.what} on the ${name(t)} could not be matched with the credit's (a place outside the engine's tables, or one it cannot place in the credit's range): check it by hand.` })];
    }),
  );

/** The date of shipment each document gives by its article, against 44C (the bill of lading's is art. 20's rule). */
export const transportDocumentShippedInTime: Rule = ({ terms, otherTransport }) =>
  otherTransport.flatMap((t) => {
    const date = t.rules.shipmentDate(t.data);
    if (date === null || terms.latestShipmentDate === undefined || date <= terms.latestShipmentDate) return [];
    return [
      finding(t, {
        rule: "shipped-after-latest-shipment-date",
        article: t.rules.shipmentDateArticle,
        message: `The date of shipment shown by the ${name(t)} is after the latest shipment date of the credit.`,
        found: date,
        expected: `On or before ${terms.latestShipmentDate}`,
      }),
    ];
  });

/** The sole original or the full set as issued (19(a)(iv), 21(a)(iv), 22(a)(iv)); a copy is not held to it. */
export const transportDocumentFullSet: Rule = ({ otherTransport }) =>
  otherTransport
    .filter((t) => typeof value(t, "originalsIssued") === "number" && presentedInOriginal(t.doc) && (t.doc.originals ?? 1) < (value(t, "originalsIssued") as number))
    .map((t) =>
      finding(t, {
        rule: "transport-document-full-set",
        article: `${t.rules.article}(a)(iv)`,
        message: `The full set of originals of the ${name(t)} as issued was not presented.`,
        found: `${t.doc.originals ?? 1} of ${value(t, "originalsIssued") as number} originals`,
        expected: `${value(t, "originalsIssued") as number} of ${value(t, "originalsIssued") as number} originals`,
      }),
    );

/** The original for consignor or shipper (23(a)(v)); a road document for them or with no marking (24(b)(i)). */
export const transportDocumentForConsignor: Rule = ({ otherTransport }) =>
  otherTransport
    .filter((t) => value(t, "notForConsignor") === true && (t.kind === "AIR_WAYBILL" || value(t, "mode") === "ROAD"))
    .map((t) =>
      finding(t, {
        rule: "transport-document-not-for-consignor",
        article: t.kind === "AIR_WAYBILL" ? "23(a)(v)" : "24(b)(i)",
        message: `The ${name(t)} is marked as an original for someone other than the consignor or shipper.`,
        found: "Original for another party",
        expected: "The original for consignor or shipper",
      }),
    );

/**
 * Clean (27), not on deck (26(a)), and no charter party where the article forbids one (19(a)(vi),
 * 21(a)(vi)); each unless the credit's 46A conditions for the kind accept it.
 */
export const transportDocumentFace: Rule = ({ terms, otherTransport }) =>
  otherTransport.flatMap((t) => {
    const out: RuleOutcome[] = [];
    const allowed = allowedByCredit(terms, t.kind);
    const defect = typeof value(t, "clauses") === "string" && !allowed.claused ? declaredDefect(value(t, "clauses") as string) : null;
    if (defect) out.push(finding(t, { rule: "transport-document-not-clean", article: "27", message: `The ${name(t)} is not clean: it bears a clause declaring a defective condition of the goods or their packaging.`, found: defect, expected: "A clean transport document" }));
    if (value(t, "onDeck") === true && !allowed.onDeck) out.push(finding(t, { rule: "transport-document-on-deck", article: "26(a)", message: `The ${name(t)} states that the goods are loaded on deck.`, found: "Loaded on deck", expected: "No on-deck loading (a clause that they may be is acceptable)" }));
    if (value(t, "charterParty") === true && !allowed.charterParty && (t.kind === "MULTIMODAL_TRANSPORT_DOCUMENT" || t.kind === "SEA_WAYBILL"))
      out.push(finding(t, { rule: "transport-document-charter-party", article: `${t.rules.article}(a)(vi)`, isbp: t.kind === "MULTIMODAL_TRANSPORT_DOCUMENT" ? "D1(b)(ii)" : undefined, message: `The ${name(t)} indicates that it is subject to a charter party.`, found: "Subject to a charter party", expected: "No charter party" }));
    return out;
  });

/**
 * Transhipment on a sea waybill where the credit prohibits it, for goods not in containers (21(c)).
 * Multimodal, air and road, rail or inland waterway documents may show it under one document for
 * the whole carriage (19(c), 23(c), 24(e)): never a discrepancy.
 */
export const seaWaybillTranshipment: Rule = ({ terms, otherTransport }) =>
  terms.transhipment === "ALLOWED"
    ? []
    : otherTransport
        .filter((t) => t.kind === "SEA_WAYBILL" && value(t, "transhipment") === true && value(t, "containerised") !== true)
        .map((t) =>
          finding(t, {
            rule: "transhipment-prohibited",
            article: "21(c)",
            message: "The credit prohibits transhipment and the sea waybill indicates transhipment of goods not shipped in containers.",
            found: "Transhipment indicated",
            expected: "No transhipment (or goods shipped in containers)",
          }),
        );
