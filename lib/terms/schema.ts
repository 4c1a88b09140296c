import { z } from "zod";
import { type Milli, amountField, amountFitsCurrency, currencyDecimals, percentOf, toMilli } from "@/lib/money";
import { checkSwiftCharset, checkSwiftText } from "@/lib/swift/format";
import { DOCUMENTS_REQUIRED_SPEC, MT700_TEXT_FIELDS, type Mt700TextPath } from "./mt700";
import { isRealIsoDate } from "@/lib/format/dates";
import { type DocumentConditions, conditionTexts, documentConditionsSchema } from "./conditions";

// The terms of a documentary or standby credit: the MT700 fields a buyer and seller negotiate,
// as one validated document. Every terms version stores exactly this shape (terms_versions.terms).
// Amounts are decimal strings and dates ISO calendar dates, so hashing is exact and stable.
// Fields added later are optional without a default, so terms stored before them keep their
// shape and their hash (lib/terms/hash.ts).

export const DOCUMENT_KINDS = [
  "COMMERCIAL_INVOICE",
  "BILL_OF_LADING",
  "PACKING_LIST",
  "CERTIFICATE_OF_ORIGIN",
  "INSURANCE_CERTIFICATE",
  "INSPECTION_CERTIFICATE",
  "OTHER",
  /** Standby credits: the beneficiary's demand for payment (ISP98 4.16). */
  "DEMAND",
  /** Standby credits: the statement that the applicant defaulted (ISP98 4.17). */
  "STATEMENT_OF_DEFAULT",
  // Transport documents other than the bill of lading (art. 19, 21-25), added after the others: the enum grows at its end.
  "MULTIMODAL_TRANSPORT_DOCUMENT",
  "SEA_WAYBILL",
  "CHARTER_PARTY_BILL_OF_LADING",
  "AIR_WAYBILL",
  "ROAD_RAIL_INLAND_WATERWAY_DOCUMENT",
  "COURIER_RECEIPT",
  /** A draft (bill of exchange) drawn under the credit (art. 6(c), 42C, 42a). */
  "DRAFT",
  /** A certificate issued by the beneficiary, stating what the credit requires it to (art. 14(f)). */
  "BENEFICIARY_CERTIFICATE",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  COMMERCIAL_INVOICE: "Commercial invoice",
  BILL_OF_LADING: "Bill of lading",
  PACKING_LIST: "Packing list",
  CERTIFICATE_OF_ORIGIN: "Certificate of origin",
  INSURANCE_CERTIFICATE: "Insurance certificate",
  INSPECTION_CERTIFICATE: "Inspection certificate",
  OTHER: "Other document",
  DEMAND: "Demand for payment",
  STATEMENT_OF_DEFAULT: "Statement of default",
  MULTIMODAL_TRANSPORT_DOCUMENT: "Multimodal transport document",
  SEA_WAYBILL: "Sea waybill",
  CHARTER_PARTY_BILL_OF_LADING: "Charter party bill of lading",
  AIR_WAYBILL: "Air waybill",
  ROAD_RAIL_INLAND_WATERWAY_DOCUMENT: "Road, rail or inland waterway transport document",
  COURIER_RECEIPT: "Courier or post receipt",
  DRAFT: "Draft (bill of exchange)",
  BENEFICIARY_CERTIFICATE: "Beneficiary's certificate",
};

/** Transport documents, each examined under its own article (19-25); the bill of lading is art. 20's. */
export const TRANSPORT_DOCUMENT_KINDS: readonly DocumentKind[] = [
  "BILL_OF_LADING",
  "MULTIMODAL_TRANSPORT_DOCUMENT",
  "SEA_WAYBILL",
  "CHARTER_PARTY_BILL_OF_LADING",
  "AIR_WAYBILL",
  "ROAD_RAIL_INLAND_WATERWAY_DOCUMENT",
  "COURIER_RECEIPT",
];

/** The documents a standby credit is drawn with, in place of transport documents. */
export const STANDBY_DOCUMENT_KINDS: readonly DocumentKind[] = ["DEMAND", "STATEMENT_OF_DEFAULT"];

/** Incoterms 2020. */
export const INCOTERMS = ["EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP"] as const;
export type Incoterm = (typeof INCOTERMS)[number];
/** Terms under which the seller insures the goods, so the credit should call for insurance. */
export const INSURED_INCOTERMS: readonly Incoterm[] = ["CIF", "CIP"];

