import { checkByHand, compact, finding, presentedInOriginal, withDetails } from "../context";
import { comparePorts } from "../ports";
import type { Rule, RuleOutcome } from "../types";
import { allowedByCredit } from "./requirements";

// Art. 20 (bill of lading) and art. 31 (partial shipments): the goods shipped on board a named
// vessel, between the ports of the credit, the full set of originals, as the credit allows.

export const billOfLadingShippedOnBoard: Rule = ({ billsOfLading }) =>
  withDetails(billsOfLading, "shippedOnBoard")
    .filter((b) => !b.data.shippedOnBoard)
    .map((b) =>
      finding(b, {
        rule: "bill-of-lading-not-on-board",
        article: "20(a)(ii)",
        message: "The bill of lading does not indicate that the goods were shipped on board a named vessel.",
        found: "No on-board notation",
        expected: "Pre-printed 'shipped on board' wording or a dated on-board notation",
      }),
    );

/**
 * Art. 20(a)(i): signed by the carrier or the master, or a named agent for either, the capacity
 * indicated. Checked when the capacity was captured; a bill captured without it is not guessed at.
 */
export const billOfLadingSigned: Rule = ({ billsOfLading }) =>
  billsOfLading
    .filter((b) => b.data.signedAs === "NOT_INDICATED")
    .map((b) =>
      finding(b, {
        rule: "bill-of-lading-signature",
        article: "20(a)(i)",
        message: "The bill of lading does not indicate that it is signed by the carrier or the master, or by a named agent for either.",
        found: "Capacity of the signatory not indicated",
        expected: "Signed as carrier, master, or named agent for either",
      }),
    );

// Art. 27: a clause or notation expressly declaring a defective condition of the goods or their
// packaging. Words that describe the goods' state, not their description ("said to contain" and
// "shipper's load and count" are not such clauses: ISBP 821 section E, clean bills of lading).
const DEFECT = /\b(damaged|torn|broken|wet|stained|rust(?:y|ed)?|dented|leak(?:ing|ed)?|crushed|punctured|insufficient(?:ly)?\s+pack|(?:in\s+)?bad\s+order|used\s+(?:drums|bags|cases|cartons)|second[- ]hand\s+(?:drums|bags|cases|cartons)|defective)\b/i;
const NEGATED = /\b(no|not|without|free\s+(?:of|from))\s+(?:\w+\s+){0,2}$/i;

/** The defect a clause declares, unless it denies it ("no damage", "not wet"). */
export function declaredDefect(clauses: string): string | null {
  for (const sentence of clauses.split(/[.;\n]+/)) {
    const match = DEFECT.exec(sentence);
    if (match && !NEGATED.test(sentence.slice(0, match.index))) return sentence.trim();
  }
  return null;
}

/** Art. 27, unless the credit expressly accepts a claused bill (46A: "clean" answered no; art. 1 lets a credit exclude a rule). */
export const billOfLadingClean: Rule = ({ terms, billsOfLading }) =>
  (allowedByCredit(terms, "BILL_OF_LADING").claused ? [] : billsOfLading).flatMap((b) => {
    const defect = b.data.clauses ? declaredDefect(b.data.clauses) : null;
    return defect
      ? [finding(b, { rule: "bill-of-lading-not-clean", article: "27", message: "The bill of lading is not clean: it bears a clause declaring a defective condition of the goods or their packaging.", found: defect, expected: "A clean transport document" })]
      : [];
  });

/** Art. 26(a): a transport document must not state that the goods are or will be loaded on deck, unless the credit allows it (46A). */
export const billOfLadingNotOnDeck: Rule = ({ terms, billsOfLading }) =>
  billsOfLading
    .filter((b) => b.data.onDeck === true && !allowedByCredit(terms, "BILL_OF_LADING").onDeck)
    .map((b) => finding(b, { rule: "bill-of-lading-on-deck", article: "26(a)", message: "The bill of lading states that the goods are loaded on deck.", found: "Loaded on deck", expected: "No on-deck loading (a clause that they may be is acceptable)" }));

