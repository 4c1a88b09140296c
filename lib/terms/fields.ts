import { formatMoney } from "../money";
import { MT700_TEXT_FIELDS, type Mt700TextPath } from "./mt700";
import { describeConditions } from "./conditions";
import { DOCUMENT_KIND_LABELS, type Terms, currencyDecimals } from "./schema";
import { formatUtcDate, toDate } from "@/lib/format/dates";

// Every terms field as a trade-operations user reads it on an MT700, in MT700 order: the credit
// page, the presentation page and the "what changed" tables all render through this list, so
// a field looks the same wherever it appears. Pure and client-safe.

export interface TermsField {
  /** The key of the field in Terms (also what a change is keyed by). */
  path: keyof Terms;
  /** The MT700 tag the field travels in. */
  tag: string;
  label: string;
  group: string;
  /** The field as display text ("" when not set); lines separated by "\n". */
  format: (terms: Terms) => string;
  /** Shown only when set: the optional MT700 fields, and the shipment fields a standby lacks. */
  optional?: boolean;
  /** The SWIFT format of a free-text field (lib/terms/mt700.ts), e.g. "4*35x". */
  swift?: string;
}

/** "2027-03-15" -> "15 Mar 2027": unambiguous for every reader, the same on server and client. */
export function formatIsoDate(iso: string | undefined): string {
  if (iso === undefined) return "";
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatUtcDate(toDate(iso)) : iso;
}

const FORM_LABELS: Record<Terms["form"], string> = { IRREVOCABLE: "Irrevocable", IRREVOCABLE_TRANSFERABLE: "Irrevocable transferable" };
export const CREDIT_KIND_LABELS: Record<NonNullable<Terms["creditKind"]>, string> = { DOCUMENTARY: "Documentary credit", STANDBY: "Standby letter of credit" };
/** 40E, as SWIFT codes it and what it means. */
export const RULES_LABELS: Record<Terms["applicableRules"], string> = {
  UCP_LATEST_VERSION: "UCP latest version",
  EUCP_LATEST_VERSION: "eUCP latest version",
  ISP_LATEST_VERSION: "ISP latest version (ISP98)",
  UCP_URR_LATEST_VERSION: "UCP and URR latest version",
  EUCP_URR_LATEST_VERSION: "eUCP and URR latest version",
  ISP_URR_LATEST_VERSION: "ISP and URR latest version",
  OTHER: "Other (OTHR)",
};
export const AMENDMENT_CHARGES_LABELS: Record<NonNullable<Terms["amendmentChargesPayableBy"]>, string> = { APPL: "Applicant", BENE: "Beneficiary", OTHR: "Other (see narrative)" };
const AVAILABLE_WITH_LABELS: Record<Terms["availableWith"], string> = { ISSUING_BANK: "Issuing bank", ADVISING_BANK: "Advising bank", ANY_BANK: "Any bank" };
const AVAILABLE_BY_LABELS: Record<Terms["availableBy"], string> = {
  PAYMENT: "Sight payment",
  DEFERRED_PAYMENT: "Deferred payment",
  ACCEPTANCE: "Acceptance",
  NEGOTIATION: "Negotiation",
};
const CONFIRMATION_LABELS: Record<Terms["confirmation"], string> = { WITHOUT: "Without", MAY_ADD: "May add", CONFIRM: "Confirm" };
const allowed = (value: "ALLOWED" | "NOT_ALLOWED") => (value === "ALLOWED" ? "Allowed" : "Not allowed");

export function formatTolerance(tolerance: Terms["tolerance"]): string {
  switch (tolerance.type) {
    case "NONE":
      return "None";
    case "ABOUT":
      return "About: 10% more or less (art. 30a)";
    case "PERCENT":
      return `+${tolerance.plus}% / −${tolerance.minus}%`;
  }
}

function formatDocuments(terms: Terms): string {
  return terms.documentsRequired
    .map((d) => {
      const counts = `${d.originals} original${d.originals === 1 ? "" : "s"}, ${d.copies} cop${d.copies === 1 ? "y" : "ies"}`;
      // Conditions first, then the free text; a document with neither reads as it always did.
      const required = [describeConditions(d.conditions).join("; "), d.details].filter(Boolean).join("; ");
      return `${DOCUMENT_KIND_LABELS[d.kind]}: ${counts}${required ? ` — ${required}` : ""}`;
    })
    .join("\n");
}

