import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { createBackup } from "@/lib/backup/backup";
import { DOCUMENTS_DIR, MANIFEST_FILE } from "@/lib/backup/manifest";
import { BackupError } from "@/lib/backup/pg-tools";
import { type RestoreResult, describeGap, restoreBackup } from "@/lib/backup/restore";
import { makeProvider } from "@/lib/chain/provider";
import { resetConfigCache } from "@/lib/config";
import { db, disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { roleOf } from "@/lib/db/roles";
import { withDatabase } from "@/lib/dev/embedded-postgres";
import { ingestDocument } from "@/lib/documents/ingest";
import { type ReconcileSettings, reconcileAnchors } from "@/lib/jobs/reconcile-anchors";
import { type PerformOptions, performAction } from "@/lib/lifecycle/perform";
import { type FindingDetails, explainFinding } from "@/lib/reconciliation/findings";
import { LocalDocumentStorage } from "@/lib/storage/local";
import { S3DocumentStorage } from "@/lib/storage/s3";
import { sampleStandbyTerms } from "@/lib/terms/sample";
import { checkCreditDocuments, hashStoredFile } from "@/lib/verify/documents";
import { verifyCredit } from "@/lib/verify/credit";
import { rpcAnchorReader } from "@/lib/verify/reader";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { asSuperuser, dropTestDatabase, useTestDatabase, withAdmin } from "./support/database";
import { anchorEverything } from "./support/tamper";
import { type World, createWorld } from "./support/world";

// The backup/restore drill (issue 16): credits made through the real lifecycle, anchored by the
// real worker on anvil, backed up with pg_dump and the document store; more credits anchored
// after the backup; the backup restored into a fresh database and store. Every restored credit
// still verifies against the chain, its documents' bytes are back, and the reconciliation job
// names exactly the post-backup batches' roots as on chain and unknown to the restored database.

const source = useTestDatabase();
let world: World;
let chain: ChainFixture;
let worker: AnchoringWorker;
let startBlock: number;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "tt-backup-"));
const sourceStorage = new LocalDocumentStorage(path.join(work, "documents"));
const restoredDatabases: string[] = [];

beforeAll(async () => {
  process.env.STORAGE_DIR = sourceStorage.root;
  resetConfigCache();
  world = await createWorld();
  const probe = makeProvider(inject("anvilUrl"));
  startBlock = await probe.getBlockNumber();
  probe.destroy();
  chain = await deployedRegistry();
  worker = new AnchoringWorker(
    { provider: chain.provider, registry: chain.registry, signer: chain.signer, chainId: chain.chainId, contractAddress: chain.address },
    { batchSize: 64, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 5_000 },
  );
});

afterAll(async () => {
  await worker?.stop();
  await disconnectDb();
  for (const name of restoredDatabases) await dropTestDatabase(name);
  delete process.env.STORAGE_DIR;
  process.env.DATABASE_URL = source.url();
  resetConfigCache();
  fs.rmSync(work, { recursive: true, force: true });
});

const settings = (): ReconcileSettings => ({ confirmations: 0, maxBlockRange: 2_000, staleAfterMs: 3_600_000, startBlock, expectedAnchorers: [chain.anchorer] });
const trust = () => ({ allowedAnchorers: [chain.anchorer], confirmations: 1, fromBlock: startBlock, lateAnchorSeconds: 86_400 });

/** An empty database on the test server, owned by the owner role; returns its owner and app URLs. */
async function freshDatabase(): Promise<{ name: string; ownerUrl: string; appUrl: string }> {
  const name = `tt_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" OWNER "${roleOf(inject("pgOwnerUrl"))}" TEMPLATE template0`));
  restoredDatabases.push(name);
  return { name, ownerUrl: withDatabase(inject("pgOwnerUrl"), name), appUrl: withDatabase(inject("pgAppUrl"), name) };
}

async function storedPdf(label: string) {
  const bytes = Buffer.concat([Buffer.from(`%PDF-1.7\n% ${label}\n`), randomBytes(3_000), Buffer.from("\n%%EOF\n")]);
  const stored = await ingestDocument({ body: Readable.from([bytes]), maxBytes: 1024 * 1024, storage: sourceStorage });
  return { storageKey: stored.storageKey, sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, fileName: `${label}.pdf` };
}

