import { type Consignee, FREIGHT_LABELS, INSURANCE_RISKS, type InsuranceRisk, RISK_LABELS, issuerWords } from "@/lib/terms/conditions";
import { DOCUMENT_KIND_LABELS, type DocumentKind, type RequiredDocument, type Terms } from "@/lib/terms/schema";
import { checkByHand, compact, finding } from "../context";
import { sameCompanyName } from "../names";
import { comparePorts } from "../ports";
import type { ExaminationContext, Parsed, PresentedDocument, Rule, RuleOutcome } from "../types";

// What 46A requires of each document as data (lib/terms/conditions.ts), against what was captured
// from the documents presented. A condition the credit does not state is not checked; a detail the
// document's record lacks is a point to check by hand, never a discrepancy. What 46A says only in
// free text (`details`) is quoted to the examiner to check by hand.

type Data = Record<string, unknown>;

/** The credit's requirement for a kind of document (kinds other than "other" are listed once). */
export const requirementFor = (terms: Pick<Terms, "documentsRequired">, kind: DocumentKind): RequiredDocument | undefined =>
  terms.documentsRequired.find((d) => d.kind === kind);

const label = (doc: PresentedDocument) => DOCUMENT_KIND_LABELS[doc.kind].toLowerCase();
const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

/** Transport documents whose consignee, notify party and freight are captured (a courier receipt has none). */
const transportDocuments = ({ billsOfLading, otherTransport }: ExaminationContext) =>
  [...billsOfLading, ...otherTransport.filter((t) => t.kind !== "COURIER_RECEIPT")] as Parsed<Data>[];

/** Each transport document with the credit's transport conditions for its kind, when the credit states any. */
const withTransportConditions = (context: ExaminationContext) =>
  transportDocuments(context).flatMap((t) => {
    const conditions = requirementFor(context.terms, t.doc.kind)?.conditions?.transport;
    return conditions ? [{ t, conditions }] : [];
  });

/** "To order", "to the order of X", "order of X": made out to order, and of whom (null: of no one named). */
export function readOrder(consignee: string): { order: boolean; of: string | null } {
  const match = /^\s*(?:to\s+)?(?:the\s+)?order(?:\s+of\s+(?:the\s+)?(.+?))?\s*[.,]?\s*$/i.exec(consignee);
  return match ? { order: true, of: match[1]?.trim() || null } : { order: false, of: null };
}

const CONSIGNEE_EXPECTED: Record<Consignee, string> = {
  TO_ORDER: "Made out to order",
  TO_ORDER_OF_ISSUING_BANK: "Made out to order of the issuing bank",
  TO_ORDER_OF_SHIPPER: "Made out to order of the shipper",
  NAMED: "Consigned to",
  APPLICANT: "Consigned to the applicant",
};

type Verdict = "same" | "different" | "undetermined";

/** The consignee box against the credit's requirement (ISBP 821 E: consignee, order party). */
function consigneeVerdict(required: { consignee: Consignee; consigneeName?: string }, shown: string, data: Data, context: ExaminationContext): Verdict {
  const { order, of } = readOrder(shown);
  const is = (name: string | undefined, party: string | null) => party !== null && name !== undefined && sameCompanyName(name, party);
  switch (required.consignee) {
    case "TO_ORDER":
      // "To order" unnamed is to the shipper's order: the same thing.
      return order && (of === null || /^shipper$/i.test(of)) ? "same" : "different";
    case "TO_ORDER_OF_SHIPPER":
      return order && (of === null || /^shipper$/i.test(of) || is(context.terms.beneficiary.name, of) || is(text(data.shipper), of)) ? "same" : "different";
    case "TO_ORDER_OF_ISSUING_BANK":
      if (!order || of === null) return "different";
      if (/^issuing\s+bank$/i.test(of) || is(context.issuingBank ?? undefined, of)) return "same";
      // A bank named without the examination knowing the issuing bank's name: the examiner tells.
      return /\b(?:bank|banque|banca|banco)\b/i.test(of) && !context.issuingBank ? "undetermined" : "different";
    case "NAMED":
      return !order && sameCompanyName(required.consigneeName ?? "", shown) ? "same" : "different";
    case "APPLICANT":
      return !order && sameCompanyName(context.terms.applicant.name, shown) ? "same" : "different";
  }
}

