import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { GET as lookupRoute } from "@/app/api/public/documents/[sha256]/route";
import { GET as download } from "@/app/api/v1/documents/[documentId]/route";
import { createApiToken } from "@/lib/api/tokens";
import { documentCommitment } from "@/lib/anchoring/document-commitment";
import { buildBatch, verifyInclusion } from "@/lib/anchoring/merkle";
import { appendMilestone } from "@/lib/anchoring/record";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import { ingestDocument } from "@/lib/documents/ingest";
import { documentStorage } from "@/lib/storage";
import { sampleTerms } from "@/lib/terms/sample";
import { termsSchema } from "@/lib/terms/schema";
import { LocalDocumentStorage } from "@/lib/storage/local";
import { checkDocumentAnchoring } from "@/lib/verify/document-proof";
import { lookupDocumentHash } from "@/lib/verify/document-lookup";
import { checkCreditDocuments } from "@/lib/verify/documents";
import { verifyCreditNow } from "@/lib/verify/live";
import { exportProofBundle } from "@/lib/verify/export";
import { grantAuditAccess, revokeAuditAccess } from "@/lib/audit/grants";
import { appChain } from "@/lib/chain/app-chain";
import { AppError } from "@/lib/errors";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { anchorEverything as anchorAll, withTriggersOff } from "./support/tamper";
import { type World, createUser, createWorld, creditIn, invoiceData } from "./support/world";

// Documents bound to the trail, on a real PostgreSQL, a real disk and a real anvil chain: each
// presented document gets a commitment of its own in the anchored batch tree; its stored bytes are
// re-hashed against the anchored hashes; the public lookup says only where to look, and the
// verdict comes from the chain. Tampering is done as a superuser would, behind the app's back.

const database = useTestDatabase();
let world: World;
let chain: ChainFixture;
let worker: AnchoringWorker;
let base: string;
const saved = { STORAGE_DIR: process.env.STORAGE_DIR, CHAIN_RPC_URL: process.env.CHAIN_RPC_URL, ANCHOR_CONTRACT_ADDRESS: process.env.ANCHOR_CONTRACT_ADDRESS };

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const pdf = (label: string) => Buffer.concat([Buffer.from(`%PDF-1.7\n% ${label}\n`), randomBytes(20_000)]);

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "tt-docs-bound-"));
  world = await createWorld();
  chain = await deployedRegistry();
  process.env.STORAGE_DIR = path.join(base, "documents");
  process.env.CHAIN_RPC_URL = chain.rpcUrl;
  process.env.ANCHOR_CONTRACT_ADDRESS = chain.address;
  resetConfigCache();
  worker = new AnchoringWorker(
    { provider: chain.provider, registry: chain.registry, chainId: chain.chainId, contractAddress: chain.address },
    { batchSize: 64, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 5_000 },
  );
});

afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetConfigCache();
  await rm(base, { recursive: true, force: true });
});

/** Runs SQL as a superuser with every trigger off: what the operator, our adversary, can do. */
async function behindTheAppsBack(statements: [string, unknown[]?][]): Promise<void> {
  await withTriggersOff(database.url(), statements);
}

const anchorEverything = () => anchorAll(worker);

function localStorage(): LocalDocumentStorage {
  const storage = documentStorage();
  if (!(storage instanceof LocalDocumentStorage)) throw new Error("expected local storage");
  return storage;
}

interface StoredDocument {
  id: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
  storageKey: string;
}

async function addDocument(creditId: string, presentationId: string, fileName: string, kind: DocumentKind): Promise<StoredDocument> {
  const bytes = pdf(`${fileName} ${randomUUID()}`);
  const stored = await ingestDocument({ body: Readable.from([bytes]), maxBytes: 1024 * 1024, storage: documentStorage() });
  const row = await db().document.create({
    data: {
      creditId,
      presentationId,
      kind,
      fileName,
      mediaType: stored.mediaType,
      size: BigInt(stored.size),
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      data: kind === "COMMERCIAL_INVOICE" ? invoiceData(termsSchema.parse(sampleTerms())) : {},
      uploadedById: world.users.beneficiary.MAKER.userId,
    },
  });
  return { id: row.id, fileName, bytes, sha256: stored.sha256, storageKey: stored.storageKey };
}

/**
 * A credit whose first presentation (invoice, bill of lading, packing list) was presented and
 * anchored, plus a second presentation still in draft with one document.
 */
async function presentedCredit(options: { anchored?: boolean } = {}) {
  const { creditId, presentationId, documentId } = await creditIn(world, "ADVISED", { presentation: "DRAFT" });
  // creditIn's placeholder document has no file: take it out of the draft, as removeDocument does.
  await db().document.update({ where: { id: documentId! }, data: { presentationId: null } });
  const docs = {
    invoice: await addDocument(creditId, presentationId!, "invoice.pdf", "COMMERCIAL_INVOICE"),
    billOfLading: await addDocument(creditId, presentationId!, "bill-of-lading.pdf", "BILL_OF_LADING"),
    packingList: await addDocument(creditId, presentationId!, "packing-list.pdf", "PACKING_LIST"),
  };
  await db().$transaction(async (tx) => {
    await tx.presentation.update({ where: { id: presentationId! }, data: { status: "PRESENTED", presentedAt: new Date() } });
    await appendMilestone(tx, {
      creditId,
      kind: "DOCUMENTS_PRESENTED",
      subjectId: presentationId!,
      content: { presentationNumber: 1 },
      documentHashes: Object.values(docs).map((d) => d.sha256),
    });
  });
  const draft = await db().presentation.create({ data: { creditId, number: 2, status: "DRAFT" } });
  const unpresented = await addDocument(creditId, draft.id, "draft-invoice.pdf", "COMMERCIAL_INVOICE");
  if (options.anchored !== false) await anchorEverything();
  return { creditId, presentationId: presentationId!, docs, unpresented };
}

