import { formatMoney } from "../money";
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
}

/** "2027-03-15" -> "15 Mar 2027": unambiguous for every reader, the same on server and client. */
export function formatIsoDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatUtcDate(toDate(iso)) : iso;
}

const FORM_LABELS: Record<Terms["form"], string> = { IRREVOCABLE: "Irrevocable", IRREVOCABLE_TRANSFERABLE: "Irrevocable transferable" };
const RULES_LABELS: Record<Terms["applicableRules"], string> = { UCP_LATEST_VERSION: "UCP latest version", UCP_URR_LATEST_VERSION: "UCP and URR latest version" };
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
      return `${DOCUMENT_KIND_LABELS[d.kind]}: ${counts}${d.details ? ` — ${d.details}` : ""}`;
    })
    .join("\n");
}

export const TERMS_FIELDS: readonly TermsField[] = [
  { path: "form", tag: "40A", label: "Form of credit", group: "Credit", format: (t) => FORM_LABELS[t.form] },
  { path: "applicableRules", tag: "40E", label: "Applicable rules", group: "Credit", format: (t) => RULES_LABELS[t.applicableRules] },
  { path: "expiryDate", tag: "31D", label: "Expiry date", group: "Credit", format: (t) => formatIsoDate(t.expiryDate) },
  { path: "expiryPlace", tag: "31D", label: "Place of expiry", group: "Credit", format: (t) => t.expiryPlace },
  { path: "applicant", tag: "50", label: "Applicant", group: "Parties", format: (t) => `${t.applicant.name}\n${t.applicant.address}` },
  { path: "beneficiary", tag: "59", label: "Beneficiary", group: "Parties", format: (t) => `${t.beneficiary.name}\n${t.beneficiary.address}` },
  { path: "amount", tag: "32B", label: "Currency and amount", group: "Amount", format: (t) => formatMoney(t.currency, t.amount, currencyDecimals(t.currency)) },
  { path: "tolerance", tag: "39A", label: "Tolerance", group: "Amount", format: (t) => formatTolerance(t.tolerance) },
  { path: "availableWith", tag: "41a", label: "Available with", group: "Amount", format: (t) => AVAILABLE_WITH_LABELS[t.availableWith] },
  { path: "availableBy", tag: "41a", label: "Available by", group: "Amount", format: (t) => AVAILABLE_BY_LABELS[t.availableBy] },
  { path: "draftsAt", tag: "42C", label: "Drafts at", group: "Amount", format: (t) => t.draftsAt },
  { path: "tenorDays", tag: "42P", label: "Tenor", group: "Amount", format: (t) => (t.tenorDays === undefined ? "" : `${t.tenorDays} days after shipment`) },
  { path: "partialShipments", tag: "43P", label: "Partial shipments", group: "Shipment", format: (t) => allowed(t.partialShipments) },
  { path: "transhipment", tag: "43T", label: "Transhipment", group: "Shipment", format: (t) => allowed(t.transhipment) },
  { path: "portOfLoading", tag: "44E", label: "Port of loading", group: "Shipment", format: (t) => t.portOfLoading },
  { path: "portOfDischarge", tag: "44F", label: "Port of discharge", group: "Shipment", format: (t) => t.portOfDischarge },
  { path: "latestShipmentDate", tag: "44C", label: "Latest shipment date", group: "Shipment", format: (t) => formatIsoDate(t.latestShipmentDate) },
  // Incoterms travel inside 45A on an MT700; shown apart because the examination depends on them.
  { path: "incoterm", tag: "45A", label: "Incoterm", group: "Shipment", format: (t) => `${t.incoterm}${t.incotermPlace ? ` ${t.incotermPlace}` : ""} (Incoterms 2020)` },
  { path: "goodsDescription", tag: "45A", label: "Description of goods", group: "Goods and documents", format: (t) => t.goodsDescription },
  { path: "documentsRequired", tag: "46A", label: "Documents required", group: "Goods and documents", format: formatDocuments },
  { path: "additionalConditions", tag: "47A", label: "Additional conditions", group: "Conditions", format: (t) => t.additionalConditions },
  { path: "charges", tag: "71D", label: "Charges", group: "Conditions", format: (t) => t.charges },
  {
    path: "presentationPeriodDays",
    tag: "48",
    label: "Period for presentation",
    group: "Goods and documents",
    format: (t) => `${t.presentationPeriodDays} days after the date of shipment, but within the validity of the credit`,
  },
  { path: "confirmation", tag: "49", label: "Confirmation instructions", group: "Conditions", format: (t) => CONFIRMATION_LABELS[t.confirmation] },
];
