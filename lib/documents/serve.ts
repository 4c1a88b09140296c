import { createHash } from "node:crypto";
import { Transform, type TransformCallback, pipeline } from "node:stream";
import { AppError } from "@/lib/errors";
import type { DocumentStorage, StoredObject } from "@/lib/storage";
import { hashStoredFile } from "@/lib/verify/documents";

// Serving a document's bytes with a hash that is true of them. The stored file is hashed first
// (streamed): bytes that are not the recorded document are refused, never served under its name
// and hash. The bytes then served are hashed again on the way out, and a stream whose bytes
// changed in between (the file replaced mid-download) fails instead of completing.

export interface ServedDocument extends StoredObject {
  /** SHA-256 of the bytes being served: checked before and while serving. */
  sha256: string;
}

export class DocumentAltered extends AppError {
  constructor(
    readonly fileName: string,
    readonly storedSha256: string,
    readonly recordedSha256: string,
  ) {
    super(
      "CONFLICT",
      `${fileName} was not served: the stored file's SHA-256 is ${storedSha256} but the document's recorded (and anchored) hash is ${recordedSha256}. The file in storage is not the document that was presented; "Verify now" on the credit's audit page reports it.`,
    );
  }
}

/** Fails the stream at its end if what passed through does not hash to `expected`. */
export class HashCheck extends Transform {
  private readonly hash = createHash("sha256");

  constructor(
    private readonly expected: string,
    private readonly fileName: string,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const actual = this.hash.digest("hex");
    callback(actual === this.expected ? null : new Error(`${this.fileName}: the bytes served hash to ${actual}, not ${this.expected}; the download was cut off.`));
  }
}

export async function openVerifiedDocument(storage: DocumentStorage, document: { fileName: string; sha256: string; storageKey: string }): Promise<ServedDocument> {
  const actual = await hashStoredFile(storage, document.storageKey);
  if (actual === null) throw new AppError("NOT_FOUND", `${document.fileName}: the document's file is missing from storage.`);
  if (actual !== document.sha256) throw new DocumentAltered(document.fileName, actual, document.sha256);
  const file = await storage.get(document.storageKey);
  // pipeline, not pipe: a download cancelled by the client destroys the file stream (and closes
  // its handle) too, and a read error fails the response.
  const body = pipeline(file.body, new HashCheck(document.sha256, document.fileName), () => {});
  return { ...file, body, sha256: actual };
}