const byName = (documents: { fileName: string; status: string }[]) => Object.fromEntries(documents.map((d) => [d.fileName, d.status]));

async function bothChecks(creditId: string) {
  const direct = await checkCreditDocuments(creditId);
  const live = await verifyCreditNow(world.users.issuingBank.MAKER, creditId);
  expect(byName(live.documents.documents)).toEqual(byName(direct.documents));
  return { direct, live };
}

describe("document commitments in the batch tree", () => {
  it("adds one leaf per new document hash (leafCount = milestones + documents), with a proof to the anchored root, once per hash", async () => {
    const { creditId, presentationId, docs } = await presentedCredit();
    const hashes = Object.values(docs).map((d) => d.sha256);
    const anchors = await db().documentAnchor.findMany({ where: { sha256: { in: hashes } }, include: { batch: true } });
    expect(anchors).toHaveLength(3);
    const batch = anchors[0]!.batch;
    expect(anchors.every((a) => a.batchId === batch.id)).toBe(true);
    const milestones = await db().milestone.count({ where: { batchId: batch.id } });
    expect(batch.leafCount).toBe(milestones + 3);
    expect((await chain.registry.anchorOf(batch.root))?.leafCount).toBe(milestones + 3);
    for (const a of anchors) {
      expect(a.commitment).toBe(documentCommitment(a.sha256));
      expect(verifyInclusion(batch.root, a.commitment, a.proof)).toBe(true);
    }
    // The unpresented draft document is committed nowhere.
    expect(await db().documentAnchor.count({ where: { sha256: { notIn: hashes }, batchId: batch.id } })).toBe(0);

    // A later milestone committing to the same documents adds no second commitment.
    await db().$transaction((tx) =>
      appendMilestone(tx, { creditId, kind: "PRESENTATION_COMPLIANT", subjectId: presentationId, content: { presentationNumber: 1 }, documentHashes: hashes }),
    );
    await anchorEverything();
    const later = await db().milestone.findFirstOrThrow({ where: { creditId, kind: "PRESENTATION_COMPLIANT" }, include: { batch: true } });
    expect(later.batch!.leafCount).toBe(await db().milestone.count({ where: { batchId: later.batchId } }));
    expect(await db().documentAnchor.count({ where: { sha256: { in: hashes } } })).toBe(3);

    // Append-only: the application cannot rewrite or delete a commitment.
    await expect(db().documentAnchor.updateMany({ where: { sha256: hashes[0]! }, data: { proof: [] } })).rejects.toThrow(/append-only/);
    await expect(db().documentAnchor.deleteMany({ where: { sha256: hashes[0]! } })).rejects.toThrow(/append-only/);
  });
});