let creditNumber = 0;

/** A standby credit agreed, issued, advised and drawn by a demand and a statement of default (real PDFs in storage), through performAction. */
async function drawnCredit(label: string): Promise<string> {
  const { applicant, beneficiary, issuingBank, advisingBank } = world.users;
  const created = await performAction({
    actor: applicant.MAKER,
    action: "createCredit",
    input: { beneficiaryId: world.orgs.beneficiary, issuingBankId: world.orgs.issuingBank, advisingBankId: world.orgs.advisingBank, terms: sampleStandbyTerms() },
  });
  const creditId = created.creditId;
  const step = (actor: PerformOptions["actor"], action: PerformOptions["action"], input?: unknown, subjectId?: string) => performAction({ actor, action, creditId, input, subjectId });
  await step(applicant.MAKER, "sendToBeneficiary", { comment: label });
  await step(beneficiary.MAKER, "endorseTerms", {});
  await step(applicant.MAKER, "submitApplication", {});
  await step(issuingBank.MAKER, "prepareIssuance", { creditNumber: `MTB/SB/BK/${++creditNumber}${randomBytes(2).toString("hex")}` });
  await step(issuingBank.CHECKER, "approveIssuance");
  await step(advisingBank.CHECKER, "adviseCredit", { addConfirmation: false });
  const presentationId = (await step(beneficiary.MAKER, "startPresentation", {})).subjectId!;
  const today = new Date().toISOString().slice(0, 10);
  await step(
    beneficiary.MAKER,
    "addDocument",
    { kind: "DEMAND", originals: 1, copies: 0, data: { date: today, signedBy: "Joost Visser, director", currency: "USD", amount: "250000.00", wording: `Demand ${label}.` }, file: await storedPdf(`demand-${label}`) },
    presentationId,
  );
  await step(
    beneficiary.MAKER,
    "addDocument",
    { kind: "STATEMENT_OF_DEFAULT", originals: 1, copies: 0, data: { date: today, signedBy: "Joost Visser, director", statement: `The applicant failed to pay (${label}).` }, file: await storedPdf(`statement-${label}`) },
    presentationId,
  );
  await step(beneficiary.MAKER, "presentDocuments", {}, presentationId);
  return creditId;
}

const rootsOf = async (where: object = {}) => new Set((await db().anchorBatch.findMany({ where: { contractAddress: chain.address, ...where }, select: { root: true } })).map((b) => b.root.toLowerCase()));

