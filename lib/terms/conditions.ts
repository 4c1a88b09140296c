import { z } from "zod";

// Field 46A as data (issue 13): what the credit requires of each document beyond its kind and
// counts, in a shape the examination can compare with the documents presented. Every key is
// optional and an empty group is dropped, so terms stored before conditions existed, or saved
// with the conditions left blank, keep their shape and their hash (lib/terms/hash.ts). What the
// structure cannot hold stays in the document's free-text `details`, which the examiner checks
// by hand. Client-safe: the terms form imports these lists.

/** Who must issue the document (art. 14(f): the credit may name the issuer). */
export const ISSUER_KINDS = ["BENEFICIARY", "CARRIER_OR_AGENT", "INSURER_OR_AGENT", "CHAMBER_OF_COMMERCE", "NAMED"] as const;
export type IssuerKind = (typeof ISSUER_KINDS)[number];
export const ISSUER_LABELS: Record<IssuerKind, string> = {
  BENEFICIARY: "The beneficiary",
  CARRIER_OR_AGENT: "The carrier or its agent",
  INSURER_OR_AGENT: "An insurance company or its agent",
  CHAMBER_OF_COMMERCE: "A chamber of commerce",
  NAMED: "A named issuer",
};

/** How a transport document is to be made out: its consignee box. */
export const CONSIGNEES = ["TO_ORDER", "TO_ORDER_OF_ISSUING_BANK", "TO_ORDER_OF_SHIPPER", "NAMED", "APPLICANT"] as const;
export type Consignee = (typeof CONSIGNEES)[number];
export const CONSIGNEE_LABELS: Record<Consignee, string> = {
  TO_ORDER: "To order",
  TO_ORDER_OF_ISSUING_BANK: "To order of the issuing bank",
  TO_ORDER_OF_SHIPPER: "To order of the shipper",
  NAMED: "A named consignee",
  APPLICANT: "The applicant",
};

export const NOTIFY_PARTIES = ["APPLICANT", "NAMED", "NONE"] as const;
export type NotifyParty = (typeof NOTIFY_PARTIES)[number];
export const NOTIFY_LABELS: Record<NotifyParty, string> = { APPLICANT: "The applicant", NAMED: "A named party", NONE: "No notify party required" };

export const FREIGHT = ["PREPAID", "COLLECT"] as const;
export type Freight = (typeof FREIGHT)[number];
export const FREIGHT_LABELS: Record<Freight, string> = { PREPAID: "Freight prepaid", COLLECT: "Freight collect" };

/**
 * "All risks" (art. 28(h): met by any "all risks" notation or clause, or by Institute Cargo
 * Clauses (A), ISBP 821 K18), Institute Cargo Clauses (A), (B), (C) and the Institute War and
 * Strikes Clauses.
 */
export const INSURANCE_RISKS = ["ALL_RISKS", "ICC_A", "ICC_B", "ICC_C", "WAR", "STRIKES"] as const;
export type InsuranceRisk = (typeof INSURANCE_RISKS)[number];
export const RISK_LABELS: Record<InsuranceRisk, string> = {
  ALL_RISKS: "All risks",
  ICC_A: "Institute Cargo Clauses (A)",
  ICC_B: "Institute Cargo Clauses (B)",
  ICC_C: "Institute Cargo Clauses (C)",
  WAR: "Institute War Clauses (Cargo)",
  STRIKES: "Institute Strikes Clauses (Cargo)",
};

// Forms send "" for a choice or text left blank: that is "not required", and the key is left out.
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const name = (what: string) => z.preprocess(blank, z.string({ error: `Enter ${what}` }).trim().min(1, `Enter ${what}`).max(140, "At most 140 characters").optional());
const choice = <T extends readonly [string, ...string[]]>(values: T, error: string) => z.preprocess(blank, z.enum(values, { error }).optional());
const yesNo = () => z.preprocess(blank, z.boolean({ error: "Choose yes or no" }).optional());

export const issuerSchema = z
  .object({
    kind: z.enum(ISSUER_KINDS, { error: "Choose who issues the document" }),
    /** With NAMED only: the issuer's name as the credit states it. */
    name: name("the issuer's name"),
  })
  .strict()
  .superRefine((issuer, ctx) => {
    if (issuer.kind === "NAMED" && !issuer.name) ctx.addIssue({ code: "custom", path: ["name"], message: "Enter the issuer's name" });
    if (issuer.kind !== "NAMED" && issuer.name) ctx.addIssue({ code: "custom", path: ["name"], message: "A name goes only with a named issuer" });
  });