export const transportConsigneeAsRequired: Rule = (context) =>
  withTransportConditions(context).flatMap(({ t, conditions }): RuleOutcome[] => {
    if (!conditions.consignee) return [];
    const expected = conditions.consignee === "NAMED" ? `Consigned to ${conditions.consigneeName}` : CONSIGNEE_EXPECTED[conditions.consignee];
    const shown = text(t.data.consignee);
    const fields = { rule: "transport-document-consignee", article: "14(d)", expected };
    if (shown === undefined)
      return [checkByHand(t, { ...fields, found: "Consignee not recorded", message: `The credit requires the ${label(t.doc)} ${expected.toLowerCase()}; its consignee was not recorded: check it on the document.` })];
    const verdict = consigneeVerdict({ consignee: conditions.consignee, consigneeName: conditions.consigneeName }, shown, t.data, context);
    if (verdict === "same") return [];
    return verdict === "different"
      ? [finding(t, { ...fields, found: shown, message: `The ${label(t.doc)} is not made out as the credit requires (consignee, order party).` })]
      : [checkByHand(t, { ...fields, found: shown, message: `The ${label(t.doc)} is made out to the order of a bank the examination cannot match with the issuing bank: check by hand.` })];
  });

export const transportNotifyPartyAsRequired: Rule = (context) =>
  withTransportConditions(context).flatMap(({ t, conditions }): RuleOutcome[] => {
    if (!conditions.notifyParty || conditions.notifyParty === "NONE") return [];
    const party = conditions.notifyParty === "APPLICANT" ? context.terms.applicant.name : (conditions.notifyPartyName ?? "");
    const expected = `Notify ${party}`;
    const shown = text(t.data.notifyParty);
    const fields = { rule: "transport-document-notify-party", article: "14(d)", expected };
    if (shown === undefined)
      return [checkByHand(t, { ...fields, found: "Notify party not recorded", message: `The credit requires the ${label(t.doc)} to notify ${party}; its notify party was not recorded: check it on the document.` })];
    return sameCompanyName(party, shown)
      ? []
      : [finding(t, { ...fields, found: shown, message: `The notify party on the ${label(t.doc)} is not the one the credit requires.` })];
  });

export const transportFreightAsRequired: Rule = (context) =>
  withTransportConditions(context).flatMap(({ t, conditions }): RuleOutcome[] => {
    if (!conditions.freight) return [];
    const expected = `Marked ${FREIGHT_LABELS[conditions.freight].toLowerCase()}`;
    const shown = t.data.freight as "PREPAID" | "COLLECT" | undefined;
    const fields = { rule: "transport-document-freight", article: "14(d)", expected };
    if (shown === undefined)
      return [checkByHand(t, { ...fields, found: "Freight marking not recorded", message: `The credit requires the ${label(t.doc)} ${expected.toLowerCase()}; its freight marking was not recorded: check it on the document.` })];
    return shown === conditions.freight
      ? []
      : [finding(t, { ...fields, found: `Marked ${FREIGHT_LABELS[shown].toLowerCase()}`, message: `The ${label(t.doc)} is not marked as to freight as the credit requires.` })];
  });

/**
 * "Shipped on board" required of a multimodal transport document: its record has no on-board
 * indication (bills of lading, sea waybills and charter party bills are held to one by their
 * articles anyway), so the examiner looks for the notation.
 */
export const transportOnBoardAsRequired: Rule = (context) =>
  withTransportConditions(context)
    .filter(({ t, conditions }) => conditions.onBoard === true && t.doc.kind === "MULTIMODAL_TRANSPORT_DOCUMENT")
    .map(({ t }) =>
      checkByHand(t, {
        rule: "transport-document-on-board-required",
        article: "19(a)(ii)",
        message: "The credit requires the multimodal transport document to show the goods shipped on board: check by hand for a dated on-board notation.",
        found: null,
        expected: "A dated on-board notation",
      }),
    );