describe("backing up and restoring a running platform", () => {
  let backupDir: string;
  let before: string[];
  let after: string;
  let postBackupRoots: Set<string>;
  let restored: { name: string; ownerUrl: string; appUrl: string };
  let result: RestoreResult;
  let stray: string;
  const lines: string[] = [];

  it("backs up the database and the documents with a manifest of hashes, row counts and the highest anchored batch", async () => {
    before = [await drawnCredit("one"), await drawnCredit("two")];
    await anchorEverything(worker);
    // A root anchored with the anchoring key behind the worker's back, before the backup: no
    // restore explains it, and the restore must not pass it off as lost data.
    stray = `0x${randomBytes(32).toString("hex")}`;
    await (await chain.registry.anchorRoot(stray, 3)).wait();
    // A reconciliation before the backup (it finds the stray root): its cursor is in the dump, and the restore resumes from it.
    expect(await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settings(), trigger: "SCHEDULE" })).toMatchObject({ status: "DONE", findings: 1 });

    const backup = await createBackup({
      databaseUrl: source.ownerUrl(),
      appRole: roleOf(source.url()),
      storage: sourceStorage,
      storageDescription: { driver: "local" },
      outDir: path.join(work, "backups"),
      configured: { chainId: chain.chainId.toString(), registryAddress: chain.address },
      provider: chain.provider,
      log: (line) => lines.push(line),
    });
    backupDir = backup.directory;
    const { manifest } = backup;
    expect(manifest.database.rowCounts.credits).toBe(2);
    expect(manifest.database.rowCounts.milestones).toBe(await db().milestone.count());
    expect(manifest.database.rowCounts.documents).toBe(4);
    const highest = await db().anchorBatch.findFirstOrThrow({ where: { status: "CONFIRMED" }, orderBy: { blockNumber: "desc" } });
    expect(manifest.anchoring.highestAnchoredBatches).toEqual([expect.objectContaining({ batchId: highest.id, root: highest.root.toLowerCase(), blockNumber: highest.blockNumber!.toString(), contractAddress: chain.address.toLowerCase() })]);
    expect(manifest.anchoring).toMatchObject({ configuredChainId: chain.chainId.toString(), configuredRegistryAddress: chain.address });
    expect(BigInt(manifest.anchoring.chainHeadAtBackup!.blockNumber)).toBeGreaterThanOrEqual(highest.blockNumber!);
    expect(manifest.anchoring.chainHeadAtBackup!.chainId).toBe(chain.chainId.toString());
    // Every file hashed: the dump and the four documents, whose bytes are the recorded ones.
    expect(manifest.files.map((f) => f.path).sort()).toEqual(["database.dump", ...manifest.documents.files.map((d) => `${DOCUMENTS_DIR}/${d.key}`)].sort());
    for (const doc of manifest.documents.files) expect(manifest.files.find((f) => f.path === `${DOCUMENTS_DIR}/${doc.key}`)!.sha256).toBe(doc.sha256);
    expect(manifest.documents.problems).toEqual([]);
    expect(lines.some((l) => /pg_dump/.test(l))).toBe(true);
  });

  it("restores into a fresh database: every credit verifies against the chain, the documents are back, and only the post-backup roots are unknown", async () => {
    // After the backup: a third credit, and the first credit's presentation found complying (its
    // fifth milestone), all anchored.
    const rootsAtBackup = await rootsOf();
    after = await drawnCredit("three");
    const presentation = await db().presentation.findFirstOrThrow({ where: { creditId: before[0] } });
    await performAction({ actor: world.users.issuingBank.MAKER, action: "determineCompliant", creditId: before[0]!, input: {}, subjectId: presentation.id });
    await performAction({ actor: world.users.issuingBank.CHECKER, action: "approveCompliance", creditId: before[0]!, input: {}, subjectId: presentation.id });
    expect(await db().milestone.count({ where: { creditId: before[0] } })).toBe(5);
    await anchorEverything(worker);
    postBackupRoots = new Set([...(await rootsOf())].filter((r) => !rootsAtBackup.has(r)));
    expect(postBackupRoots.size).toBeGreaterThan(0);

    restored = await freshDatabase();
    const restoredStorage = new LocalDocumentStorage(path.join(work, "restored-documents"));
    result = await restoreBackup({ backupDir, databaseUrl: restored.ownerUrl, storage: restoredStorage, chain: { provider: chain.provider, contractAddress: chain.address, settings: settings() } });
    expect(result.appRole).toBe(roleOf(source.url()));
    expect(result.documents).toEqual({ restored: 4, alreadyPresent: 0 });

    // The honest gap: exactly the roots anchored after the backup, all of them on chain and unknown.
    expect(result.gap).not.toBeNull();
    expect(result.gap!.status).toBe("DONE");
    expect(new Set(result.gap!.afterBackup.map((r) => r.root))).toEqual(postBackupRoots);
    expect(result.gap!.unexplained.map((r) => r.root)).toEqual([stray]);
    const text = describeGap(result.gap, result.manifest).join("\n");
    expect(text).toMatch(new RegExp(`${postBackupRoots.size} anchored after the backup`));
    expect(text).toMatch(/1 anchored before the backup was taken: the restore does not explain them/);
    for (const root of postBackupRoots) expect(text).toContain(root);

    // The restored database, as the app sees it (its role was granted row privileges again).
    await disconnectDb();
    process.env.DATABASE_URL = restored.appUrl;
    process.env.STORAGE_DIR = restoredStorage.root;
    resetConfigCache();
    expect((await db().credit.findMany({ select: { id: true } })).map((c) => c.id).sort()).toEqual([...before].sort());
    expect(await db().credit.count({ where: { id: after } })).toBe(0);
    const [advanced, untouched] = await Promise.all(before.map((creditId) => verifyCredit(creditId, rpcAnchorReader(chain.provider, chain.address), trust())));
    // Every milestone the restored database holds verifies against the chain.
    expect(untouched!.ok).toBe(true);
    expect(untouched!.trail.status).toBe("complete");
    expect(untouched!.results.map((r) => r.status)).toEqual(["verified", "verified", "verified", "verified"]);
    // The credit that went on after the backup: its four restored milestones verify, and the chain
    // says honestly that its trail went on to a fifth the database no longer has.
    expect(advanced!.results.map((r) => `${r.seq}:${r.status}`)).toEqual(["1:verified", "2:verified", "3:verified", "4:verified", "5:truncated"]);
    expect(advanced!.trail).toMatchObject({ status: "truncated", chainHeadSeq: 5 });
    expect(advanced!.ok).toBe(false);
    for (const creditId of before) {
      const documents = await checkCreditDocuments(creditId, { storage: restoredStorage });
      expect(documents.documents).toHaveLength(2);
      expect(documents.ok).toBe(true);
    }
    // The run is recorded in the restored database, where the Reconciliation page shows it.
    // The restore is recorded there too, so the page explains the lost roots, and only those, as lost in it.
    expect(await db().databaseRestore.findMany()).toEqual([
      expect.objectContaining({
        backupCreatedAt: new Date(result.manifest.createdAt),
        backupDatabase: new URL(source.url()).pathname.slice(1),
        chainId: chain.chainId,
        headAtBackup: BigInt(result.manifest.anchoring.chainHeadAtBackup!.blockNumber),
      }),
    ]);
    // Only the owner records restores: the app's role cannot make one up to excuse an intruder's root.
    await expect(db().databaseRestore.create({ data: { backupCreatedAt: new Date(0), backupDatabase: "forged", manifestSha256: "0".repeat(64) } })).rejects.toThrow(/permission denied/);
    const findings = await db().reconciliationFinding.findMany({ where: { runId: result.gap!.runId } });
    expect(new Set(findings.map((f) => f.kind))).toEqual(new Set(["UNKNOWN_ROOT"]));
    expect(new Set(findings.map((f) => f.root))).toEqual(new Set([...postBackupRoots, stray]));
    for (const f of findings) {
      const explanation = explainFinding({ kind: "UNKNOWN_ROOT", details: f.details } as unknown as FindingDetails);
      if (f.root === stray) expect(explanation).toMatchObject({ severity: "critical", title: "Root on chain that no batch references" });
      else expect(explanation).toMatchObject({ severity: "warning", title: "Root anchored after the backup this database was restored from" });
    }
  });

  it("refuses to restore over a non-empty database without --force, and replaces it with --force", async () => {
    const restoredStorage = new LocalDocumentStorage(path.join(work, "restored-documents"));
    const refused = restoreBackup({ backupDir, databaseUrl: restored.ownerUrl, storage: restoredStorage });
    await expect(refused).rejects.toBeInstanceOf(BackupError);
    await expect(refused).rejects.toThrow(/is not empty \(\d+ tables\).*add --force/);

    // The reconciliation run the restore recorded is not in the backup: a forced restore replaces
    // the database's contents with the backup's, so it is gone afterwards.
    expect(await db().reconciliationRun.count({ where: { id: result.gap!.runId } })).toBe(1);
    await disconnectDb();
    const forced = await restoreBackup({ backupDir, databaseUrl: restored.ownerUrl, storage: restoredStorage, force: true });
    expect(forced.documents).toEqual({ restored: 0, alreadyPresent: 4 });
    expect(await db().reconciliationRun.count({ where: { id: result.gap!.runId } })).toBe(0);
    expect(await db().reconciliationRun.count()).toBe(result.manifest.database.rowCounts.reconciliation_runs);
  });

  it("refuses a backup whose files do not match the manifest, before touching the target", async () => {
    const tampered = path.join(work, "tampered");
    fs.cpSync(backupDir, tampered, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(tampered, MANIFEST_FILE), "utf8")) as { documents: { files: { key: string }[] } };
    const file = path.join(tampered, DOCUMENTS_DIR, ...manifest.documents.files[0]!.key.split("/"));
    const bytes = fs.readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    fs.writeFileSync(file, bytes);

    const target = await freshDatabase();
    const refused = restoreBackup({ backupDir: tampered, databaseUrl: target.ownerUrl, storage: new LocalDocumentStorage(path.join(work, "never")) });
    await expect(refused).rejects.toBeInstanceOf(BackupError);
    await expect(refused).rejects.toThrow(new RegExp(`does not match its manifest \\(1 file\\(s\\)\\): ${DOCUMENTS_DIR}/${manifest.documents.files[0]!.key} has SHA-256`));
    await withAdmin(async (client) => {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_database WHERE datname = $1`, [target.name]);
      expect(rows[0]!.n).toBe("1");
    });
    const empty = await restoreBackup({ backupDir: path.join(work, "backups"), databaseUrl: target.ownerUrl, storage: new LocalDocumentStorage(path.join(work, "never")) }).catch((e: unknown) => e);
    expect(String(empty)).toMatch(/holds no manifest\.json/);
    expect(fs.existsSync(path.join(work, "never"))).toBe(false);
  });

  it("restores the documents into an S3 store and backs them up from there (s3rver), bytes and hashes unchanged", async () => {
    const S3rver = createRequire(import.meta.url)("s3rver") as new (options: Record<string, unknown>) => { run(): Promise<{ port: number }>; close(): Promise<void> };
    const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(work, "s3"), configureBuckets: [{ name: "documents" }] });
    const { port } = await server.run();
    const s3 = new S3DocumentStorage({ bucket: "documents", region: "us-east-1", endpoint: `http://127.0.0.1:${port}`, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true });
    try {
      const target = await freshDatabase();
      const restoredToS3 = await restoreBackup({ backupDir, databaseUrl: target.ownerUrl, appRole: roleOf(inject("pgAppUrl")), storage: s3 });
      expect(restoredToS3.documents).toEqual({ restored: 4, alreadyPresent: 0 });
      for (const doc of restoredToS3.manifest.documents.files) expect(await hashStoredFile(s3, doc.key)).toBe(doc.sha256);

      const fromS3 = await createBackup({ databaseUrl: target.ownerUrl, storage: s3, storageDescription: { driver: "s3", bucket: s3.bucket }, outDir: path.join(work, "s3-backups") });
      expect(fromS3.manifest.documents).toMatchObject({ driver: "s3", bucket: "documents", count: 4, problems: [] });
      const hashes = (m: typeof fromS3.manifest) => m.files.filter((f) => f.path.startsWith(`${DOCUMENTS_DIR}/`)).map((f) => `${f.path} ${f.sha256}`).sort();
      expect(hashes(fromS3.manifest)).toEqual(hashes(restoredToS3.manifest));
    } finally {
      s3.destroy();
      await server.close();
    }
  });

  it("restores a backup older than the code: the newer migrations are applied before the restore is recorded", async () => {
    // A database at the migrations before database_restores, as one backed up by an older release.
    const older = path.join(work, "older-migrations");
    const all = fs.readdirSync("prisma/migrations").sort();
    const restores = all.find((m) => /^\d+_database_restores$/.test(m))!;
    // Everything from database_restores on is "newer than the backup" (migrations apply in name order).
    const newer = all.filter((m) => /^\d+_/.test(m) && m >= restores);
    fs.mkdirSync(older);
    for (const entry of all.filter((m) => !newer.includes(m))) fs.cpSync(path.join("prisma/migrations", entry), path.join(older, entry), { recursive: true });
    const old = await freshDatabase();
    await migrate(old.ownerUrl, { dir: older });
    const backup = await createBackup({ databaseUrl: old.ownerUrl, storage: sourceStorage, storageDescription: { driver: "local" }, outDir: path.join(work, "older-backups") });
    expect(backup.manifest.database.rowCounts.database_restores).toBeUndefined();

    const target = await freshDatabase();
    const logged: string[] = [];
    await restoreBackup({ backupDir: backup.directory, databaseUrl: target.ownerUrl, appRole: roleOf(inject("pgAppUrl")), storage: new LocalDocumentStorage(path.join(work, "older-documents")), log: (line) => logged.push(line) });
    expect(logged).toContain(`Applied ${newer.length} migration(s) newer than the backup.`);
    const restoredRows = await asSuperuser(target.appUrl, (client) => client.query<{ backup_database: string }>("SELECT backup_database FROM database_restores"));
    expect(restoredRows.rows).toEqual([{ backup_database: old.name }]);
  });
});