export type IssuerRequirement = z.infer<typeof issuerSchema>;

/** Transport documents (art. 19-25): how made out, whom to notify, freight, and what the credit allows. */
export const transportConditionsSchema = z
  .object({
    consignee: choice(CONSIGNEES, "Choose how the document is to be made out"),
    /** With NAMED only. */
    consigneeName: name("the consignee's name"),
    notifyParty: choice(NOTIFY_PARTIES, "Choose whom to notify"),
    /** With NAMED only. */
    notifyPartyName: name("the notify party's name"),
    freight: choice(FREIGHT, "Choose prepaid or collect"),
    /** "Clean" (art. 27 applies whether or not the credit says it; the word need not appear). */
    clean: yesNo(),
    /** "Shipped on board" (art. 20(a)(ii); a multimodal document then needs an on-board notation). */
    onBoard: yesNo(),
    /** Charter party bills of lading acceptable (art. 22); otherwise art. 20(a)(vi) refuses one. */
    charterPartyAllowed: yesNo(),
    /** Shipment on deck acceptable; otherwise art. 26(a) refuses a document stating it. */
    onDeckAllowed: yesNo(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.consignee === "NAMED" && !t.consigneeName) ctx.addIssue({ code: "custom", path: ["consigneeName"], message: "Enter the consignee's name" });
    if (t.consignee !== "NAMED" && t.consigneeName) ctx.addIssue({ code: "custom", path: ["consigneeName"], message: "A name goes only with a named consignee" });
    if (t.notifyParty === "NAMED" && !t.notifyPartyName) ctx.addIssue({ code: "custom", path: ["notifyPartyName"], message: "Enter the notify party's name" });
    if (t.notifyParty !== "NAMED" && t.notifyPartyName) ctx.addIssue({ code: "custom", path: ["notifyPartyName"], message: "A name goes only with a named notify party" });
  });
export type TransportConditions = z.infer<typeof transportConditionsSchema>;

/** The insurance document (art. 28): how much cover, against what, from where to where. */
export const insuranceConditionsSchema = z
  .object({
    /** Cover as a percentage of the CIF or CIP value (art. 28(f)(ii): at least 110% when the credit is silent). */
    coverPercent: z.preprocess(
      blank,
      z.number({ error: "Enter a percentage" }).int("Whole percent only").min(100, "At least 100%").max(200, "At most 200%").optional(),
    ),
    /** The risks to be covered (art. 28(g)). */
    risks: z
      .array(z.enum(INSURANCE_RISKS, { error: "Choose from the list" }))
      .max(INSURANCE_RISKS.length)
      .refine((risks) => new Set(risks).size === risks.length, "List each risk once")
      .optional(),
    /** Cover at least from this place (art. 28(f)(iii): taking in charge or shipment)... */
    coverFrom: name("where cover starts"),
    /** ...to this one (discharge or final destination). */
    coverTo: name("where cover ends"),
  })
  .strict();
export type InsuranceConditions = z.infer<typeof insuranceConditionsSchema>;

/** The certificate of origin: the country it must show (its issuer is `issuer`). */
export const originConditionsSchema = z
  .object({
    /** ISO 3166-1 alpha-2, e.g. "NL". */
    originCountry: z.preprocess(
      (v) => (typeof v === "string" ? blank(v.trim().toUpperCase()) : v),
      z.string({ error: "Enter a country code" }).regex(/^[A-Z]{2}$/, "Enter the ISO 3166 two-letter country code, e.g. NL").optional(),
    ),
  })
  .strict();
export type OriginConditions = z.infer<typeof originConditionsSchema>;

/** The groups of conditions; which ones a document may carry depends on its kind (schema.ts). */
export const documentConditionsSchema = z
  .object({
    issuer: z.preprocess((v) => (v && typeof v === "object" && blank((v as { kind?: unknown }).kind) === undefined ? undefined : v), issuerSchema.optional()),
    transport: transportConditionsSchema.optional(),
    insurance: insuranceConditionsSchema.optional(),
    origin: originConditionsSchema.optional(),
  })
  .strict()
  .transform(prune);
export type DocumentConditions = NonNullable<z.output<typeof documentConditionsSchema>>;
export type DocumentConditionsInput = z.input<typeof documentConditionsSchema>;