/** What the credit allows of a kind of transport document that UCP 600 would otherwise refuse. */
export const allowedByCredit = (terms: Pick<Terms, "documentsRequired">, kind: DocumentKind) => {
  const t = requirementFor(terms, kind)?.conditions?.transport;
  return { charterParty: t?.charterPartyAllowed === true, onDeck: t?.onDeckAllowed === true, claused: t?.clean === false };
};

// Risks as insurance documents word them: "all risks", "ICC (A)", "Institute Cargo Clauses (A)", "war risks", "SRCC".
const RISK_WORDS: Record<InsuranceRisk, RegExp> = {
  ALL_RISKS: /\ball[\s-]+risks?\b/i,
  ICC_A: /\b(?:I\.?C\.?C\.?|institute\s+cargo\s+clauses?)\s*[(\s]\s*A\s*\)?(?![\w])/i,
  ICC_B: /\b(?:I\.?C\.?C\.?|institute\s+cargo\s+clauses?)\s*[(\s]\s*B\s*\)?(?![\w])/i,
  ICC_C: /\b(?:I\.?C\.?C\.?|institute\s+cargo\s+clauses?)\s*[(\s]\s*C\s*\)?(?![\w])/i,
  WAR: /\bwar\b/i,
  STRIKES: /\bstrikes?\b|\bS\.?R\.?C\.?C\.?\b/i,
};
/** The Institute Cargo Clauses from widest to narrowest: (A) covers what (B) does, (B) what (C) does. */
const CARGO_CLAUSES: readonly InsuranceRisk[] = ["ICC_A", "ICC_B", "ICC_C"];

/** The risks a policy's wording covers, as far as it can be read. */
export const risksCovered = (wording: string): InsuranceRisk[] => INSURANCE_RISKS.filter((risk) => RISK_WORDS[risk].test(wording));

/**
 * Whether the policy's wording meets one risk the credit requires. "All risks" (art. 28(h)) is met
 * by any "all risks" notation or clause, whatever risks it states are excluded, and by Institute
 * Cargo Clauses (A) (ISBP 821 K18). Art. 28(h) works one way only: a credit asking for ICC (A) is
 * not met by an "all risks" clause, which is not the Institute's clauses.
 */
const meets = (risk: InsuranceRisk, covered: readonly InsuranceRisk[]) => covered.includes(risk) || (risk === "ALL_RISKS" && covered.includes("ICC_A"));

/**
 * Art. 28(g), 28(h): the insurance document covers the risks the credit requires. A cargo clause
 * wider than required (ICC (A) or "all risks" for (B)) is for the examiner: 28(g) asks for the
 * risks required, and banks differ on whether wider cover complies.
 */
export const insuranceRisksAsRequired: Rule = ({ terms, insurance }) => {
  const required = requirementFor(terms, "INSURANCE_CERTIFICATE")?.conditions?.insurance?.risks ?? [];
  if (required.length === 0) return [];
  return insurance.flatMap((policy): RuleOutcome[] => {
    const wording = policy.data.risks;
    if (wording === undefined) return []; // named among the document's missing details
    const covered = risksCovered(wording);
    const missing = required.filter((risk) => !meets(risk, covered));
    const fields = { rule: "insurance-risks", article: "28(g)", found: wording, expected: required.map((r) => RISK_LABELS[r]).join(", ") };
    const widerThan = (risk: InsuranceRisk) =>
      CARGO_CLAUSES.includes(risk) && risk !== "ICC_A" && covered.some((c) => c === "ALL_RISKS" || (CARGO_CLAUSES.includes(c) && CARGO_CLAUSES.indexOf(c) < CARGO_CLAUSES.indexOf(risk)));
    const wider = missing.filter(widerThan);
    const short = missing.filter((risk) => !wider.includes(risk));
    if (short.includes("ALL_RISKS"))
      return [
        finding(policy, {
          ...fields,
          article: "28(h)",
          isbp: "K18",
          message: `The insurance document contains no "all risks" notation or clause, nor Institute Cargo Clauses (A), though the credit requires insurance against all risks${short.length > 1 ? `, nor cover for ${short.filter((r) => r !== "ALL_RISKS").map((r) => RISK_LABELS[r]).join(", ")}` : ""}.`,
        }),
      ];
    if (short.includes("ICC_A") && covered.includes("ALL_RISKS"))
      return [
        finding(policy, {
          ...fields,
          message: `The insurance document shows "all risks" cover, not Institute Cargo Clauses (A), which the credit requires (art. 28(h) accepts an "all risks" clause only for a credit requiring all risks)${short.length > 1 ? `; nor does it indicate cover for ${short.filter((r) => r !== "ICC_A").map((r) => RISK_LABELS[r]).join(", ")}` : ""}.`,
        }),
      ];
    if (short.length > 0)
      return [finding(policy, { ...fields, message: `The insurance document does not indicate cover for ${short.map((r) => RISK_LABELS[r]).join(", ")}, which the credit requires.` })];
    if (wider.length > 0)
      return [checkByHand(policy, { ...fields, message: `The insurance document covers wider cargo clauses than the credit requires (${wider.map((r) => RISK_LABELS[r]).join(", ")} required): check by hand.` })];
    return [];
  });
};

