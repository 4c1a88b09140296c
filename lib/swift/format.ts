// SWIFT field formats as data, read by one validator (the prowide-core way): a field declares
// "4*35x" or "100*65z" and `checkSwiftText` decides whether a text fits it. Pure, client-safe.
//
// Notation (SWIFT User Handbook, Standards MT General Information):
//   35x      at most 35 characters of the x set, one line
//   4*35x    at most 4 lines of at most 35 characters each
//   100*65z  at most 100 lines of at most 65 characters of the z set
// x set: a–z A–Z 0–9 / - ? : ( ) . , ' + space (and the line break between lines).
// z set: the x set plus = ! " % & * < > ; { @ # _

export type SwiftCharset = "x" | "z";

export interface SwiftFormat {
  /** The format as SWIFT writes it, e.g. "4*35x". */
  text: string;
  lines: number;
  width: number;
  charset: SwiftCharset;
}

const X_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+ ";
const Z_EXTRA = "=!\"%&*<>;{@#_";

/** One lookup table per set, by UTF-16 code (all members are ASCII): finding the bad character, once a text is known to have one. */
function table(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}
const TABLES: Record<SwiftCharset, Uint8Array> = { x: table(X_CHARS), z: table(X_CHARS + Z_EXTRA) };
const DESCRIBE: Record<SwiftCharset, string> = {
  x: "letters A–Z, digits, spaces and / - ? : ( ) . , ' +",
  z: "letters A–Z, digits, spaces and / - ? : ( ) . , ' + = ! \" % & * < > ; { @ # _",
};
const CLASS: Record<SwiftCharset, string> = { x: "a-zA-Z0-9/\\-?:().,'+ ", z: "a-zA-Z0-9/\\-?:().,'+ =!\"%&*<>;{@#_" };
// One compiled expression per set, built once: a whole field is tested in one native pass
// (measured: about twice as fast as a JavaScript loop over character codes).
const LINE: Record<SwiftCharset, RegExp> = { x: new RegExp(`^[${CLASS.x}]*$`), z: new RegExp(`^[${CLASS.z}]*$`) };
const LINES: Record<SwiftCharset, RegExp> = { x: new RegExp(`^[${CLASS.x}\\n]*$`), z: new RegExp(`^[${CLASS.z}\\n]*$`) };

/** Whether one character belongs to the SWIFT character set (the line break aside). */
export const isSwiftChar = (ch: string, charset: SwiftCharset): boolean => ch.length === 1 && TABLES[charset][ch.charCodeAt(0)] === 1;

/** The index of the first character of `text[from, to)` outside the set, or -1. */
export function firstOutsideCharset(text: string, charset: SwiftCharset, from = 0, to = text.length): number {
  const t = TABLES[charset];
  for (let i = from; i < to; i++) if (t[text.charCodeAt(i)] !== 1) return i;
  return -1;
}

/** Whether every character of a line belongs to the set. */
export const isSwiftLine = (line: string, charset: SwiftCharset): boolean => LINE[charset].test(line);

/** Whether every character of a text belongs to the set, "\n" between lines allowed. */
export const inSwiftCharset = (text: string, charset: SwiftCharset): boolean => LINES[charset].test(text);

/**
 * Whether a multi-line text ("\n" between lines) is already in the set with no line starting
 * with ":" or "-": the common case, decided without copying so that transliteration costs nothing then.
 */
export function isSwiftText(text: string, charset: SwiftCharset): boolean {
  if (!LINES[charset].test(text)) return false;
  for (let start = 0; start >= 0; start = text.indexOf("\n", start) + 1 || -1) {
    const c = text.charCodeAt(start);
    if (c === 58 || c === 45) return false;
  }
  return true;
}

const PARSED = new Map<string, SwiftFormat>();

/** "4*35x" -> { lines: 4, width: 35, charset: "x" }; "35x" is one line. Throws on a format it cannot read. Parsed once per format string. */
export function parseSwiftFormat(format: string): SwiftFormat {
  const cached = PARSED.get(format);
  if (cached) return cached;
  const match = /^(?:(\d+)\*)?(\d+)([xz])$/.exec(format);
  if (!match) throw new Error(`Unsupported SWIFT format "${format}"`);
  const parsed: SwiftFormat = Object.freeze({ text: format, lines: match[1] ? Number(match[1]) : 1, width: Number(match[2]), charset: match[3] as SwiftCharset });
  PARSED.set(format, parsed);
  return parsed;
}

