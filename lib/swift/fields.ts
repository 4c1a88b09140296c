import { currencyDecimals } from "@/lib/money";
import { type SwiftCharset, firstOutsideCharset, inSwiftCharset, parseSwiftFormat } from "./format";

// The Category 7 fields TradeTrail writes and reads, per message type, with each field's SWIFT
// format as data (SWIFT Standards MT, Category 7, SR 2021 onwards) and one validator that reads
// the format. Pure, client-safe.

export const MESSAGE_TYPES = ["700", "701", "710", "711", "707", "708", "730", "732", "734", "750", "752", "754", "756", "759", "798"] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const MESSAGE_TITLES: Record<MessageType, string> = {
  "700": "Issue of a documentary credit",
  "701": "Issue of a documentary credit (continuation)",
  "710": "Advice of a third bank's or a non-bank's documentary credit",
  "711": "Advice of a third bank's or a non-bank's documentary credit (continuation)",
  "707": "Amendment to a documentary credit",
  "708": "Amendment to a documentary credit (continuation)",
  "730": "Acknowledgement",
  "732": "Advice of discharge",
  "734": "Advice of refusal",
  "750": "Advice of discrepancy",
  "752": "Authorisation to pay, accept or negotiate",
  "754": "Advice of payment/acceptance/negotiation",
  "756": "Advice of reimbursement or payment",
  "759": "Ancillary trade structured message",
  "798": "Proprietary message (SWIFT for Corporates envelope)",
};

export interface FieldSpec {
  /** The tag as the standard names it: "20", "45A", or "41a" for a field with letter options. */
  tag: string;
  name: string;
  /** The format, or one per letter option ("A": BIC, "D": name and address). */
  format: string | Readonly<Record<string, string>>;
  mandatory?: boolean;
}

const BIC_FORMAT = "4!a2!a2!c[3!c]";
const PARTY = { A: BIC_FORMAT, D: "4*35x" } as const;
const REF = "16x";

const f = (tag: string, name: string, format: FieldSpec["format"], mandatory = false): FieldSpec => ({ tag, name, format, mandatory });

/** 31C to 31D: the same in an MT700 and in the MT710 that advises it. */
const ISSUE_AND_EXPIRY: readonly FieldSpec[] = [
  f("31C", "Date of issue", "6!n", true),
  f("40E", "Applicable rules", "30x[/35x]", true),
  f("31D", "Date and place of expiry", "6!n29x", true),
];

/** 51a, 50 and 59 (an MT710 names the issuing bank before them). */
const APPLICANT_AND_BENEFICIARY: readonly FieldSpec[] = [
  f("51a", "Applicant bank", PARTY),
  f("50", "Applicant", "4*35x", true),
  f("59", "Beneficiary", "4*35x", true),
];

/**
 * 39A to 44D: tolerance, availability and shipment, the same in an MT700 and an MT710, and in an
 * MT707 with every field optional.
 */
const AVAILABILITY_AND_SHIPMENT: readonly FieldSpec[] = [
  f("39A", "Percentage credit amount tolerance", "2n/2n"),
  f("39C", "Additional amounts covered", "4*35x"),
  f("41a", "Available with ... by ...", { A: `${BIC_FORMAT}\n14x`, D: "4*35x\n14x" }, true),
  f("42C", "Drafts at ...", "3*35x"),
  f("42a", "Drawee", PARTY),
  f("42M", "Mixed payment details", "4*35x"),
  f("42P", "Negotiation/deferred payment details", "4*35x"),
  f("43P", "Partial shipments", "11x"),
  f("43T", "Transhipment", "11x"),
  f("44A", "Place of taking in charge/dispatch from .../place of receipt", "140z"),
  f("44E", "Port of loading/airport of departure", "140z"),
  f("44F", "Port of discharge/airport of destination", "140z"),
  f("44B", "Place of final destination/for transportation to .../place of delivery", "140z"),
  f("44C", "Latest date of shipment", "6!n"),
  f("44D", "Shipment period", "6*65x"),
];