/** Art. 28(f)(iii): cover at least from and to the places the credit states. */
export const insuranceCoverPlaces: Rule = ({ terms, insurance }) => {
  const required = requirementFor(terms, "INSURANCE_CERTIFICATE")?.conditions?.insurance;
  const legs = [
    { end: "from", inCredit: required?.coverFrom, field: "coverFromPlace" as const },
    { end: "to", inCredit: required?.coverTo, field: "coverToPlace" as const },
  ].filter((leg): leg is typeof leg & { inCredit: string } => leg.inCredit !== undefined);
  return insurance.flatMap((policy) =>
    legs.flatMap(({ end, inCredit, field }): RuleOutcome[] => {
      const shown = text(policy.data[field]);
      const fields = { rule: "insurance-cover-places", article: "28(f)(iii)", expected: `Cover ${end} ${inCredit}` };
      if (shown === undefined)
        return [checkByHand(policy, { ...fields, found: `Place cover runs ${end} not recorded`, message: `The credit requires cover ${end} ${inCredit}; where the insurance cover runs ${end} was not recorded: check it on the document.` })];
      const comparison = comparePorts(inCredit, shown);
      if (comparison === "same") return [];
      return comparison === "different"
        ? [finding(policy, { ...fields, found: shown, message: `The insurance document does not show cover ${end} the place the credit states.` })]
        : [checkByHand(policy, { ...fields, found: shown, message: `Where the insurance cover runs ${end} could not be matched with the place the credit states: check by hand.` })];
    }),
  );
};

/** Who issued a document, as captured: its issuer, a transport document's carrier, a draft's drawer. */
const issuerOf = (data: Data) => text(data.issuer) ?? text(data.carrier) ?? text(data.courier) ?? text(data.drawer) ?? text(data.signedBy);

