import { canonicalAmount, parseAmount } from "@/lib/money";
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, INCOTERMS, type DocumentKind, type Terms, type TermsInput, TRANSPORT_DOCUMENT_KINDS, parseTerms } from "@/lib/terms/schema";
import { MT700_TEXT_FIELDS } from "@/lib/terms/mt700";
import { fieldName } from "./fields";
import { type FinField, type FinProblem, type ParsedFin, normaliseBic, parseFin } from "./fin";
import { AVAILABLE_BY, CONFIRMATION, RULES, isoFromSwiftDate } from "./messages";

// FIN → terms: the reverse of lib/swift/messages.ts's termsFields, for an advising bank that
// receives a credit (MT700 with its MT701s, or MT710 with its MT711s) or an amendment (MT707) from
// an issuing bank that does not use TradeTrail (issue 15, item 3). Pure, client-safe: the import
// page runs it as the user types, the server runs it again before creating anything.
//
// Every field read is reported with its line in the pasted text and the TradeTrail term it became
// (the side-by-side mapping), every field TradeTrail does not hold with the reason, and every
// problem with its tag and line: the FIN formats (lib/swift/fin.ts), values TradeTrail cannot hold
// (a revocable credit, a tolerance above 10%), and the terms' own rules (lib/terms/schema.ts), each
// named by the field it came from.

export interface ImportProblem {
  /** The line of the pasted text (1-based), when known. */
  line?: number;
  tag?: string;
  message: string;
}

/** One row of the side-by-side mapping: the FIN field as received and the TradeTrail term it became. */
export interface MappedField {
  tag: string;
  /** The field's name in the message type ("32B Currency code, amount"). */
  name: string;
  /** The line of the pasted text the field starts on. */
  line: number;
  /** The value as received (lines joined by "\n"). */
  value: string;
  /** The TradeTrail term(s) it sets ("Amount (32B)"), or null when TradeTrail keeps nothing of it. */
  term: string | null;
  /** What TradeTrail holds, as shown to the user; for a field not held, why not. */
  held: string;
}

export interface CreditImport {
  ok: boolean;
  /** "700" or "710". */
  messageType: "700" | "710" | null;
  sender: string | null;
  receiver: string | null;
  /** The issuing bank: the MT700's sender, the MT710's 52A. */
  issuingBankBic: string | null;
  /** 20 of the MT700, 21 of the MT710. */
  creditNumber: string | null;
  /** 31C as an ISO date. */
  dateOfIssue: string | null;
  /** The terms when every field mapped and they pass TradeTrail's rules. */
  terms: Terms | null;
  mapping: MappedField[];
  problems: ImportProblem[];
}

/** The banks the import knows, to read 41a and 42a: the issuing bank's and the advising bank's BICs. */
export interface ImportBanks {
  /** The importing (advising) bank's BIC, to recognise 41A naming it. */
  advisingBankBic?: string | null;
  advisingBankName?: string | null;
  issuingBankName?: string | null;
}

/**
 * The same bank: the same BIC, or the same BIC8 (institution, country, location) when one of them
 * names no branch (a message addressed to the head office reaches the bank's branch too).
 */
export function sameBank(a: string, b: string): boolean {
  const [x, y] = [normaliseBic(a), normaliseBic(b)];
  return x === y || ((x.length === 8 || y.length === 8) && x.slice(0, 8) === y.slice(0, 8));
}

// ---- Field readers ---------------------------------------------------------------------------

type Draft = Record<string, unknown> & { documentsRequired?: unknown[] };
interface Ctx {
  draft: Draft;
  issuingBankBic: string | null;
  banks: ImportBanks;
  /** A problem on the field's own line `at` (1-based within the field). */
  problem: (message: string, at?: number) => void;
}
type Reader = (value: string, ctx: Ctx) => { term: string | null; held: string } | null;

const invert = <K extends string>(map: Record<K, string>): Record<string, K> => Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Record<string, K>;
const RULES_BY_CODE = invert(RULES);
const BY_CODE: Record<string, Terms["availableBy"]> = { ...invert(AVAILABLE_BY), "BY DEF PAYMENT": "DEFERRED_PAYMENT" };
const CONFIRMATION_BY_CODE = invert(CONFIRMATION);
const SHIPMENT_BY_CODE: Record<string, "ALLOWED" | "NOT_ALLOWED"> = { ALLOWED: "ALLOWED", "NOT ALLOWED": "NOT_ALLOWED", PERMITTED: "ALLOWED", PROHIBITED: "NOT_ALLOWED" };
const INCOTERM_LINE = /^TERMS OF DELIVERY: ([A-Z]{3})(?: (.*?))? \(INCOTERMS 2020\)$/;
const TENOR = /^(\d{1,3}) DAYS AFTER SHIPMENT DATE$/;
const label = (path: string) => MT700_TEXT_FIELDS[path as keyof typeof MT700_TEXT_FIELDS]?.label ?? path;