/** 48 to 72Z: presentation period, confirmation and the banks' instructions, the same in an MT700, an MT710 and (optional) an MT707. */
const PRESENTATION_AND_INSTRUCTIONS: readonly FieldSpec[] = [
  f("48", "Period for presentation in days", "3n[/35x]"),
  f("49", "Confirmation instructions", "7!x", true),
  f("58a", "Requested confirmation party", PARTY),
  f("53a", "Reimbursing bank", PARTY),
  f("78", "Instructions to the paying/accepting/negotiating bank", "12*65x"),
  f("57a", "'Advise through' bank", PARTY),
  f("72Z", "Sender to receiver information", "6*35z"),
];

/** 32B to 72Z: the terms of the credit, the same in an MT700 and in an MT710. */
const CREDIT_TERMS: readonly FieldSpec[] = [
  f("32B", "Currency code, amount", "3!a15d", true),
  ...AVAILABILITY_AND_SHIPMENT,
  f("45A", "Description of goods and/or services", "100*65z"),
  f("46A", "Documents required", "100*65z"),
  f("47A", "Additional conditions", "100*65z"),
  f("49G", "Special payment conditions for beneficiary", "100*65z"),
  f("49H", "Special payment conditions for bank only", "100*65z"),
  f("71D", "Charges", "6*35z"),
  ...PRESENTATION_AND_INSTRUCTIONS,
];

/**
 * 45B to 47B: goods, documents and conditions as continued text: an MT701 or MT711 continues an
 * MT700's or MT710's 45A–47A, an MT707 or MT708 amends them.
 */
const CONTINUED_TERMS: readonly FieldSpec[] = [
  f("45B", "Description of goods and/or services", "100*65z"),
  f("46B", "Documents required", "100*65z"),
  f("47B", "Additional conditions", "100*65z"),
];

/** An amendment sends only what changes: every field of an MT707 is optional past its header. */
const amended = (fields: readonly FieldSpec[]): FieldSpec[] => fields.map((field) => ({ ...field, mandatory: false }));

