import type { DocumentKind } from "@/lib/terms/schema";

// What each rule cites: the UCP 600 articles its outcomes may name, and the ISBP 821 paragraph or
// section that tells examiners how to read the point. One list, read three ways: `outcome()` in
// context.ts adds the ISBP citation to each message, citations.test.ts checks the list's shape,
// and corpus.test.ts checks every outcome of every case against it. A paragraph is cited only
// where its text was checked (README.md, "Citations"); elsewhere the section is.

/** ISBP 821's sections, with their paragraph count where it is known (a paragraph may be cited only there). */
export const ISBP_SECTIONS = {
  A: { title: "General principles", paragraphs: 41 },
  B: { title: "Drafts and calculation of maturity date", paragraphs: 18 },
  C: { title: "Invoices", paragraphs: 15 },
  D: { title: "Transport document covering at least two different modes of transport", paragraphs: 32 },
  E: { title: "Bill of lading", paragraphs: 28 },
  F: { title: "Non-negotiable sea waybill", paragraphs: null },
  G: { title: "Charter party bill of lading", paragraphs: null },
  H: { title: "Air transport document", paragraphs: null },
  J: { title: "Road, rail or inland waterway transport documents", paragraphs: null },
  K: { title: "Insurance document and coverage", paragraphs: 23 },
  L: { title: "Certificate of origin", paragraphs: 8 },
  M: { title: "Packing list, note or slip", paragraphs: null },
  N: { title: "Weight list, note or slip", paragraphs: null },
  P: { title: "Beneficiary's certificate", paragraphs: null },
  Q: { title: "Analysis, inspection, health, phytosanitary, quantity, quality and other certificates", paragraphs: null },
} as const satisfies Record<string, { title: string; paragraphs: number | null }>;
export type IsbpSection = keyof typeof ISBP_SECTIONS;

/** The ISBP 821 section that governs a kind of document (none for a courier receipt, a standby's documents or "other"). */
export const ISBP_SECTION_OF: Partial<Record<DocumentKind, IsbpSection>> = {
  DRAFT: "B",
  COMMERCIAL_INVOICE: "C",
  MULTIMODAL_TRANSPORT_DOCUMENT: "D",
  BILL_OF_LADING: "E",
  SEA_WAYBILL: "F",
  CHARTER_PARTY_BILL_OF_LADING: "G",
  AIR_WAYBILL: "H",
  ROAD_RAIL_INLAND_WATERWAY_DOCUMENT: "J",
  INSURANCE_CERTIFICATE: "K",
  CERTIFICATE_OF_ORIGIN: "L",
  PACKING_LIST: "M",
  BENEFICIARY_CERTIFICATE: "P",
  INSPECTION_CERTIFICATE: "Q",
};

/** "section E" for a bill of lading; null for a kind ISBP 821 has no section for. */
export const sectionOfKind = (kind: DocumentKind | null): string | null => {
  const section = kind ? ISBP_SECTION_OF[kind] : undefined;
  return section ? `section ${section}` : null;
};

/** An ISBP 821 citation: "section E", or a paragraph of a section whose paragraphs are known ("E5", "E1(b)", "D1(b)(ii)"). */
export function isIsbpCitation(citation: string): boolean {
  const section = /^section ([A-Z])$/.exec(citation);
  if (section) return Object.hasOwn(ISBP_SECTIONS, section[1]!);
  const paragraph = /^([A-Z])([1-9]\d?)(?:\([a-z]\)(?:\([ivx]+\))?)?$/.exec(citation);
  if (!paragraph || !Object.hasOwn(ISBP_SECTIONS, paragraph[1]!)) return false;
  const count = ISBP_SECTIONS[paragraph[1] as IsbpSection].paragraphs;
  return count !== null && Number(paragraph[2]) <= count;
}

/** A UCP 600 article or sub-article: 1 to 39, e.g. "27", "14(d)", "20(a)(ii)". */
export function isUcpArticle(article: string): boolean {
  const match = /^([1-9]\d?)(?:\([a-z]\)(?:\([ivx]+\))?)?$/.exec(article);
  return match !== null && Number(match[1]) <= 39;
}

/**
 * A rule's citations. `ucp`: every article its outcomes may name. `isbp`: the ISBP 821 citation
 * its messages carry: one citation, or one by the kind of the document the outcome is about
 * (`"by-kind"`: that kind's section). `alsoIsbp`: narrower citations a rule gives in some cases
 * (e.g. K18 when the credit asks for "all risks").
 */