/** A free-text field kept as it is, under its terms path. */
const text = (path: string, term: string): Reader => (value, { draft }) => {
  draft[path] = value;
  return { term, held: value };
};

function swiftDateToIso(value: string, ctx: Ctx): string | null {
  if (!/^\d{6}$/.test(value.slice(0, 6))) {
    ctx.problem(`"${value.slice(0, 6)}" is not a date as YYMMDD`);
    return null;
  }
  return isoFromSwiftDate(value.slice(0, 6));
}

/** 50/59: the first line is the name, the rest the address. */
const party = (path: "applicant" | "beneficiary", term: string): Reader => (value, { draft, problem }) => {
  const [name, ...address] = value.split("\n");
  if (address.length === 0) problem(`${term}: give the name on the first line and the address on the following ones`, 1);
  draft[path] = { name: name ?? "", address: address.join("\n") };
  return { term, held: `${name}\n${address.join("\n")}` };
};

/** 41a: the bank (a BIC or a name, or ANY BANK), then BY PAYMENT / ACCEPTANCE / NEGOTIATION / DEF PAYMENT / MIXED PYMT. */
const availableWith: Reader = (value, ctx) => {
  const lines = value.split("\n");
  const code = lines.pop() ?? "";
  const bank = lines.join(" ").trim();
  const { draft, banks, issuingBankBic } = ctx;
  if (code === "BY MIXED PYMT") {
    draft.availableBy = "PAYMENT";
    draft.__mixed = true;
  } else if (BY_CODE[code]) draft.availableBy = BY_CODE[code];
  else ctx.problem(`"${code}" is not BY PAYMENT, BY ACCEPTANCE, BY NEGOTIATION, BY DEF PAYMENT or BY MIXED PYMT`, lines.length + 1);
  const same = (a: string | null | undefined, b: string) => !!a && normaliseBic(a) === normaliseBic(b);
  const sameName = (a: string | null | undefined) => !!a && a.trim().toUpperCase() === bank.toUpperCase();
  if (bank.toUpperCase() === "ANY BANK") draft.availableWith = "ANY_BANK";
  else if (same(issuingBankBic, bank) || sameName(banks.issuingBankName)) draft.availableWith = "ISSUING_BANK";
  else if (same(banks.advisingBankBic, bank) || sameName(banks.advisingBankName)) draft.availableWith = "ADVISING_BANK";
  else {
    ctx.problem(`available with "${bank}": TradeTrail holds a credit available with the issuing bank, the advising bank (you) or any bank`, 1);
    return null;
  }
  const where = { ISSUING_BANK: "the issuing bank", ADVISING_BANK: "the advising bank", ANY_BANK: "any bank" }[draft.availableWith as string];
  return { term: "Available with … by … (41a)", held: `${where}, ${code === "BY MIXED PYMT" ? "mixed payment (42M)" : String(draft.availableBy).toLowerCase().replace("_", " ")}` };
};

/** 42C and 42P: "60 DAYS AFTER SHIPMENT DATE" is a tenor TradeTrail counts; other words are kept as drafts at, with the days read from them. */
const tenor = (tag: string): Reader => (value, { draft }) => {
  const exact = TENOR.exec(value);
  if (exact) {
    draft.tenorDays = Number(exact[1]);
    return { term: `Tenor (${tag})`, held: `${exact[1]} days after shipment` };
  }
  draft.draftsAt = value;
  const days = /(\d{1,3}) DAYS/.exec(value);
  if (days) draft.tenorDays = Number(days[1]);
  return { term: `Drafts at (${tag})`, held: days ? `${value} (tenor ${days[1]} days)` : value };
};

const drawee: Reader = (value, { draft, issuingBankBic }) => {
  if (issuingBankBic && normaliseBic(value) === normaliseBic(issuingBankBic)) return { term: "Drawee (42a)", held: "the issuing bank" };
  draft.drawee = value;
  return { term: "Drawee (42a)", held: value };
};

const shipment = (path: "partialShipments" | "transhipment", term: string): Reader => (value, ctx) => {
  const code = SHIPMENT_BY_CODE[value.trim()];
  if (!code) {
    ctx.problem(`${term}: "${value}" must be ALLOWED or NOT ALLOWED (TradeTrail does not hold CONDITIONAL)`);
    return null;
  }
  ctx.draft[path] = code;
  return { term, held: code === "ALLOWED" ? "allowed" : "not allowed" };
};

