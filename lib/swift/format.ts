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

const X_CHARS = "a-zA-Z0-9/\\-?:().,'+ ";
const Z_EXTRA = "=!\"%&*<>;{@#_";
const CHARSETS: Record<SwiftCharset, { allowed: RegExp; describe: string }> = {
  x: { allowed: new RegExp(`^[${X_CHARS}]$`), describe: "letters A–Z, digits, spaces and / - ? : ( ) . , ' +" },
  z: { allowed: new RegExp(`^[${X_CHARS}${Z_EXTRA}]$`), describe: "letters A–Z, digits, spaces and / - ? : ( ) . , ' + = ! \" % & * < > ; { @ # _" },
};

/** Whether one character belongs to the SWIFT character set (the line break aside). */
export const isSwiftChar = (ch: string, charset: SwiftCharset): boolean => CHARSETS[charset].allowed.test(ch);

const WHOLE_LINE: Record<SwiftCharset, RegExp> = { x: new RegExp(`^[${X_CHARS}]*$`), z: new RegExp(`^[${X_CHARS}${Z_EXTRA}]*$`) };
/** Whether every character of a line belongs to the set: one regular-expression test, the fast path before looking at characters one by one. */
export const isSwiftLine = (line: string, charset: SwiftCharset): boolean => WHOLE_LINE[charset].test(line);

/** "4*35x" -> { lines: 4, width: 35, charset: "x" }; "35x" is one line. Throws on a format it cannot read. */
export function parseSwiftFormat(format: string): SwiftFormat {
  const match = /^(?:(\d+)\*)?(\d+)([xz])$/.exec(format);
  if (!match) throw new Error(`Unsupported SWIFT format "${format}"`);
  return { text: format, lines: match[1] ? Number(match[1]) : 1, width: Number(match[2]), charset: match[3] as SwiftCharset };
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
  const format = parseSwiftFormat(spec.format);
  const charset = CHARSETS[format.charset];
  for (const ch of value.replace(/\r\n|\r|\n/g, "")) {
    if (!charset.allowed.test(ch)) {
      return `${name(spec)}: ${describeChar(ch)} cannot be sent in SWIFT field ${spec.tag} (${spec.format}); use ${charset.describe}`;
    }
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
