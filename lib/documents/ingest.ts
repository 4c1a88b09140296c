import { createHash, type Hash } from "node:crypto";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AppError } from "@/lib/errors";
import { type DocumentStorage, newStorageKey } from "@/lib/storage";
import { ACCEPTED_MEDIA_TYPES, type DocumentMediaType, describeContent, listLabels, SNIFF_BYTES, sniffMediaType } from "./sniff";

// An upload, from the request body to storage in one pass: the first bytes decide whether it is a
// document at all, then every byte is hashed and counted on its way to the store. Memory stays
// constant (one chunk in flight plus stream buffers) whatever the size; a refused or interrupted
// upload leaves nothing in storage.

export interface IngestOptions {
  body: Readable | ReadableStream<Uint8Array> | WebReadableStream<Uint8Array>;
  maxBytes: number;
  storage: DocumentStorage;
  /** Defaults to PDF, PNG, JPEG and TIFF. */
  allowedTypes?: readonly DocumentMediaType[];
}

export interface IngestedDocument {
  storageKey: string;
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: string;
  size: number;
  mediaType: DocumentMediaType;
}

/** "25 MB", "1.5 MB", "800 kB" (binary units, as UPLOAD_MAX_BYTES is set in bytes). */
export function formatBytes(bytes: number): string {
  const format = (value: number) => String(Math.round(value * 10) / 10);
  if (bytes >= 1024 * 1024 * 1024) return `${format(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 * 1024) return `${format(bytes / 1024 ** 2)} MB`;
  return `${format(bytes / 1024)} kB`;
}

const tooLarge = (maxBytes: number) => new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${formatBytes(maxBytes)}, the largest we accept.`);

/** Hashes and counts what passes through; fails the stream the moment it exceeds maxBytes. */
class Meter extends Transform {
  readonly hash: Hash = createHash("sha256");
  // Not "size": @aws-sdk/lib-storage reads a body's `size` as its total length up front.
  bytes = 0;
  failure: AppError | undefined;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.failure = tooLarge(this.maxBytes);
      callback(this.failure);
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

const toBuffer = (chunk: unknown): Buffer =>
  Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.from(String(chunk));

/**
 * Read at least `bytes` bytes (fewer only if the stream ends first) and put them back, so the
 * stream still yields the whole file from its first byte.
 */
async function peek(source: Readable, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < bytes && !source.readableEnded) {
    if (source.errored) throw source.errored;
    const chunk: unknown = source.read();
    if (chunk !== null) {
      chunks.push(toBuffer(chunk));
      length += chunks.at(-1)!.length;
      continue;
    }
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        source.off("readable", done).off("end", done).off("close", done).off("error", fail);
        resolve();
      };
      const fail = (error: Error) => {
        source.off("readable", done).off("end", done).off("close", done).off("error", fail);
        reject(error);
      };
      source.on("readable", done).on("end", done).on("close", done).on("error", fail);
    });
    if (source.destroyed && !source.readableEnded) throw source.errored ?? new Error("The upload stream closed before it ended.");
  }
  const head = Buffer.concat(chunks);
  if (head.length > 0) source.unshift(head);
  return head.subarray(0, bytes);
}

/**
 * Read and drop the rest of a refused upload (up to the size we would have accepted): cutting
 * the connection while the client is still sending would show it a network error, not our 415.
 */
function discard(source: Readable, maxBytes: number): void {
  let seen = 0;
  source.on("error", () => {});
  source.on("data", (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > maxBytes) source.destroy();
  });
  source.resume();
}

const interrupted = () => new AppError("INVALID_REQUEST", "The upload was interrupted before the whole file arrived; nothing was stored. Please try again.");

/** Store an uploaded document, returning where it is and what it is. See the comment at the top. */
export async function ingestDocument({ body, maxBytes, storage, allowedTypes = ACCEPTED_MEDIA_TYPES }: IngestOptions): Promise<IngestedDocument> {
  const source = body instanceof Readable ? body : Readable.fromWeb(body as WebReadableStream<Uint8Array>);

  let head: Buffer;
  try {
    head = await peek(source, SNIFF_BYTES);
  } catch {
    source.destroy();
    throw interrupted();
  }
  if (head.length === 0) {
    source.destroy();
    throw new AppError("INVALID_REQUEST", "The file is empty.");
  }
  const mediaType = sniffMediaType(head);
  if (!mediaType || !allowedTypes.includes(mediaType)) {
    discard(source, maxBytes);
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Only ${listLabels(allowedTypes)} documents are accepted; this file is ${describeContent(head)}.`);
  }

  const storageKey = newStorageKey();
  const meter = new Meter(maxBytes);
  // Whose error came first tells a client that went away (400) from a store that failed (500).
  let firstError: "source" | "meter" | undefined;
  source.once("error", () => (firstError ??= "source"));
  meter.once("error", () => (firstError ??= "meter"));
  const storing = storage.put(storageKey, meter, { contentType: mediaType }).catch((error: unknown) => {
    // A store that gives up without consuming the stream would leave the pipe waiting forever.
    meter.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  });
  const [piped, stored] = await Promise.allSettled([pipeline(source, meter), storing]);
  if (piped.status === "rejected" || stored.status === "rejected") {
    await storage.delete(storageKey).catch(() => {});
    if (meter.failure) throw meter.failure;
    if (firstError === "source") throw interrupted();
    throw stored.status === "rejected" ? stored.reason : (piped as PromiseRejectedResult).reason;
  }
  return { storageKey, sha256: meter.hash.digest("hex"), size: meter.bytes, mediaType };
}
