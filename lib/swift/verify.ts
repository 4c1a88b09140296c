import { sha256, toUtf8Bytes } from "ethers";

// Does a FIN file match the hash its milestone recorded (issue 15, item 2)? The milestone that
// produced a message records `swiftMessages: [{ type: "MT700", sha256: "0x…" }, …]` in its
// content, which is anchored; a bank that received the file compares its SHA-256 with that. Pure
// (ethers' SHA-256 runs in the browser too); the API and the credit page's SWIFT tab use it.

/** One message as its milestone records it: the main message's type and the SHA-256 of the whole file (its continuations included). */
export interface RecordedSwiftMessage {
  type: string;
  sha256: string;
}

/** SHA-256 of the exact bytes of a .fin file (UTF-8 of the text, CR LF line ends as written), "0x" + 64 lower-case hex. */
export function swiftFileSha256(file: string | Uint8Array): string {
  return sha256(typeof file === "string" ? toUtf8Bytes(file) : file);
}

const isRecorded = (value: unknown): value is RecordedSwiftMessage =>
  typeof value === "object" && value !== null && typeof (value as RecordedSwiftMessage).type === "string" && typeof (value as RecordedSwiftMessage).sha256 === "string";

/**
 * The messages a milestone's content records, or null when it records none at all: a milestone
 * recorded before TradeTrail recorded message hashes, or of a step that produces no message.
 */
export function recordedSwiftMessages(content: unknown): RecordedSwiftMessage[] | null {
  const list = typeof content === "object" && content !== null ? (content as { swiftMessages?: unknown }).swiftMessages : undefined;
  return Array.isArray(list) ? list.filter(isRecorded) : null;
}

/** The main message type a FIN file starts with ("MT700"), from its application header; null if it has none. */
export function finFileType(file: string | Uint8Array): string | null {
  const text = typeof file === "string" ? file : new TextDecoder().decode(file);
  const type = /\{2:[IO](\d{3})/.exec(text)?.[1];
  return type ? `MT${type}` : null;
}

export type SwiftCheck =
  /** The file's SHA-256 is the one its milestone recorded. */
  | { status: "matches"; sha256: string; recorded: RecordedSwiftMessage }
  /** The milestone records the message, with another hash: the file is not the one produced (altered, or built from other facts). */
  | { status: "differs"; sha256: string; recorded: RecordedSwiftMessage | null }
  /**
   * Nothing to compare with. `before`: the milestone was recorded before message hashes were.
   * `notOnMilestone`: the milestone records the messages it produced, and this one was not among
   * them (an MT732 exists only once the bank accepts the waiver, after its milestone).
   */
  | { status: "notRecorded"; sha256: string; reason: "before" | "notOnMilestone" };

/**
 * Checks a FIN file against the milestone that produced it: equal when the SHA-256 of its bytes
 * is a hash the milestone's content records. The content is what the chain anchors, so a match
 * on a verified milestone proves the file is the message TradeTrail produced at that step.
 */
export function verifySwiftMessage(bytes: string | Uint8Array, milestone: { content: unknown }): SwiftCheck {
  const hash = swiftFileSha256(bytes);
  const recorded = recordedSwiftMessages(milestone.content);
  if (recorded === null) return { status: "notRecorded", sha256: hash, reason: "before" };
  const hit = recorded.find((m) => m.sha256.toLowerCase() === hash);
  if (hit) return { status: "matches", sha256: hash, recorded: hit };
  if (recorded.length === 0) return { status: "notRecorded", sha256: hash, reason: "notOnMilestone" };
  // The entry the file claims to be (by its type); with one entry, that one, whatever the file says it is.
  const type = finFileType(bytes);
  const expected = recorded.find((m) => m.type === type) ?? (recorded.length === 1 ? recorded[0]! : null);
  return { status: "differs", sha256: hash, recorded: expected };
}