/** 45A: the goods, and the Incoterm from its TERMS OF DELIVERY line (or the first Incoterm it names). */
const goods: Reader = (value, { draft }) => {
  const lines = value.split("\n");
  const last = INCOTERM_LINE.exec(lines.at(-1) ?? "");
  if (last && (INCOTERMS as readonly string[]).includes(last[1]!)) {
    draft.incoterm = last[1];
    if (last[2]) draft.incotermPlace = last[2];
    lines.pop();
  } else {
    const named = new RegExp(`\\b(${INCOTERMS.join("|")})\\b(?: ([A-Z][A-Z .'-]{1,40}?))?(?= INCOTERMS|,|\\.|$)`, "m").exec(value);
    if (named) {
      draft.incoterm = named[1];
      if (named[2]) draft.incotermPlace = named[2].trim();
    }
  }
  if (lines.length) draft.goodsDescription = lines.join("\n");
  const incoterm = draft.incoterm ? `; Incoterm ${String(draft.incoterm)}${draft.incotermPlace ? ` ${String(draft.incotermPlace)}` : ""}` : "";
  return { term: "Goods description, Incoterm (45A)", held: `${lines.join("\n")}${incoterm}` };
};

/** Document kinds by their 46A words, longest first ("CHARTER PARTY BILL OF LADING" before "BILL OF LADING"). */
const KIND_WORDS = DOCUMENT_KINDS.filter((k) => k !== "OTHER")
  .map((kind) => ({ kind, words: DOCUMENT_KIND_LABELS[kind].toUpperCase() }))
  .sort((a, b) => b.words.length - a.words.length);
const COUNT = /^(.*?)\s*\bIN (\d{1,2}) ORIGINALS? AND (\d{1,2}) (?:COPY|COPIES)\b(.*)$/;

/** 46A: one "+" paragraph per document; the kind, originals and copies are read, the rest is kept as the document's details (read by hand). */
const documents: Reader = (value, ctx) => {
  const paragraphs: { text: string; line: number }[] = [];
  value.split("\n").forEach((line, index) => {
    if (line.startsWith("+") || paragraphs.length === 0) paragraphs.push({ text: line.replace(/^\+/, ""), line: index + 1 });
    else paragraphs[paragraphs.length - 1]!.text += ` ${line}`;
  });
  const seen = new Set<DocumentKind>();
  const required = paragraphs.map(({ text: paragraph, line }) => {
    const counted = COUNT.exec(paragraph);
    const head = (counted ? counted[1]! : paragraph).trim();
    const qualifiers = /^(CLEAN )?(ON BOARD )?(.*)$/.exec(head)!;
    const found = KIND_WORDS.find((k) => qualifiers[3]!.startsWith(k.words) || (!counted && paragraph.includes(k.words)));
    let kind: DocumentKind = found?.kind ?? "OTHER";
    if (seen.has(kind) && kind !== "OTHER") kind = "OTHER";
    seen.add(kind);
    const exactName = !!found && qualifiers[3] === found.words;
    const rest = counted ? counted[4]!.trim().replace(/^,\s*/, "") : "";
    const details = kind === "OTHER" || !counted || !exactName ? paragraph.trim() : rest;
    const transport = TRANSPORT_DOCUMENT_KINDS.includes(kind) && counted && exactName && (qualifiers[1] || qualifiers[2])
      ? { transport: { ...(qualifiers[1] ? { clean: true } : {}), ...(qualifiers[2] ? { onBoard: true } : {}) } }
      : undefined;
    if (details.length > 500) ctx.problem(`the document's words are ${details.length} characters; TradeTrail keeps at most 500 per document`, line);
    return { kind, originals: counted ? Number(counted[2]) : 1, copies: counted ? Number(counted[3]) : 0, ...(transport ? { conditions: transport } : {}), details };
  });
  ctx.draft.documentsRequired = required;
  return {
    term: "Documents required (46A)",
    held: required.map((d) => `${DOCUMENT_KIND_LABELS[d.kind]}: ${d.originals} original(s), ${d.copies} cop${d.copies === 1 ? "y" : "ies"}${d.details ? ` (${d.details})` : ""}`).join("\n"),
  };
};