/** The fields of each message type, in the order they travel. */
export const MESSAGE_FIELDS: Readonly<Record<MessageType, readonly FieldSpec[]>> = {
  "700": [
    f("27", "Sequence of total", "1!n/1!n", true),
    f("40A", "Form of documentary credit", "24x", true),
    f("20", "Documentary credit number", REF, true),
    f("23", "Reference to pre-advice", REF),
    ...ISSUE_AND_EXPIRY,
    ...APPLICANT_AND_BENEFICIARY,
    ...CREDIT_TERMS,
  ],
  "701": [
    f("27", "Sequence of total", "1!n/1!n", true),
    f("20", "Documentary credit number", REF, true),
    ...CONTINUED_TERMS,
  ],
  // MT710: a bank advises (to a second advising bank) a credit another bank issued; read by the import only.
  "710": [
    f("27", "Sequence of total", "1!n/1!n", true),
    f("40B", "Form of documentary credit", "24x\n24x", true),
    f("20", "Sender's reference", REF, true),
    f("21", "Documentary credit number", REF, true),
    f("23", "Reference to pre-advice", REF),
    ...ISSUE_AND_EXPIRY,
    f("52a", "Issuing bank", PARTY),
    f("50B", "Non-bank issuer", "4*35x"),
    ...APPLICANT_AND_BENEFICIARY,
    ...CREDIT_TERMS,
  ],
  "711": [
    f("27", "Sequence of total", "1!n/1!n", true),
    f("20", "Sender's reference", REF, true),
    f("21", "Documentary credit number", REF, true),
    ...CONTINUED_TERMS,
  ],
  "707": [
    f("27", "Sequence of total", "1!n/1!n", true),
    f("20", "Sender's reference", REF, true),
    f("21", "Receiver's reference", REF, true),
    f("23", "Issuing bank's reference", REF, true),
    f("31C", "Date of issue", "6!n", true),
    f("26E", "Number of amendment", "3n", true),
    f("30", "Date of amendment", "6!n", true),
    f("22A", "Purpose of message", "4!c", true),
    f("23S", "Cancellation request", "6!a"),
    f("40A", "Form of documentary credit", "24x"),
    f("40E", "Applicable rules", "30x[/35x]"),
    f("31D", "Date and place of expiry", "6!n29x"),
    f("50", "Changed applicant details", "4*35x"),
    f("59", "Beneficiary", "4*35x"),
    f("32B", "Increase of documentary credit amount", "3!a15d"),
    f("33B", "Decrease of documentary credit amount", "3!a15d"),
    ...amended(AVAILABILITY_AND_SHIPMENT),
    ...CONTINUED_TERMS,
    f("49M", "Special payment conditions for beneficiary", "100*65z"),
    f("49N", "Special payment conditions for bank only", "100*65z"),
    f("71D", "Charges", "6*35z"),
    f("71N", "Amendment charge payable by", "4!c[6*35z]"),
    ...amended(PRESENTATION_AND_INSTRUCTIONS),
  ],
  "708": [
    f("27", "Sequence of total", "1!n/1!n", true),
    f("20", "Sender's reference", REF, true),
    f("21", "Receiver's reference", REF, true),
    f("23", "Issuing bank's reference", REF, true),
    f("26E", "Number of amendment", "3n", true),
    f("30", "Date of amendment", "6!n", true),
    ...CONTINUED_TERMS,
    f("49M", "Special payment conditions for beneficiary", "100*65z"),
    f("49N", "Special payment conditions for bank only", "100*65z"),
  ],
  "730": [
    f("20", "Sender's reference", REF, true),
    f("21", "Receiver's reference", REF, true),
    f("25", "Account identification", "35x"),
    f("30", "Date of message being acknowledged", "6!n", true),
    f("72Z", "Sender to receiver information", "6*35z"),
  ],
  "732": [
    f("20", "Sender's TRN", REF, true),
    f("21", "Presenting bank's reference", REF, true),
    f("30", "Date of advice of payment/acceptance/negotiation", "6!n", true),
    f("32B", "Amount of utilisation", "3!a15d", true),
    f("72Z", "Sender to receiver information", "6*35z"),
  ],
  "734": [
    f("20", "Sender's TRN", REF, true),
    f("21", "Presenting bank's reference", REF, true),
    f("32A", "Date and amount of utilisation", "6!n3!a15d", true),
    f("72Z", "Sender to receiver information", "6*35z"),
    f("77J", "Discrepancies", "70*50z", true),
    f("77B", "Disposal of documents", "3*35x", true),
  ],
  "750": [
    f("20", "Sender's TRN", REF, true),
    f("21", "Related reference", REF, true),
    f("32B", "Principal amount", "3!a15d", true),
    f("72Z", "Sender to receiver information", "6*35z"),
    f("77J", "Discrepancies", "70*50z", true),
  ],
  "752": [
    f("20", "Documentary credit number", REF, true),
    f("21", "Presenting bank's reference", REF, true),
    f("23", "Further identification", REF, true),
    f("30", "Date of advice of discrepancy or mailing", "6!n", true),
    f("32B", "Total amount advised", "3!a15d"),
    f("72Z", "Sender to receiver information", "6*35z"),
  ],
  "754": [
    f("20", "Sender's reference", REF, true),
    f("21", "Related reference", REF, true),
    f("32a", "Principal amount paid/accepted/negotiated", { A: "6!n3!a15d", B: "3!a15d" }, true),
    f("34a", "Total amount claimed", { A: "6!n3!a15d", B: "3!a15d" }),
    f("72Z", "Sender to receiver information", "6*35z"),
  ],
  "756": [
    f("20", "Sender's reference", REF, true),
    f("21", "Presenting bank's reference", REF, true),
    f("32B", "Total amount claimed", "3!a15d", true),
    f("33A", "Amount reimbursed or paid", "6!n3!a15d", true),
    f("72Z", "Sender to receiver information", "6*35z"),
  ],
  "759": [
    f("27", "Sequence of total", "1!n/1!n", true),
    f("20", "Transaction reference number", REF, true),
    f("21", "Related reference", REF),
    f("22D", "Form of undertaking", "4!c", true),
    f("23H", "Function of message", "8!c", true),
    f("45D", "Narrative", "150*65z", true),
  ],
  // SWIFT for Corporates (Trade Finance MIG): an envelope whose 77E carries a sub-message's
  // fields, ":tag:value" lines of their own, up to the end of the text block (lib/swift/mt798.ts).
  "798": [f("20", "Transaction reference number", REF, true), f("12", "Sub-message type", "3!n", true), f("77E", "Proprietary message", "73z[n*78z]", true)],
};

