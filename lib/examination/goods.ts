// Whether an invoice's description of the goods corresponds with the credit's (art. 18(c)), read
// as tokens rather than as one string: numbers compared as numbers, model codes as whole tokens,
// words in any order and with any detail added (ISBP 821 C3). What the invoice negates ("not
// SW-100") does not count as shown. Pure; where wording may differ without conflict (reordering,
// extra words) it prefers not to raise a discrepancy.

type Token =
  | { kind: "number"; value: string; raw: string; negated: boolean }
  | { kind: "code"; value: string; raw: string; negated: boolean }
  | { kind: "word"; value: string; raw: string; negated: boolean };

interface Quantity {
  value: string;
  unit: string;
}

/** A quantity the credit states that the invoice shows less of: for art. 31, not 18(c). */
export interface ShortQuantity {
  expected: string;
  found: string;
}

export interface GoodsComparison {
  /** Why the invoice does not correspond, one line each: what it does not show or shows otherwise. */
  conflicts: string[];
  short: ShortQuantity[];
  /** The credit's words (not numbers, codes or quantities) the invoice does not show: part of `conflicts`. */
  missingWords: string[];
}

// Words that carry no description of the goods.
const STOPWORDS = new Set(["a", "an", "the", "of", "and", "or", "as", "per", "in", "on", "for", "with", "to", "at", "by", "from", "each", "is", "are", "being"]);
const NEGATIONS = new Set(["not", "no", "non", "nor", "excluding", "except", "without"]);
// Labels of what follows ("model SW-100", "No. 5"): not a description, and no stop to a negation.
const LABELS = new Set(["model", "type", "number", "item", "article", "art"]);

/** Units in which goods are counted or weighed, by every spelling, as one name (after plural "s" is dropped). */
const UNITS: Readonly<Record<string, string>> = {
  pc: "piece", pcs: "piece", piece: "piece",
  unit: "unit", set: "set", pair: "pair", pr: "pair", dozen: "dozen", doz: "dozen",
  carton: "carton", ctn: "carton", box: "box", bag: "bag", drum: "drum", bale: "bale", roll: "roll", pallet: "pallet", crate: "crate",
  kg: "kg", kgs: "kg", kilogram: "kg", kilo: "kg", mt: "mt", tonne: "mt", ton: "ton", lb: "lb", lbs: "lb",
};

const canonicalNumber = (raw: string) => {
  const [whole = "", fraction = ""] = raw.replace(/,/g, "").split(".");
  const w = whole.replace(/^0+(?=\d)/, "");
  const f = fraction.replace(/0+$/, "");
  return f ? `${w}.${f}` : w;
};

/** "pumps" -> "pump", "boxes" -> "box", "glasses" -> "glass", "batteries" -> "battery". */
function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

const normalWord = (raw: string) => {
  const word = singular(raw.toLowerCase().replace(/[-/.]/g, ""));
  return UNITS[word] ?? word;
};

/** The description as tokens, each marked when a negation ("not", "excluding" ...) governs it. */
function tokenise(text: string): Token[] {
  // "No. 5" is a number sign, not a negation.
  const prepared = text.normalize("NFC").replace(/\bnos?\.\s*/gi, "number ");
  const raws = prepared.match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|[\p{L}\p{N}]+(?:[-/.][\p{L}\p{N}]+)*/gu) ?? [];
  const tokens: Token[] = [];
  let negating = false;
  for (const raw of raws) {
    const lower = raw.toLowerCase();
    if (NEGATIONS.has(lower)) {
      negating = true;
      continue;
    }
    if (STOPWORDS.has(lower) || LABELS.has(lower)) continue;
    const digits = /\p{N}/u.test(raw);
    const letters = /\p{L}/u.test(raw);
    // A hyphenated word ("stainless-steel") is its words; a code with digits ("DP-450") stays one.
    if (letters && !digits && /[-/]/.test(raw)) {
      for (const part of raw.split(/[-/]/).filter(Boolean)) {
        if (!STOPWORDS.has(part.toLowerCase())) tokens.push({ kind: "word", value: normalWord(part), raw: part, negated: negating });
      }
      negating = false;
      continue;
    }
    const token: Token =
      digits && !letters && /^[\d,]+(\.\d+)?$/.test(raw)
        ? { kind: "number", value: canonicalNumber(raw), raw, negated: negating }
        : digits
          ? { kind: "code", value: raw.toUpperCase().replace(/[-/.]/g, ""), raw, negated: negating }
          : { kind: "word", value: normalWord(raw), raw, negated: negating };
    negating = false;
    tokens.push(token);
  }
  return tokens;
}

/** Quantities: a number followed by a unit of count or weight ("10,000 pcs", "24 units", "5 MT"). */
function quantities(tokens: Token[]): (Quantity & { at: number })[] {
  return tokens.flatMap((token, at) => {
    const next = tokens[at + 1];
    return token.kind === "number" && !token.negated && next?.kind === "word" && Object.values(UNITS).includes(next.value) ? [{ value: token.value, unit: next.value, at }] : [];
  });
}