describe("drill (g): stored files re-hashed against the anchored hashes", () => {
  it("verifies every presented document of an untouched credit and leaves the draft presentation's document out", async () => {
    const { creditId, unpresented } = await presentedCredit();
    const { direct, live } = await bothChecks(creditId);
    expect(byName(direct.documents)).toEqual({ "invoice.pdf": "verified", "bill-of-lading.pdf": "verified", "packing-list.pdf": "verified" });
    expect(direct.documents.some((d) => d.documentId === unpresented.id)).toBe(false);
    expect(direct.ok).toBe(true);
    expect(live.ok).toBe(true);
  });

  it("reports the document whose bytes on disk were replaced as altered, by name; the others stay verified", async () => {
    const { creditId, docs } = await presentedCredit();
    const forged = pdf("forged invoice");
    await writeFile(localStorage().pathFor(docs.invoice.storageKey), forged);
    const { direct, live } = await bothChecks(creditId);
    expect(byName(live.documents.documents)).toEqual({ "invoice.pdf": "altered", "bill-of-lading.pdf": "verified", "packing-list.pdf": "verified" });
    const invoice = direct.documents.find((d) => d.fileName === "invoice.pdf")!;
    expect(invoice.reason).toBe(`invoice.pdf: the stored file's SHA-256 is ${sha256(forged)} but the anchored hash is ${docs.invoice.sha256}.`);
    // The milestones themselves are intact: only the document check sees this.
    expect(live.results.every((r) => r.status === "verified")).toBe(true);
  });

  it("reports both documents whose storage keys were swapped (as superuser) as altered, naming whose bytes each now serves", async () => {
    const { creditId, docs } = await presentedCredit();
    const parked = `parked/${randomUUID()}`;
    await behindTheAppsBack([
      ["UPDATE documents SET storage_key = $1 WHERE id = $2", [parked, docs.invoice.id]],
      ["UPDATE documents SET storage_key = $1 WHERE id = $2", [docs.invoice.storageKey, docs.billOfLading.id]],
      ["UPDATE documents SET storage_key = $1 WHERE id = $2", [docs.billOfLading.storageKey, docs.invoice.id]],
    ]);
    const { direct } = await bothChecks(creditId);
    expect(byName(direct.documents)).toEqual({ "invoice.pdf": "altered", "bill-of-lading.pdf": "altered", "packing-list.pdf": "verified" });
    const invoice = direct.documents.find((d) => d.fileName === "invoice.pdf")!;
    expect(invoice.reason).toBe(`invoice.pdf: the stored file's SHA-256 is ${docs.billOfLading.sha256} (the bytes of bill-of-lading.pdf) but the anchored hash is ${docs.invoice.sha256}.`);
  });

  it("reports a document whose file and recorded hash were replaced together (as superuser) as altered: the anchored milestone knows the original", async () => {
    const { creditId, docs } = await presentedCredit();
    const forged = pdf("forged bill of lading");
    await writeFile(localStorage().pathFor(docs.billOfLading.storageKey), forged);
    await behindTheAppsBack([["UPDATE documents SET sha256 = $1, size = $2 WHERE id = $3", [sha256(forged), forged.length, docs.billOfLading.id]]]);
    const { direct, live } = await bothChecks(creditId);
    expect(byName(direct.documents)).toEqual({ "invoice.pdf": "verified", "bill-of-lading.pdf": "altered", "packing-list.pdf": "verified" });
    expect(live.documents.documents.find((d) => d.fileName === "bill-of-lading.pdf")!.reason).toMatch(
      /^bill-of-lading\.pdf: the recorded hash [0-9a-f]{64} matches the stored file, but the presentation's anchored milestones commit to other hashes .*: the file and its record were replaced together\.$/,
    );
  });

  it("reports a recorded hash swapped between two documents (as superuser) as altered, for both", async () => {
    const { creditId, docs } = await presentedCredit();
    await behindTheAppsBack([
      ["UPDATE documents SET sha256 = $1 WHERE id = $2", [docs.packingList.sha256, docs.invoice.id]],
      ["UPDATE documents SET sha256 = $1 WHERE id = $2", [docs.invoice.sha256, docs.packingList.id]],
    ]);
    const { live } = await bothChecks(creditId);
    expect(byName(live.documents.documents)).toEqual({ "invoice.pdf": "altered", "bill-of-lading.pdf": "verified", "packing-list.pdf": "altered" });
  });

  it("reports a deleted file as missing, by name", async () => {
    const { creditId, docs } = await presentedCredit();
    await localStorage().delete(docs.packingList.storageKey);
    const { direct } = await bothChecks(creditId);
    expect(byName(direct.documents)).toEqual({ "invoice.pdf": "verified", "bill-of-lading.pdf": "verified", "packing-list.pdf": "missing" });
    expect(direct.documents.find((d) => d.fileName === "packing-list.pdf")!.reason).toMatch(/^packing-list\.pdf: the stored file is missing/);
  });
});