const CHAMBER = /\b(?:chamber\s+of\s+commerce|chambre\s+de\s+commerce|(?:industrie-\s+und\s+)?handelskammer|kamer\s+van\s+koophandel|camera\s+di\s+commercio|c[aá]mara\s+de\s+comercio|CCPIT|council\s+for\s+the\s+promotion\s+of\s+international\s+trade)\b/i;
const INSURER = /\b(?:insur\w*|assur\w*|underwriters?|lloyd'?s|versicherung\w*|verzeker\w*|mutual)\b/i;

/**
 * Art. 14(f) (and 28(a) for insurance, ISBP 821 L3 for a certificate of origin): the document
 * is issued by whom the credit names. The invoice (18(a)(i)) and a beneficiary's certificate have
 * rules of their own; a transport document's issuer is its signature rule's (19-25).
 */
export const documentIssuerAsRequired: Rule = (context) => {
  const { terms, documents, incomplete } = context;
  // An issuer the document's kind requires and its record lacks is already a point to check (document-details-incomplete).
  const issuerUnreadable = (doc: PresentedDocument) => incomplete.some((i) => i.doc === doc && Object.keys(i.problems).some((f) => ["issuer", "carrier", "drawer", "signedBy"].includes(f)));
  return terms.documentsRequired.flatMap((required) => {
    const issuer = required.conditions?.issuer;
    // "Other" documents: several lines may share the kind, so which issuer a document answers to is the examiner's.
    if (!issuer || required.kind === "COMMERCIAL_INVOICE" || required.kind === "OTHER" || issuer.kind === "CARRIER_OR_AGENT") return [];
    if (required.kind === "BENEFICIARY_CERTIFICATE" && issuer.kind === "BENEFICIARY") return [];
    const article = required.kind === "INSURANCE_CERTIFICATE" ? "28(a)" : "14(f)";
    // ISBP 821 L3: a certificate of origin is issued by the entity the credit states.
    const isbp = required.kind === "CERTIFICATE_OF_ORIGIN" ? "L3" : undefined;
    const expected = `Issued by ${issuerWords(issuer)}`;
    return documents
      .filter((doc) => doc.kind === required.kind)
      .flatMap((doc): RuleOutcome[] => {
        const shown = issuerOf(doc.data ?? {});
        const fields = { rule: "document-issuer", article, expected, isbp };
        if (shown === undefined && issuerUnreadable(doc)) return [];
        if (shown === undefined)
          return [checkByHand(doc, { ...fields, found: "Issuer not recorded", message: `The credit requires the ${label(doc)} to be ${expected.toLowerCase()}; its issuer was not recorded: check it on the document.` })];
        const verdict = issuerVerdict(issuer, shown, terms.beneficiary.name);
        if (verdict === "same") return [];
        return verdict === "different"
          ? [finding(doc, { ...fields, found: shown, message: `The ${label(doc)} is not issued by the issuer the credit names.` })]
          : [checkByHand(doc, { ...fields, found: shown, message: `The issuer of the ${label(doc)} could not be matched with the issuer the credit names: check by hand.` })];
      });
  });
};

function issuerVerdict(issuer: NonNullable<NonNullable<RequiredDocument["conditions"]>["issuer"]>, shown: string, beneficiary: string): Verdict {
  switch (issuer.kind) {
    case "BENEFICIARY":
      return sameCompanyName(beneficiary, shown) ? "same" : "different";
    case "NAMED": {
      const name = issuer.name ?? "";
      if (sameCompanyName(name, shown)) return "same";
      // "SGS" named, "SGS Nederland B.V." issued: the same group, perhaps; the examiner decides.
      return compact(shown).includes(compact(name)) || compact(name).includes(compact(shown)) ? "undetermined" : "different";
    }
    case "CHAMBER_OF_COMMERCE":
      if (CHAMBER.test(shown)) return "same";
      return sameCompanyName(beneficiary, shown) ? "different" : "undetermined";
    case "INSURER_OR_AGENT":
      if (sameCompanyName(beneficiary, shown)) return "different";
      return INSURER.test(shown) ? "same" : "undetermined";
    case "CARRIER_OR_AGENT":
      return "same";
  }
}

/**
 * What 46A states only in words (a document's `details`): the checks cannot read it, so the
 * examiner is shown it for each document of that kind presented, to check by hand (art. 14(a)).
 * "Other" documents may be several lines of one kind: each line's words once, for the
 * presentation, as which document answers which line is the examiner's. A beneficiary's
 * certificate's words are compared by its own rule.
 */
export const requirementTextByHand: Rule = ({ terms, documents }) =>
  terms.documentsRequired.flatMap((required) => {
    const words = required.details?.trim();
    if (!words || required.kind === "BENEFICIARY_CERTIFICATE") return [];
    const presented = documents.filter((doc) => doc.kind === required.kind);
    const what = DOCUMENT_KIND_LABELS[required.kind].toLowerCase();
    const point = (doc: PresentedDocument | null) =>
      checkByHand(doc, {
        rule: "credit-requirement-in-words",
        article: "14(a)",
        message: `The credit requires of ${doc ? "the" : "an"} ${what}, in words the checks cannot read: “${words}”. Check it on the document${doc ? "" : "s presented"}.`,
        found: null,
        expected: words,
      });
    if (required.kind === "OTHER") return presented.length > 0 ? [point(null)] : [];
    return presented.map(point);
  });