const READERS: Record<string, Reader> = {
  "40E": (value, ctx) => {
    const [code, ...narrative] = value.split("/");
    const rules = RULES_BY_CODE[code!] ?? (code === "OTHR" ? "OTHER" : undefined);
    if (!rules) {
      ctx.problem(`"${code}" is not an applicable rules code TradeTrail holds (UCP, EUCP or ISP LATEST VERSION, UCPURR, EUCPURR, ISPRR LATEST VERSION, OTHR)`);
      return null;
    }
    ctx.draft.applicableRules = rules;
    if (rules === "OTHER") ctx.draft.applicableRulesNarrative = narrative.join("/");
    if (rules === "ISP_LATEST_VERSION" || rules === "ISP_URR_LATEST_VERSION") ctx.draft.creditKind = "STANDBY";
    return { term: "Applicable rules (40E)", held: value };
  },
  "31C": (value, ctx) => {
    const iso = swiftDateToIso(value, ctx);
    if (iso) ctx.draft.dateOfIssue = iso;
    return iso ? { term: "Date of issue (31C)", held: iso } : null;
  },
  "31D": (value, ctx) => {
    const iso = swiftDateToIso(value, ctx);
    if (!iso) return null;
    ctx.draft.expiryDate = iso;
    ctx.draft.expiryPlace = value.slice(6);
    return { term: "Expiry date and place (31D)", held: `${iso}, ${value.slice(6)}` };
  },
  "51A": text("applicantBank", "Applicant bank (51a)"),
  "51D": text("applicantBank", "Applicant bank (51a)"),
  "50": party("applicant", "Applicant (50)"),
  "59": party("beneficiary", "Beneficiary (59)"),
  "32B": (value, ctx) => {
    const m = /^([A-Z]{3})(\d+),(\d*)$/.exec(value);
    if (!m) {
      ctx.problem(`"${value}" is not a currency and an amount with a decimal comma`);
      return null;
    }
    // The one check every amount entering TradeTrail passes (lib/money.ts).
    const parsed = parseAmount(m[1]!, `${m[2]}${m[3] ? `.${m[3]}` : ""}`);
    if (!parsed.ok) {
      ctx.problem(parsed.message);
      return null;
    }
    ctx.draft.currency = m[1];
    ctx.draft.amount = canonicalAmount(m[1]!, parsed.amount);
    return { term: "Currency and amount (32B)", held: `${m[1]} ${canonicalAmount(m[1]!, parsed.amount)}` };
  },
  "39A": (value, ctx) => {
    const [plus, minus] = value.split("/").map(Number);
    if (plus! > 10 || minus! > 10) {
      ctx.problem(`a tolerance of ${value}: TradeTrail holds at most 10% either way (UCP 600 art. 30)`);
      return null;
    }
    ctx.draft.tolerance = { type: "PERCENT", plus, minus };
    return { term: "Tolerance (39A)", held: `+${plus}% / -${minus}%` };
  },
  "39C": text("additionalAmounts", "Additional amounts covered (39C)"),
  "41A": availableWith,
  "41D": availableWith,
  "42C": tenor("42C"),
  "42P": tenor("42P"),
  "42A": drawee,
  "42D": drawee,
  "42M": text("mixedPaymentDetails", "Mixed payment details (42M)"),
  "43P": shipment("partialShipments", "Partial shipments (43P)"),
  "43T": shipment("transhipment", "Transhipment (43T)"),
  "44A": text("placeOfTakingInCharge", "Place of taking in charge (44A)"),
  "44E": text("portOfLoading", "Port of loading (44E)"),
  "44F": text("portOfDischarge", "Port of discharge (44F)"),
  "44B": text("finalDestination", "Place of final destination (44B)"),
  "44C": (value, ctx) => {
    const iso = swiftDateToIso(value, ctx);
    if (iso) ctx.draft.latestShipmentDate = iso;
    return iso ? { term: "Latest shipment date (44C)", held: iso } : null;
  },
  "44D": text("shipmentPeriod", "Shipment period (44D)"),
  "45A": goods,
  "46A": documents,
  "47A": text("additionalConditions", "Additional conditions (47A)"),
  "49G": text("specialPaymentConditionsBeneficiary", "Special payment conditions for beneficiary (49G)"),
  "49H": text("specialPaymentConditionsBank", "Special payment conditions for bank only (49H)"),
  "71D": text("charges", "Charges (71D)"),
  "48": (value, ctx) => {
    const m = /^(\d{1,3})(?:\/(.*))?$/.exec(value);
    ctx.draft.presentationPeriodDays = Number(m?.[1]);
    return { term: "Presentation period (48)", held: `${m?.[1]} days${m?.[2] ? ` (not kept: "${m[2]}")` : ""}` };
  },
  "49": (value, ctx) => {
    const code = CONFIRMATION_BY_CODE[value];
    if (!code) {
      ctx.problem(`"${value}" must be CONFIRM, MAY ADD or WITHOUT`);
      return null;
    }
    ctx.draft.confirmation = code;
    return { term: "Confirmation instructions (49)", held: value };
  },
  "58A": text("requestedConfirmationParty", "Requested confirmation party (58a)"),
  "58D": text("requestedConfirmationParty", "Requested confirmation party (58a)"),
  "53A": text("reimbursingBank", "Reimbursing bank (53a)"),
  "53D": text("reimbursingBank", "Reimbursing bank (53a)"),
  "78": text("instructionsToBank", "Instructions to the paying bank (78)"),
  "57A": text("adviseThroughBank", "'Advise through' bank (57a)"),
  "57D": text("adviseThroughBank", "'Advise through' bank (57a)"),
  "72Z": text("senderToReceiverInformation", "Sender to receiver information (72Z)"),
};