/**
 * Art. 20(a)(vi): a bill of lading must contain no indication that it is subject to a charter
 * party (ISBP 821 E1(b)), unless the credit accepts charter party bills (46A), when art. 22 governs.
 */
export const billOfLadingNoCharterParty: Rule = ({ terms, billsOfLading }) =>
  billsOfLading
    .filter((b) => b.data.charterParty === true && !allowedByCredit(terms, "BILL_OF_LADING").charterParty)
    .map((b) =>
      finding(b, {
        rule: "bill-of-lading-charter-party",
        article: "20(a)(vi)",
        message: "The bill of lading indicates that it is subject to a charter party; the credit calls for a bill of lading, not a charter party bill of lading (art. 22).",
        found: "Subject to a charter party",
        expected: "No charter party",
      }),
    );

/**
 * Art. 20(a)(iii): shipment from the port of loading to the port of discharge the credit states, or
 * from and to a port inside the range it states (ISBP 821 section E, ports of loading and discharge); read by UN/LOCODE and name.
 */
export const billOfLadingPorts: Rule = ({ terms, billsOfLading }) =>
  billsOfLading.flatMap((b) => {
    const legs = [
      { rule: "bill-of-lading-port-of-loading", port: "port of loading", inCredit: terms.portOfLoading, onBill: b.data.portOfLoading, what: "shipment from the port of loading" },
      { rule: "bill-of-lading-port-of-discharge", port: "port of discharge", inCredit: terms.portOfDischarge, onBill: b.data.portOfDischarge, what: "the port of discharge" },
    ];
    return legs.flatMap(({ rule, port, inCredit, onBill, what }) => {
      if (onBill === undefined) return [];
      const comparison = comparePorts(inCredit, onBill);
      if (comparison === "same") return [];
      const fields = { rule, article: "20(a)(iii)", found: onBill, expected: inCredit };
      return comparison === "different"
        ? [finding(b, { ...fields, message: `The bill of lading does not show ${what} stated in the credit.` })]
        : [checkByHand(b, { ...fields, message: `The ${port} on the bill of lading could not be placed inside the range the credit states (no country or UN/LOCODE shown): check it by hand.` })];
    });
  });

/**
 * Art. 20(a)(iv): the sole original or, if issued in more than one original, the full set. A bill
 * presented in copies only is no original of the set (whether originals were due is art. 17's).
 */
export const billOfLadingFullSet: Rule = ({ billsOfLading }) =>
  withDetails(billsOfLading, "originalsIssued")
    .filter((b) => presentedInOriginal(b.doc) && (b.doc.originals ?? 1) < b.data.originalsIssued)
    .map((b) =>
      finding(b, {
        rule: "bill-of-lading-full-set",
        article: "20(a)(iv)",
        message: "The full set of original bills of lading as issued was not presented.",
        found: `${b.doc.originals ?? 1} of ${b.data.originalsIssued} originals`,
        expected: `${b.data.originalsIssued} of ${b.data.originalsIssued} originals`,
      }),
    );

/** Art. 20(c): transhipment may be shown despite a prohibition only when the goods travel in containers. */
export const transhipmentAsAllowed: Rule = ({ terms, billsOfLading }) =>
  terms.transhipment === "ALLOWED"
    ? []
    : withDetails(billsOfLading, "transhipment", "containerised")
        .filter((b) => b.data.transhipment && !b.data.containerised)
        .map((b) =>
          finding(b, {
            rule: "transhipment-prohibited",
            article: "20(c)",
            message: "The credit prohibits transhipment and the bill of lading indicates transhipment of goods not shipped in containers.",
            found: "Transhipment indicated",
            expected: "No transhipment (or goods shipped in containers)",
          }),
        );

/**
 * Art. 31: with partial shipments prohibited, the credit is drawn once (31a), and several bills of
 * lading are one shipment only when they show the same vessel on the same voyage to the same
 * destination, whatever their dates or ports of loading (31b). A vessel or voyage a bill does not
 * state is not held against it, nor a destination whose sameness cannot be told.
 */