/** ISO 4217 codes accepted for credits (active currencies used in trade). */
export const CURRENCIES = [
  "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "HKD", "SGD", "AUD", "CAD", "NZD", "SEK", "NOK", "DKK",
  "INR", "AED", "SAR", "QAR", "KWD", "BHD", "OMR", "TRY", "ZAR", "BRL", "MXN", "KRW", "TWD", "THB",
  "MYR", "IDR", "PHP", "VND", "PKR", "BDT", "LKR", "EGP", "NGN", "KES", "MAD", "PLN", "CZK", "HUF",
] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Minor units per ISO 4217 (lib/money.ts holds the table and the one amount check). */
export { currencyDecimals };

const isoDate = z
  .string({ error: "Enter a date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
  .refine(isRealIsoDate, "Enter a real calendar date");

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max} characters`);

const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).optional().default("");

// Forms send "" for an untouched field: that means "not given", and the key is left out.
const emptyToUndefined = <T>(v: T): T | undefined => (v === "" ? undefined : v);
/** A free-text MT700 field added after terms were first stored: optional, no default. */
const optionalSwift = (path: Mt700TextPath) =>
  // Structural cap only (the SWIFT format check gives the real limit with a clear message).
  z.string({ error: `Enter ${MT700_TEXT_FIELDS[path].label.toLowerCase()} as text` }).trim().max(60_000, "Far too long").transform(emptyToUndefined).optional();
/** A required documentary-credit field that a standby credit does not have. */
const documentaryText = (label: string, max: number) =>
  z.string({ error: `Enter ${label}` }).trim().max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max} characters`).transform(emptyToUndefined).optional();
/** An optional value chosen from a list or a date: "" is "not given", anything else must be valid. */
const optionalPiped = <O extends string>(schema: z.ZodType<O, string>) =>
  z.string({ error: "Choose from the list" }).transform(emptyToUndefined).pipe(schema.optional()).optional();

export const partySchema = z.object({
  name: text("a name", 140),
  address: text("an address", 280),
});

export const toleranceSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("NONE") }),
  /** 39A: plus/minus percentage, at most 10 each. */
  z.object({
    type: z.literal("PERCENT"),
    plus: z.number({ error: "Enter a percentage" }).int("Whole percent only").min(0, "0 to 10").max(10, "0 to 10"),
    minus: z.number({ error: "Enter a percentage" }).int("Whole percent only").min(0, "0 to 10").max(10, "0 to 10"),
  }),
  /** Art. 30(a): "about" or "approximately" allows 10% more or less. */
  z.object({ type: z.literal("ABOUT") }),
]);
export type Tolerance = z.infer<typeof toleranceSchema>;

export const requiredDocumentSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS, { error: "Choose a document type" }),
    originals: z.number({ error: "Enter a number" }).int("Whole number").min(0, "0 or more").max(10, "At most 10"),
    copies: z.number({ error: "Enter a number" }).int("Whole number").min(0, "0 or more").max(10, "At most 10"),
    /** What the credit requires of the document as data (lib/terms/conditions.ts); absent when nothing is. */
    conditions: documentConditionsSchema.optional(),
    /** What the conditions cannot hold, e.g. "signed, showing the credit number" (travels in 46A; checked by hand). */
    details: optionalText(500),
  })
  .superRefine(conditionsFitKind);
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;