/** A free-text field catalogued in lib/terms/mt700.ts: its tag, label and SWIFT format from there. */
const text = (path: Mt700TextPath, group: string, optional = true): TermsField => {
  const spec = MT700_TEXT_FIELDS[path];
  return { path, tag: spec.tag, label: spec.label, group, format: (t) => t[path] ?? "", swift: spec.format, ...(optional ? { optional } : {}) };
};

export const TERMS_FIELDS: readonly TermsField[] = [
  { path: "creditKind", tag: "40A", label: "Kind of credit", group: "Credit", format: (t) => CREDIT_KIND_LABELS[t.creditKind ?? "DOCUMENTARY"] },
  { path: "form", tag: "40A", label: "Form of credit", group: "Credit", format: (t) => FORM_LABELS[t.form] },
  { path: "dateOfIssue", tag: "31C", label: "Date of issue", group: "Credit", format: (t) => formatIsoDate(t.dateOfIssue), optional: true },
  { path: "applicableRules", tag: "40E", label: "Applicable rules", group: "Credit", format: (t) => RULES_LABELS[t.applicableRules] },
  text("applicableRulesNarrative", "Credit"),
  // eUCP v2.1 (docs/EUCP.md): no MT700 field of their own; banks state them in 47A.
  { path: "eucpPresentationPlace", tag: "eUCP e6(a)", label: "Place for presentation of electronic records", group: "Credit", format: (t) => t.eucpPresentationPlace ?? "", optional: true },
  { path: "eucpRecordFormats", tag: "eUCP e5", label: "Formats of electronic records", group: "Credit", format: (t) => t.eucpRecordFormats ?? "", optional: true },
  { path: "expiryDate", tag: "31D", label: "Expiry date", group: "Credit", format: (t) => formatIsoDate(t.expiryDate) },
  text("expiryPlace", "Credit", false),
  text("applicantBank", "Parties"),
  { path: "applicant", tag: "50", label: "Applicant", group: "Parties", format: (t) => `${t.applicant.name}\n${t.applicant.address}` },
  { path: "beneficiary", tag: "59", label: "Beneficiary", group: "Parties", format: (t) => `${t.beneficiary.name}\n${t.beneficiary.address}` },
  { path: "amount", tag: "32B", label: "Currency and amount", group: "Amount", format: (t) => formatMoney(t.currency, t.amount, currencyDecimals(t.currency)) },
  { path: "tolerance", tag: "39A", label: "Tolerance", group: "Amount", format: (t) => formatTolerance(t.tolerance) },
  text("additionalAmounts", "Amount"),
  { path: "availableWith", tag: "41a", label: "Available with", group: "Amount", format: (t) => AVAILABLE_WITH_LABELS[t.availableWith] },
  { path: "availableBy", tag: "41a", label: "Available by", group: "Amount", format: (t) => AVAILABLE_BY_LABELS[t.availableBy] },
  text("draftsAt", "Amount", false),
  text("drawee", "Amount"),
  text("mixedPaymentDetails", "Amount"),
  { path: "tenorDays", tag: "42P", label: "Tenor", group: "Amount", format: (t) => (t.tenorDays === undefined ? "" : `${t.tenorDays} days after shipment`) },
  {
    path: "partialShipments",
    tag: "43P",
    label: "Partial shipments",
    group: "Shipment",
    // For a standby there is no shipment: 43P says whether the credit may be drawn in parts.
    format: (t) => (t.creditKind === "STANDBY" ? `Partial drawings ${allowed(t.partialShipments).toLowerCase()}` : allowed(t.partialShipments)),
  },
  { path: "transhipment", tag: "43T", label: "Transhipment", group: "Shipment", format: (t) => (t.creditKind === "STANDBY" ? "" : allowed(t.transhipment)), optional: true },
  text("placeOfTakingInCharge", "Shipment"),
  text("portOfLoading", "Shipment"),
  text("portOfDischarge", "Shipment"),
  text("finalDestination", "Shipment"),
  { path: "latestShipmentDate", tag: "44C", label: "Latest shipment date", group: "Shipment", format: (t) => formatIsoDate(t.latestShipmentDate), optional: true },
  text("shipmentPeriod", "Shipment"),
  // Incoterms travel inside 45A on an MT700; shown apart because the examination depends on them.
  {
    path: "incoterm",
    tag: "45A",
    label: "Incoterm",
    group: "Shipment",
    format: (t) => (t.incoterm ? `${t.incoterm}${t.incotermPlace ? ` ${t.incotermPlace}` : ""} (Incoterms 2020)` : ""),
    optional: true,
  },
  text("goodsDescription", "Goods and documents"),
  { path: "documentsRequired", tag: "46A", label: "Documents required", group: "Goods and documents", format: formatDocuments },
  text("additionalConditions", "Conditions", false),
  text("specialPaymentConditionsBeneficiary", "Conditions"),
  text("specialPaymentConditionsBank", "Conditions"),
  text("charges", "Conditions", false),
  { path: "amendmentChargesPayableBy", tag: "71N", label: "Amendment charges payable by", group: "Conditions", format: (t) => (t.amendmentChargesPayableBy ? AMENDMENT_CHARGES_LABELS[t.amendmentChargesPayableBy] : ""), optional: true },
  text("amendmentChargesNarrative", "Conditions"),
  {
    path: "presentationPeriodDays",
    tag: "48",
    label: "Period for presentation",
    group: "Goods and documents",
    // A standby has no shipment to count from: presentation is any time up to expiry (ISP98 3.05).
    format: (t) => (t.creditKind === "STANDBY" ? "" : `${t.presentationPeriodDays} days after the date of shipment, but within the validity of the credit`),
    optional: true,
  },
  { path: "confirmation", tag: "49", label: "Confirmation instructions", group: "Conditions", format: (t) => CONFIRMATION_LABELS[t.confirmation] },
  text("requestedConfirmationParty", "Banks and instructions"),
  text("reimbursingBank", "Banks and instructions"),
  text("instructionsToBank", "Banks and instructions"),
  text("adviseThroughBank", "Banks and instructions"),
  text("senderToReceiverInformation", "Banks and instructions"),
];

