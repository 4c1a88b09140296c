import { canonicalAmount, currencyDecimals, fromMilli, toMilli } from "@/lib/money";
import { DOCUMENT_KIND_LABELS, type DocumentKind, type Terms } from "@/lib/terms/schema";
import { type Consignee, type DocumentConditions, type InsuranceRisk, type IssuerKind, countryName } from "@/lib/terms/conditions";
import { MESSAGE_FIELDS, MESSAGE_TITLES, type MessageType, checkFieldOnce, fieldSpec } from "./fields";
import { type FinField, type FinMessage, type FinProblem, serialiseFinFile, validateFin } from "./fin";
import { type Transliteration, transliterate } from "./transliterate";

// The Category 7 messages a credit has produced so far, built from its state at each step
// (SwiftCreditInput: the credit, its terms as issued and amended, the banks' BICs, and one
// SwiftStep per milestone that produces a message). Pure: lib/credits/swift-messages.ts loads
// the input from the database. docs/SWIFT.md has the field mapping and which step makes which
// message.

export interface SwiftBank {
  name: string;
  /** ISO 9362 BIC; a bank without one gets a message that fails validation (the problem says so). */
  bic: string | null;
}

/** The facts of one step that produces a message, in the order of the credit's milestones. */
export type SwiftStep = { seq: number; on: string } & (
  | { kind: "issued"; terms: Terms; bankConditions: string | null }
  | { kind: "advised"; confirmationAdded: boolean }
  | { kind: "amendmentIssued"; number: number; cancellation: boolean; before: Terms; after: Terms | null }
  | { kind: "amendmentAdvised"; number: number; amendmentDate: string }
  | { kind: "amendmentAccepted"; number: number; amendmentDate: string }
  | { kind: "amendmentRejected"; number: number; amendmentDate: string; reason: string | null }
  | { kind: "discrepanciesNotified"; presentationNumber: number; presentedOn: string; currency: string; claimedAmount: string | null; discrepancies: { document: string | null; message: string }[]; disposal: string }
  | { kind: "discrepanciesTakenUp"; presentationNumber: number; presentedOn: string; currency: string; claimedAmount: string | null }
  | { kind: "refused"; presentationNumber: number; reason: string | null }
  | { kind: "paid"; presentationNumber: number; currency: string; amount: string; paymentKind: string; dueDate: string | null; valueDate: string }
  | { kind: "expired"; currency: string; creditAmount: string; drawnAmount: string }
);

export interface SwiftCreditInput {
  /** TradeTrail's reference (TT-2026-000042): the advising and presenting side's reference. */
  reference: string;
  /** Field 20, the issuing bank's credit number. */
  creditNumber: string;
  /** 31C as issued (ISO date). */
  dateOfIssue: string;
  standby: boolean;
  issuingBank: SwiftBank;
  advisingBank: SwiftBank;
  steps: SwiftStep[];
}

export interface SwiftExport {
  /** Stable within the credit: the milestone's seq and the message type, e.g. "1-mt700". */
  id: string;
  type: MessageType;
  title: string;
  /** The milestone that produced it. */
  seq: number;
  /** The day of the step (ISO). */
  on: string;
  sender: SwiftBank;
  receiver: SwiftBank;
  /** The message and its continuations (MT701s, MT708s), in order. */
  messages: FinMessage[];
  /** The FIN text of all of them, as a file. */
  text: string;
  /** Every character the SWIFT character sets could not carry, and what it became. */
  transliterations: (Transliteration & { message: number })[];
  /** What does not fit the formats: a bank's interface would reject the file. */
  problems: (FinProblem & { message: string; messageIndex: number })[];
}

// ---- Field values ----------------------------------------------------------------------------

/** "2026-03-01" -> "260301". */
export const swiftDate = (iso: string): string => `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
/** "260301" -> "2026-03-01" (years 00-99 read as 2000-2099). */
export const isoFromSwiftDate = (yymmdd: string): string => `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;

/** "125000.5" in USD -> "125000,50"; JPY "5000000" -> "5000000,"; BHD "12.5" -> "12,500". */
export function swiftAmount(amount: string, currency: string): string {
  const canonical = canonicalAmount(currency, amount);
  return canonical.includes(".") ? canonical.replace(".", ",") : `${canonical},`;
}

/** "1234,5" in USD -> "1234.50" (the currency's decimals); throws on an amount that is not SWIFT's. */
export function decimalFromSwift(amount: string, currency: string): string {
  const m = /^(\d+),(\d*)$/.exec(amount);
  if (!m) throw new RangeError(`Not a SWIFT amount: "${amount}"`);
  if (m[2]!.length > currencyDecimals(currency)) throw new RangeError(`${currency} has ${currencyDecimals(currency)} decimals: "${amount}"`);
  return fromMilli(toMilli(`${m[1]}${m[2] ? `.${m[2]}` : ""}`), currencyDecimals(currency));
}

/** Lines of at most `width` characters, broken at spaces where it can; no line starts with ":" or "-". */
export function wrap(text: string, width: number): string[] {
  return fitsWidth(text, width) ? text.split("\n") : wrapLines(text, width);
}