/** Each group of conditions belongs to the documents it describes; an issuer kind to the documents such issuers issue. */
function conditionsFitKind(d: { kind: DocumentKind; conditions?: DocumentConditions }, ctx: z.RefinementCtx) {
  const c = d.conditions;
  if (!c) return;
  const issue = (path: string[], message: string) => ctx.addIssue({ code: "custom", path: ["conditions", ...path], message });
  const label = DOCUMENT_KIND_LABELS[d.kind].toLowerCase();
  const transport = TRANSPORT_DOCUMENT_KINDS.includes(d.kind);
  if (c.transport && !transport) issue(["transport"], `Consignee, freight and loading conditions apply to transport documents, not to a ${label}`);
  if (c.insurance && d.kind !== "INSURANCE_CERTIFICATE") issue(["insurance"], `Cover conditions apply to the insurance document, not to a ${label}`);
  if (c.origin && d.kind !== "CERTIFICATE_OF_ORIGIN") issue(["origin"], `A country of origin is required of the certificate of origin, not of a ${label}`);
  // Art. 20(a)(ii), 21(a)(ii), 22(a)(ii): these documents show shipment on board whatever the credit says of it.
  if (c.transport?.onBoard === false && (["BILL_OF_LADING", "SEA_WAYBILL", "CHARTER_PARTY_BILL_OF_LADING"] as DocumentKind[]).includes(d.kind))
    issue(["transport", "onBoard"], `A ${label} shows the goods shipped on board (UCP 600 art. 20-22): choose yes or leave it not stated`);
  if (c.issuer?.kind === "CARRIER_OR_AGENT" && !transport) issue(["issuer", "kind"], `A carrier issues transport documents, not a ${label}`);
  if (c.issuer?.kind === "INSURER_OR_AGENT" && d.kind !== "INSURANCE_CERTIFICATE") issue(["issuer", "kind"], `An insurer issues the insurance document, not a ${label}`);
}

export const AVAILABLE_BY = ["PAYMENT", "DEFERRED_PAYMENT", "ACCEPTANCE", "NEGOTIATION"] as const;
export const AVAILABLE_WITH = ["ISSUING_BANK", "ADVISING_BANK", "ANY_BANK"] as const;
export const CONFIRMATION = ["WITHOUT", "MAY_ADD", "CONFIRM"] as const;
export const FORMS = ["IRREVOCABLE", "IRREVOCABLE_TRANSFERABLE"] as const;
/** Documentary (paid against shipping documents) or standby (paid against a demand). Absent means documentary. */
export const CREDIT_KINDS = ["DOCUMENTARY", "STANDBY"] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];
/**
 * 40E applicable rules, as SWIFT codes them (UCP LATEST VERSION, EUCP LATEST VERSION, ISP LATEST
 * VERSION, UCPURR..., EUCPURR..., ISPRR..., OTHR). The URR variants add URR 725 for reimbursement.
 */
export const APPLICABLE_RULES = [
  "UCP_LATEST_VERSION",
  "EUCP_LATEST_VERSION",
  "ISP_LATEST_VERSION",
  "UCP_URR_LATEST_VERSION",
  "EUCP_URR_LATEST_VERSION",
  "ISP_URR_LATEST_VERSION",
  "OTHER",
] as const;
export type ApplicableRules = (typeof APPLICABLE_RULES)[number];
/** Rules a standby credit may be issued under: ISP98 or UCP 600. */
export const STANDBY_RULES: readonly ApplicableRules[] = ["ISP_LATEST_VERSION", "ISP_URR_LATEST_VERSION", "UCP_LATEST_VERSION", "UCP_URR_LATEST_VERSION"];
export const isIsp = (rules: ApplicableRules | undefined) => rules === "ISP_LATEST_VERSION" || rules === "ISP_URR_LATEST_VERSION";
/** 40E values that make a credit subject to eUCP v2.1 as a supplement to UCP 600 (art. e1(b)). */
export const isEucp = (rules: ApplicableRules | undefined) => rules === "EUCP_LATEST_VERSION" || rules === "EUCP_URR_LATEST_VERSION";
/**
 * eUCP art. e5: the formats in which electronic records may be presented, as the credit names them
 * ("PDF, XML"): format names or versions, upper case, separated by commas. Empty: any format.
 */
const recordFormats = z
  .string({ error: "List the formats as text, e.g. PDF, XML" })
  .trim()
  .max(200, "At most 200 characters")
  .transform((v) => [...new Set(v.split(/[,;\s]+/).filter(Boolean).map((f) => f.toUpperCase()))].join(", "))
  .refine((v) => v === "" || v.split(", ").every((f) => /^[A-Z0-9][A-Z0-9.+/-]{0,19}$/.test(f)), "Name each format with letters, digits, '.', '+', '/' or '-' (e.g. PDF, XML, PDF/A-3)")
  .refine((v) => v.split(", ").length <= 12, "At most 12 formats")
  .transform(emptyToUndefined)
  .optional();
/** 71N: who pays the charges of an amendment (MT707 codes). */
export const AMENDMENT_CHARGES_PAYABLE_BY = ["APPL", "BENE", "OTHR"] as const;

