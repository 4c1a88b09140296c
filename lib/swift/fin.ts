import { MESSAGE_FIELDS, MESSAGE_TYPES, type MessageType, checkFieldFormat, fieldSpec, isBic, knownToFit } from "./fields";

// FIN text: the blocks a bank's SWIFT interface loads (SWIFT FIN Service Description, "Message
// structure"). Pure, client-safe.
//
//   {1:F01BANKDEFFAXXX0000000000}     basic header: application F, service 01, the sender's
//                                     logical terminal (BIC8 + terminal code A + branch, XXX for
//                                     none), session and sequence 0000 000000 (the interface
//                                     assigns them when it sends)
//   {2:I700BANKSGSGXXXXN}             application header, input: message type, the receiver's
//                                     address (BIC8 + X + branch), priority N (normal)
//   {3:{108:TT2026000042M01}}         user header: 108 message user reference (16x)
//   {4:<CR LF>:27:1/1<CR LF>...<CR LF>-}   text: each field ":tag:value", lines end with CR LF
//   {5:{CHK:...}}                     trailer: the network adds it; read, never written
//
// A file may hold several messages (an MT700 and its MT701s), one after the other.

export interface FinField {
  /** "20", "45A", "41D" ... */
  tag: string;
  /** The value, lines separated by "\n". */
  value: string;
}

export interface FinMessage {
  type: MessageType;
  /** BIC of the sender (8 or 11 characters; an 11-character BIC ending XXX is read back as its 8). */
  sender: string;
  receiver: string;
  /** Block 3, field 108: message user reference. */
  userReference?: string;
  fields: FinField[];
}

export interface FinProblem {
  /** The line of the FIN text (1-based), when known. */
  line?: number;
  tag?: string;
  message: string;
}

/** The biggest text block the network accepts (characters of block 4). */
export const MAX_TEXT_BLOCK = 10_000;

/** "BANKDEFF" -> "BANKDEFFAXXX"; "BANKDEFF500" -> "BANKDEFFA500" (terminal code A, or X in block 2). */
export function logicalTerminal(bic: string, terminal: "A" | "X"): string {
  return `${bic.slice(0, 8)}${terminal}${bic.length === 11 ? bic.slice(8) : "XXX"}`;
}

const bicOfTerminal = (lt: string) => `${lt.slice(0, 8)}${lt.slice(9) === "XXX" ? "" : lt.slice(9)}`;
/** The BIC as the parser gives it back: an 11-character BIC with branch XXX is its 8-character form. */
export const normaliseBic = (bic: string): string => (bic.length === 11 && bic.endsWith("XXX") ? bic.slice(0, 8) : bic);

/** The text block alone, as it travels: ":tag:value" fields, CR LF between lines. */
export function textBlock(fields: readonly FinField[]): string {
  let out = "";
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    out += `${i === 0 ? "" : "\r\n"}:${field.tag}:${field.value.includes("\n") ? field.value.replaceAll("\n", "\r\n") : field.value}`;
  }
  return out;
}

/** The length of `textBlock(fields)` without building it: each line break becomes CR LF. */
export function textBlockLength(fields: readonly FinField[]): number {
  let size = 0;
  for (let i = 0; i < fields.length; i++) {
    const { tag, value } = fields[i]!;
    size += (i === 0 ? 0 : 2) + tag.length + 2 + value.length;
    for (let at = value.indexOf("\n"); at >= 0; at = value.indexOf("\n", at + 1)) size++;
  }
  return size;
}

/** One message as FIN text. Does not validate (see validateFin). */
export function serialiseFin(message: FinMessage): string {
  const block3 = message.userReference ? `{3:{108:${message.userReference}}}` : "";
  return (
    `{1:F01${logicalTerminal(message.sender, "A")}0000000000}` +
    `{2:I${message.type}${logicalTerminal(message.receiver, "X")}N}` +
    block3 +
    `{4:\r\n${textBlock(message.fields)}\r\n-}`
  );
}

/** Several messages (an MT700 and its MT701s) as one file, CR LF between them. */
export const serialiseFinFile = (messages: readonly FinMessage[]): string => messages.map(serialiseFin).join("\r\n");