describe("documents not vouched for by the chain, and what each reason says", () => {
  it("reports the documents of a presentation not anchored yet as not anchored, and a file replaced meanwhile as altered", async () => {
    const { creditId, docs } = await presentedCredit({ anchored: false });
    const forged = pdf("forged before anchoring");
    await writeFile(localStorage().pathFor(docs.packingList.storageKey), forged);
    const direct = await checkCreditDocuments(creditId);
    expect(byName(direct.documents)).toEqual({ "invoice.pdf": "not-anchored", "bill-of-lading.pdf": "not-anchored", "packing-list.pdf": "altered" });
    expect(direct.documents.find((d) => d.fileName === "invoice.pdf")!.reason).toBe("invoice.pdf: no anchored milestone of its presentation commits to it yet.");
    expect(direct.documents.find((d) => d.fileName === "packing-list.pdf")).toMatchObject({
      storedSha256: sha256(forged),
      recordedSha256: docs.packingList.sha256,
      reason: `packing-list.pdf: the stored file's SHA-256 is ${sha256(forged)} but the recorded hash is ${docs.packingList.sha256}; no anchored milestone covers it yet.`,
    });
    expect(direct.counts).toEqual({ "not-anchored": 2, altered: 1 });
    expect(direct.ok).toBe(false);
    // "Verify now": the milestones are pending, so no hash is vouched for.
    const live = await verifyCreditNow(world.users.issuingBank.MAKER, creditId);
    expect(live.results.every((r) => r.status === "pending")).toBe(true);
    expect(live.documents.documents.find((d) => d.fileName === "invoice.pdf")!.reason).toBe(
      "invoice.pdf: no anchored milestone of its presentation commits to it yet (or none that verified against the chain).",
    );
  });

  it("counts only the hashes of milestones that verified against the chain when told which did", async () => {
    const { creditId, presentationId } = await presentedCredit();
    const { seq } = await db().milestone.findFirstOrThrow({ where: { creditId, subjectId: presentationId, kind: "DOCUMENTS_PRESENTED" } });
    const none = await checkCreditDocuments(creditId, { anchoredSeqs: new Set([seq + 100]) });
    expect(byName(none.documents)).toEqual({ "invoice.pdf": "not-anchored", "bill-of-lading.pdf": "not-anchored", "packing-list.pdf": "not-anchored" });
    expect(none.documents[0]!.reason).toBe("invoice.pdf: no anchored milestone of its presentation commits to it yet (or none that verified against the chain).");
    const verified = await checkCreditDocuments(creditId, { anchoredSeqs: new Set([seq]) });
    expect(verified.counts).toEqual({ verified: 3 });
    expect(verified.ok).toBe(true);
    // In upload order, each named, with both hashes.
    expect(verified.documents.map((d) => [d.fileName, d.kind])).toEqual([
      ["invoice.pdf", "COMMERCIAL_INVOICE"],
      ["bill-of-lading.pdf", "BILL_OF_LADING"],
      ["packing-list.pdf", "PACKING_LIST"],
    ]);
  });

  it("says exactly what changed: a rewritten recorded hash, or a file and hash that are neither anchored", async () => {
    const { creditId, docs } = await presentedCredit();
    const invented = sha256(pdf("invented"));
    const forged = pdf("forged packing list");
    await writeFile(localStorage().pathFor(docs.packingList.storageKey), forged);
    const otherInvented = sha256(pdf("invented too"));
    await behindTheAppsBack([
      ["UPDATE documents SET sha256 = $1 WHERE id = $2", [invented, docs.invoice.id]],
      ["UPDATE documents SET sha256 = $1 WHERE id = $2", [otherInvented, docs.packingList.id]],
    ]);
    const { direct } = await bothChecks(creditId);
    expect(byName(direct.documents)).toEqual({ "invoice.pdf": "altered", "bill-of-lading.pdf": "verified", "packing-list.pdf": "altered" });
    const reasons = Object.fromEntries(direct.documents.map((d) => [d.fileName, d.reason]));
    expect(reasons["invoice.pdf"]).toBe(`invoice.pdf: the recorded hash was changed to ${invented}; the stored file still hashes to the anchored ${docs.invoice.sha256}.`);
    const anchoredList = [docs.invoice.sha256, docs.billOfLading.sha256, docs.packingList.sha256].sort().join(", ");
    expect(reasons["packing-list.pdf"]).toBe(
      `packing-list.pdf: the stored file's SHA-256 is ${sha256(forged)}, the recorded hash is ${otherInvented}, and neither is among the anchored hashes (${anchoredList}).`,
    );
    expect(reasons["bill-of-lading.pdf"]).toBe(`bill-of-lading.pdf: the stored file's SHA-256 is the anchored hash ${docs.billOfLading.sha256}.`);
    expect(direct.counts).toEqual({ altered: 2, verified: 1 });
    expect(direct.ok).toBe(false);
    // In upload order, though the rewritten rows now sit elsewhere in the table; each by its id.
    expect(direct.documents.map((d) => [d.fileName, d.documentId])).toEqual([
      ["invoice.pdf", docs.invoice.id],
      ["bill-of-lading.pdf", docs.billOfLading.id],
      ["packing-list.pdf", docs.packingList.id],
    ]);
  });

  it("reports a file that storage cannot read as missing, with storage's first line, never as verified", async () => {
    const { creditId } = await presentedCredit();
    const failing = (error: unknown) => ({ ...documentStorage(), get: async () => Promise.reject(error) }) as unknown as ReturnType<typeof documentStorage>;
    const broken = await checkCreditDocuments(creditId, { storage: failing(new Error("disk on fire\n    at read (storage.ts:1)")) });
    expect(byName(broken.documents)).toEqual({ "invoice.pdf": "missing", "bill-of-lading.pdf": "missing", "packing-list.pdf": "missing" });
    expect(broken.documents[0]).toMatchObject({ storedSha256: null, reason: "invoice.pdf: the stored file could not be read (disk on fire)." });
    const odd = await checkCreditDocuments(creditId, { storage: failing("refused") });
    expect(odd.documents[0]!.reason).toBe("invoice.pdf: the stored file could not be read (refused).");
    expect(odd.ok).toBe(false);
  });

  it("tells a missing file (storage's NOT_FOUND) from storage refusing, and releases each file it reads", async () => {
    const { creditId, docs } = await presentedCredit();
    const failing = (error: unknown) => ({ ...documentStorage(), get: async () => Promise.reject(error) }) as unknown as ReturnType<typeof documentStorage>;
    const refused = await checkCreditDocuments(creditId, { storage: failing(new AppError("UNAVAILABLE", "storage is read-only today")) });
    expect(refused.documents[0]!.reason).toBe("invoice.pdf: the stored file could not be read (storage is read-only today).");
    const lookalike = await checkCreditDocuments(creditId, { storage: failing(Object.assign(new Error("gone"), { code: "NOT_FOUND" })) });
    expect(lookalike.documents[0]!.reason).toBe("invoice.pdf: the stored file could not be read (gone).");

    const bodies: Readable[] = [];
    const storage = localStorage();
    const tracking = {
      get: async (key: string) => {
        const bytes = await new Promise<Buffer>((resolve, reject) => {
          storage.get(key).then(async (file) => {
            const chunks: Buffer[] = [];
            for await (const chunk of file.body) chunks.push(chunk as Buffer);
            resolve(Buffer.concat(chunks));
          }, reject);
        });
        const body = new Readable({ autoDestroy: false, read() { this.push(bytes); this.push(null); } });
        bodies.push(body);
        return { body };
      },
    } as unknown as ReturnType<typeof documentStorage>;
    expect((await checkCreditDocuments(creditId, { storage: tracking })).counts).toEqual({ verified: 3 });
    expect(bodies).toHaveLength(3);
    expect(bodies.every((b) => b.destroyed)).toBe(true);
    void docs;
  });

  it("says a presentation's anchored milestone commits to no hashes as \"none\"", async () => {
    const { creditId, presentationId, docs } = await presentedCredit();
    await behindTheAppsBack([["UPDATE milestones SET document_hashes = '{}' WHERE credit_id = $1 AND subject_id = $2", [creditId, presentationId]]]);
    const { documents } = await checkCreditDocuments(creditId);
    expect(documents[0]!.reason).toBe(
      `invoice.pdf: the recorded hash ${docs.invoice.sha256} matches the stored file, but the presentation's anchored milestones commit to other hashes (none): the file and its record were replaced together.`,
    );
  });

  it("says the file is missing with its storage key and recorded hash", async () => {
    const { creditId, docs } = await presentedCredit();
    await localStorage().delete(docs.invoice.storageKey);
    const { documents } = await checkCreditDocuments(creditId);
    expect(documents[0]).toMatchObject({
      status: "missing",
      storedSha256: null,
      reason: `invoice.pdf: the stored file is missing (storage key ${docs.invoice.storageKey}); the recorded hash is ${docs.invoice.sha256}.`,
    });
  });
});

