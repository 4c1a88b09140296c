import { z } from "zod";
import { type Milli, amountField, amountFitsCurrency, currencyDecimals, percentOf, toMilli } from "@/lib/money";

// The terms of a documentary credit: the MT700 fields a buyer and seller negotiate, as one
// validated document. Every terms version stores exactly this shape (terms_versions.terms).
// Amounts are decimal strings and dates ISO calendar dates, so hashing is exact and stable.

export const DOCUMENT_KINDS = [
  "COMMERCIAL_INVOICE",
  "BILL_OF_LADING",
  "PACKING_LIST",
  "CERTIFICATE_OF_ORIGIN",
  "INSURANCE_CERTIFICATE",
  "INSPECTION_CERTIFICATE",
  "OTHER",
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
};

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
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Enter a real calendar date");

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max} characters`);

const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).optional().default("");

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

export const requiredDocumentSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS, { error: "Choose a document type" }),
  originals: z.number({ error: "Enter a number" }).int("Whole number").min(0, "0 or more").max(10, "At most 10"),
  copies: z.number({ error: "Enter a number" }).int("Whole number").min(0, "0 or more").max(10, "At most 10"),
  /** E.g. "full set clean on board, made out to order, notify applicant". */
  details: optionalText(500),
});
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;

export const AVAILABLE_BY = ["PAYMENT", "DEFERRED_PAYMENT", "ACCEPTANCE", "NEGOTIATION"] as const;
export const AVAILABLE_WITH = ["ISSUING_BANK", "ADVISING_BANK", "ANY_BANK"] as const;
export const CONFIRMATION = ["WITHOUT", "MAY_ADD", "CONFIRM"] as const;
export const FORMS = ["IRREVOCABLE", "IRREVOCABLE_TRANSFERABLE"] as const;

const baseTermsSchema = z.object({
  /** 40A */
  form: z.enum(FORMS).default("IRREVOCABLE"),
  /** 40E */
  applicableRules: z.enum(["UCP_LATEST_VERSION", "UCP_URR_LATEST_VERSION"]).default("UCP_LATEST_VERSION"),
  /** 31D */
  expiryDate: isoDate,
  expiryPlace: text("the place of expiry", 29),
  /** 50 */
  applicant: partySchema,
  /** 59 */
  beneficiary: partySchema,
  /** 32B */
  currency: z.enum(CURRENCIES, { error: "Choose an ISO 4217 currency" }),
  amount: amountField(),
  /** 39A */
  tolerance: toleranceSchema.default({ type: "NONE" }),
  /** 41a */
  availableWith: z.enum(AVAILABLE_WITH).default("ADVISING_BANK"),
  availableBy: z.enum(AVAILABLE_BY).default("PAYMENT"),
  /** 42C: "SIGHT" or a tenor such as "60 DAYS AFTER BILL OF LADING DATE". */
  draftsAt: optionalText(105),
  /** Days after shipment for deferred payment or acceptance (drives the due date). */
  tenorDays: z.number().int("Whole days").min(0).max(720).optional(),
  /** 43P, 43T */
  partialShipments: z.enum(["ALLOWED", "NOT_ALLOWED"]).default("NOT_ALLOWED"),
  transhipment: z.enum(["ALLOWED", "NOT_ALLOWED"]).default("NOT_ALLOWED"),
  /** 44E, 44F */
  portOfLoading: text("the port of loading", 140),
  portOfDischarge: text("the port of discharge", 140),
  /** 44C */
  latestShipmentDate: isoDate,
  incoterm: z.enum(INCOTERMS, { error: "Choose an Incoterm" }),
  incotermPlace: optionalText(65),
  /** 45A */
  goodsDescription: text("the goods description", 2000),
  /** 46A */
  documentsRequired: z.array(requiredDocumentSchema).min(1, "List at least one required document").max(20),
  /** 47A */
  additionalConditions: optionalText(2000),
  /** 71D */
  charges: optionalText(210),
  /** 48: days after shipment within which documents must be presented (art. 14c: 21 by default). */
  presentationPeriodDays: z.number({ error: "Enter a number of days" }).int("Whole days").min(1, "At least 1 day").max(180, "At most 180 days").default(21),
  /** 49 */
  confirmation: z.enum(CONFIRMATION).default("WITHOUT"),
});

export const termsSchema = baseTermsSchema.superRefine((t, ctx) => {
  if (t.latestShipmentDate > t.expiryDate) {
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
  if (!t.documentsRequired.some((d) => d.kind === "COMMERCIAL_INVOICE")) {
    ctx.addIssue({ code: "custom", path: ["documentsRequired"], message: "A commercial invoice is always required" });
  }
});

export type Terms = z.output<typeof termsSchema>;
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
