import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";

// An upload's body: one line of JSON that describes the document (kind, copies, file name and
// its structured data), a line feed, then the file's bytes. The description rides in the body,
// not the query string or a header, so a long one reaches validation and gets its length
// message instead of the server's "431 Request Header Fields Too Large". JSON.stringify never
// writes a raw line feed, so the first one ends the details.

/** Far above what any valid description needs (its longest field is 2,000 characters), far below the file limit. */
export const MAX_DETAILS_BYTES = 1024 * 1024;

const LINE_FEED = 0x0a;

/** Reads the details line off the front of the body; the file is the rest, still streaming. */
export async function splitUploadBody(body: ReadableStream<Uint8Array>, maxDetailsBytes = MAX_DETAILS_BYTES): Promise<{ details: unknown; file: Readable }> {
  const reader = body.getReader();
  const seen: Buffer[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new AppError("INVALID_REQUEST", "Send the document's details as the first line of the body, then the file.");
    const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    const end = chunk.indexOf(LINE_FEED);
    if (length + (end === -1 ? chunk.length : end) > maxDetailsBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError("PAYLOAD_TOO_LARGE", `The document's details are longer than ${Math.round(maxDetailsBytes / 1024)} kB; shorten the description.`);
    }
    if (end === -1) {
      seen.push(chunk);
      length += chunk.length;
      continue;
    }
    seen.push(chunk.subarray(0, end));
    const text = Buffer.concat(seen).toString("utf8");
    let details: unknown;
    try {
      details = JSON.parse(text);
    } catch {
      await reader.cancel().catch(() => {});
      throw new AppError("INVALID_REQUEST", "The document's details are not valid JSON.");
    }
    const first = chunk.subarray(end + 1);
    return { details, file: Readable.from(rest(first, reader), { objectMode: false }) };
  }
}

async function* rest(first: Buffer, reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<Buffer> {
  let finished = false;
  try {
    if (first.length > 0) yield first;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  } finally {
    // The reader of the file stopped early (refused type, over the limit): stop the upload too.
    if (!finished) await reader.cancel().catch(() => {});
  }
}