/** Fields read for the credit itself, not its terms. */
const HEADER_FIELDS: Record<string, string> = {
  "27": "Counts the message and its continuations",
  "20": "The credit number (field 20 of the credit)",
  "21": "The credit number (field 20 of the credit)",
  "23": "Not kept: TradeTrail does not pre-advise",
  "40A": "Form of the credit",
  "40B": "Form of the credit; whether the sender added its confirmation",
  "52A": "The issuing bank, recorded as an external party",
  "52D": "The issuing bank",
  "50B": "Not kept: TradeTrail holds credits issued by banks",
};

/** Which terms path a schema problem belongs to, and the tag it comes from. */
const PATH_TAG: Record<string, string> = {
  creditKind: "40E", form: "40A", dateOfIssue: "31C", applicableRules: "40E", applicableRulesNarrative: "40E", expiryDate: "31D", expiryPlace: "31D",
  applicantBank: "51a", applicant: "50", beneficiary: "59", currency: "32B", amount: "32B", tolerance: "39A", additionalAmounts: "39C",
  availableWith: "41a", availableBy: "41a", draftsAt: "42C", drawee: "42a", mixedPaymentDetails: "42M", tenorDays: "42C",
  partialShipments: "43P", transhipment: "43T", placeOfTakingInCharge: "44A", portOfLoading: "44E", portOfDischarge: "44F",
  finalDestination: "44B", latestShipmentDate: "44C", shipmentPeriod: "44D", incoterm: "45A", incotermPlace: "45A", goodsDescription: "45A",
  documentsRequired: "46A", additionalConditions: "47A", specialPaymentConditionsBeneficiary: "49G", specialPaymentConditionsBank: "49H",
  charges: "71D", presentationPeriodDays: "48", confirmation: "49", requestedConfirmationParty: "58a", reimbursingBank: "53a",
  instructionsToBank: "78", adviseThroughBank: "57a", senderToReceiverInformation: "72Z",
};
const tagKey = (tag: string) => (/^(41|42|51|52|53|57|58)[A-Z]$/.test(tag) ? `${tag.slice(0, 2)}a` : tag);

/** The MT701/MT711 tags that continue an MT700/MT710 field. */
const CONTINUES: Record<string, string> = { "45B": "45A", "46B": "46A", "47B": "47A" };

interface Located {
  tag: string;
  value: string;
  line: number;
  /** The line of each of the value's lines (a continued field spans messages). */
  lines: number[];
}

/** The main message's fields, with the continuation messages' 45B/46B/47B appended to their 45A/46A/47A. */
function gather(messages: ParsedFin[], problems: ImportProblem[]): Located[] {
  const [main, ...rest] = messages;
  const located: Located[] = main!.message.fields.map((f: FinField, i) => {
    const line = main!.fieldLines[i]!;
    return { tag: f.tag, value: f.value, line, lines: f.value.split("\n").map((_, k) => line + k) };
  });
  const continuation = main!.message.type === "700" ? "701" : "711";
  for (const m of rest) {
    if (m.message.type !== continuation) {
      problems.push({ line: m.fieldLines[0], message: `an MT${m.message.type} cannot follow an MT${main!.message.type}: only its MT${continuation}s can` });
      continue;
    }
    m.message.fields.forEach((f, i) => {
      const target = CONTINUES[f.tag];
      if (!target) return;
      const line = m.fieldLines[i]!;
      const lines = f.value.split("\n").map((_, k) => line + k);
      const into = located.find((l) => l.tag === target);
      if (into) {
        into.value += `\n${f.value}`;
        into.lines.push(...lines);
      } else located.push({ tag: target, value: f.value, line, lines });
    });
  }
  return located;
}

/** A problem from a field's reader or the terms' rules, placed on the pasted text's line. */
const at = (field: Located | undefined, lineInField = 1) => (field ? (field.lines[lineInField - 1] ?? field.line) : undefined);

/**
 * Reads an MT700 (or MT710) with its continuations into TradeTrail terms. `ok` only when the FIN
 * is valid, every field maps and the terms pass TradeTrail's own rules.
 */