/** Each type's tags as they travel (41A, 41D ...), to their spec and format: read once per field, so built once. */
const BY_TAG: Readonly<Record<MessageType, ReadonlyMap<string, { spec: FieldSpec; format: string }>>> = Object.fromEntries(
  MESSAGE_TYPES.map((type) => {
    const map = new Map<string, { spec: FieldSpec; format: string }>();
    for (const spec of MESSAGE_FIELDS[type]) {
      if (typeof spec.format === "string") map.set(spec.tag, { spec, format: spec.format });
      else for (const [letter, format] of Object.entries(spec.format)) map.set(`${spec.tag.slice(0, 2)}${letter}`, { spec, format });
    }
    return [type, map];
  }),
) as unknown as Record<MessageType, ReadonlyMap<string, { spec: FieldSpec; format: string }>>;

/** The field spec a tag (with its letter option) belongs to in a message type, and its format. */
export function fieldSpec(type: MessageType, tag: string): { spec: FieldSpec; format: string } | null {
  return BY_TAG[type].get(tag) ?? null;
}

/** The label of a tag in a message type ("45A Description of goods and/or services"), for tooltips. */
export function fieldName(type: MessageType, tag: string): string {
  return fieldSpec(type, tag)?.spec.name ?? "Field not in this message type";
}

// ---- One validator for every format --------------------------------------------------------

export interface FormatProblem {
  /** The field's line (1-based) the problem is on. */
  line: number;
  message: string;
}

const BIC_RE = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
/** ISO 9362: 4 letters (institution), 2 letters (country), 2 letters or digits (location), optionally a 3-character branch. */
export const isBic = (value: string): boolean => BIC_RE.test(value);