describe("Verify now and the exported bundle", () => {
  const DAY = 24 * 60 * 60 * 1000;
  const logged = (creditId: string, action: string) => db().auditLogEntry.findMany({ where: { creditId, action }, select: { actorId: true, data: true } });

  it("answers with what it checked, on which chain and at which head; logs an auditor's use, not a party's", async () => {
    const { creditId } = await presentedCredit();
    const before = await chain.provider.getBlockNumber();
    const t0 = Date.now();
    const live = await verifyCreditNow(world.users.issuingBank.MAKER, creditId);
    const t1 = Date.now();
    expect(live).toMatchObject({ creditId, chainId: "31337", contractAddress: chain.address, ok: true });
    expect(live.head).toBeGreaterThanOrEqual(before);
    expect(live.head).toBeLessThanOrEqual(await chain.provider.getBlockNumber());
    expect(Date.parse(live.checkedAt)).toBeGreaterThanOrEqual(t0);
    expect(Date.parse(live.checkedAt)).toBeLessThanOrEqual(t1);
    expect(live.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(live.elapsedMs).toBeLessThanOrEqual(t1 - t0);
    const milestones = live.results.length;
    expect(milestones).toBeGreaterThan(0);
    expect(await logged(creditId, "verify")).toEqual([]);
    await exportProofBundle(world.users.issuingBank.MAKER, creditId);
    expect(await logged(creditId, "export-bundle")).toEqual([]);

    const grant = await grantAuditAccess(world.users.issuingBank.ADMIN, { auditorId: world.orgs.auditor, creditId, validUntil: new Date(Date.now() + DAY) });
    const auditor = world.users.auditor.VIEWER;
    expect((await verifyCreditNow(auditor, creditId)).ok).toBe(true);
    expect(await logged(creditId, "verify")).toEqual([{ actorId: auditor.userId, data: { milestones } }]);
    expect((await exportProofBundle(auditor, creditId)).milestones).toHaveLength(milestones);
    expect(await logged(creditId, "export-bundle")).toEqual([{ actorId: auditor.userId, data: { milestones } }]);
    await revokeAuditAccess(world.users.issuingBank.ADMIN, grant.id);
  });

  it("lets only milestones that verified on chain vouch for a document", async () => {
    const { creditId, presentationId } = await presentedCredit();
    await behindTheAppsBack([["UPDATE milestones SET content = '{\"presentationNumber\": 2}'::jsonb WHERE credit_id = $1 AND subject_id = $2", [creditId, presentationId]]]);
    const live = await verifyCreditNow(world.users.issuingBank.MAKER, creditId);
    expect(live.results.find((r) => r.kind === "DOCUMENTS_PRESENTED")!.status).toBe("altered");
    expect(byName(live.documents.documents)).toEqual({ "invoice.pdf": "not-anchored", "bill-of-lading.pdf": "not-anchored", "packing-list.pdf": "not-anchored" });
    // The database alone still says the milestone is anchored.
    expect((await checkCreditDocuments(creditId)).ok).toBe(true);
  });

  it("checks nothing and says so when the chain's endpoint does not answer", async () => {
    const { creditId } = await presentedCredit({ anchored: false });
    process.env.CHAIN_RPC_URL = "http://127.0.0.1:9/";
    resetConfigCache();
    try {
      const error = await verifyCreditNow(world.users.issuingBank.MAKER, creditId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "UNAVAILABLE", message: "The chain's RPC endpoint does not answer. Nothing was checked; try again later." });
    } finally {
      appChain().provider.destroy();
      process.env.CHAIN_RPC_URL = chain.rpcUrl;
      resetConfigCache();
    }
  });

  it("exports a milestone whose batch is not confirmed as pending: no proof, root, transaction or block", async () => {
    const { creditId } = await presentedCredit({ anchored: false });
    const credit = await db().credit.findUniqueOrThrow({ where: { id: creditId } });
    const t0 = Date.now();
    const pending = await exportProofBundle(world.users.issuingBank.MAKER, creditId);
    expect(pending).toMatchObject({ format: "tradetrail.proof-bundle", version: 4, chain: { chainId: "31337", contractAddress: chain.address }, credit: { id: creditId, reference: credit.reference } });
    expect(Date.parse(pending.exportedAt)).toBeGreaterThanOrEqual(t0);
    const last = pending.milestones.at(-1)!;
    expect(last).toMatchObject({ kind: "DOCUMENTS_PRESENTED", proof: [], root: null, txHash: null, blockNumber: null });
    const row = await db().milestone.findFirstOrThrow({ where: { creditId, seq: last.seq } });
    expect(last).toMatchObject({ seq: row.seq, digest: row.digest, salt: row.salt, prevDigest: row.prevDigest, documentHashes: row.documentHashes, content: row.content, recordedAt: row.createdAt.toISOString() });

    await anchorEverything();
    const confirmed = (await exportProofBundle(world.users.issuingBank.MAKER, creditId)).milestones.at(-1)!;
    const anchored = await db().milestone.findFirstOrThrow({ where: { creditId, seq: last.seq }, include: { batch: true } });
    expect(confirmed).toMatchObject({ proof: anchored.proof, root: anchored.batch!.root, txHash: anchored.batch!.txHash, blockNumber: Number(anchored.batch!.blockNumber) });
    expect(confirmed.root).not.toBeNull();
    // A batch back to SENDING (its transaction dropped by a reorg): pending again in the bundle.
    await behindTheAppsBack([["UPDATE anchor_batches SET status = 'SENDING' WHERE id = $1", [anchored.batchId]]]);
    try {
      const again = (await exportProofBundle(world.users.issuingBank.MAKER, creditId)).milestones.at(-1)!;
      expect(again).toMatchObject({ proof: [], root: null, txHash: null, blockNumber: null, digest: anchored.digest });
    } finally {
      await behindTheAppsBack([["UPDATE anchor_batches SET status = 'CONFIRMED' WHERE id = $1", [anchored.batchId]]]);
    }
  });
});

