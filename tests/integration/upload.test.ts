import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as upload } from "@/app/api/v1/credits/[creditId]/presentations/[presentationId]/documents/route";
import { GET as download } from "@/app/api/v1/documents/[documentId]/route";
import { createApiToken } from "@/lib/api/tokens";
import { resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import { ingestDocument } from "@/lib/documents/ingest";
import { AppError } from "@/lib/errors";
import { documentStorage } from "@/lib/storage";
import { LocalDocumentStorage } from "@/lib/storage/local";
import { S3DocumentStorage } from "@/lib/storage/s3";
import { sampleTerms } from "@/lib/terms/sample";
import { termsSchema } from "@/lib/terms/schema";
import { useTestDatabase } from "./support/database";
import { type World, createUser, createWorld, creditIn, invoiceData } from "./support/world";

// Uploads end to end: the real route handlers with API tokens, a real PostgreSQL, the real disk
// (a temporary STORAGE_DIR) and a real S3 protocol server (s3rver, in process on a free port).


useTestDatabase();

const MB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const pdf = (size: number) => Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(size - 9)]);

let base: string;
let root: string;
const savedStorageDir = process.env.STORAGE_DIR;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "tt-upload-"));
  // Deep enough that "../../etc/passwd" from the root still lands inside `base`, where we can look.
  root = path.join(base, "one", "two", "documents");
  process.env.STORAGE_DIR = root;
  resetConfigCache();
});

afterAll(async () => {
  if (savedStorageDir === undefined) delete process.env.STORAGE_DIR;
  else process.env.STORAGE_DIR = savedStorageDir;
  resetConfigCache();
  await rm(base, { recursive: true, force: true });
});

function localStorage(): LocalDocumentStorage {
  const storage = documentStorage();
  if (!(storage instanceof LocalDocumentStorage)) throw new Error("expected local storage in this test");
  return storage;
}