/** "YYMMDD" that is a real calendar date (years 00-99 read as 2000-2099). */
export function isSwiftDate(value: string): boolean {
  if (value.length !== 6) return false;
  for (let i = 0; i < 6; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const year = 2000 + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A SWIFT amount (15d): digits, one decimal comma (mandatory), at most 15 characters, and no more decimals than the currency has. */
export function checkSwiftAmount(value: string, currency: string | null): string | null {
  if (!/^\d+,\d*$/.test(value)) return `amount "${value}" must be digits with a decimal comma, e.g. 1250,00`;
  if (value.length > 15) return `amount "${value}" is longer than 15 characters`;
  if (currency) {
    const decimals = value.split(",")[1]!.length;
    const allowed = currencyDecimals(currency);
    if (decimals > allowed) return `${currency} amounts have ${allowed === 0 ? "no decimals" : `at most ${allowed} decimals`}; "${value}" has ${decimals}`;
  }
  return null;
}

/**
 * A text format ("35x", "4*35x", "100*65z"): the number of lines, then line by line the set,
 * the width and no line starting with ":" or "-". The set is tested on the whole text first (one
 * compiled expression); only a text that fails it is searched for its first bad character.
 */
function checkText(value: string, format: string): FormatProblem | null {
  const { lines: maxLines, width, charset } = parseSwiftFormat(format);
  // Too many lines is the whole field's problem: said before reading a character (and cheap to count).
  let count = 1;
  for (let at = value.indexOf("\n"); at >= 0; at = value.indexOf("\n", at + 1)) count++;
  if (count > maxLines) return { line: maxLines + 1, message: `${count} lines, at most ${maxLines} allowed (${format})` };
  const allInSet = inSwiftCharset(value, charset as SwiftCharset);
  let line = 1;
  let problem: FormatProblem | null = null;
  for (let start = 0; ; line++) {
    let end = value.indexOf("\n", start);
    if (end < 0) end = value.length;
    // In the set, within the width and not starting with ":" or "-" is every line of a field that fits: only a line that does not is looked at closely.
    if (!problem && (!allInSet || end - start > width || value.charCodeAt(start) === 58 || value.charCodeAt(start) === 45)) {
      problem = lineProblem(value, start, end, line, format, width, allInSet ? null : (charset as SwiftCharset));
    }
    if (end === value.length || problem) break;
    start = end + 1;
  }
  return problem;
}

function lineProblem(value: string, start: number, end: number, line: number, format: string, width: number, charset: SwiftCharset | null): FormatProblem | null {
  const bad = charset ? firstOutsideCharset(value, charset, start, end) : -1;
  if (bad >= 0) return { line, message: `"${String.fromCodePoint(value.codePointAt(bad)!)}" is not in the SWIFT ${charset!.toUpperCase()} character set (${format})` };
  // Characters of the set are one UTF-16 unit each, so length counts them.
  if (end - start > width) return { line, message: `line of ${end - start} characters, at most ${width} allowed (${format})` };
  const first = value.charCodeAt(start);
  if (first === 58 || first === 45) return { line, message: `a line may not start with "${value[start]}"` };
  return null;
}

const CODE_4 = /^[A-Z0-9]{4}$/;
const CODE_8 = /^[A-Z0-9]{8}$/;

const one = (value: string, message: string): FormatProblem | null => (value.includes("\n") ? { line: 2, message: "must be one line" } : message ? { line: 1, message } : null);

// A field found to fit its format when a message is prepared (messages.ts `clean`) is not
// checked a second time by validateFin: the answer is remembered with the field object, the
// value and the format it was checked against, so a changed value is checked again.
const FITS = new WeakMap<object, { value: string; format: string }>();

/** checkFieldFormat for a field object, remembering a value that fits (see knownToFit). */
export function checkFieldOnce(field: { readonly value: string }, format: string): FormatProblem | null {
  if (knownToFit(field, format)) return null;
  const problem = checkFieldFormat(field.value, format);
  if (!problem) FITS.set(field, { value: field.value, format });
  return problem;
}

/** Whether checkFieldOnce already found this field's present value to fit this format. */
export function knownToFit(field: { readonly value: string }, format: string): boolean {
  const known = FITS.get(field);
  return known !== undefined && known.value === field.value && known.format === format;
}

/** Whether a field's value fits its format. Returns the first problem, or null. */
export function checkFieldFormat(value: string, format: string): FormatProblem | null {
  if (value === "") return { line: 1, message: "is empty" };
  if (format.includes("\n")) {
    // 41a: the bank (BIC or name and address), then the code on its own line.
    const [partFormat, codeFormat] = format.split("\n") as [string, string];
    const lines = value.split("\n");
    const code = lines.pop()!;
    const head = checkFieldFormat(lines.join("\n"), partFormat);
    if (head) return head;
    const tail = checkFieldFormat(code, codeFormat);
    return tail ? { line: lines.length + 1, message: tail.message } : null;
  }
  switch (format) {
    case "16x": {
      const problem = checkText(value, format);
      if (problem) return problem;
      return value.startsWith("/") || value.endsWith("/") || value.includes("//") ? { line: 1, message: `reference "${value}" may not start or end with "/" or contain "//"` } : null;
    }
    case "6!n":
      return one(value, isSwiftDate(value) ? "" : `"${value}" is not a date as YYMMDD`);
    case "1!n/1!n": {
      const m = /^([1-8])\/([1-8])$/.exec(value);
      return one(value, m && Number(m[1]) <= Number(m[2]) ? "" : `"${value}" is not a sequence like 1/2 (at most 8 messages)`);
    }
    case "2n/2n":
      return one(value, /^\d{1,2}\/\d{1,2}$/.test(value) ? "" : `"${value}" is not a tolerance like 10/10`);
    case "3n":
      return one(value, /^\d{1,3}$/.test(value) ? "" : `"${value}" is not a number of at most 3 digits`);
    case "3n[/35x]": {
      const m = /^(\d{1,3})(?:\/(.*))?$/.exec(value);
      if (!m) return one(value, `"${value}" is not a number of days (3n[/35x])`);
      return m[2] === undefined ? one(value, "") : checkText(m[2], "35x");
    }
    case "30x[/35x]": {
      const [code, ...rest] = value.split("/");
      const problem = checkText(code!, "30x");
      return problem ?? (rest.length ? checkText(rest.join("/"), "35x") : null);
    }
    case "6!n29x": {
      const date = value.slice(0, 6);
      if (!isSwiftDate(date)) return { line: 1, message: `"${date}" is not a date as YYMMDD` };
      return value.length === 6 ? { line: 1, message: "the place is missing" } : checkText(value.slice(6), "29x");
    }
    case "3!a15d": {
      const m = /^([A-Z]{3})(.*)$/.exec(value);
      return one(value, m ? (checkSwiftAmount(m[2]!, m[1]!) ?? "") : `"${value}" does not start with an ISO currency code`);
    }
    case "6!n3!a15d": {
      if (!isSwiftDate(value.slice(0, 6))) return { line: 1, message: `"${value.slice(0, 6)}" is not a date as YYMMDD` };
      return checkFieldFormat(value.slice(6), "3!a15d");
    }
    case BIC_FORMAT:
      return one(value, isBic(value) ? "" : `"${value}" is not a BIC (8 or 11 characters)`);
    case "4!c":
    case "8!c": {
      const n = format === "4!c" ? 4 : 8;
      return one(value, (n === 4 ? CODE_4 : CODE_8).test(value) ? "" : `"${value}" must be exactly ${n} letters or digits`);
    }
    case "3!n":
      return one(value, /^\d{3}$/.test(value) ? "" : `"${value}" must be exactly 3 digits`);
    case "73z[n*78z]": {
      // 77E: a first line of 73, then lines of 78 (lines starting ":" are the embedded fields).
      let start = 0;
      for (let line = 1; start <= value.length; line++) {
        let end = value.indexOf("\n", start);
        if (end < 0) end = value.length;
        const bad = firstOutsideCharset(value, "z", start, end);
        if (bad >= 0) return { line, message: `"${String.fromCodePoint(value.codePointAt(bad)!)}" is not in the SWIFT Z character set (${format})` };
        const width = line === 1 ? 73 : 78;
        if (end - start > width) return { line, message: `line of ${end - start} characters, at most ${width} allowed (${format})` };
        if (value.charCodeAt(start) === 45) return { line, message: 'a line may not start with "-"' };
        start = end + 1;
      }
      return null;
    }
    case "6!a":
      return one(value, /^[A-Z]{6}$/.test(value) ? "" : `"${value}" must be exactly 6 letters`);
    case "7!x":
      return one(value, value.length === 7 || /^(CONFIRM|MAY ADD|WITHOUT)$/.test(value) ? "" : `"${value}" must be CONFIRM, MAY ADD or WITHOUT`);
    case "4!c[6*35z]": {
      const [code, ...rest] = value.split("\n");
      if (!/^[A-Z0-9]{4}$/.test(code!)) return { line: 1, message: `"${code}" must be a 4-letter code (APPL, BENE, OTHR)` };
      const problem = rest.length ? checkText(rest.join("\n"), "6*35z") : null;
      return problem ? { line: problem.line + 1, message: problem.message } : null;
    }
    default:
      return checkText(value, format);
  }
}