/** `wrap` joined with "\n": the text itself, not copied, when it already fits. */
export function wrapText(text: string, width: number): string {
  return fitsWidth(text, width) ? text : wrapLines(text, width).join("\n");
}

/**
 * Whether wrapping would leave the text as it is: every line at most `width` long and ending in a
 * printable ASCII character (nothing to trim), and no blank line at the end. One pass.
 */
function fitsWidth(text: string, width: number): boolean {
  if (text === "" || text.charCodeAt(text.length - 1) === 10) return false;
  let start = 0;
  for (;;) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (end - start > width) return false;
    if (end > start) {
      const last = text.charCodeAt(end - 1);
      if (last <= 32 || last >= 127) return false;
    }
    if (end === text.length) return true;
    start = end + 1;
  }
}

/** Whether a line ends in a space (or the text in a blank line): wrapping would trim it. */
function hasTrailingSpace(text: string): boolean {
  if (text === "") return true;
  for (let end = text.indexOf("\n"); ; end = text.indexOf("\n", end + 1)) {
    const at = end < 0 ? text.length : end;
    if (at === 0 || text.charCodeAt(at - 1) === 32 || text.charCodeAt(at - 1) === 10) return true;
    if (end < 0) return false;
  }
}

const STARTS_FIELD_OR_END = /^[:-]/;

function wrapLines(text: string, width: number): string[] {
  const out: string[] = [];
  for (const source of text.split("\n")) {
    let rest = source.trimEnd();
    if (rest === "") {
      out.push("");
      continue;
    }
    while (rest.length > width) {
      const head = rest.slice(0, width + 1);
      const space = head.lastIndexOf(" ");
      const cut = space > 0 ? space : width;
      out.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).replace(/^ /, "");
      if (STARTS_FIELD_OR_END.test(rest)) rest = ` ${rest}`;
    }
    out.push(rest);
  }
  // Blank lines at the end carry nothing.
  while (out.length > 1 && out.at(-1) === "") out.pop();
  return out;
}

const nameAndAddress = (party: { name: string; address: string }) => `${party.name}\n${party.address}`;
/** A bank as a party field: option A with its BIC, else option D with its name. */
const bankField = (base: string, bank: SwiftBank): { tag: string; value: string } => (bank.bic ? { tag: `${base}A`, value: bank.bic } : { tag: `${base}D`, value: bank.name });