/** Drop every key without a value and every group left empty; nothing at all is undefined. */
function prune<T extends Record<string, unknown>>(conditions: T): T | undefined {
  const kept: Record<string, unknown> = {};
  for (const [group, value] of Object.entries(conditions)) {
    if (value === undefined) continue;
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
    if (entries.length > 0) kept[group] = Object.fromEntries(entries);
  }
  return Object.keys(kept).length > 0 ? (kept as T) : undefined;
}

/** The texts a condition carries, by path inside `conditions`: each travels in 46A, so SWIFT's z set applies. */
export function conditionTexts(conditions: DocumentConditions | undefined): { path: string[]; value: string }[] {
  if (!conditions) return [];
  const texts = [
    { path: ["issuer", "name"], value: conditions.issuer?.name },
    { path: ["transport", "consigneeName"], value: conditions.transport?.consigneeName },
    { path: ["transport", "notifyPartyName"], value: conditions.transport?.notifyPartyName },
    { path: ["insurance", "coverFrom"], value: conditions.insurance?.coverFrom },
    { path: ["insurance", "coverTo"], value: conditions.insurance?.coverTo },
  ];
  return texts.filter((t): t is { path: string[]; value: string } => typeof t.value === "string");
}

/** The issuer as a reader says it: "issued by a chamber of commerce", "issued by Lloyd's Agency". */
export const issuerWords = (issuer: IssuerRequirement) => (issuer.kind === "NAMED" ? issuer.name ?? "" : ISSUER_LABELS[issuer.kind].replace(/^The /, "the ").replace(/^An? /, (a) => a.toLowerCase()));

/** The conditions as the parties read them on the terms and in a diff, e.g. "clean; on board; made out to order". */
export function describeConditions(conditions: DocumentConditions | undefined): string[] {
  if (!conditions) return [];
  const parts: string[] = [];
  const t = conditions.transport;
  if (t) {
    if (t.clean) parts.push("clean");
    if (t.clean === false) parts.push("need not be clean");
    if (t.onBoard) parts.push("shipped on board");
    if (t.onBoard === false) parts.push("on-board notation not required");
    if (t.consignee) parts.push(`made out ${t.consignee === "NAMED" ? `to ${t.consigneeName}` : t.consignee === "APPLICANT" ? "to the applicant" : CONSIGNEE_LABELS[t.consignee].toLowerCase()}`);
    if (t.notifyParty) parts.push(t.notifyParty === "NONE" ? "no notify party required" : `notify ${t.notifyParty === "NAMED" ? t.notifyPartyName : "the applicant"}`);
    if (t.freight) parts.push(`marked ${FREIGHT_LABELS[t.freight].toLowerCase()}`);
    if (t.charterPartyAllowed !== undefined) parts.push(`charter party bill of lading ${t.charterPartyAllowed ? "acceptable" : "not acceptable"}`);
    if (t.onDeckAllowed !== undefined) parts.push(`shipment on deck ${t.onDeckAllowed ? "acceptable" : "not acceptable"}`);
  }
  const i = conditions.insurance;
  if (i) {
    if (i.coverPercent !== undefined) parts.push(`cover ${i.coverPercent}% of the CIF or CIP value`);
    if (i.risks && i.risks.length > 0) parts.push(`covering ${i.risks.map((r) => RISK_LABELS[r]).join(", ")}`);
    if (i.coverFrom || i.coverTo) parts.push(`cover from ${i.coverFrom ?? "shipment"} to ${i.coverTo ?? "destination"}`);
  }
  if (conditions.origin?.originCountry) parts.push(`origin ${countryName(conditions.origin.originCountry)} (${conditions.origin.originCountry})`);
  if (conditions.issuer) parts.push(`issued by ${issuerWords(conditions.issuer)}`);
  return parts;
}

/** The English name of an ISO 3166 alpha-2 code ("NL" -> "Netherlands"), the code itself when unknown. */
export function countryName(code: string): string {
  const cached = COUNTRY_NAMES.get(code);
  if (cached !== undefined) return cached;
  let name = code;
  try {
    regionNames ??= new Intl.DisplayNames(["en"], { type: "region" });
    name = regionNames.of(code) ?? code;
  } catch {
    // Not a region code Intl knows: the code itself.
  }
  if (/^[A-Z]{2}$/.test(code)) COUNTRY_NAMES.set(code, name); // at most 676 entries
  return name;
}
// One Intl.DisplayNames and one lookup per code: building it costs more than an MT700's other fields together.
let regionNames: Intl.DisplayNames | undefined;
const COUNTRY_NAMES = new Map<string, string>();