describe("drill (j): the public lookup says where to look; the chain decides", () => {
  const verdictFor = async (hash: string) => checkDocumentAnchoring({ sha256: hash, lookup: await lookupDocumentHash(hash), contractAddress: chain.address, runner: chain.provider });

  it("finds a genuine document anchored, with the chain's time and block", async () => {
    const { docs } = await presentedCredit();
    const anchor = await db().documentAnchor.findFirstOrThrow({ where: { sha256: docs.invoice.sha256 }, include: { batch: true } });
    const verdict = await verdictFor(docs.invoice.sha256);
    const block = await chain.provider.getBlock(Number(anchor.batch.blockNumber));
    expect(verdict).toMatchObject({
      status: "anchored",
      root: anchor.batch.root,
      blockNumber: Number(anchor.batch.blockNumber),
      anchoredAt: new Date(block!.timestamp * 1000).toISOString(),
      contractAddress: chain.address,
      chainId: chain.chainId.toString(),
    });
    // With the published anchorer list: the worker's key counts, nobody else's would.
    const lookup = await lookupDocumentHash(docs.invoice.sha256);
    const withAnchorers = (allowedAnchorers: string[]) => checkDocumentAnchoring({ sha256: docs.invoice.sha256, lookup, contractAddress: chain.address, allowedAnchorers, runner: chain.provider });
    expect((await withAnchorers([await chain.signer.getAddress()])).status).toBe("anchored");
    expect((await withAnchorers([await chain.admin.getAddress()])).status).toBe("not-anchored");
  });

  it("the lookup answers, for a hash in any case, the commitment and each confirmed batch holding it; a malformed hash is refused", async () => {
    const { docs } = await presentedCredit();
    const anchor = await db().documentAnchor.findFirstOrThrow({ where: { sha256: docs.invoice.sha256 }, include: { batch: true } });
    const expected = {
      sha256: docs.invoice.sha256,
      commitment: documentCommitment(docs.invoice.sha256),
      anchors: [{ chainId: "31337", contractAddress: chain.address, root: anchor.batch.root, proof: anchor.proof }],
    };
    expect(await lookupDocumentHash(docs.invoice.sha256.toUpperCase())).toEqual(expected);
    // A batch whose transaction is not confirmed (again) is no place to look.
    await behindTheAppsBack([["UPDATE anchor_batches SET status = 'SENDING' WHERE id = $1", [anchor.batchId]]]);
    expect(await lookupDocumentHash(docs.invoice.sha256)).toEqual({ ...expected, anchors: [] });
    await behindTheAppsBack([["UPDATE anchor_batches SET status = 'CONFIRMED' WHERE id = $1", [anchor.batchId]]]);
    await expect(lookupDocumentHash("abc")).rejects.toMatchObject({ code: "INVALID_REQUEST", message: "A document hash is 64 hexadecimal digits (its SHA-256)." });
  });

  it("the lookup lists the batches holding a hash oldest first", async () => {
    const hash = sha256(pdf("anchored twice"));
    const commitment = documentCommitment(hash);
    const tail = () => randomBytes(6).toString("hex");
    const older = { id: `ffffffff-ffff-7fff-bfff-${tail()}`, tree: buildBatch([commitment, `0x${randomBytes(32).toString("hex")}`]), at: "2026-01-01T00:00:00Z" };
    const newer = { id: `00000000-0000-7000-8000-${tail()}`, tree: buildBatch([commitment, `0x${randomBytes(32).toString("hex")}`]), at: "2026-02-01T00:00:00Z" };
    // The newer is written first, and its id sorts first: only the time orders them.
    const statements: [string, unknown[]][] = [];
    for (const b of [newer, older]) {
      statements.push(
        [
          `INSERT INTO anchor_batches (id, root, leaf_count, status, chain_id, contract_address, tx_hash, block_number, block_hash, block_time, confirmed_at)
           VALUES ($1, $2, 2, 'CONFIRMED', $3, $4, $5, 1, $6, $7, $7)`,
          [b.id, b.tree.root, chain.chainId.toString(), chain.address, `0x${randomBytes(32).toString("hex")}`, `0x${"cd".repeat(32)}`, b.at],
        ],
        ["INSERT INTO document_anchors (sha256, batch_id, commitment, proof, created_at) VALUES ($1, $2, $3, $4, $5)", [hash, b.id, commitment, b.tree.proofs.get(commitment), b.at]],
      );
    }
    await behindTheAppsBack(statements);
    expect((await lookupDocumentHash(hash)).anchors.map((a) => a.root)).toEqual([older.tree.root, newer.tree.root]);
  });

  it("says not anchored for a batch root rewritten in the database (with a consistent proof), though the lookup returns it", async () => {
    const { docs } = await presentedCredit();
    const anchor = await db().documentAnchor.findFirstOrThrow({ where: { sha256: docs.billOfLading.sha256 } });
    const fake = buildBatch([anchor.commitment, `0x${randomBytes(32).toString("hex")}`]);
    await behindTheAppsBack([
      ["UPDATE anchor_batches SET root = $1, block_time = '2020-01-01T00:00:00Z' WHERE id = $2", [fake.root, anchor.batchId]],
      ["UPDATE document_anchors SET proof = $1 WHERE sha256 = $2 AND batch_id = $3", [fake.proofs.get(anchor.commitment), anchor.sha256, anchor.batchId]],
    ]);
    const lookup = await lookupDocumentHash(docs.billOfLading.sha256);
    expect(lookup.anchors.map((a) => a.root)).toEqual([fake.root]);
    const verdict = await verdictFor(docs.billOfLading.sha256);
    expect(verdict.status).toBe("not-anchored");
    expect(verdict.contractAddress).toBe(chain.address);
    if (verdict.status === "not-anchored") expect(verdict.reasons.join(" ")).toMatch(/is not anchored in registry/);
  });

  it("says not anchored for a batch and commitment invented in the database, back-dated and CONFIRMED", async () => {
    const hash = sha256(pdf("never presented"));
    const commitment = documentCommitment(hash);
    const fake = buildBatch([commitment, `0x${randomBytes(32).toString("hex")}`]);
    const batchId = randomUUID();
    await behindTheAppsBack([
      [
        `INSERT INTO anchor_batches (id, root, leaf_count, status, chain_id, contract_address, tx_hash, block_number, block_hash, block_time, confirmed_at)
         VALUES ($1, $2, 2, 'CONFIRMED', $3, $4, $5, 1, $6, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`,
        [batchId, fake.root, chain.chainId.toString(), chain.address, `0x${"ab".repeat(32)}`, `0x${"cd".repeat(32)}`],
      ],
      ["INSERT INTO document_anchors (sha256, batch_id, commitment, proof) VALUES ($1, $2, $3, $4)", [hash, batchId, commitment, fake.proofs.get(commitment)]],
    ]);
    expect((await lookupDocumentHash(hash)).anchors).toHaveLength(1);
    expect((await verdictFor(hash)).status).toBe("not-anchored");
  });

  it("does not count a root anchored in another registry that the lookup names", async () => {
    const other = await deployedRegistry();
    const hash = sha256(pdf("anchored elsewhere"));
    const commitment = documentCommitment(hash);
    const tree = buildBatch([commitment, `0x${randomBytes(32).toString("hex")}`]);
    await (await other.registry.anchorRoot(tree.root, 2)).wait();
    expect(await other.registry.anchorOf(tree.root)).not.toBeNull();
    const batchId = randomUUID();
    await behindTheAppsBack([
      [
        `INSERT INTO anchor_batches (id, root, leaf_count, status, chain_id, contract_address, tx_hash, block_number, block_hash, block_time, confirmed_at)
         VALUES ($1, $2, 2, 'CONFIRMED', $3, $4, $5, 1, $6, now(), now())`,
        [batchId, tree.root, chain.chainId.toString(), other.address, `0x${"ab".repeat(32)}`, `0x${"cd".repeat(32)}`],
      ],
      ["INSERT INTO document_anchors (sha256, batch_id, commitment, proof) VALUES ($1, $2, $3, $4)", [hash, batchId, commitment, tree.proofs.get(commitment)]],
    ]);
    const verdict = await verdictFor(hash);
    expect(verdict.status).toBe("not-anchored");
    expect(verdict.contractAddress).toBe(chain.address);
    if (verdict.status === "not-anchored") expect(verdict.reasons.join(" ")).toContain(`names registry ${other.address}`);
    other.provider.destroy();
  });
});