export function importCreditFin(text: string, banks: ImportBanks = {}): CreditImport {
  const parsed = parseFin(text);
  const problems: ImportProblem[] = parsed.ok ? [] : parsed.problems.map((p: FinProblem) => ({ ...p }));
  const empty: CreditImport = { ok: false, messageType: null, sender: null, receiver: null, issuingBankBic: null, creditNumber: null, dateOfIssue: null, terms: null, mapping: [], problems };
  const main = parsed.messages[0];
  if (!main) return empty;
  const type = main.message.type;
  if (type !== "700" && type !== "710") {
    problems.push({ line: 1, tag: "block 2", message: `an MT${type} is not a credit: import an MT700 or an MT710 (an MT707 is imported on its credit)` });
    return empty;
  }
  const located = gather(parsed.messages, problems);
  const byTag = new Map(located.map((l) => [tagKey(l.tag), l]));
  const issuingField = type === "710" ? byTag.get("52a") : undefined;
  let issuingBankBic: string | null = type === "700" ? main.message.sender : null;
  if (type === "710") {
    if (issuingField?.tag === "52A") issuingBankBic = normaliseBic(issuingField.value);
    else problems.push({ line: issuingField?.line, tag: "52a", message: "the issuing bank must be named by its BIC (52A) to be recorded as the credit's external issuing bank" });
  }
  const creditNumber = byTag.get(type === "700" ? "20" : "21")?.value ?? null;

  const draft: Draft = {};
  const mapping: MappedField[] = [];
  // A field whose format is already wrong is named once, by the FIN check.
  const badFormat = new Set(problems.map((p) => p.tag));
  for (const field of located) {
    const name = `${field.tag} ${fieldName(type, field.tag)}`;
    const row = (term: string | null, held: string) => mapping.push({ tag: field.tag, name, line: field.line, value: field.value, term, held });
    const problem = (message: string, lineInField = 1) => problems.push({ line: at(field, lineInField), tag: field.tag, message: `${field.tag}: ${message}` });
    if (field.tag === "40A" || field.tag === "40B") {
      const form = field.value.split("\n")[0]!;
      if (form === "IRREVOCABLE" || form === "IRREVOCABLE TRANSFERABLE") {
        draft.form = form === "IRREVOCABLE" ? "IRREVOCABLE" : "IRREVOCABLE_TRANSFERABLE";
        const confirmation = field.value.split("\n")[1];
        row("Form (40A)", `${form.toLowerCase()}${confirmation ? `; the sender: ${confirmation.toLowerCase()}` : ""}`);
      } else problem(`"${form}": TradeTrail holds irrevocable credits only (UCP 600 art. 3)`);
      continue;
    }
    if (HEADER_FIELDS[field.tag]) {
      row(field.tag === "20" || field.tag === "21" ? (type === "700" || field.tag === "21" ? "Credit number (20)" : null) : field.tag.startsWith("52") ? "Issuing bank (external)" : null, field.tag === "20" && type === "710" ? "Not kept: the sender's own reference" : HEADER_FIELDS[field.tag]!);
      continue;
    }
    const reader = READERS[field.tag];
    if (!reader) {
      row(null, "Not kept: TradeTrail holds no such term");
      continue;
    }
    if (badFormat.has(field.tag)) {
      row(null, "Not read: the field's format is wrong");
      continue;
    }
    const result = reader(field.value, { draft, issuingBankBic, banks, problem });
    if (result) row(result.term, result.held);
  }
  // BY MIXED PYMT without 42M cannot be held; 42M alone says the payment is mixed.
  if (draft.__mixed && !draft.mixedPaymentDetails) problems.push({ line: byTag.get("41a")?.line, tag: "41a", message: "41a: BY MIXED PYMT needs 42M, the mixed payment details" });
  delete draft.__mixed;
  if ((draft.documentsRequired ?? []).some((d) => (d as { kind: string }).kind === "DEMAND") && !draft.creditKind) draft.creditKind = "STANDBY";

  const dateOfIssue = typeof draft.dateOfIssue === "string" ? draft.dateOfIssue : null;
  const base = { messageType: type, sender: main.message.sender, receiver: main.message.receiver, issuingBankBic, creditNumber, dateOfIssue, mapping } as const;
  if (problems.length > 0) return { ok: false, ...base, terms: null, problems };

  const checked = parseTerms(draft as TermsInput);
  if (!checked.ok) {
    for (const [path, message] of Object.entries(checked.fields)) {
      const root = path.split(".")[0]!;
      const tag = PATH_TAG[root];
      const field = tag ? byTag.get(tag) : undefined;
      const index = root === "documentsRequired" ? Number(path.split(".")[1]) : NaN;
      const where = Number.isInteger(index) && field ? documentLine(field, index) : field?.line;
      problems.push({ line: where, tag, message: `${tag ? `${tag}: ` : ""}${field ? "" : `${tag ? "missing, " : ""}`}${describe(root)}: ${message}` });
    }
    return { ok: false, ...base, terms: null, problems };
  }
  return { ok: true, ...base, terms: checked.terms, problems: [] };
}