/** Every file under `dir`, recursively (directories left out). */
async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("ingestDocument into local storage", () => {
  it("streams 200 MB in constant memory, and its SHA-256 is the stored file's (per sha256sum)", async () => {
    const storage = localStorage();
    // Warm up: first-use allocations (modules, pools, directories) are not the upload's.
    await ingestDocument({ body: Readable.from([pdf(64 * 1024)]), maxBytes: MB, storage });

    const total = 200 * MB;
    // Generated on the fly as views into one 8 MB random block, at shifting offsets: the test
    // never holds the file, and its own chunks add no garbage to the memory being measured.
    const block = randomBytes(8 * MB);
    const start = process.memoryUsage();
    const peak = { rss: start.rss, arrayBuffers: start.arrayBuffers };
    const sample = () => {
      const now = process.memoryUsage();
      peak.rss = Math.max(peak.rss, now.rss);
      peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
    };
    async function* generate() {
      yield Buffer.from("%PDF-1.7\n");
      let sent = 9;
      let chunks = 0;
      while (sent < total) {
        const offset = (chunks * 65_543) % (block.length - 64 * 1024);
        const chunk = block.subarray(offset, offset + Math.min(64 * 1024, total - sent));
        sent += chunk.length;
        if (++chunks % 16 === 0) sample();
        yield chunk;
      }
    }
    const timer = setInterval(sample, 5);
    const stored = await ingestDocument({ body: Readable.from(generate()), maxBytes: 256 * MB, storage }).finally(() => clearInterval(timer));
    sample();

    expect(stored).toMatchObject({ size: total, mediaType: "application/pdf" });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((peak.rss - start.rss) / MB).toBeLessThan(64);
    expect((peak.arrayBuffers - start.arrayBuffers) / MB).toBeLessThan(64);

    const file = storage.pathFor(stored.storageKey);
    const { stdout } = await promisify(execFile)("sha256sum", [file]);
    expect(stdout.split(/\s+/)[0]).toBe(stored.sha256);
    // …and both are the hash of what was sent (the generator replays the same bytes).
    const sent = createHash("sha256");
    for await (const chunk of generate()) sent.update(chunk);
    expect(stored.sha256).toBe(sent.digest("hex"));
    await storage.delete(stored.storageKey);
  }, 120_000);

  it("refuses a file over the limit, removing what it had written", async () => {
    const storage = localStorage();
    const before = await filesUnder(root);
    const error = await refusal(ingestDocument({ body: Readable.from([pdf(MB), randomBytes(MB), randomBytes(MB)]), maxBytes: 2 * MB, storage }));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.status).toBe(413);
    expect(error.message).toBe("The file is larger than 2 MB, the largest we accept.");
    expect(await filesUnder(root)).toEqual(before);
  });

  it("accepts a file of exactly the limit", async () => {
    const storage = localStorage();
    const bytes = pdf(2 * MB);
    const stored = await ingestDocument({ body: Readable.from([bytes]), maxBytes: 2 * MB, storage });
    expect(stored.size).toBe(2 * MB);
    expect(stored.sha256).toBe(sha256(bytes));
    expect(sha256(await readFile(storage.pathFor(stored.storageKey)))).toBe(sha256(bytes));
    await storage.delete(stored.storageKey);
  });

  it("refuses executables and archives by their bytes, storing nothing", async () => {
    const storage = localStorage();
    const before = await filesUnder(root);
    for (const [head, what] of [
      [Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), "a Windows program"],
      [Buffer.from("\x7fELF\x02\x01\x01\x00", "latin1"), "a Linux program (ELF)"],
      [Buffer.from("PK\x03\x04\x14\x00", "latin1"), "a ZIP archive (or Word/Excel file)"],
    ] as const) {
      const body = Readable.from([head, randomBytes(100_000)]);
      const error = await refusal(ingestDocument({ body, maxBytes: MB, storage }));
      expect(error.status).toBe(415);
      expect(error.message).toBe(`Only PDF, PNG, JPEG and TIFF documents are accepted; this file is ${what}.`);
      // The rest is read and dropped, so an HTTP client still sending gets the 415, not a reset.
      await finished(body);
      expect(body.readableEnded).toBe(true);
    }
    expect(await filesUnder(root)).toEqual(before);
  });

  it("sniffs a signature split across tiny chunks, and the stored file still starts at byte one", async () => {
    const storage = localStorage();
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(5000)]);
    const pieces = [bytes.subarray(0, 1), bytes.subarray(1, 3), bytes.subarray(3, 9), bytes.subarray(9)];
    const stored = await ingestDocument({ body: Readable.from(pieces), maxBytes: MB, storage });
    expect(stored.mediaType).toBe("image/png");
    expect(Buffer.compare(await readFile(storage.pathFor(stored.storageKey)), bytes)).toBe(0);
    await storage.delete(stored.storageKey);
  });

  it("reads a web ReadableStream as well as a Node stream", async () => {
    const storage = localStorage();
    const bytes = Buffer.concat([Buffer.from("II*\0"), randomBytes(70_000)]);
    const stored = await ingestDocument({ body: new Blob([new Uint8Array(bytes)]).stream(), maxBytes: MB, storage });
    expect(stored).toMatchObject({ mediaType: "image/tiff", size: bytes.length, sha256: sha256(bytes) });
    await storage.delete(stored.storageKey);
  });

  it("refuses an empty file and a TIFF when only PDFs are allowed", async () => {
    const storage = localStorage();
    const empty = await refusal(ingestDocument({ body: Readable.from([]), maxBytes: MB, storage }));
    expect(empty.message).toBe("The file is empty.");
    const tiff = await refusal(ingestDocument({ body: Readable.from([Buffer.from("MM\0*\0\0\0\x08")]), maxBytes: MB, storage, allowedTypes: ["application/pdf"] }));
    expect(tiff.message).toBe("Only PDF documents are accepted; this file is a TIFF image.");
  });

  it("treats a client that goes away mid-upload as an interrupted upload, storing nothing", async () => {
    const storage = localStorage();
    const before = await filesUnder(root);
    async function* dropped() {
      yield pdf(256 * 1024);
      yield randomBytes(256 * 1024);
      throw new Error("socket hang up");
    }
    const error = await refusal(ingestDocument({ body: Readable.from(dropped()), maxBytes: 10 * MB, storage }));
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.message).toMatch(/interrupted/);
    expect(await filesUnder(root)).toEqual(before);
  });

  it("refuses any storage key that is not server-shaped or leaves the root", async () => {
    const storage = localStorage();
    for (const key of ["../../etc/passwd", "/etc/passwd", "2026/../../x", "2026/05/../../../x", ".incoming/x", "a//b", "a\\..\\b", ""]) {
      expect(() => storage.pathFor(key), key).toThrow(/Refusing storage key/);
      await expect(storage.put(key, Readable.from([Buffer.from("x")]), { contentType: "text/plain" })).rejects.toThrow(/Refusing storage key/);
    }
    expect(existsSync(path.join(base, "one", "etc"))).toBe(false);
  });

  it("never replaces a stored document", async () => {
    const storage = localStorage();
    const key = "2026/01/fixed-key";
    await storage.put(key, Readable.from([Buffer.from("first")]), { contentType: "text/plain" });
    await expect(storage.put(key, Readable.from([Buffer.from("second")]), { contentType: "text/plain" })).rejects.toThrow(/already stored/);
    expect(await readFile(storage.pathFor(key), "utf8")).toBe("first");
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the upload and download routes", () => {
  let world: World;
  let creditId: string;
  let presentationId: string;
  const tokens = {} as Record<"beneficiary" | "applicant" | "otherCorporate" | "otherBank", string>;

  beforeAll(async () => {
    world = await createWorld();
    const fixture = await creditIn(world, "ADVISED", { presentation: "DRAFT" });
    creditId = fixture.creditId;
    presentationId = fixture.presentationId!;
    // API tokens are for administrators and bank users; a corporate maker-admin uploads.
    const handle = randomBytes(4).toString("hex");
    tokens.beneficiary = (await createApiToken(await createUser(world.orgs.beneficiary, ["MAKER", "ADMIN"], `ben-${handle}`), "uploads", { scopes: ["read", "upload"] })).token;
    tokens.applicant = (await createApiToken(world.users.applicant.ADMIN, "reads", { scopes: ["read", "upload"] })).token;
    tokens.otherCorporate = (await createApiToken(world.users.otherCorporate.ADMIN, "snoop", { scopes: ["read", "upload"] })).token;
    tokens.otherBank = (await createApiToken(world.users.otherBank.MAKER, "snoop", { scopes: ["read", "upload"] })).token;
  });

  function post(body: BodyInit, fileName: string, token = tokens.beneficiary) {
    const terms = termsSchema.parse(sampleTerms());
    const query = new URLSearchParams({ kind: "COMMERCIAL_INVOICE", originals: "2", copies: "1", fileName, data: JSON.stringify(invoiceData(terms)) });
    const request = new Request(`http://localhost/api/v1/credits/${creditId}/presentations/${presentationId}/documents?${query}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
      body,
      duplex: "half",
    } as RequestInit);
    return upload(request, { params: Promise.resolve({ creditId, presentationId }) });
  }

  function get(documentId: string, token: string, query = "") {
    const request = new Request(`http://localhost/api/v1/documents/${documentId}${query}`, { headers: { authorization: `Bearer ${token}` } });
    return download(request, { params: Promise.resolve({ documentId }) });
  }

  it("refuses an executable named invoice.pdf with 415, storing and recording nothing", async () => {
    const before = await filesUnder(base);
    const documentsBefore = await db().document.count({ where: { presentationId } });
    const response = await post(Buffer.concat([Buffer.from("MZ\x90\x00", "latin1"), randomBytes(50_000)]), "invoice.pdf");
    expect(response.status).toBe(415);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Only PDF, PNG, JPEG and TIFF documents are accepted; this file is a Windows program." });
    expect(await filesUnder(base)).toEqual(before);
    expect(await db().document.count({ where: { presentationId } })).toBe(documentsBefore);
  });

  let documentId: string;
  let bytes: Buffer;

  it('stores "../../etc/passwd" under a server key inside the root, recording only "passwd.pdf"', async () => {
    const before = await filesUnder(base);
    bytes = pdf(300_000);
    const response = await post(new Blob([new Uint8Array(bytes)]).stream(), "../../etc/passwd");
    expect(response.status).toBe(201);
    const created = (await response.json()) as { documentId: string; sha256: string; size: number; mediaType: string };
    expect(created).toMatchObject({ sha256: sha256(bytes), size: bytes.length, mediaType: "application/pdf" });
    documentId = created.documentId;

    const document = await db().document.findUniqueOrThrow({ where: { id: documentId } });
    expect(document.fileName).toBe("passwd.pdf");
    expect(document.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(document).toMatchObject({ sha256: sha256(bytes), size: BigInt(bytes.length), mediaType: "application/pdf", originals: 2, copies: 1 });

    // Exactly one new file, the one behind the key, inside the root; nothing named passwd anywhere.
    const added = (await filesUnder(base)).filter((file) => !before.includes(file));
    expect(added).toEqual([path.join(root, document.storageKey)]);
    expect(added[0]!.startsWith(root + path.sep)).toBe(true);
    expect((await filesUnder(base)).some((file) => path.basename(file).includes("passwd"))).toBe(false);
    expect(existsSync(path.resolve(root, "../../etc/passwd"))).toBe(false);
    expect(sha256(await readFile(added[0]!))).toBe(sha256(bytes));
  });

  it("lets a party download it with the right headers and bytes", async () => {
    const response = await get(documentId, tokens.beneficiary);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="passwd.pdf"');
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(response.headers.get("x-content-sha256")).toBe(sha256(bytes));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(bytes));

    const inline = await get(documentId, tokens.beneficiary, "?inline=1");
    expect(inline.headers.get("content-disposition")).toBe('inline; filename="passwd.pdf"');
    await inline.body?.cancel();
  });

  it("refuses (403) organisations that are not parties, and the applicant while the presentation is a draft", async () => {
    for (const who of ["otherCorporate", "otherBank", "applicant"] as const) {
      const response = await get(documentId, tokens[who]);
      expect(response.status, who).toBe(403);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code, who).toBe("FORBIDDEN");
      expect(body.error.message, who).toMatch(who === "applicant" ? /stays with the beneficiary/ : /Only the parties/);
    }
  });

  /** The browser's form: the details as the body's first line, then the file (lib/documents/upload-body.ts). */
  function postInBody(details: Record<string, unknown>, file: Buffer) {
    const request = new Request(`http://localhost/api/v1/credits/${creditId}/presentations/${presentationId}/documents`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.beneficiary}`, "content-type": "application/octet-stream" },
      body: new Blob([JSON.stringify(details), "\n", new Uint8Array(file)]).stream(),
      duplex: "half",
    } as RequestInit);
    return upload(request, { params: Promise.resolve({ creditId, presentationId }) });
  }

  it("takes the details from the body's first line, and answers a 100,000-character description with its length", async () => {
    const before = await filesUnder(base);
    const documentsBefore = await db().document.count({ where: { presentationId } });
    const long = await postInBody({ kind: "OTHER", originals: 1, copies: 0, fileName: "statement.pdf", data: { title: "Statement", description: "x".repeat(100_000) } }, pdf(5_000));
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({ "data.description": "At most 1000 characters" });
    expect(await filesUnder(base)).toEqual(before);
    expect(await db().document.count({ where: { presentationId } })).toBe(documentsBefore);

    const bytes = pdf(20_000);
    const ok = await postInBody({ kind: "OTHER", originals: 1, copies: 2, fileName: "statement.pdf", data: { title: "Statement", description: "Shipped in full" } }, bytes);
    expect(ok.status).toBe(201);
    const created = (await ok.json()) as { documentId: string; sha256: string; size: number };
    expect(created).toMatchObject({ sha256: sha256(bytes), size: bytes.length });
    const document = await db().document.findUniqueOrThrow({ where: { id: created.documentId } });
    expect(document).toMatchObject({ kind: "OTHER", fileName: "statement.pdf", originals: 1, copies: 2 });
  });

  it("refuses an upload from an organisation that is not the beneficiary before storing a byte", async () => {
    const before = await filesUnder(base);
    const response = await post(pdf(10_000), "invoice.pdf", tokens.otherCorporate);
    expect([403, 404]).toContain(response.status);
    expect(await filesUnder(base)).toEqual(before);
  });

  it("refuses a non-party's upload before reading its body or calling storage, in both body layouts", async () => {
    // Refusing afterwards would leave no file either (the refused bytes are deleted), so the
    // test watches the two things only an early refusal avoids: reading the body, writing to storage.
    const put = vi.spyOn(LocalDocumentStorage.prototype, "put");
    const chunk = pdf(64 * 1024);
    let pulled = 0;
    const body = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled++;
          if (pulled > 40) controller.close();
          else controller.enqueue(pulled === 1 ? new Uint8Array(chunk) : new Uint8Array(64 * 1024));
        },
      });
    try {
      for (const inBody of [false, true]) {
        pulled = 0;
        const terms = termsSchema.parse(sampleTerms());
        const details = { kind: "COMMERCIAL_INVOICE", originals: 2, copies: 1, fileName: "invoice.pdf", data: invoiceData(terms) };
        const query = inBody ? "" : `?${new URLSearchParams({ ...details, originals: "2", copies: "1", data: JSON.stringify(details.data) })}`;
        const stream = inBody ? new Blob([JSON.stringify(details), "\n", new Uint8Array(chunk)]).stream() : body();
        const request = new Request(`http://localhost/api/v1/credits/${creditId}/presentations/${presentationId}/documents${query}`, {
          method: "POST",
          headers: { authorization: `Bearer ${tokens.otherCorporate}`, "content-type": "application/octet-stream" },
          body: stream,
          duplex: "half",
        } as RequestInit);
        const response = await upload(request, { params: Promise.resolve({ creditId, presentationId }) });
        expect([403, 404], inBody ? "details in the body" : "details in the query").toContain(response.status);
        if (!inBody) expect(pulled, "chunks of the body read before the refusal").toBeLessThanOrEqual(2);
      }
      expect(put).not.toHaveBeenCalled();
      // The same upload from the beneficiary does reach storage: the spy sees real writes.
      expect((await post(pdf(10_000), "invoice.pdf")).status).toBe(201);
      expect(put).toHaveBeenCalledTimes(1);
    } finally {
      put.mockRestore();
    }
  });
});