describe("the public lookup route", () => {
  const get = (hash: string, ip: string) =>
    lookupRoute(new Request(`http://localhost/api/public/documents/${hash}`, { headers: { "x-forwarded-for": ip } }), { params: Promise.resolve({ sha256: hash }) });

  it("answers with the commitment and where it is anchored, and nothing about the milestone or the credit", async () => {
    const { creditId, docs } = await presentedCredit();
    const response = await get(docs.invoice.sha256, "192.0.2.1");
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text) as { sha256: string; commitment: string; anchors: Record<string, unknown>[] };
    expect(Object.keys(body).sort()).toEqual(["anchors", "commitment", "sha256"]);
    expect(body.anchors).toHaveLength(1);
    expect(Object.keys(body.anchors[0]!).sort()).toEqual(["chainId", "contractAddress", "proof", "root"]);
    expect(body.commitment).toBe(documentCommitment(docs.invoice.sha256));
    for (const secret of ["DOCUMENTS_PRESENTED", "milestoneKind", "Documents presented", "blockTime", "anchoredAt", "invoice.pdf", creditId]) expect(text).not.toContain(secret);
  });

  it("refuses a malformed hash with 400", async () => {
    for (const bad of ["abc", "z".repeat(64), `${"a".repeat(64)}00`]) {
      const response = await get(bad, "192.0.2.2");
      expect(response.status, bad).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("INVALID_REQUEST");
    }
  });

  it("answers 429 with Retry-After and a clear message after a client's burst, other clients unaffected", async () => {
    const hash = sha256(Buffer.from("rate limit probe"));
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await get(hash, "198.51.100.77")).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    const refused = await get(hash, "198.51.100.77");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/^Too many lookups from your address\. Try again in \d+ seconds?\.$/) });
    expect((await get(hash, "198.51.100.78")).status).toBe(200);
  });
});