function describe(path: string): string {
  const names: Record<string, string> = { incoterm: "Incoterm", latestShipmentDate: "latest shipment date", tenorDays: "tenor in days", documentsRequired: "documents required", goodsDescription: "goods description" };
  return names[path] ?? label(path);
}

/** The line of the pasted text where the 46A paragraph of document `index` starts. */
function documentLine(field: Located, index: number): number {
  let seen = -1;
  for (const [k, line] of field.value.split("\n").entries()) {
    if (line.startsWith("+") || k === 0) seen++;
    if (seen === index) return field.lines[k] ?? field.line;
  }
  return field.line;
}

// ---- MT707 -------------------------------------------------------------------------------------

export interface AmendmentImport {
  ok: boolean;
  /** 26E. */
  number: number | null;
  /** 30, ISO. */
  dateOfAmendment: string | null;
  sender: string | null;
  receiver: string | null;
  /** 20 (the credit number, as the issuing bank's reference). */
  creditNumber: string | null;
  cancellation: boolean;
  /** The terms after the amendment (null for a cancellation, or when there are problems). */
  terms: Terms | null;
  mapping: MappedField[];
  problems: ImportProblem[];
}

/** MT707 tags of the MT700 fields (45B /REPALL/ replaces 45A ...). */
const FROM_707: Record<string, string> = { "45B": "45A", "46B": "46A", "47B": "47A", "49M": "49G", "49N": "49H" };
const HEADER_707 = new Set(["27", "20", "21", "23", "31C", "26E", "30", "22A", "23S", "71N"]);

/**
 * Reads an MT707 (with its MT708s) as a change to `current`, the credit's terms: each field it
 * carries replaces the field of the terms (32B an increase, 33B a decrease; 45B/46B/47B/49M/49N
 * with /REPALL/ replace the whole text). `expect` says which credit and amendment it must be.
 */