// s3rver ships no type declarations: the little we use of it, typed here.
interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

describe("S3-compatible storage (s3rver)", () => {
  let server: S3rverInstance;
  let storage: S3DocumentStorage;

  beforeAll(async () => {
    const S3rver = createRequire(import.meta.url)("s3rver") as S3rverConstructor;
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(base, "s3"), configureBuckets: [{ name: "documents" }] });
    const { port } = await server.run();
    storage = new S3DocumentStorage({
      bucket: "documents",
      region: "us-east-1",
      endpoint: `http://127.0.0.1:${port}`,
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      forcePathStyle: true,
    });
  });

  afterAll(async () => {
    storage?.destroy();
    await server?.close();
  });

  it("puts, gets, checks and deletes a small file", async () => {
    const key = "2026/05/small-file";
    const bytes = pdf(20_000);
    await storage.put(key, Readable.from([bytes]), { contentType: "application/pdf" });
    expect(await storage.exists(key)).toBe(true);
    const object = await storage.get(key);
    expect(object).toMatchObject({ size: bytes.length, contentType: "application/pdf" });
    const chunks: Buffer[] = [];
    for await (const chunk of object.body) chunks.push(chunk as Buffer);
    expect(Buffer.compare(Buffer.concat(chunks), bytes)).toBe(0);

    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("ingests a multipart-sized upload, and refuses an oversized one leaving no object", async () => {
    const bytes = pdf(12 * MB);
    const stored = await ingestDocument({ body: Readable.from([bytes.subarray(0, 5 * MB), bytes.subarray(5 * MB)]), maxBytes: 20 * MB, storage });
    expect(stored).toMatchObject({ size: bytes.length, sha256: sha256(bytes) });
    const object = await storage.get(stored.storageKey);
    const hash = createHash("sha256");
    for await (const chunk of object.body) hash.update(chunk as Buffer);
    expect(hash.digest("hex")).toBe(sha256(bytes));

    // s3rver keeps objects and multipart parts as files: the refused upload must add none.
    const before = await filesUnder(path.join(base, "s3"));
    const error = await refusal(ingestDocument({ body: Readable.from([bytes]), maxBytes: 8 * MB, storage }));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await filesUnder(path.join(base, "s3"))).toEqual(before);
  }, 60_000);
});