// Lengths here are structural caps only: each free-text field's real limit is its SWIFT format
// (lib/terms/mt700.ts), checked by swiftFormats below with a message naming the MT700 tag.
const baseTermsSchema = z.object({
  /** Standby or documentary (absent: documentary, as every credit was before standbys). */
  creditKind: z.enum(CREDIT_KINDS, { error: "Choose documentary or standby" }).optional(),
  /** 40A */
  form: z.enum(FORMS).default("IRREVOCABLE"),
  /** 31C: the date of issue, when the application names one (the bank otherwise uses the day it issues). */
  dateOfIssue: optionalPiped(isoDate),
  /** 40E */
  applicableRules: z.enum(APPLICABLE_RULES, { error: "Choose the applicable rules" }).default("UCP_LATEST_VERSION"),
  /** 40E narrative, with OTHR only. */
  applicableRulesNarrative: optionalSwift("applicableRulesNarrative"),
  /** eUCP art. e6(a)(i): the place for presentation of electronic records (an address or a system); eUCP credits only. */
  eucpPresentationPlace: z.string({ error: "Enter the place for presentation of electronic records as text" }).trim().max(300, "At most 300 characters").transform(emptyToUndefined).optional(),
  /** eUCP art. e5: the formats accepted for electronic records ("PDF, XML"); any format when not stated. eUCP credits only. */
  eucpRecordFormats: recordFormats,
  /** 31D */
  expiryDate: isoDate,
  expiryPlace: text("the place of expiry", 300),
  /** 51a */
  applicantBank: optionalSwift("applicantBank"),
  /** 50 */
  applicant: partySchema,
  /** 59 */
  beneficiary: partySchema,
  /** 32B */
  currency: z.enum(CURRENCIES, { error: "Choose an ISO 4217 currency" }),
  amount: amountField(),
  /** 39A */
  tolerance: toleranceSchema.default({ type: "NONE" }),
  /** 39C */
  additionalAmounts: optionalSwift("additionalAmounts"),
  /** 41a */
  availableWith: z.enum(AVAILABLE_WITH).default("ADVISING_BANK"),
  availableBy: z.enum(AVAILABLE_BY).default("PAYMENT"),
  /** 42C: "SIGHT" or a tenor such as "60 DAYS AFTER BILL OF LADING DATE". */
  draftsAt: optionalText(300),
  /** 42a */
  drawee: optionalSwift("drawee"),
  /** 42M */
  mixedPaymentDetails: optionalSwift("mixedPaymentDetails"),
  /** Days after shipment for deferred payment or acceptance (drives the due date). */
  tenorDays: z.number().int("Whole days").min(0).max(720).optional(),
  /** 43P, 43T (for a standby, 43P reads as partial drawings). */
  partialShipments: z.enum(["ALLOWED", "NOT_ALLOWED"]).default("NOT_ALLOWED"),
  transhipment: z.enum(["ALLOWED", "NOT_ALLOWED"]).default("NOT_ALLOWED"),
  /** 44A */
  placeOfTakingInCharge: optionalSwift("placeOfTakingInCharge"),
  /** 44E, 44F: required for a documentary credit. */
  portOfLoading: documentaryText("the port of loading", 300),
  portOfDischarge: documentaryText("the port of discharge", 300),
  /** 44B */
  finalDestination: optionalSwift("finalDestination"),
  /** 44C: a documentary credit has this or 44D, not both. */
  latestShipmentDate: optionalPiped(isoDate),
  /** 44D */
  shipmentPeriod: optionalSwift("shipmentPeriod"),
  /** Required for a documentary credit. */
  incoterm: optionalPiped(z.enum(INCOTERMS, { error: "Choose an Incoterm" })),
  incotermPlace: optionalText(65),
  /** 45A (45B in MT701s): required for a documentary credit. */
  goodsDescription: documentaryText("the goods description", 60_000),
  /** 46A */
  documentsRequired: z.array(requiredDocumentSchema).min(1, "List at least one required document").max(20),
  /** 47A (47B in MT701s) */
  additionalConditions: optionalText(60_000),
  /** 49G */
  specialPaymentConditionsBeneficiary: optionalSwift("specialPaymentConditionsBeneficiary"),
  /** 49H */
  specialPaymentConditionsBank: optionalSwift("specialPaymentConditionsBank"),
  /** 71D */
  charges: optionalText(300),
  /** 71N: who pays amendment charges. */
  amendmentChargesPayableBy: optionalPiped(z.enum(AMENDMENT_CHARGES_PAYABLE_BY, { error: "Choose who pays amendment charges" })),
  amendmentChargesNarrative: optionalSwift("amendmentChargesNarrative"),
  /** 48: days after shipment within which documents must be presented (art. 14c: 21 by default). */
  presentationPeriodDays: z.number({ error: "Enter a number of days" }).int("Whole days").min(1, "At least 1 day").max(180, "At most 180 days").default(21),
  /** 49 */
  confirmation: z.enum(CONFIRMATION).default("WITHOUT"),
  /** 58a */
  requestedConfirmationParty: optionalSwift("requestedConfirmationParty"),
  /** 53a */
  reimbursingBank: optionalSwift("reimbursingBank"),
  /** 78 */
  instructionsToBank: optionalSwift("instructionsToBank"),
  /** 57a */
  adviseThroughBank: optionalSwift("adviseThroughBank"),
  /** 72Z */
  senderToReceiverInformation: optionalSwift("senderToReceiverInformation"),
});