export interface SwiftFieldSpec {
  /** The MT700 tag, e.g. "45A". */
  tag: string;
  label: string;
  /** The field's SWIFT format, e.g. "100*65z". */
  format: string;
  /**
   * A field that continues in MT701s (45A -> 45B, 46A -> 46B, 47A -> 47B): an MT700 and up to
   * seven MT701s (27: 1/8 .. 8/8) each carry up to the format's lines.
   */
  continuedIn?: string;
}

/** An MT700 travels with at most seven MT701 continuation messages (field 27 "Sequence of total" 8/8). */
export const MAX_MT701 = 7;

/** Lines the field may hold in all: the format's lines, times eight where it continues in MT701s. */
export function maxLines(spec: SwiftFieldSpec): number {
  const { lines } = parseSwiftFormat(spec.format);
  return spec.continuedIn ? lines * (1 + MAX_MT701) : lines;
}

/** The text split into the lines it travels as (CR LF, CR or LF end a line). */
export const swiftLines = (value: string): string[] => value.split(/\r\n|\r|\n/);

const name = (spec: SwiftFieldSpec) => `${spec.tag} ${spec.label}`;
const describeChar = (ch: string) => (ch === "\t" ? "a tab" : /\s/.test(ch) ? "an unusual space" : `"${ch}"`);

/** Only the character set: for text that the MT700 rendering wraps itself (46A document details). */
export function checkSwiftCharset(value: string, spec: SwiftFieldSpec): string | null {
  const { charset } = parseSwiftFormat(spec.format);
  const t = TABLES[charset];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 10 || c === 13 || t[c] === 1) continue;
    const ch = String.fromCodePoint(value.codePointAt(i)!);
    return `${name(spec)}: ${describeChar(ch)} cannot be sent in SWIFT field ${spec.tag} (${spec.format}); use ${DESCRIBE[charset]}`;
  }
  return null;
}

/**
 * Whether `value` fits the field's SWIFT format: the character set first, then the number of
 * lines, then each line's width. Returns null when it fits, else one message naming the field's
 * tag that says what to change. An empty value fits (whether it is required is the schema's call).
 */
export function checkSwiftText(value: string, spec: SwiftFieldSpec): string | null {
  const format = parseSwiftFormat(spec.format);
  const badCharacter = checkSwiftCharset(value, spec);
  if (badCharacter) return badCharacter;
  const lines = swiftLines(value);
  const limit = maxLines(spec);
  if (lines.length > limit) {
    const where = spec.continuedIn ? ` (${spec.tag} in the MT700 and ${spec.continuedIn} in up to ${MAX_MT701} MT701s)` : "";
    return format.lines === 1 && !spec.continuedIn
      ? `${name(spec)}: must be one line (SWIFT ${spec.format})`
      : `${name(spec)}: ${lines.length} lines, SWIFT allows at most ${limit} lines of ${format.width} characters${where}`;
  }
  const long = lines.findIndex((line) => [...line].length > format.width);
  if (long >= 0) {
    const length = [...lines[long]!].length;
    return lines.length === 1 && format.lines === 1
      ? `${name(spec)}: ${length} characters, SWIFT allows at most ${format.width} (${spec.format})`
      : `${name(spec)}: line ${long + 1} has ${length} characters, SWIFT allows at most ${format.width} per line (${spec.format}); break it into shorter lines`;
  }
  return null;
}

/** The format in words for a form hint: "Up to 4 lines of 35 characters (SWIFT 4*35x)". */
export function describeSwiftFormat(spec: SwiftFieldSpec): string {
  const format = parseSwiftFormat(spec.format);
  const lines = maxLines(spec);
  const shape = lines === 1 ? `Up to ${format.width} characters on one line` : `Up to ${lines} lines of ${format.width} characters`;
  const chars = format.charset === "x" ? "letters, digits, spaces and / - ? : ( ) . , ' +" : "letters, digits, spaces and common punctuation; not € or accents";
  return `${shape}: ${chars} (SWIFT ${spec.format})`;
}