export interface RuleCitation {
  ucp: readonly string[];
  isbp?: string;
  alsoIsbp?: readonly string[];
}

const TRANSPORT_SIGNATURE = ["19(a)(i)", "21(a)(i)", "22(a)(i)", "23(a)(i)", "24(a)(i)", "25(a)(i)", "25(c)"];
const TRANSPORT_PLACES = ["19(a)(iii)", "21(a)(iii)", "22(a)(iii)", "23(a)(iv)", "24(a)(iii)", "25(a)(ii)", "25(c)"];
const SHIPMENT_DATES = ["20(a)(ii)", "19(a)(ii)", "21(a)(ii)", "22(a)(ii)", "23(a)(iii)", "24(a)(ii)", "25(a)(ii)"];

/** Every rule of the documentary credit, with check-by-hand points and those standbys share (their ISP98 rules aside). */
export const RULE_CITATIONS: Record<string, RuleCitation> = {
  "required-document-missing": { ucp: ["14(a)"] },
  "originals-short": { ucp: ["17(a)"], isbp: "section A" },
  "copies-short": { ucp: ["17(d)"], isbp: "section A" },
  "document-details-incomplete": { ucp: ["14(a)"] },
  "presented-after-expiry": { ucp: ["6(e)"] },
  "presented-after-presentation-period": { ucp: ["14(c)"] },
  "shipped-after-latest-shipment-date": { ucp: SHIPMENT_DATES, isbp: "by-kind" },
  "invoice-currency": { ucp: ["18(a)(iii)"], isbp: "section C" },
  "invoice-amount-exceeds-credit": { ucp: ["30(a)", "18(b)"], isbp: "section C" },
  "invoice-amount-exceeds-balance": { ucp: ["18(b)"], isbp: "section C" },
  "invoice-amount-below-credit": { ucp: ["31(a)"] },
  "invoice-issuer": { ucp: ["18(a)(i)"], isbp: "section C" },
  "invoice-addressee": { ucp: ["18(a)(ii)"], isbp: "section C" },
  "invoice-goods-description": { ucp: ["18(c)"], isbp: "section C" },
  "document-goods-conflict": { ucp: ["14(d)"], isbp: "by-kind", alsoIsbp: ["L4"] },
  "document-gross-weight-conflict": { ucp: ["14(d)"] },
  "document-net-weight-conflict": { ucp: ["14(d)"] },
  "document-packages-conflict": { ucp: ["14(d)"] },
  "document-marks-conflict": { ucp: ["14(d)"], isbp: "section A" },
  "document-origin-conflict": { ucp: ["14(d)"], isbp: "section L" },
  "document-port-conflict": { ucp: ["14(d)"] },
  "transport-applicant-address": { ucp: ["14(j)"] },
  "certificate-consignee-conflict": { ucp: ["14(d)"], isbp: "L5" },
  "invoice-quantity-exceeds-credit": { ucp: ["30(a)", "30(b)"], isbp: "section C" },
  "invoice-unit-price-exceeds-credit": { ucp: ["14(d)", "30(a)"], isbp: "section C" },
  "partial-shipment-quantity": { ucp: ["31(a)"] },
  "partial-drawing-prohibited": { ucp: ["31(a)"] },
  "partial-shipment-prohibited": { ucp: ["31(b)", "31(c)"] },
  "bill-of-lading-not-on-board": { ucp: ["20(a)(ii)"], isbp: "section E" },
  "bill-of-lading-port-of-loading": { ucp: ["20(a)(iii)"], isbp: "section E" },
  "bill-of-lading-port-of-discharge": { ucp: ["20(a)(iii)"], isbp: "section E" },
  "bill-of-lading-full-set": { ucp: ["20(a)(iv)"], isbp: "section E" },
  "bill-of-lading-signature": { ucp: ["20(a)(i)"], isbp: "E5" },
  "bill-of-lading-not-clean": { ucp: ["27"], isbp: "section E" },
  "bill-of-lading-on-deck": { ucp: ["26(a)"], isbp: "section E" },
  "bill-of-lading-charter-party": { ucp: ["20(a)(vi)"], isbp: "E1(b)" },
  "transhipment-prohibited": { ucp: ["20(c)", "21(c)"], isbp: "by-kind" },
  "transport-document-signature": { ucp: TRANSPORT_SIGNATURE, isbp: "by-kind" },
  "transport-document-not-on-board": { ucp: ["21(a)(ii)", "22(a)(ii)"], isbp: "by-kind" },
  "air-waybill-not-accepted-for-carriage": { ucp: ["23(a)(ii)"], isbp: "section H" },
  "transport-document-place-of-departure": { ucp: TRANSPORT_PLACES, isbp: "by-kind" },
  "transport-document-place-of-destination": { ucp: TRANSPORT_PLACES, isbp: "by-kind" },
  "transport-document-full-set": { ucp: ["19(a)(iv)", "21(a)(iv)", "22(a)(iv)"], isbp: "by-kind" },
  "transport-document-not-for-consignor": { ucp: ["23(a)(v)", "24(b)(i)"], isbp: "by-kind" },
  "transport-document-not-clean": { ucp: ["27"], isbp: "by-kind" },
  "transport-document-on-deck": { ucp: ["26(a)"], isbp: "by-kind" },
  "transport-document-charter-party": { ucp: ["19(a)(vi)", "21(a)(vi)"], isbp: "by-kind", alsoIsbp: ["D1(b)(ii)"] },
  "transport-document-consignee": { ucp: ["14(d)"], isbp: "by-kind" },
  "transport-document-notify-party": { ucp: ["14(d)"], isbp: "by-kind" },
  "transport-document-freight": { ucp: ["14(d)"], isbp: "by-kind" },
  "transport-document-on-board-required": { ucp: ["19(a)(ii)"], isbp: "section D" },
  "insurance-currency": { ucp: ["28(f)(i)"], isbp: "section K" },
  "insurance-value-unknown": { ucp: ["28(f)(ii)"], isbp: "section K" },
  "insurance-under-110-percent": { ucp: ["28(f)(ii)"], isbp: "section K" },
  "insurance-under-required-cover": { ucp: ["28(f)(ii)"], isbp: "section K" },
  "insurance-dated-after-shipment": { ucp: ["28(e)"], isbp: "section K" },
  "insurance-risks": { ucp: ["28(g)", "28(h)"], isbp: "section K", alsoIsbp: ["K18"] },
  "insurance-cover-places": { ucp: ["28(f)(iii)"], isbp: "section K" },
  "document-issuer": { ucp: ["14(f)", "28(a)"], isbp: "by-kind", alsoIsbp: ["L3"] },
  "draft-drawn-on-applicant": { ucp: ["6(c)"], isbp: "section B" },
  "draft-drawee": { ucp: ["6(c)"], isbp: "section B" },
  "draft-tenor": { ucp: ["6(c)"], isbp: "section B" },
  "draft-drawer": { ucp: ["6(c)"], isbp: "section B" },
  "draft-amount": { ucp: ["6(c)"], isbp: "section B" },
  "beneficiary-certificate-issuer": { ucp: ["14(f)"], isbp: "section P" },
  "beneficiary-certificate-content": { ucp: ["14(f)"], isbp: "section P" },
  "inspection-result-adverse": { ucp: ["14(f)"], isbp: "section Q" },
  "credit-requirement-in-words": { ucp: ["14(a)"] },
  "dated-after-presentation": { ucp: ["14(i)"], isbp: "section A" },
  // Standby credits subject to UCP 600 (under ISP98 they cite the ISP98 rule, which ISBP does not govern).
  "standby-demand-missing": { ucp: ["14(a)"] },
  "standby-statement-missing": { ucp: ["14(a)"] },
  "demand-currency": { ucp: ["14(d)"] },
  "demand-exceeds-available-balance": { ucp: ["14(d)"] },
  "demand-partial-drawing": { ucp: ["31(a)"] },
};

/** The ISBP 821 citation an outcome of `rule` about a document of `kind` carries by default (null: none applies). */
export function isbpCitation(rule: string, kind: DocumentKind | null): string | null {
  const cite = RULE_CITATIONS[rule]?.isbp;
  if (cite === undefined) return null;
  return cite === "by-kind" ? sectionOfKind(kind) : cite;
}

/** Add "(ISBP 821 …)" to a message, before its final full stop. */
export function withIsbp(message: string, citation: string | null): string {
  if (citation === null) return message;
  const cite = `(ISBP 821 ${citation})`;
  return message.endsWith(".") ? `${message.slice(0, -1)} ${cite}.` : `${message} ${cite}`;
}

/** The ISBP 821 citations a message carries. */
export const isbpCitationsIn = (message: string): string[] => [...message.matchAll(/\(ISBP 821 (section [A-Z]|[A-Z]\d+(?:\([a-z]\)(?:\([ivx]+\))?)?)\)/g)].map((m) => m[1]!);