export const RULES: Record<Terms["applicableRules"], string> = {
  UCP_LATEST_VERSION: "UCP LATEST VERSION",
  EUCP_LATEST_VERSION: "EUCP LATEST VERSION",
  ISP_LATEST_VERSION: "ISP LATEST VERSION",
  UCP_URR_LATEST_VERSION: "UCPURR LATEST VERSION",
  EUCP_URR_LATEST_VERSION: "EUCPURR LATEST VERSION",
  ISP_URR_LATEST_VERSION: "ISPRR LATEST VERSION",
  OTHER: "OTHR",
};
export const AVAILABLE_BY: Record<Terms["availableBy"], string> = { PAYMENT: "BY PAYMENT", ACCEPTANCE: "BY ACCEPTANCE", NEGOTIATION: "BY NEGOTIATION", DEFERRED_PAYMENT: "BY DEF PAYMENT" };
export const CONFIRMATION: Record<Terms["confirmation"], string> = { WITHOUT: "WITHOUT", MAY_ADD: "MAY ADD", CONFIRM: "CONFIRM" };
const SHIPMENT: Record<"ALLOWED" | "NOT_ALLOWED", string> = { ALLOWED: "ALLOWED", NOT_ALLOWED: "NOT ALLOWED" };
/** UCP 600 art. 16(c)(iii)(a)–(d) as MT734 field 77B codes. */
export const DISPOSAL_CODES: Record<string, string> = { HOLDING_PENDING_INSTRUCTIONS: "HOLD", HOLDING_UNTIL_WAIVER: "NOTIFY", RETURNING: "RETURN", ACTING_ON_PRIOR_INSTRUCTIONS: "PREVINST" };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * 46A: one paragraph per required document, starting with "+": the structured conditions in the
 * words banks use ("+CLEAN ON BOARD BILL OF LADING IN 3 ORIGINALS AND 3 COPIES MADE OUT TO ORDER
 * OF ISSUING BANK MARKED FREIGHT PREPAID NOTIFY APPLICANT"), then the free-text details. Each
 * paragraph is wrapped to 65 characters when the field is written (fieldsForMessage).
 */
export function documentsRequiredText(documents: Terms["documentsRequired"]): string {
  return documents
    .map((d) => {
      const t = d.conditions?.transport;
      // "Clean" and "on board" qualify the document's name, as in "clean on board bill of lading".
      const qualifiers = [t?.clean ? "CLEAN" : "", t?.onBoard ? "ON BOARD" : ""].filter(Boolean).join(" ");
      const label = DOCUMENT_KIND_LABELS[d.kind as DocumentKind].toUpperCase();
      const counts = `IN ${plural(d.originals, "ORIGINAL", "ORIGINALS")} AND ${plural(d.copies, "COPY", "COPIES")}`;
      const required = conditionWords(d.conditions);
      const details = d.details ? `, ${d.details.replace(/\s*\n\s*/g, " ")}` : "";
      return `+${qualifiers ? `${qualifiers} ` : ""}${label} ${counts}${required.length > 0 ? ` ${required.join(" ")}` : ""}${details}`;
    })
    .join("\n");
}

const CONSIGNEE_WORDS: Record<Consignee, string> = {
  TO_ORDER: "MADE OUT TO ORDER",
  TO_ORDER_OF_ISSUING_BANK: "MADE OUT TO ORDER OF ISSUING BANK",
  TO_ORDER_OF_SHIPPER: "MADE OUT TO ORDER OF SHIPPER",
  NAMED: "CONSIGNED TO",
  APPLICANT: "CONSIGNED TO APPLICANT",
};
const RISK_WORDS: Record<InsuranceRisk, string> = {
  ALL_RISKS: "ALL RISKS",
  ICC_A: "INSTITUTE CARGO CLAUSES (A)",
  ICC_B: "INSTITUTE CARGO CLAUSES (B)",
  ICC_C: "INSTITUTE CARGO CLAUSES (C)",
  WAR: "INSTITUTE WAR CLAUSES (CARGO)",
  STRIKES: "INSTITUTE STRIKES CLAUSES (CARGO)",
};
const ISSUER_WORDS: Record<Exclude<IssuerKind, "NAMED">, string> = {
  BENEFICIARY: "BENEFICIARY",
  CARRIER_OR_AGENT: "THE CARRIER OR ITS AGENT",
  INSURER_OR_AGENT: "AN INSURANCE COMPANY OR ITS AGENT",
  CHAMBER_OF_COMMERCE: "A CHAMBER OF COMMERCE",
};

/** The conditions after the document's name and counts, in 46A's usual order and wording. */
function conditionWords(conditions: DocumentConditions | undefined): string[] {
  if (!conditions) return [];
  const words: string[] = [];
  const { transport: t, insurance: i, origin, issuer } = conditions;
  if (t?.consignee) words.push(t.consignee === "NAMED" ? `${CONSIGNEE_WORDS.NAMED} ${t.consigneeName}` : CONSIGNEE_WORDS[t.consignee]);
  if (t?.freight) words.push(`MARKED FREIGHT ${t.freight}`);
  // A credit that accepts claused documents says so: art. 27 applies otherwise.
  if (t?.clean === false) words.push("CLAUSED DOCUMENT ACCEPTABLE");
  if (t?.notifyParty === "APPLICANT") words.push("NOTIFY APPLICANT");
  if (t?.notifyParty === "NAMED") words.push(`NOTIFY ${t.notifyPartyName}`);
  if (t?.charterPartyAllowed !== undefined) words.push(t.charterPartyAllowed ? "CHARTER PARTY BILL OF LADING ACCEPTABLE" : "CHARTER PARTY BILL OF LADING NOT ACCEPTABLE");
  if (t?.onDeckAllowed !== undefined) words.push(t.onDeckAllowed ? "ON DECK SHIPMENT ACCEPTABLE" : "ON DECK SHIPMENT NOT ACCEPTABLE");
  if (i?.coverPercent !== undefined) words.push(`FOR ${i.coverPercent} PCT OF THE CIF OR CIP VALUE`);
  if (i?.risks && i.risks.length > 0) words.push(`COVERING ${i.risks.map((r) => RISK_WORDS[r]).join(" AND ")}`);
  if (i?.coverFrom || i?.coverTo) words.push(`FROM ${i.coverFrom ?? "PLACE OF SHIPMENT"} TO ${i.coverTo ?? "PLACE OF DESTINATION"}`);
  if (issuer) words.push(`ISSUED BY ${issuer.kind === "NAMED" ? issuer.name : ISSUER_WORDS[issuer.kind]}`);
  if (origin?.originCountry) words.push(`CERTIFYING ${countryName(origin.originCountry).toUpperCase()} ORIGIN`);
  return words;
}

/** The MT700 fields of a credit's terms (what an MT707 compares too), without 27 and 20. Values are as held: not yet transliterated or wrapped. */
export function termsFields(terms: Terms, banks: { issuingBank: SwiftBank; advisingBank: SwiftBank }, bankConditions: string | null = null): FinField[] {
  const fields: FinField[] = [];
  const put = (tag: string, value: string | undefined | null) => {
    if (value !== undefined && value !== null && value !== "") fields.push({ tag, value });
  };
  put("40A", terms.form === "IRREVOCABLE_TRANSFERABLE" ? "IRREVOCABLE TRANSFERABLE" : "IRREVOCABLE");
  put("40E", terms.applicableRules === "OTHER" ? `OTHR/${terms.applicableRulesNarrative ?? ""}` : RULES[terms.applicableRules]);
  put("31D", `${swiftDate(terms.expiryDate)}${terms.expiryPlace}`);
  put("51D", terms.applicantBank);
  put("50", nameAndAddress(terms.applicant));
  put("59", nameAndAddress(terms.beneficiary));
  put("32B", `${terms.currency}${swiftAmount(terms.amount, terms.currency)}`);
  // Art. 30(a): "about" allows 10% either way, which 39A says as 10/10.
  if (terms.tolerance.type === "PERCENT") put("39A", `${terms.tolerance.plus}/${terms.tolerance.minus}`);
  if (terms.tolerance.type === "ABOUT") put("39A", "10/10");
  put("39C", terms.additionalAmounts);
  const by = terms.mixedPaymentDetails ? "BY MIXED PYMT" : AVAILABLE_BY[terms.availableBy];
  const withBank = terms.availableWith === "ISSUING_BANK" ? banks.issuingBank : terms.availableWith === "ADVISING_BANK" ? banks.advisingBank : null;
  if (withBank) {
    const bank = bankField("41", withBank);
    put(bank.tag, `${bank.value}\n${by}`);
  } else put("41D", `ANY BANK\n${by}`);
  // Network rule C3: 42C goes with a drawee (42a), 42M and 42P stand alone.
  const tenor = terms.tenorDays !== undefined ? `${terms.tenorDays} DAYS AFTER SHIPMENT DATE` : undefined;
  if (terms.availableBy === "DEFERRED_PAYMENT") put("42P", terms.draftsAt || tenor);
  else if (terms.mixedPaymentDetails) put("42M", terms.mixedPaymentDetails);
  else if (terms.draftsAt || (terms.availableBy === "ACCEPTANCE" && tenor)) {
    put("42C", terms.draftsAt || tenor);
    if (terms.drawee) put("42D", terms.drawee);
    else {
      const drawee = bankField("42", banks.issuingBank);
      put(drawee.tag, drawee.value);
    }
  }
  if (!terms.creditKind || terms.creditKind === "DOCUMENTARY") {
    put("43P", SHIPMENT[terms.partialShipments]);
    put("43T", SHIPMENT[terms.transhipment]);
  } else put("43P", SHIPMENT[terms.partialShipments]);
  put("44A", terms.placeOfTakingInCharge);
  put("44E", terms.portOfLoading);
  put("44F", terms.portOfDischarge);
  put("44B", terms.finalDestination);
  if (terms.latestShipmentDate) put("44C", swiftDate(terms.latestShipmentDate));
  put("44D", terms.shipmentPeriod);
  const incoterm = terms.incoterm ? `TERMS OF DELIVERY: ${terms.incoterm}${terms.incotermPlace ? ` ${terms.incotermPlace}` : ""} (INCOTERMS 2020)` : "";
  put("45A", [terms.goodsDescription, incoterm].filter(Boolean).join("\n"));
  put("46A", documentsRequiredText(terms.documentsRequired));
  put("47A", [terms.additionalConditions, bankConditions].filter(Boolean).join("\n"));
  put("49G", terms.specialPaymentConditionsBeneficiary);
  put("49H", terms.specialPaymentConditionsBank);
  put("71D", terms.charges);
  put("48", String(terms.presentationPeriodDays));
  put("49", CONFIRMATION[terms.confirmation]);
  put("58D", terms.requestedConfirmationParty);
  put("53D", terms.reimbursingBank);
  put("78", terms.instructionsToBank);
  put("57D", terms.adviseThroughBank);
  put("72Z", terms.senderToReceiverInformation);
  return fields;
}

// ---- From held values to FIN fields -----------------------------------------------------------

interface Draft {
  type: MessageType;
  fields: FinField[];
  /** Already transliterated and wrapped (withContinuations), with what the transliteration changed. */
  cleaned?: true;
  transliterations?: Transliteration[];
}

interface Cleaned {
  fields: FinField[];
  transliterations: Transliteration[];
}

/** How `clean` treats a format: its character set, and the width it wraps to (per part). Decided once per format string. */
type Cleaning = { charset: "x" | "z"; wrap: "lines" | "partyAndCode" | "codeThenLines" | "none"; width: number; /** Longer than this, a text cannot fit the format (its lines and widths). */ maxLength: number };
const CLEANING = new Map<string, Cleaning>();
function cleaning(format: string): Cleaning {
  let c = CLEANING.get(format);
  if (!c) {
    const charset = format.includes("z") ? "z" : "x";
    const text = /^(\d+)\*(\d+)[xz]$/.exec(format);
    c = text
      ? { charset, wrap: "lines", width: Number(text[2]), maxLength: Number(text[1]) * (Number(text[2]) + 1) - 1 }
      : format === "4*35x\n14x"
        ? { charset, wrap: "partyAndCode", width: 35, maxLength: 0 }
        : format === "4!c[6*35z]"
          ? { charset, wrap: "codeThenLines", width: 35, maxLength: 0 }
          : { charset, wrap: "none", width: 0, maxLength: 0 };
    CLEANING.set(format, c);
  }
  return c;
}

/** Transliterates each field into its character set and wraps it to its width (structured fields are left as they are). */
function clean(type: MessageType, fields: FinField[]): Cleaned {
  const transliterations: Transliteration[] = [];
  const out = fields.map((field) => {
    const found = fieldSpec(type, field.tag);
    if (!found) return field;
    const how = cleaning(found.format);
    // Already in its set, width and lines, nothing to trim: kept as it is, and known to fit when validated.
    // (A 45A continuing in MT701s is too long to fit: it goes straight to transliteration and wrapping.)
    if (how.wrap === "lines" && field.value.length <= how.maxLength && !hasTrailingSpace(field.value) && checkFieldOnce(field, found.format) === null) return field;
    const result = transliterate(field.value, how.charset);
    for (const c of result.changes) transliterations.push({ tag: field.tag, ...c });
    switch (how.wrap) {
      case "lines": {
        const value = wrapText(result.text, how.width);
        return value === field.value ? field : { tag: field.tag, value };
      }
      case "partyAndCode": {
        // 41a/42a option D: wrap the name and address part only.
        const lines = result.text.split("\n");
        const code = lines.pop()!;
        return { tag: field.tag, value: [...wrap(lines.join("\n"), 35), code].join("\n") };
      }
      case "codeThenLines": {
        const [code, ...rest] = result.text.split("\n");
        return { tag: field.tag, value: [code!, ...(rest.length ? wrap(rest.join("\n"), 35) : [])].join("\n") };
      }
      default:
        return result.text === field.value ? field : { tag: field.tag, value: result.text };
    }
  });
  return { fields: out, transliterations };
}

/** Fields that continue in the continuation message, and where (MT700 -> MT701, MT707 -> MT708). */
const CONTINUED: Partial<Record<MessageType, { type: MessageType; tags: Record<string, string> }>> = {
  "700": { type: "701", tags: { "45A": "45B", "46A": "46B", "47A": "47B" } },
  "707": { type: "708", tags: { "45B": "45B", "46B": "46B", "47B": "47B", "49M": "49M", "49N": "49N" } },
};
const LINES_PER_MESSAGE = 100;

/** The text cut after every `size` lines ("\n" between lines), without splitting it into lines. */
function chunksOfLines(text: string, size: number): string[] {
  const chunks: string[] = [];
  let start = 0;
  for (;;) {
    let end = start - 1;
    for (let n = 0; n < size && end < text.length; n++) {
      end = text.indexOf("\n", end + 1);
      if (end < 0) end = text.length;
    }
    if (end >= text.length) {
      chunks.push(text.slice(start));
      return chunks;
    }
    chunks.push(text.slice(start, end));
    start = end + 1;
  }
}

/**
 * The message and its continuations: the fields are transliterated and wrapped first (a line
 * count is only known once the text is wrapped), then each continued field keeps its first 100
 * lines and the rest go 100 at a time to the continuation messages (27 counts them all).
 * `headTags` are the fields every continuation repeats (MT701: 20; MT708: 20, 21, 23, 26E, 30).
 */
function withContinuations(main: Draft, headTags: readonly string[]): Draft[] {
  const rule = CONTINUED[main.type];
  if (!rule) return [main];
  const cleaned = clean(main.type, main.fields);
  const overflow: { tag: string; chunks: string[] }[] = [];
  const first = cleaned.fields.map((field) => {
    const target = rule.tags[field.tag];
    if (!target) return field;
    const chunks = chunksOfLines(field.value, LINES_PER_MESSAGE);
    if (chunks.length === 1) return field;
    overflow.push({ tag: target, chunks: chunks.slice(1) });
    return { tag: field.tag, value: chunks[0]! };
  });
  const extra = Math.max(0, ...overflow.map((o) => o.chunks.length));
  const total = 1 + extra;
  const seq = (n: number): FinField => ({ tag: "27", value: `${n}/${total}` });
  const head = headTags.flatMap((tag) => first.filter((f) => f.tag === tag));
  const drafts: Draft[] = [{ type: main.type, fields: [seq(1), ...first.filter((f) => f.tag !== "27")], cleaned: true, transliterations: cleaned.transliterations }];
  for (let i = 0; i < extra; i++) {
    const fields = overflow.filter((o) => o.chunks[i] !== undefined).map((o) => ({ tag: o.tag, value: o.chunks[i]! }));
    drafts.push({ type: rule.type, fields: [seq(i + 2), ...head, ...fields], cleaned: true, transliterations: [] });
  }
  return drafts;
}

/**
 * The MT700 fields of terms as an application carries them (lib/swift/mt798.ts): no 27, 20 or
 * 31C (the bank numbers and dates the credit), transliterated and wrapped, each of 45A/46A/47A
 * cut after 100 lines, the rest as 45B/46B/47B in groups of 100 for the extension messages.
 */
export function applicationFields(terms: Terms, banks: { issuingBank: SwiftBank; advisingBank: SwiftBank }): { fields: FinField[]; continuations: FinField[][]; transliterations: Transliteration[] } {
  const cleaned = clean("700", termsFields(terms, banks));
  const continuations: FinField[][] = [];
  const tags = CONTINUED["700"]!.tags;
  const fields = cleaned.fields.map((field) => {
    const target = tags[field.tag];
    if (!target) return field;
    const chunks = chunksOfLines(field.value, LINES_PER_MESSAGE);
    chunks.slice(1).forEach((chunk, i) => (continuations[i] ??= []).push({ tag: target, value: chunk }));
    return chunks.length === 1 ? field : { tag: field.tag, value: chunks[0]! };
  });
  return { fields, continuations, transliterations: cleaned.transliterations };
}

// ---- Each step's messages ----------------------------------------------------------------------

const compact = (reference: string) => reference.replace(/[^A-Za-z0-9]/g, "").slice(0, 12);
/** The presenting side's reference of a presentation (16x): "TT2026000042P1". */
export const presentationReference = (reference: string, number: number) => `${compact(reference)}P${number}`;

interface Built {
  type: MessageType;
  sender: SwiftBank;
  receiver: SwiftBank;
  drafts: Draft[];
  problems: string[];
}

const amountWithCurrency = (currency: string, amount: string | null) => `${currency}${swiftAmount(amount ?? "0", currency)}`;

function mt700(input: SwiftCreditInput, step: Extract<SwiftStep, { kind: "issued" }>): Built {
  const body = termsFields(step.terms, input, step.bankConditions);
  const fields: FinField[] = [{ tag: "27", value: "1/1" }, body[0]!, { tag: "20", value: input.creditNumber }, { tag: "31C", value: swiftDate(input.dateOfIssue) }, ...body.slice(1)];
  const drafts = withContinuations({ type: "700", fields }, ["20"]);
  return { type: "700", sender: input.issuingBank, receiver: input.advisingBank, drafts, problems: [] };
}

/** MT707 tags of the MT700 fields an amendment may change. */
const AMENDED_TAG: Record<string, string> = { "45A": "45B", "46A": "46B", "47A": "47B", "49G": "49M", "49H": "49N" };

function mt707(input: SwiftCreditInput, step: Extract<SwiftStep, { kind: "amendmentIssued" }>): Built {
  const problems: string[] = [];
  const head: FinField[] = [
    { tag: "20", value: input.creditNumber },
    { tag: "21", value: input.reference },
    { tag: "23", value: input.creditNumber },
  ];
  const fields: FinField[] = [
    { tag: "27", value: "1/1" },
    ...head,
    { tag: "31C", value: swiftDate(input.dateOfIssue) },
    { tag: "26E", value: String(step.number) },
    { tag: "30", value: swiftDate(step.on) },
    { tag: "22A", value: "ISSU" },
  ];
  if (step.cancellation || !step.after) fields.push({ tag: "23S", value: "CANCEL" });
  else {
    const before = termsFields(step.before, input);
    const after = termsFields(step.after, input);
    // A party field may change its letter option (a BIC, then a name): compare 41A with 41D.
    const key = (tag: string) => (/^(41|42|51|53|57|58)[AD]$/.test(tag) ? `${tag.slice(0, 2)}a` : tag);
    const beforeByTag = new Map(before.map((f) => [key(f.tag), f]));
    for (const field of after) {
      const old = beforeByTag.get(key(field.tag));
      beforeByTag.delete(key(field.tag));
      if (old && old.tag === field.tag && old.value === field.value) continue;
      if (field.tag === "32B") {
        const delta = toMilli(step.after.amount) - toMilli(step.before.amount);
        const decimals = currencyDecimals(step.after.currency);
        if (delta > 0n) fields.push({ tag: "32B", value: `${step.after.currency}${swiftAmount(fromMilli(delta, decimals), step.after.currency)}` });
        if (delta < 0n) fields.push({ tag: "33B", value: `${step.after.currency}${swiftAmount(fromMilli(-delta, decimals), step.after.currency)}` });
        if (step.after.currency !== step.before.currency) problems.push("32B: an MT707 cannot change the currency of a credit");
        continue;
      }
      if (AMENDED_TAG[field.tag]) {
        fields.push({ tag: AMENDED_TAG[field.tag]!, value: `/REPALL/\n${field.value}` });
        continue;
      }
      if (key(field.tag) === "51a") continue; // Not an MT707 field: the applicant bank does not change.
      fields.push(field);
    }
    for (const [tag] of beforeByTag) {
      if (tag === "51a") continue;
      problems.push(`${tag}: the amendment removes this field, which an MT707 cannot say except in words (72Z)`);
    }
    if (step.after.amendmentChargesPayableBy) {
      fields.push({ tag: "71N", value: [step.after.amendmentChargesPayableBy, step.after.amendmentChargesNarrative].filter(Boolean).join("\n") });
    }
  }
  const order = ["27", "20", "21", "23", "31C", "26E", "30", "22A", "23S"];
  const rank = (tag: string) => {
    const i = order.indexOf(tag);
    if (i >= 0) return i;
    const spec = fieldSpec("707", tag);
    return 100 + (spec ? MESSAGE_ORDER_707.indexOf(spec.spec.tag) : 999);
  };
  fields.sort((a, b) => rank(a.tag) - rank(b.tag));
  const drafts = withContinuations({ type: "707", fields }, ["20", "21", "23", "26E", "30"]);
  return { type: "707", sender: input.issuingBank, receiver: input.advisingBank, drafts, problems };
}

const MESSAGE_ORDER_707 = MESSAGE_FIELDS["707"].map((f) => f.tag);

function mt730(input: SwiftCreditInput, acknowledged: string, narrative: string): Built {
  const fields: FinField[] = [
    { tag: "20", value: input.reference },
    { tag: "21", value: input.creditNumber },
    { tag: "30", value: swiftDate(acknowledged) },
    { tag: "72Z", value: narrative },
  ];
  return { type: "730", sender: input.advisingBank, receiver: input.issuingBank, drafts: [{ type: "730", fields }], problems: [] };
}

function mt734(input: SwiftCreditInput, step: Extract<SwiftStep, { kind: "discrepanciesNotified" }>): Built {
  const discrepancies = step.discrepancies.map((d) => `+${d.document ? `${DOCUMENT_KIND_LABELS[d.document as DocumentKind]?.toUpperCase() ?? d.document}: ` : ""}${d.message}`).join("\n");
  const fields: FinField[] = [
    { tag: "20", value: input.creditNumber },
    { tag: "21", value: presentationReference(input.reference, step.presentationNumber) },
    { tag: "32A", value: `${swiftDate(step.presentedOn)}${amountWithCurrency(step.currency, step.claimedAmount)}` },
    { tag: "77J", value: discrepancies },
    { tag: "77B", value: `/${DISPOSAL_CODES[step.disposal] ?? "HOLD"}/` },
  ];
  return { type: "734", sender: input.issuingBank, receiver: input.advisingBank, drafts: [{ type: "734", fields }], problems: [] };
}

function mt732(input: SwiftCreditInput, step: Extract<SwiftStep, { kind: "discrepanciesTakenUp" }>): Built {
  const fields: FinField[] = [
    { tag: "20", value: input.creditNumber },
    { tag: "21", value: presentationReference(input.reference, step.presentationNumber) },
    { tag: "30", value: swiftDate(step.presentedOn) },
    { tag: "32B", value: amountWithCurrency(step.currency, step.claimedAmount) },
    { tag: "72Z", value: "DOCUMENTS PRESENTED WITH DISCREPANCIES TAKEN UP: APPLICANT'S WAIVER ACCEPTED" },
  ];
  return { type: "732", sender: input.issuingBank, receiver: input.advisingBank, drafts: [{ type: "732", fields }], problems: [] };
}

function mt754(input: SwiftCreditInput, step: Extract<SwiftStep, { kind: "paid" }>): Built {
  const amount = amountWithCurrency(step.currency, step.amount);
  // Paid at sight: option A with the value date; accepted or a deferred payment undertaken: option B, the maturity in 72Z.
  const sight = step.paymentKind === "SIGHT" || step.paymentKind === "NEGOTIATION";
  const fields: FinField[] = [
    { tag: "20", value: presentationReference(input.reference, step.presentationNumber) },
    { tag: "21", value: input.creditNumber },
    sight ? { tag: "32A", value: `${swiftDate(step.valueDate)}${amount}` } : { tag: "32B", value: amount },
    ...(step.dueDate ? [{ tag: "72Z", value: `/MATURITY/${swiftDate(step.dueDate)}` }] : []),
  ];
  return { type: "754", sender: input.advisingBank, receiver: input.issuingBank, drafts: [{ type: "754", fields }], problems: [] };
}

function mt756(input: SwiftCreditInput, step: Extract<SwiftStep, { kind: "paid" }>): Built {
  const amount = amountWithCurrency(step.currency, step.amount);
  const fields: FinField[] = [
    { tag: "20", value: input.creditNumber },
    { tag: "21", value: presentationReference(input.reference, step.presentationNumber) },
    { tag: "32B", value: amount },
    { tag: "33A", value: `${swiftDate(step.dueDate ?? step.valueDate)}${amount}` },
  ];
  return { type: "756", sender: input.issuingBank, receiver: input.advisingBank, drafts: [{ type: "756", fields }], problems: [] };
}

function mt759(input: SwiftCreditInput, function_: string, narrative: string): Built {
  const fields: FinField[] = [
    { tag: "27", value: "1/1" },
    { tag: "20", value: input.creditNumber },
    { tag: "21", value: input.reference },
    { tag: "22D", value: input.standby ? "STBY" : "DOCR" },
    { tag: "23H", value: function_ },
    { tag: "45D", value: narrative },
  ];
  return { type: "759", sender: input.issuingBank, receiver: input.advisingBank, drafts: [{ type: "759", fields }], problems: [] };
}

/** MT750: a presenting bank's advice of discrepancy. No TradeTrail step produces it (the issuing bank examines); built for files and tests. */
export function buildMt750(input: Pick<SwiftCreditInput, "reference" | "creditNumber">, p: { presentationNumber: number; currency: string; amount: string; discrepancies: string[] }): FinField[] {
  return clean("750", [
    { tag: "20", value: presentationReference(input.reference, p.presentationNumber) },
    { tag: "21", value: input.creditNumber },
    { tag: "32B", value: amountWithCurrency(p.currency, p.amount) },
    { tag: "77J", value: p.discrepancies.map((d) => `+${d}`).join("\n") },
  ]).fields;
}

/** MT752: the issuing bank's authorisation to pay after an MT750. No TradeTrail step produces it; built for files and tests. */
export function buildMt752(input: Pick<SwiftCreditInput, "reference" | "creditNumber">, p: { presentationNumber: number; adviceDate: string; currency: string; amount: string }): FinField[] {
  return clean("752", [
    { tag: "20", value: input.creditNumber },
    { tag: "21", value: presentationReference(input.reference, p.presentationNumber) },
    { tag: "23", value: "ACCEPT" },
    { tag: "30", value: swiftDate(p.adviceDate) },
    { tag: "32B", value: amountWithCurrency(p.currency, p.amount) },
  ]).fields;
}

function built(input: SwiftCreditInput, step: SwiftStep): Built[] {
  switch (step.kind) {
    case "issued":
      return [mt700(input, step)];
    case "advised":
      return [mt730(input, input.dateOfIssue, `CREDIT ADVISED TO THE BENEFICIARY${step.confirmationAdded ? "\nWE HAVE ADDED OUR CONFIRMATION" : ""}`)];
    case "amendmentIssued":
      return [mt707(input, step)];
    case "amendmentAdvised":
      return [mt730(input, step.amendmentDate, `AMENDMENT NO. ${step.number} ADVISED TO THE BENEFICIARY`)];
    case "amendmentAccepted":
      return [mt730(input, step.amendmentDate, `/BENACC/\nAMENDMENT NO. ${step.number}`)];
    case "amendmentRejected":
      return [mt730(input, step.amendmentDate, `/BENREJ/\nAMENDMENT NO. ${step.number}${step.reason ? `\n${step.reason.replace(/\s*\n\s*/g, " ")}` : ""}`)];
    case "discrepanciesNotified":
      return [mt734(input, step)];
    case "discrepanciesTakenUp":
      return [mt732(input, step)];
    case "refused":
      return [mt759(input, "OTHERFNC", `PRESENTATION NO. ${step.presentationNumber} UNDER DOCUMENTARY CREDIT ${input.creditNumber} IS REFUSED AND THE DOCUMENTS ARE RETURNED.${step.reason ? `\nREASON: ${step.reason}` : ""}`)];
    case "paid":
      // Available with the advising bank or any bank: the nominated bank's honour (MT754) and the issuing bank's reimbursement (MT756).
      return [...(input.steps.some((s) => s.kind === "issued" && s.terms.availableWith !== "ISSUING_BANK") ? [mt754(input, step)] : []), mt756(input, step)];
    case "expired": {
      const balance = fromMilli(toMilli(step.creditAmount) - toMilli(step.drawnAmount), currencyDecimals(step.currency));
      return [mt759(input, "GENINFAD", `DOCUMENTARY CREDIT ${input.creditNumber} EXPIRED ON ${step.on}.\nUNUTILISED BALANCE: ${step.currency} ${swiftAmount(balance, step.currency)}\nOUR UNDERTAKING UNDER THIS CREDIT HAS ENDED.`)];
    }
  }
}

/** The FIN messages of one built step, cleaned and checked. */
function finish(input: SwiftCreditInput, step: SwiftStep, b: Built): SwiftExport {
  const transliterations: SwiftExport["transliterations"] = [];
  const problems: SwiftExport["problems"] = [];
  const userReference = (index: number) => `${compact(input.reference)}${step.seq.toString(36).toUpperCase().padStart(2, "0")}${index}`.slice(0, 16);
  const messages = b.drafts.map((draft, index): FinMessage => {
    const cleaned = draft.cleaned ? { fields: draft.fields, transliterations: draft.transliterations ?? [] } : clean(draft.type, draft.fields);
    for (const t of cleaned.transliterations) transliterations.push({ ...t, message: index });
    return { type: draft.type, sender: b.sender.bic ?? "", receiver: b.receiver.bic ?? "", userReference: userReference(index), fields: cleaned.fields };
  });
  // A field that needed more continuation messages than exist.
  if (messages.length > 8) problems.push({ message: `needs ${messages.length} messages; an MT${b.type} travels with at most 7 continuations`, messageIndex: 0 });
  for (const text of b.problems) problems.push({ message: text, messageIndex: 0 });
  messages.forEach((m, index) => {
    if (!b.sender.bic) problems.push({ tag: "block 1", message: `${b.sender.name} has no BIC`, messageIndex: index });
    if (!b.receiver.bic) problems.push({ tag: "block 2", message: `${b.receiver.name} has no BIC`, messageIndex: index });
    for (const p of validateFin(m)) if (!(p.tag?.startsWith("block ") && !(b.sender.bic && b.receiver.bic))) problems.push({ ...p, messageIndex: index });
  });
  return {
    id: `${step.seq}-mt${b.type}`,
    type: b.type,
    title: MESSAGE_TITLES[b.type],
    seq: step.seq,
    on: step.on,
    sender: b.sender,
    receiver: b.receiver,
    messages,
    text: serialiseFinFile(messages),
    transliterations,
    problems,
  };
}

/** Every message the credit has produced so far, in the order of the steps that produced them. */
export function swiftMessages(input: SwiftCreditInput): SwiftExport[] {
  return input.steps.flatMap((step) => built(input, step).map((b) => finish(input, step, b)));
}