type BaseTerms = z.output<typeof baseTermsSchema>;

/** Every free-text field against its SWIFT format (lib/terms/mt700.ts), one validator for all. */
function swiftFormats(t: BaseTerms, ctx: z.RefinementCtx) {
  for (const [path, spec] of Object.entries(MT700_TEXT_FIELDS)) {
    const value = t[path as Mt700TextPath];
    const problem = typeof value === "string" && value !== "" ? checkSwiftText(value, spec) : null;
    if (problem) ctx.addIssue({ code: "custom", path: [path], message: problem });
  }
  t.documentsRequired.forEach((d, index) => {
    const problem = d.details ? checkSwiftCharset(d.details, DOCUMENTS_REQUIRED_SPEC) : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["documentsRequired", index, "details"], message: problem });
    for (const { path, value } of conditionTexts(d.conditions)) {
      const bad = checkSwiftCharset(value, DOCUMENTS_REQUIRED_SPEC);
      if (bad) ctx.addIssue({ code: "custom", path: ["documentsRequired", index, "conditions", ...path], message: bad });
    }
  });
}

/** What a standby credit is, and what a documentary credit needs that a standby does not have. */
function creditKindRules(t: BaseTerms, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (t.applicableRules === "OTHER" && !t.applicableRulesNarrative) issue("applicableRulesNarrative", "Name the rules the credit is subject to (40E OTHR)");
  if (t.applicableRules !== "OTHER" && t.applicableRulesNarrative) issue("applicableRulesNarrative", "A 40E narrative goes only with OTHR (other rules)");
  // eUCP art. e6(a)(i): an eUCP credit must indicate a place for presentation of electronic records.
  if (isEucp(t.applicableRules) && !t.eucpPresentationPlace) issue("eucpPresentationPlace", "An eUCP credit names the place for presentation of electronic records (eUCP art. e6(a)(i))");
  if (!isEucp(t.applicableRules) && t.eucpPresentationPlace) issue("eucpPresentationPlace", "Only an eUCP credit (40E EUCP LATEST VERSION) has a place for presentation of electronic records");
  if (!isEucp(t.applicableRules) && t.eucpRecordFormats) issue("eucpRecordFormats", "Only an eUCP credit (40E EUCP LATEST VERSION) names formats for electronic records");
  if (t.amendmentChargesPayableBy === "OTHR" && !t.amendmentChargesNarrative) issue("amendmentChargesNarrative", "Say who pays amendment charges (71N OTHR)");
  if (t.amendmentChargesPayableBy !== "OTHR" && t.amendmentChargesNarrative) issue("amendmentChargesNarrative", "A 71N narrative goes only with OTHR");
  if (t.creditKind === "STANDBY") {
    if (!STANDBY_RULES.includes(t.applicableRules)) issue("applicableRules", "A standby credit is subject to ISP98 or UCP 600: choose ISP or UCP latest version");
    if (!t.documentsRequired.some((d) => d.kind === "DEMAND")) issue("documentsRequired", "A standby credit is drawn by a demand for payment: list the demand");
    const shipping = (["portOfLoading", "portOfDischarge", "latestShipmentDate", "incoterm", "placeOfTakingInCharge", "finalDestination", "shipmentPeriod"] as const).filter((k) => t[k] !== undefined);
    for (const key of shipping) issue(key, "A standby credit has no shipment: leave this empty");
    return;
  }
  if (isIsp(t.applicableRules)) issue("applicableRules", "ISP98 is for standby credits: choose UCP for a documentary credit, or make the credit a standby");
  if (!t.portOfLoading) issue("portOfLoading", "Enter the port of loading");
  if (!t.portOfDischarge) issue("portOfDischarge", "Enter the port of discharge");
  if (!t.incoterm) issue("incoterm", "Choose an Incoterm");
  if (!t.goodsDescription) issue("goodsDescription", "Enter the goods description");
  // SWIFT network rule: 44C and 44D are mutually exclusive; a documentary credit needs one.
  if (t.latestShipmentDate && t.shipmentPeriod) issue("shipmentPeriod", "Give either a latest shipment date (44C) or a shipment period (44D), not both");
  if (!t.latestShipmentDate && !t.shipmentPeriod) issue("latestShipmentDate", "Enter the latest shipment date");
  if (!t.documentsRequired.some((d) => d.kind === "COMMERCIAL_INVOICE")) issue("documentsRequired", "A commercial invoice is always required");
  if (t.documentsRequired.some((d) => STANDBY_DOCUMENT_KINDS.includes(d.kind))) issue("documentsRequired", "A demand or a statement of default belongs to a standby credit");
}