/** Whether a description states a quantity the goods rule can compare. */
export const statesQuantity = (description: string) => quantities(tokenise(description)).length > 0;

/** A quantity a description states, and whether "about" (or "approximately", "circa") governs it (art. 30(a)). */
export interface StatedQuantity {
  value: number;
  unit: string;
  about: boolean;
}

const ABOUT = new Set(["about", "approximately", "approx", "circa", "ca"]);

/** "about 24 units ... 5 MT" -> [{ 24, unit, about }, { 5, mt }]. */
export function statedQuantities(description: string): StatedQuantity[] {
  const tokens = tokenise(description);
  // "USD 3,100.00 per MT" is a price, not a quantity.
  const priced = (at: number) => /^[A-Z]{3}$/.test(tokens[at - 1]?.raw ?? "");
  return quantities(tokens)
    .filter((q) => !priced(q.at))
    .map((q) => ({ value: Number(q.value), unit: q.unit, about: ABOUT.has(tokens[q.at - 1]?.value ?? "") }));
}

/** A unit as the quantity readers name it ("PCS" -> "piece", "KGS" -> "kg", "Units" -> "unit"); null when it is no unit they know. */
export function unitName(raw: string): string | null {
  const word = normalWord(raw.trim());
  return Object.values(UNITS).includes(word) ? word : null;
}

const show = (q: Quantity) => `${q.value} ${q.unit}`;

/**
 * Compares the invoice's description with the credit's: every model code, number, quantity and word
 * of the credit must be shown (not negated) on the invoice, in any order, with anything added. A
 * smaller quantity is reported apart as short, for the partial-shipment rule (art. 31).
 */
export function compareGoods(inCredit: string, onInvoice: string): GoodsComparison {
  const credit = tokenise(inCredit);
  const invoice = tokenise(onInvoice);
  // A model code may be written with a space for its hyphen ("DP 450" for "DP-450"): adjacent
  // tokens that join into the code show it.
  const joined = invoice.flatMap((t, i) => {
    const next = invoice[i + 1];
    return next && !t.negated && !next.negated && t.kind !== "number" ? [`${t.raw}${next.raw}`.toUpperCase().replace(/[-/.]/g, "")] : [];
  });
  const shown = (kind: Token["kind"], value: string) => invoice.some((t) => t.kind === kind && t.value === value && !t.negated) || (kind === "code" && joined.includes(value));
  const invoiceQuantities = quantities(invoice);
  const conflicts: string[] = [];
  const short: ShortQuantity[] = [];
  const missingWords: string[] = [];

  const creditQuantities = quantities(credit);
  const quantityAt = new Set(creditQuantities.map((q) => q.at));
  for (const q of creditQuantities) {
    const sameUnit = invoiceQuantities.filter((i) => i.unit === q.unit);
    if (sameUnit.some((i) => i.value === q.value)) continue;
    const other = sameUnit[0];
    if (other === undefined) {
      if (!shown("number", q.value)) conflicts.push(`${show(q)} is not shown`);
    } else if (Number(other.value) > Number(q.value)) conflicts.push(`${show(other)} shown where the credit states ${show(q)}`);
    else short.push({ expected: show(q), found: show(other) });
  }
  credit.forEach((token, at) => {
    if (quantityAt.has(at) || token.negated) return;
    if (shown(token.kind, token.value)) return;
    if (token.kind === "word") missingWords.push(token.raw);
    conflicts.push(token.kind === "word" ? `"${token.raw}" is not shown` : `${token.raw} is not shown`);
  });
  return { conflicts: [...new Set(conflicts)], short, missingWords: [...new Set(missingWords)] };
}

/**
 * What another document's description of the goods (a packing list, a certificate of origin)
 * says that conflicts with the credit or the invoice (art. 14(d); 14(e) lets it use general
 * terms): a model code the credit does not state, where the credit states codes; a quantity in
 * the invoice's unit that differs from the invoice's. Words left out or added are no conflict.
 */
export function conflictsInGeneralTerms(inCredit: string, onDocument: string, onInvoice: string | null): string[] {
  const credit = tokenise(inCredit);
  const document = tokenise(onDocument);
  const conflicts: string[] = [];
  const creditCodes = credit.filter((t) => t.kind === "code" && !t.negated);
  if (creditCodes.length > 0) {
    for (const code of document.filter((t) => t.kind === "code" && !t.negated)) {
      if (!creditCodes.some((c) => c.value === code.value)) conflicts.push(`${code.raw} where the credit states ${creditCodes.map((c) => c.raw).join(", ")}`);
    }
  }
  if (onInvoice) {
    const invoiced = quantities(tokenise(onInvoice));
    for (const q of quantities(document)) {
      const same = invoiced.filter((i) => i.unit === q.unit);
      if (same.length > 0 && !same.some((i) => i.value === q.value)) conflicts.push(`${show(q)} where the invoice shows ${same.map(show).join(", ")}`);
    }
  }
  return [...new Set(conflicts)];
}
