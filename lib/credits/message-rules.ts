// The one limit on a message in a credit's thread, shared by the server (which refuses a longer
// message with this sentence) and the composer (which counts as you type). Nothing is ever cut.

export const MESSAGE_MAX_CHARS = 4000;

/** Why this message cannot be sent as it is, or null when it can. Counts characters as JavaScript does (UTF-16 units). */
export function messageLengthProblem(text: string): string | null {
  const length = text.trim().length;
  if (length === 0) return "Write a message first.";
  if (length > MESSAGE_MAX_CHARS) {
    return `Your message has ${length.toLocaleString("en-GB")} characters; a message can have at most ${MESSAGE_MAX_CHARS.toLocaleString("en-GB")}. Shorten it by ${(length - MESSAGE_MAX_CHARS).toLocaleString("en-GB")} or split it in two.`;
  }
  return null;
}