/** A vessel's name without the prefix of its kind ("M/V", "MV", "M.V.", "MS", "SS"): "M/V Maersk Elba" is "Maersk Elba". */
export const vesselName = (name: string) => compact(name.replace(/^\s*(?:m\s*[/.]?\s*v|m\s*[/.]?\s*s|s\s*[/.]?\s*s)\b\.?\s*/i, ""));

/** A voyage number without its label ("V.", "Voy.", "Voyage"): "Voy. 012E" is "012E". */
export const voyageNumber = (voyage: string) => compact(voyage.replace(/^\s*(?:voyage|voy|v)\b\.?\s*(?:no\.?\s*)?/i, ""));

export const partialShipmentsAsAllowed: Rule = ({ terms, billsOfLading, otherTransport, earlierPresentations }) => {
  if (terms.partialShipments === "ALLOWED") return [];
  const findings: RuleOutcome[] = [];
  if (earlierPresentations > 0) {
    findings.push(
      finding(null, {
        rule: "partial-drawing-prohibited",
        article: "31(a)",
        message: `Partial shipments are not allowed, and the credit already has ${earlierPresentations} earlier presentation${earlierPresentations === 1 ? "" : "s"}.`,
        found: `Presentation ${earlierPresentations + 1}`,
        expected: "A single presentation",
      }),
    );
  }
  // Sea waybills and charter party bills name their vessel as bills of lading do (31(b)).
  const byVessel = [
    ...billsOfLading.map((b) => b.data),
    ...otherTransport.filter((t) => t.kind === "SEA_WAYBILL" || t.kind === "CHARTER_PARTY_BILL_OF_LADING").map((t) => t.data as { vessel?: string; voyage?: string; portOfDischarge?: string }),
  ];
  const differ = (values: (string | undefined)[], read: (v: string) => string) => new Set(values.flatMap((v) => (v ? [read(v)] : []))).size > 1;
  const destinations = byVessel.flatMap((b) => (b.portOfDischarge ? [b.portOfDischarge] : []));
  const anotherDestination = destinations.some((a, i) => destinations.slice(i + 1).some((b) => comparePorts(a, b) === "different"));
  if (differ(byVessel.map((b) => b.vessel), vesselName) || differ(byVessel.map((b) => b.voyage), voyageNumber) || anotherDestination) {
    findings.push(
      finding(null, {
        rule: "partial-shipment-prohibited",
        article: "31(b)",
        message: "Partial shipments are not allowed, and the transport documents show more than one vessel, voyage or destination.",
        found: byVessel.map((b) => `${b.vessel ?? "vessel not stated"}${b.voyage ? ` voyage ${b.voyage}` : ""} to ${b.portOfDischarge ?? "destination not stated"}`).join("; "),
        expected: "One vessel, one voyage, one destination",
      }),
    );
  }
  // Multimodal, air, road, rail and courier documents do not capture their means of conveyance: several are the examiner's (31(b), 31(c)).
  const unplaced = otherTransport.filter((t) => t.kind !== "SEA_WAYBILL" && t.kind !== "CHARTER_PARTY_BILL_OF_LADING" && presentedInOriginal(t.doc));
  if (unplaced.length > 1 || (unplaced.length === 1 && byVessel.length > 0)) {
    findings.push(
      checkByHand(null, {
        rule: "partial-shipment-prohibited",
        article: unplaced.every((t) => t.kind === "COURIER_RECEIPT") ? "31(c)" : "31(b)",
        message: "Partial shipments are not allowed, and more than one transport document was presented: check by hand that they evidence one journey on one means of conveyance to one destination (or, for courier or post receipts, one courier, place and date of dispatch).",
        found: `${unplaced.length + byVessel.length} transport documents`,
        expected: "One shipment",
      }),
    );
  }
  return findings;
};
