import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { DocumentStorage } from "@/lib/storage";
import { DocumentAltered, HashCheck, openVerifiedDocument } from "./serve";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

/** Storage whose reads return the next of `versions` (the file replaced between two reads). */
function storageReturning(...versions: string[]): DocumentStorage {
  let reads = 0;
  return {
    put: async () => {},
    delete: async () => {},
    exists: async () => versions.length > 0,
    get: async () => {
      if (versions.length === 0) throw new AppError("NOT_FOUND", "missing");
      const body = versions[Math.min(reads++, versions.length - 1)]!;
      return { body: Readable.from([Buffer.from(body)]), size: body.length, contentType: "application/pdf" };
    },
  };
}

describe("openVerifiedDocument", () => {
  const document = { fileName: "invoice.pdf", sha256: sha("%PDF invoice"), storageKey: "2026/11/x" };

  it("serves the stored bytes with the hash of exactly those bytes", async () => {
    const served = await openVerifiedDocument(storageReturning("%PDF invoice"), document);
    expect(served.sha256).toBe(document.sha256);
    expect(await text(served.body)).toBe("%PDF invoice");
  });

  it("refuses (409) a stored file that is not the recorded document, naming the file and both hashes", async () => {
    const error = await openVerifiedDocument(storageReturning("%PDF forged"), document).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentAltered);
    expect((error as AppError).status).toBe(409);
    expect((error as AppError).message).toContain(`invoice.pdf was not served: the stored file's SHA-256 is ${sha("%PDF forged")} but the document's recorded (and anchored) hash is ${document.sha256}`);
  });

  it("says the file is missing (404) when storage holds nothing", async () => {
    await expect(openVerifiedDocument(storageReturning(), document)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cuts the download off when the file is replaced between the check and the serving", async () => {
    const served = await openVerifiedDocument(storageReturning("%PDF invoice", "%PDF forged!"), document);
    await expect(text(served.body)).rejects.toThrow(/the bytes served hash to .* not .*; the download was cut off/);
  });
});

describe("a download cancelled by the client", () => {
  it("destroys the stored file's stream too, so its handle is closed", async () => {
    let source: Readable | undefined;
    const storage: DocumentStorage = {
      ...storageReturning("%PDF invoice"),
      get: async () => {
        source = new Readable({ read() {} }); // a file that never ends by itself
        source.push(Buffer.from("%PDF invoice"));
        return { body: source, size: 12, contentType: "application/pdf" };
      },
      exists: async () => true,
    };
    const document = { fileName: "invoice.pdf", sha256: sha("%PDF invoice"), storageKey: "k" };
    // The hashing pass needs an ending stream: answer it first, then the never-ending one.
    let reads = 0;
    const twoReads: DocumentStorage = { ...storage, get: async (key) => (reads++ === 0 ? storageReturning("%PDF invoice").get(key) : storage.get(key)) };
    const served = await openVerifiedDocument(twoReads, document);
    served.body.destroy();
    await new Promise((r) => setImmediate(r));
    expect(source!.destroyed).toBe(true);
  });
});

describe("HashCheck", () => {
  it("passes bytes through unchanged and ends cleanly when they hash as expected", async () => {
    expect(await text(Readable.from([Buffer.from("ab"), Buffer.from("c")]).pipe(new HashCheck(sha("abc"), "x")))).toBe("abc");
  });
});
