import { type SwiftCharset, isSwiftChar, isSwiftLine, isSwiftText } from "./format";

// Text that a SWIFT character set cannot carry, made into text it can, with every change
// reported so the user sees it before exporting (docs/SWIFT.md has the table). Pure.
//
// Order: a character the set carries stays; else the table below; else a letter with an accent
// loses it (Unicode NFD, combining marks dropped: é -> e, ñ -> n); else "?" (and it is reported).
// Words (AND, AT, NO, PCT) get a space on a side where they would touch a letter or digit.

/** Replacements, for characters outside the set they are used for. */
export const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  "&": "AND",
  "@": "AT",
  "#": "NO",
  "%": "PCT",
  "€": "EUR",
  "£": "GBP",
  "$": "USD",
  "¥": "JPY",
  "°": " DEG",
  "ß": "ss",
  "ẞ": "SS",
  "æ": "ae",
  "Æ": "AE",
  "œ": "oe",
  "Œ": "OE",
  "ø": "o",
  "Ø": "O",
  "ł": "l",
  "Ł": "L",
  "đ": "d",
  "Đ": "D",
  "ð": "d",
  "Ð": "D",
  "þ": "th",
  "Þ": "Th",
  "ı": "i",
  "\"": "'",
  "“": "'",
  "”": "'",
  "„": "'",
  "‘": "'",
  "’": "'",
  "`": "'",
  "´": "'",
  "^": "'",
  "«": "'",
  "»": "'",
  "–": "-",
  "—": "-",
  "~": "-",
  "_": "-",
  "=": "-",
  "*": ".",
  "!": ".",
  ";": ",",
  "…": "...",
  "·": ".",
  "<": "(",
  ">": ")",
  "[": "(",
  "]": ")",
  "{": "(",
  "}": ")",
  "\\": "/",
  "|": "/",
  "×": "X",
  "\t": " ",
  "\u00a0": " ",
  "\u2009": " ",
  "\u202f": " ",
};

const WORDS = new Set(["AND", "AT", "NO", "PCT"]);

export interface Transliteration {
  /** The field's tag, e.g. "45A". */
  tag: string;
  /** The line of the field (1-based) where it happened, counted in the text as given. */
  line: number;
  from: string;
  to: string;
}

export interface TransliterationResult {
  text: string;
  changes: Omit<Transliteration, "tag">[];
}

const WORD_CHAR = /[A-Za-z0-9]/;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);

const MARKS = /\p{M}/gu;

function replacementFor(ch: string, charset: SwiftCharset): string {
  const mapped = TRANSLITERATIONS[ch];
  if (mapped !== undefined && [...mapped].every((c) => isSwiftChar(c, charset))) return mapped;
  const stripped = ch.normalize("NFD").replace(MARKS, "");
  if (stripped !== ch && stripped !== "" && [...stripped].every((c) => isSwiftChar(c, charset))) return stripped;
  return "?";
}

/**
 * `text` in the character set, line by line (line breaks are kept as "\n"). A line that starts
 * with ":" or "-" would read as a new field or the end of the text block in FIN: it starts with
 * "." instead (reported like any other change).
 */
export function transliterate(text: string, charset: SwiftCharset): TransliterationResult {
  // The common case (text already in the set, "\n" line breaks): one pass, nothing to change.
  if (isSwiftText(text, charset)) return { text, changes: [] };
  const changes: TransliterationResult["changes"] = [];
  const lines = text.split(/\r\n|\r|\n/).map((line, index) => {
    if (isSwiftLine(line, charset) && !/^[:-]/.test(line)) return line;
    const chars = [...line];
    let out = "";
    chars.forEach((ch, i) => {
      if (isSwiftChar(ch, charset)) {
        out += ch;
        return;
      }
      let to = replacementFor(ch, charset);
      if (WORDS.has(to)) {
        if (isWordChar(out.at(-1))) to = ` ${to}`;
        if (isWordChar(chars[i + 1])) to = `${to} `;
      }
      changes.push({ line: index + 1, from: ch, to });
      out += to;
    });
    if (out.startsWith(":") || out.startsWith("-")) {
      changes.push({ line: index + 1, from: out[0]!, to: "." });
      out = `.${out.slice(1)}`;
    }
    return out;
  });
  return { text: lines.join("\n"), changes };
}
