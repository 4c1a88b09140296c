// The one reading of shipping marks and of a party's address for examination. Pure.

export type TextComparison = "same" | "different" | "undetermined";

const tokens = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== "");

/** "No.", "Nos.", "C/No." are labels, not marks. */
const MARK_LABELS = new Set(["NO", "NOS", "NR", "C", "CTN", "CTNS", "CASE", "CASES"]);
const NO_MARKS = /^\s*(?:n\s*\/\s*m|no\s+marks?|without\s+marks?)\s*$/i;

/**
 * Whether two documents show the same shipping marks: the same marks in any layout, and marks on
 * one that add to those on the other are no conflict (ISBP 821 section A, shipping marks). Marks that leave out part of
 * each other conflict; "N/M" (no marks) against marks is for the examiner.
 */
export function compareMarks(a: string, b: string): TextComparison {
  if (NO_MARKS.test(a) || NO_MARKS.test(b)) return NO_MARKS.test(a) && NO_MARKS.test(b) ? "same" : "undetermined";
  const left = new Set(tokens(a).filter((t) => !MARK_LABELS.has(t)));
  const right = new Set(tokens(b).filter((t) => !MARK_LABELS.has(t)));
  const within = (x: Set<string>, y: Set<string>) => [...x].every((t) => y.has(t));
  return within(left, right) || within(right, left) ? "same" : "different";
}

const ADDRESS_WORDS: Readonly<Record<string, string>> = {
  AVE: "AVENUE", AV: "AVENUE", ST: "STREET", STR: "STREET", RD: "ROAD", BLVD: "BOULEVARD", BLDG: "BUILDING", FL: "FLOOR", FLR: "FLOOR",
  LN: "LANE", DR: "DRIVE", CTR: "CENTRE", CENTER: "CENTRE", STE: "SUITE", NO: "", NUMBER: "", SQ: "SQUARE", HWY: "HIGHWAY", PO: "PO", BOX: "BOX",
};
/** Contact details: from "Tel", "Fax", "Phone", "E-mail" or an address with "@" to the end of its segment. */
const CONTACT = /(?:\b(?:tel|telephone|phone|fax|telefax|mobile|mob|e-?mail)\b\.?\s*:?[^,;\n]*|[^\s,;]+@[^\s,;]+)/gi;

const addressWords = (text: string) => tokens(text).map((t) => ADDRESS_WORDS[t] ?? t).filter((t) => t !== "");

/**
 * Whether an address on a document is the address the credit states: its words, abbreviations
 * of street words aside (Ave/Avenue), in any layout. A word of the credit missing is another
 * address; words or contact details the credit does not state are for the examiner (art. 14(j)).
 */
export function compareAddresses(inCredit: string, onDocument: string): TextComparison {
  const credit = new Set(addressWords(inCredit));
  const document = new Set(addressWords(onDocument));
  if ([...credit].some((w) => !document.has(w))) return "different";
  const contactOnDocument = onDocument.match(CONTACT) !== null;
  const contactInCredit = inCredit.match(CONTACT) !== null;
  return [...document].every((w) => credit.has(w)) && contactOnDocument === contactInCredit ? "same" : "undetermined";
}