/** The structural rules every stored terms version meets (dates in order, amounts, documents). */
function structuralRules(t: BaseTerms, ctx: z.RefinementCtx) {
  if (t.latestShipmentDate && t.latestShipmentDate > t.expiryDate) {
    ctx.addIssue({ code: "custom", path: ["latestShipmentDate"], message: "The latest shipment date must be on or before the expiry date" });
  }
  amountFitsCurrency(ctx, t.currency, t.amount);
  if ((t.availableBy === "DEFERRED_PAYMENT" || t.availableBy === "ACCEPTANCE") && t.tenorDays === undefined) {
    ctx.addIssue({ code: "custom", path: ["tenorDays"], message: "Deferred payment and acceptance credits need a tenor in days" });
  }
  const kinds = t.documentsRequired.map((d) => d.kind).filter((k) => k !== "OTHER");
  if (new Set(kinds).size !== kinds.length) {
    ctx.addIssue({ code: "custom", path: ["documentsRequired"], message: "List each document type once" });
  }
}

/** Terms as a party submits them: structure, credit kind, and every field's SWIFT format. */
export const termsSchema = baseTermsSchema.superRefine((t, ctx) => {
  structuralRules(t, ctx);
  creditKindRules(t, ctx);
  swiftFormats(t, ctx);
});

/**
 * Terms as stored: read back without the SWIFT format checks, so a version saved before a field
 * had its SWIFT limits (e.g. a 45A line longer than 65) still opens. Parsing never adds a key.
 */
export const storedTermsSchema = baseTermsSchema.superRefine(structuralRules);

export type Terms = z.output<typeof termsSchema>;
/** Terms of a documentary credit: the shipment fields its examination reads are present. */
export type DocumentaryTerms = Terms & Required<Pick<Terms, "portOfLoading" | "portOfDischarge" | "incoterm" | "goodsDescription">>;
export const isStandby = (terms: Pick<Terms, "creditKind">) => terms.creditKind === "STANDBY";
export type TermsInput = z.input<typeof termsSchema>;

/** Validate terms; on failure, messages keyed by field path ("applicant.name", "documentsRequired.0.copies"). */
export function parseTerms(input: unknown): { ok: true; terms: Terms } | { ok: false; fields: Record<string, string> } {
  const result = termsSchema.safeParse(input);
  if (result.success) return { ok: true, terms: result.data };
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  return { ok: false, fields };
}

/** The least and most a drawing may claim under the credit's tolerance (art. 30). */
export function toleranceBounds(terms: Pick<Terms, "amount" | "tolerance">): { min: Milli; max: Milli } {
  const amount = toMilli(terms.amount);
  const [plus, minus] =
    terms.tolerance.type === "ABOUT" ? [10, 10] : terms.tolerance.type === "PERCENT" ? [terms.tolerance.plus, terms.tolerance.minus] : [0, 0];
  return { min: amount - percentOf(amount, minus), max: amount + percentOf(amount, plus) };
}