export function importAmendmentFin(text: string, current: Terms, expect: { creditNumber: string; issuingBankBic: string; nextNumber: number }, banks: ImportBanks = {}): AmendmentImport {
  const parsed = parseFin(text);
  const problems: ImportProblem[] = parsed.ok ? [] : parsed.problems.map((p) => ({ ...p }));
  const result: AmendmentImport = { ok: false, number: null, dateOfAmendment: null, sender: null, receiver: null, creditNumber: null, cancellation: false, terms: null, mapping: [], problems };
  const main = parsed.messages[0];
  if (!main) return result;
  if (main.message.type !== "707") {
    problems.push({ line: 1, tag: "block 2", message: `an MT${main.message.type} is not an amendment: import an MT707 here` });
    return result;
  }
  const located: Located[] = main.message.fields.map((f, i) => ({ tag: f.tag, value: f.value, line: main.fieldLines[i]!, lines: f.value.split("\n").map((_, k) => main.fieldLines[i]! + k) }));
  for (const m of parsed.messages.slice(1)) {
    if (m.message.type !== "708") {
      problems.push({ line: m.fieldLines[0], message: `an MT${m.message.type} cannot follow an MT707: only its MT708s can` });
      continue;
    }
    m.message.fields.forEach((f, i) => {
      if (!FROM_707[f.tag]) return;
      const line = m.fieldLines[i]!;
      const into = located.find((l) => l.tag === f.tag);
      const lines = f.value.split("\n").map((_, k) => line + k);
      if (into) {
        into.value += `\n${f.value}`;
        into.lines.push(...lines);
      } else located.push({ tag: f.tag, value: f.value, line, lines });
    });
  }
  const byTag = new Map(located.map((l) => [l.tag, l]));
  result.sender = main.message.sender;
  result.receiver = main.message.receiver;
  result.creditNumber = byTag.get("20")?.value ?? null;
  const number = Number(byTag.get("26E")?.value);
  result.number = Number.isInteger(number) ? number : null;
  const date = byTag.get("30")?.value;
  result.dateOfAmendment = date && /^\d{6}$/.test(date) ? isoFromSwiftDate(date) : null;

  if (normaliseBic(main.message.sender) !== normaliseBic(expect.issuingBankBic)) {
    problems.push({ line: 1, tag: "block 1", message: `the MT707 comes from ${main.message.sender}, not from the credit's issuing bank ${expect.issuingBankBic}` });
  }
  if (result.creditNumber !== null && result.creditNumber !== expect.creditNumber) {
    problems.push({ line: byTag.get("20")?.line, tag: "20", message: `20: the MT707 amends credit ${result.creditNumber}, not this credit (${expect.creditNumber})` });
  }
  if (result.number !== null && result.number !== expect.nextNumber) {
    problems.push({ line: byTag.get("26E")?.line, tag: "26E", message: `26E: amendment number ${result.number}, but the next amendment of this credit is number ${expect.nextNumber}` });
  }

  const cancel = byTag.get("23S");
  if (cancel) {
    result.cancellation = cancel.value === "CANCEL";
    if (!result.cancellation) problems.push({ line: cancel.line, tag: "23S", message: `23S: "${cancel.value}" must be CANCEL` });
  }

  const draft: Draft = JSON.parse(JSON.stringify(current)) as Draft;
  // Fields the amendment does not carry are unchanged; 45A/46A/47A's Incoterm line is read again only if 45B replaces it.
  for (const field of located) {
    const name = `${field.tag} ${fieldName("707", field.tag)}`;
    const row = (term: string | null, held: string) => result.mapping.push({ tag: field.tag, name, line: field.line, value: field.value, term, held });
    const problem = (message: string, lineInField = 1) => problems.push({ line: at(field, lineInField), tag: field.tag, message: `${field.tag}: ${message}` });
    if (HEADER_707.has(field.tag)) {
      row(null, { "26E": "The amendment's number", "30": "The date of amendment", "23S": "Cancellation: the credit ends once the beneficiary consents", "20": "The credit number", "71N": "Not kept: amendment charges" }[field.tag] ?? "Not kept: message reference");
      continue;
    }
    if (result.cancellation) {
      problem("a cancellation (23S) changes no other term");
      continue;
    }
    if (field.tag === "32B" || field.tag === "33B") {
      const m = /^([A-Z]{3})(\d+),(\d*)$/.exec(field.value);
      const parsedAmount = m ? parseAmount(m[1]!, `${m[2]}${m[3] ? `.${m[3]}` : ""}`) : null;
      if (!m || !parsedAmount?.ok) {
        problem(parsedAmount && !parsedAmount.ok ? parsedAmount.message : `"${field.value}" is not a currency and an amount`);
        continue;
      }
      if (m[1] !== current.currency) {
        problem(`the credit is in ${current.currency}: an amendment cannot change its currency`);
        continue;
      }
      const before = parseAmount(current.currency, current.amount);
      const delta = field.tag === "32B" ? parsedAmount.milli : -parsedAmount.milli;
      const after = (before.ok ? before.milli : 0n) + delta;
      if (after <= 0n) {
        problem("the decrease is the whole amount of the credit or more");
        continue;
      }
      const whole = after / 1000n;
      const frac = (after % 1000n).toString().padStart(3, "0");
      draft.amount = canonicalAmount(current.currency, `${whole}.${frac}`);
      row("Amount (32B)", `${field.tag === "32B" ? "increase" : "decrease"} of ${m[1]} ${canonicalAmount(m[1]!, parsedAmount.amount)}: ${current.currency} ${String(draft.amount)}`);
      continue;
    }
    const target = FROM_707[field.tag];
    let value = field.value;
    if (target) {
      const [code, ...rest] = value.split("\n");
      if (code !== "/REPALL/") {
        problem(`"${code}": TradeTrail applies /REPALL/ (the whole new text); /ADD/ and /DELETE/ are not read`);
        continue;
      }
      value = rest.join("\n");
      if (target === "45A") {
        delete draft.incoterm;
        delete draft.incotermPlace;
        delete draft.goodsDescription;
      }
    }
    const tag = target ?? field.tag;
    if (tag === "59" || tag === "50") {
      problem(`an amendment cannot change the ${tag === "59" ? "beneficiary" : "applicant"} in TradeTrail: the beneficiary is the organisation the credit was advised to`);
      continue;
    }
    const reader = READERS[tag];
    if (!reader) {
      row(null, "Not kept: TradeTrail holds no such term");
      continue;
    }
    const read = reader(value, { draft, issuingBankBic: expect.issuingBankBic, banks, problem });
    if (read) row(read.term, read.held);
  }
  delete draft.__mixed;
  if (problems.length > 0) return result;
  if (result.cancellation) return { ...result, ok: true };

  const checked = parseTerms(draft as TermsInput);
  if (!checked.ok) {
    for (const [path, message] of Object.entries(checked.fields)) {
      const root = path.split(".")[0]!;
      const tag = PATH_TAG[root];
      const field = located.find((l) => tagKey(FROM_707[l.tag] ?? l.tag) === tag);
      problems.push({ line: field?.line, tag, message: `${tag ? `${tag}: ` : ""}${describe(root)}: ${message}` });
    }
    return result;
  }
  return { ...result, ok: true, terms: checked.terms };
}