const USER_REFERENCE = /^[A-Za-z0-9/\-?:().,'+ ]{1,16}$/;

/** Everything that does not fit the formats of the message's type: fields, order of blocks, BICs, size (`textSize`: the text block's characters, when already known). */
export function validateFin(message: FinMessage, fieldLines: readonly number[] = [], textSize?: number): FinProblem[] {
  const problems: FinProblem[] = [];
  if (!isBic(message.sender)) problems.push({ tag: "block 1", message: `sender "${message.sender}" is not a BIC (8 or 11 characters)` });
  if (!isBic(message.receiver)) problems.push({ tag: "block 2", message: `receiver "${message.receiver}" is not a BIC (8 or 11 characters)` });
  if (message.userReference !== undefined && !USER_REFERENCE.test(message.userReference)) {
    problems.push({ tag: "108", message: "the message user reference must be at most 16 characters of the X set" });
  }
  const seen = new Set<string>();
  for (let index = 0; index < message.fields.length; index++) {
    const field = message.fields[index]!;
    const where = fieldLines[index];
    const found = fieldSpec(message.type, field.tag);
    if (!found) {
      problems.push({ tag: field.tag, line: where, message: `field ${field.tag} is not part of an MT${message.type}` });
      continue;
    }
    if (seen.has(found.spec.tag)) problems.push({ tag: field.tag, line: where, message: `field ${field.tag} appears more than once` });
    seen.add(found.spec.tag);
    const problem = knownToFit(field, found.format) ? null : checkFieldFormat(field.value, found.format);
    if (problem) problems.push({ tag: field.tag, line: where === undefined ? undefined : where + problem.line - 1, message: `${field.tag} ${found.spec.name}: ${problem.message}` });
  }
  for (const spec of MESSAGE_FIELDS[message.type]) {
    if (spec.mandatory && !seen.has(spec.tag)) problems.push({ tag: spec.tag, message: `mandatory field ${spec.tag} ${spec.name} is missing` });
  }
  // The parser knows the size of the block it read; anyone else has it computed.
  const size = textSize ?? textBlockLength(message.fields);
  if (size > MAX_TEXT_BLOCK) problems.push({ tag: "block 4", message: `the text block has ${size} characters, SWIFT allows ${MAX_TEXT_BLOCK}` });
  return problems;
}

// ---- Parsing ---------------------------------------------------------------------------------

export interface ParsedFin {
  message: FinMessage;
  /** Block 5 trailers as read ({CHK: "..."}), if any. */
  trailer: Record<string, string>;
  /** The FIN-text line (1-based) of each field, in the order of message.fields. */
  fieldLines: number[];
  problems: FinProblem[];
}

export type ParseResult = { ok: true; messages: ParsedFin[] } | { ok: false; problems: FinProblem[]; messages: ParsedFin[] };

/**
 * Line numbers (1-based) of offsets in one text, counted forward from the last offset asked
 * (CR LF, CR or LF end a line): parsing asks in increasing order, so the text is counted once.
 */
class LineCounter {
  private pos = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  /** The parser read up to `offset`, which is on line `line`: counting resumes there. */
  skipTo(offset: number, line: number): void {
    this.pos = offset;
    this.line = line;
  }

  at(offset: number): number {
    if (offset < this.pos) {
      this.pos = 0;
      this.line = 1;
    }
    const { text } = this;
    for (let i = text.indexOf("\n", this.pos); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) this.line++;
    // A CR alone ends a line too; a CR before LF was counted with its LF.
    for (let i = text.indexOf("\r", this.pos); i >= 0 && i < offset; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10 || i + 1 >= offset) this.line++;
    this.pos = offset;
    return this.line;
  }
}

/** Reads `{tag:...}` blocks from `offset`; nested braces (blocks 3 and 5) are kept whole. */
function readBlock(text: string, offset: number): { tag: string; body: string; end: number } | null {
  const m = /^\{([1-5]):/.exec(text.slice(offset, offset + 3));
  if (!m) return null;
  const tag = m[1]!;
  if (tag === "4") {
    const end = text.indexOf("\r\n-}", offset);
    const endLf = end >= 0 ? end : text.indexOf("\n-}", offset);
    if (endLf < 0) return { tag, body: text.slice(offset + 3), end: -1 };
    const closing = text.startsWith("\r\n-}", endLf) ? 4 : 3;
    return { tag, body: text.slice(offset + 3, endLf), end: endLf + closing };
  }
  let depth = 0;
  for (let i = offset; i < text.length; i++) {
    if (text[i] === "{") depth++;
    if (text[i] === "}" && --depth === 0) return { tag, body: text.slice(offset + 3, i), end: i + 1 };
  }
  return { tag, body: text.slice(offset + 3), end: -1 };
}

/** "{108:REF}{119:STP}" -> { "108": "REF", "119": "STP" } (blocks 3 and 5). */
function subBlocks(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let open = body.indexOf("{"); open >= 0; open = body.indexOf("{", open + 1)) {
    const colon = body.indexOf(":", open);
    const close = body.indexOf("}", open);
    if (colon < 0 || close < 0 || colon > close) continue;
    const tag = body.slice(open + 1, colon);
    if (SUB_TAG.test(tag)) out[tag] = body.slice(colon + 1, close);
  }
  return out;
}
const SUB_TAG = /^[A-Za-z0-9]+$/;

/** The offset of the next LF at or after `from`, or the end. */
function nextNewline(body: string, from: number): number {
  const i = body.indexOf("\n", from);
  return i < 0 ? body.length : i;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** ":20:" or ":45A:" at `from`: the length of the tag (2 or 3), else 0. */
function fieldTagLength(body: string, from: number, end: number): number {
  if (end - from < 4 || body.charCodeAt(from) !== 58 || !isDigit(body.charCodeAt(from + 1)) || !isDigit(body.charCodeAt(from + 2))) return 0;
  if (body.charCodeAt(from + 3) === 58) return 2;
  const letter = body.charCodeAt(from + 3);
  return letter >= 65 && letter <= 90 && end - from >= 5 && body.charCodeAt(from + 4) === 58 ? 3 : 0;
}

function parseOne(text: string, start: number, lines_: LineCounter): { parsed: ParsedFin | null; problems: FinProblem[]; end: number } {
  const problems: FinProblem[] = [];
  const blocks: Record<string, { body: string; offset: number }> = {};
  let at = start;
  while (at < text.length && text[at] === "{") {
    const block = readBlock(text, at);
    if (!block) {
      problems.push({ line: lines_.at(at), message: `unknown block "${text.slice(at, at + 4)}": expected {1: to {5:` });
      return { parsed: null, problems, end: text.length };
    }
    if (block.end < 0) {
      problems.push({ line: lines_.at(at), message: block.tag === "4" ? "block 4 does not end with a line \"-}\"" : `block ${block.tag} is not closed with "}"` });
      return { parsed: null, problems, end: text.length };
    }
    if (blocks[block.tag]) problems.push({ line: lines_.at(at), message: `block ${block.tag} appears twice` });
    blocks[block.tag] = { body: block.body, offset: at + 3 };
    at = block.end;
    if (text.startsWith("{1:", at)) break;
  }

  const b1 = blocks["1"];
  const b2 = blocks["2"];
  const b4 = blocks["4"];
  if (!b1) problems.push({ line: lines_.at(start), message: "block 1 (basic header) is missing" });
  if (!b2) problems.push({ line: lines_.at(start), message: "block 2 (application header) is missing" });
  if (!b4) problems.push({ line: lines_.at(start), message: "block 4 (text) is missing" });
  if (!b1 || !b2 || !b4) return { parsed: null, problems, end: at };

  const basic = /^F01([A-Z0-9]{12})(\d{4})(\d{6})$/.exec(b1.body);
  if (!basic) problems.push({ line: lines_.at(b1.offset), tag: "block 1", message: `basic header "${b1.body}" must be F01, a 12-character logical terminal and 10 digits` });
  // Input (I + type + receiver + priority) or output (O + type + input time + MIR + output date, time [+ priority]).
  const input = /^I(\d{3})([A-Z0-9]{12})([SNU])?(\d)?(\d{3})?$/.exec(b2.body);
  const output = /^O(\d{3})\d{4}(\d{6})([A-Z0-9]{12})\d{4}\d{6}\d{6}\d{4}[SNU]?$/.exec(b2.body);
  if (!input && !output) problems.push({ line: lines_.at(b2.offset), tag: "block 2", message: `application header "${b2.body}" is neither an input (I700BANKDEFFXXXXN) nor an output header` });
  const type = (input?.[1] ?? output?.[1]) as MessageType | undefined;
  if (type && !(MESSAGE_TYPES as readonly string[]).includes(type)) problems.push({ line: lines_.at(b2.offset), tag: "block 2", message: `MT${type} is not a Category 7 message TradeTrail reads` });
  if (problems.length) return { parsed: null, problems, end: at };

  // Output headers name the sender in the MIR and the receiver in block 1; input headers the other way round.
  const sender = bicOfTerminal(output ? output[3]! : basic![1]!);
  const receiver = bicOfTerminal(output ? basic![1]! : input![2]!);

  const fields: FinField[] = [];
  const fieldLines: number[] = [];
  const bodyLine = lines_.at(b4.offset);
  // Block 4 line by line (CR LF or LF end a line): a line ":tag:" starts a field, any other line continues it.
  // (Plain loops, no closures: this runs once per line of every message.)
  // CR LF made LF once for the whole text block: each field is then a slice of it, not a copy.
  const body = b4.body.includes("\r\n") ? b4.body.replaceAll("\r\n", "\n") : b4.body;
  let nl = nextNewline(body, 0);
  const startsWithBreak = nl === 0;
  if (!startsWithBreak) problems.push({ line: bodyLine, tag: "block 4", message: "block 4 must start with a line break after {4:" });
  let junk = false;
  let openTag = "";
  let openStart = 0;
  let openEnd = 0;
  let breaks = nl < body.length ? 1 : 0;
  for (let index = 0, from = nl + 1; from <= body.length && nl < body.length; index++, from = nl + 1) {
    nl = nextNewline(body, from);
    if (nl < body.length) breaks++;
    const end = nl;
    const lineNo = bodyLine + index + 1;
    const tagLength = fieldTagLength(body, from, end);
    // MT798: every line after :77E: belongs to it (the embedded sub-message's own fields).
    if (tagLength > 0 && !(openTag === "77E" && type === "798")) {
      if (openTag) fields.push({ tag: openTag, value: body.slice(openStart, openEnd) });
      openTag = body.slice(from + 1, from + 1 + tagLength);
      openStart = from + tagLength + 2;
      openEnd = end;
      fieldLines.push(lineNo);
    } else if (!openTag) {
      problems.push({ line: lineNo, tag: "block 4", message: `text before the first field: "${body.slice(from, Math.min(end, from + 20))}"` });
      junk = true;
    } else {
      openEnd = end;
    }
  }
  if (openTag) fields.push({ tag: openTag, value: body.slice(openStart, openEnd) });

  const block3 = blocks["3"] ? subBlocks(blocks["3"].body) : {};
  const message: FinMessage = { type: type!, sender, receiver, ...(block3["108"] !== undefined ? { userReference: block3["108"] } : {}), fields };
  const trailer = blocks["5"] ? subBlocks(blocks["5"].body) : {};
  // With no CR left alone, the block's lines are its LFs: the line counter resumes after it, and
  // the text block's size (CR LF between lines, without the first line break) is known.
  const plain = !body.includes("\r");
  if (plain) lines_.skipTo(b4.offset + b4.body.length, bodyLine + breaks);
  const found = validateFin(message, fieldLines, plain && startsWithBreak && !junk ? body.length - 1 + Math.max(0, breaks - 1) : undefined);
  return { parsed: { message, trailer, fieldLines, problems: [...problems, ...found] }, problems: [], end: at };
}

/**
 * Reads FIN text (one message or several in a row) back to fields. Every problem names the
 * tag and the line of the text it is on; `ok` only when there is none.
 */
export function parseFin(text: string): ParseResult {
  const messages: ParsedFin[] = [];
  const problems: FinProblem[] = [];
  const lines_ = new LineCounter(text);
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  skipSpace();
  if (at >= text.length) return { ok: false, problems: [{ line: 1, message: "the text is empty" }], messages };
  while (at < text.length) {
    if (text[at] !== "{") {
      problems.push({ line: lines_.at(at), message: `expected a block "{1:" but found "${text.slice(at, at + 10)}"` });
      break;
    }
    const one = parseOne(text, at, lines_);
    problems.push(...one.problems);
    if (one.parsed) {
      messages.push(one.parsed);
      problems.push(...one.parsed.problems);
    }
    at = one.end;
    skipSpace();
  }
  return problems.length === 0 ? { ok: true, messages } : { ok: false, problems, messages };
}