describe("downloads", () => {
  let token: string;
  beforeAll(async () => {
    token = (await createApiToken(await createUser(world.orgs.issuingBank, ["MAKER", "ADMIN"], `dl-${randomUUID().slice(0, 8)}`), "downloads")).token;
  });
  const get = (documentId: string) =>
    download(new Request(`http://localhost/api/v1/documents/${documentId}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ documentId }) });

  it("states the SHA-256 of exactly the bytes it serves", async () => {
    const { docs } = await presentedCredit();
    const response = await get(docs.invoice.id);
    expect(response.status).toBe(200);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get("x-content-sha256")).toBe(sha256(body));
    expect(sha256(body)).toBe(docs.invoice.sha256);
  });

  it("refuses (409) a file swapped on disk instead of serving it under the document's hash", async () => {
    const { docs } = await presentedCredit();
    const forged = pdf("forged");
    await writeFile(localStorage().pathFor(docs.invoice.storageKey), forged);
    const response = await get(docs.invoice.id);
    expect(response.status).toBe(409);
    expect(response.headers.get("x-content-sha256")).toBeNull();
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("CONFLICT");
    expect(body.error.message).toContain(`invoice.pdf was not served: the stored file's SHA-256 is ${sha256(forged)} but the document's recorded (and anchored) hash is ${docs.invoice.sha256}`);
  });

  it("refuses (409) a document whose storage key was pointed at another document's file", async () => {
    const { docs } = await presentedCredit();
    const parked = `parked/${randomUUID()}`;
    await behindTheAppsBack([
      ["UPDATE documents SET storage_key = $1 WHERE id = $2", [parked, docs.packingList.id]],
      ["UPDATE documents SET storage_key = $1 WHERE id = $2", [docs.packingList.storageKey, docs.billOfLading.id]],
      ["UPDATE documents SET storage_key = $1 WHERE id = $2", [docs.billOfLading.storageKey, docs.packingList.id]],
    ]);
    expect((await get(docs.billOfLading.id)).status).toBe(409);
    expect((await get(docs.packingList.id)).status).toBe(409);
    const untouched = await get(docs.invoice.id);
    expect(untouched.status).toBe(200);
    expect(sha256(new Uint8Array(await untouched.arrayBuffer()))).toBe(untouched.headers.get("x-content-sha256"));
  });
});