/** How the terms form asks for an optional MT700 field. */
export interface OptionalFormField {
  path: keyof Terms;
  input: "text" | "textarea" | "date" | "select";
  options?: { value: string; label: string }[];
}

/**
 * The optional MT700 fields in the terms form, grouped as a bank reads them; each group starts
 * collapsed. Tags, labels and SWIFT formats come from TERMS_FIELDS (and lib/terms/mt700.ts).
 */
export const OPTIONAL_FORM_GROUPS: readonly { title: string; documentaryOnly?: boolean; eucpOnly?: boolean; fields: OptionalFormField[] }[] = [
  {
    // Shown, open, when 40E makes the credit subject to eUCP; the place is then required (art. e6(a)(i)).
    title: "Electronic presentation (eUCP v2.1)",
    eucpOnly: true,
    fields: [
      { path: "eucpPresentationPlace", input: "text" },
      { path: "eucpRecordFormats", input: "text" },
    ],
  },
  {
    title: "Issue and rules",
    fields: [
      { path: "dateOfIssue", input: "date" },
      { path: "applicantBank", input: "textarea" },
    ],
  },
  {
    title: "Amount and drafts",
    fields: [
      { path: "additionalAmounts", input: "textarea" },
      { path: "drawee", input: "textarea" },
      { path: "mixedPaymentDetails", input: "textarea" },
    ],
  },
  {
    title: "Places and shipment period",
    documentaryOnly: true,
    fields: [
      { path: "placeOfTakingInCharge", input: "text" },
      { path: "finalDestination", input: "text" },
      { path: "shipmentPeriod", input: "textarea" },
    ],
  },
  {
    title: "Special payment conditions",
    fields: [
      { path: "specialPaymentConditionsBeneficiary", input: "textarea" },
      { path: "specialPaymentConditionsBank", input: "textarea" },
    ],
  },
  {
    title: "Amendment charges",
    fields: [
      { path: "amendmentChargesPayableBy", input: "select", options: Object.entries(AMENDMENT_CHARGES_LABELS).map(([value, label]) => ({ value, label })) },
      { path: "amendmentChargesNarrative", input: "textarea" },
    ],
  },
  {
    title: "Banks and instructions",
    fields: [
      { path: "requestedConfirmationParty", input: "textarea" },
      { path: "reimbursingBank", input: "textarea" },
      { path: "adviseThroughBank", input: "textarea" },
      { path: "instructionsToBank", input: "textarea" },
      { path: "senderToReceiverInformation", input: "textarea" },
    ],
  },
];
