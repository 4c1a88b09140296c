import { createReadStream } from "node:fs";
import path from "node:path";
import type { Provider } from "ethers";
import pg from "pg";
import { openDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { grantAppRole, roleOf } from "@/lib/db/roles";
import { type ReconcileSettings, reconcileAnchors } from "@/lib/jobs/reconcile-anchors";
import type { DocumentStorage } from "@/lib/storage";
import { hashStoredFile } from "@/lib/verify/documents";
import type { UnknownRootDetails } from "@/lib/reconciliation/findings";
import { type BackupManifest, DOCUMENTS_DIR, DUMP_FILE, MANIFEST_FILE, checkBackupFiles, readManifest, sha256File } from "./manifest";
import { readHead } from "./backup";
import { BackupError, connectionArguments, requireTool, runTool } from "./pg-tools";

// `npm run restore`: a backup back into a database and a document store, then the honest
// account of what the restore lost. Checked before anything is written: the manifest's hashes,
// and that the target is empty (a restore over live data mixes two histories unless --force).
// pg_restore runs in one transaction: it restores everything or nothing.
//
// Ownership and grants are not taken from the dump (--no-owner --no-acl): the restoring role owns
// what it restores, and the app role of the target is granted row privileges by the same code as
// after a migration, so a backup restores onto a server whose roles have other names.
//
// After a restore the chain knows more than the database: every batch anchored after the backup
// was taken has its root on chain and no row. The reconciliation job reports exactly those as
// roots on chain that the database does not know. The restore records itself in the restored
// database (database_restores, with the chain's heads at backup and at restore), so the job,
// here and on every later run, tells the roots lost with the restore from those it does not
// explain (lib/reconciliation/findings.ts restoreThatLost); the restore runs it once and prints both.

export interface RestoreChain {
  provider: Provider;
  /** Unset: the registry configured when the backup was taken (the manifest's). */
  contractAddress?: string;
  settings: ReconcileSettings;
}

export interface RestoreOptions {
  backupDir: string;
  /** The target database, as the role that will own the restored schema. */
  databaseUrl: string;
  /** The role granted row privileges afterwards; unset: the manifest's app role, when it exists on the target server. */
  appRole?: string | null;
  storage: DocumentStorage;
  /** Replace the target's contents (and stored documents whose bytes differ). */
  force?: boolean;
  binDir?: string;
  /** Reconcile the restored database with this chain; unset: the reconciliation is left to the operator. */
  chain?: RestoreChain;
  log?: (line: string) => void;
}

export interface UnknownRoot {
  root: string;
  blockNumber: string | null;
  txHash: string | null;
  leafCount: number | null;
  anchoredAt: string | null;
}

export interface RestoreGap {
  runId: string;
  status: "DONE" | "FAILED";
  error?: string;
  /** The chain's head when the backup was taken, else the backup's highest anchored block on the registry (null: neither). */
  backupBlock: string | null;
  /** Roots on chain the restored database does not know that the reconciliation puts between the backup and the restore: lost with it. */
  afterBackup: UnknownRoot[];
  /** Roots on chain the database does not know that the backup does not explain. */
  unexplained: UnknownRoot[];
}

export interface RestoreResult {
  manifest: BackupManifest;
  documents: { restored: number; alreadyPresent: number };
  appRole: string | null;
  gap: RestoreGap | null;
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const backupDir = path.resolve(options.backupDir);
  const manifest = await readManifest(backupDir);
  log(`Backup of ${manifest.database.name} taken ${manifest.createdAt}: checking ${manifest.files.length} files against the manifest…`);
  await checkBackupFiles(backupDir, manifest, log);

  const target = await describeTarget(options.databaseUrl);
  if (target.tables > 0 && !options.force) {
    throw new BackupError(
      `The database ${target.name} is not empty (${target.tables} tables): restoring into it would mix two histories. Restore into a new, empty database, or add --force to replace its contents.`,
    );
  }
  const pgRestore = requireTool("pg_restore", manifest.database.pgDumpMajor, `read a dump written by ${manifest.database.pgDumpVersion}`, options.binDir);
  log(`Restoring into ${target.name} (PostgreSQL ${target.version})${target.tables > 0 ? `, replacing its ${target.tables} tables (--force)` : ""} with ${pgRestore.version}…`);
  const connection = connectionArguments(options.databaseUrl);
  await runTool(
    pgRestore,
    ["--no-owner", "--no-acl", "--single-transaction", "--exit-on-error", ...(target.tables > 0 ? ["--clean", "--if-exists"] : []), ...connection.args, path.join(backupDir, DUMP_FILE)],
    connection.env,
  );

  await compareRowCounts(options.databaseUrl, manifest);
  log(`Database restored: ${Object.values(manifest.database.rowCounts).reduce((a, b) => a + b, 0)} rows, every table's count as in the backup.`);
  // A backup older than this code lacks the later migrations (database_restores among them):
  // applied now, as npm start would, before the restore is recorded.
  const migrated = await migrate(options.databaseUrl, { log });
  if (migrated.applied.length > 0) log(`Applied ${migrated.applied.length} migration(s) newer than the backup.`);
  const appRole = await chooseAppRole(options, manifest);
  if (appRole) {
    await grantAppRole(options.databaseUrl, appRole);
    log(`Granted row privileges to ${appRole}.`);
  } else {
    log("No app role to grant (none recorded, or it does not exist here): run npm run db:migrate with DATABASE_URL set to grant it.");
  }
  await recordRestore(options.databaseUrl, backupDir, manifest, options.chain ? await readHead(options.chain.provider, log) : null);

  const documents = await restoreDocuments(backupDir, manifest, options.storage, options.force ?? false, log);
  log(`Documents: ${documents.restored} restored, ${documents.alreadyPresent} already present with the same bytes.`);

  const gap = options.chain ? await reconcileRestored(options.databaseUrl, manifest, options.chain) : null;
  return { manifest, documents, appRole, gap };
}

async function describeTarget(url: string): Promise<{ name: string; version: string; tables: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const row = (
      await client.query<{ name: string; version: string; tables: string }>(
        "SELECT current_database() AS name, current_setting('server_version') AS version, (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()) AS tables",
      )
    ).rows[0]!;
    return { name: row.name, version: row.version, tables: Number(row.tables) };
  } finally {
    await client.end();
  }
}

/** The app role to grant: the one asked for, else the manifest's when the target server has it. */
async function chooseAppRole(options: RestoreOptions, manifest: BackupManifest): Promise<string | null> {
  const wanted = options.appRole === undefined ? manifest.database.appRole : options.appRole;
  if (!wanted || wanted === roleOf(options.databaseUrl)) return null;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [wanted]);
    if (rowCount) return wanted;
    if (options.appRole) throw new BackupError(`The role ${wanted} does not exist on the target server: create it, or name another with --app-role.`);
    return null;
  } finally {
    await client.end();
  }
}

async function compareRowCounts(url: string, manifest: BackupManifest): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const differences: string[] = [];
    for (const [table, expected] of Object.entries(manifest.database.rowCounts)) {
      const found = await client
        .query<{ n: string }>(`SELECT count(*) AS n FROM ${client.escapeIdentifier(table)}`)
        .then((r) => Number(r.rows[0]!.n))
        .catch(() => null);
      if (found !== expected) differences.push(`${table}: ${found ?? "missing"} rows, the backup had ${expected}`);
    }
    if (differences.length > 0) throw new BackupError(`The restored database differs from the backup: ${differences.slice(0, 5).join("; ")}.`);
  } finally {
    await client.end();
  }
}

/**
 * Records the restore in the restored database, so that every later reconciliation (the page's
 * too, not only the one run here) explains the roots anchored between the backup and now.
 */
async function recordRestore(url: string, backupDir: string, manifest: BackupManifest, headNow: { chainId: string; blockNumber: string } | null): Promise<void> {
  // Heads of one chain only: a backup's head on another chain says nothing about this one's blocks.
  const atBackup = manifest.anchoring.chainHeadAtBackup;
  const chainId = headNow?.chainId ?? atBackup?.chainId ?? null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO database_restores (id, backup_created_at, backup_database, manifest_sha256, anchored_up_to, chain_id, head_at_backup, head_at_restore)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7)`,
      [
        manifest.createdAt,
        manifest.database.name,
        await sha256File(path.join(backupDir, MANIFEST_FILE)),
        JSON.stringify(manifest.anchoring.highestAnchoredBatches),
        chainId,
        atBackup && atBackup.chainId === chainId ? atBackup.blockNumber : null,
        headNow?.blockNumber ?? null,
      ],
    );
  } finally {
    await client.end();
  }
}

/** Puts each document of the backup into storage; one already there with the same bytes is left alone. */
async function restoreDocuments(backupDir: string, manifest: BackupManifest, storage: DocumentStorage, force: boolean, log: (line: string) => void): Promise<RestoreResult["documents"]> {
  const copied = new Map(manifest.files.map((f) => [f.path, f]));
  let restored = 0;
  let alreadyPresent = 0;
  for (const doc of manifest.documents.files) {
    const entry = copied.get(`${DOCUMENTS_DIR}/${doc.key}`);
    if (!entry) continue; // missing from storage when the backup was taken: listed in its problems
    const file = path.join(backupDir, DOCUMENTS_DIR, ...doc.key.split("/"));
    const existing = await hashStoredFile(storage, doc.key);
    if (existing === entry.sha256) {
      alreadyPresent++;
      continue;
    }
    if (existing !== null) {
      if (!force) throw new BackupError(`Storage already holds other bytes under ${doc.key} (SHA-256 ${existing}, the backup's is ${entry.sha256}): add --force to replace them.`);
      await storage.delete(doc.key);
    }
    await storage.put(doc.key, createReadStream(file), { contentType: doc.mediaType, size: entry.size });
    // Read back: the restore claims the bytes are there only once storage gives them back.
    if ((await hashStoredFile(storage, doc.key)) !== (await sha256File(file))) throw new BackupError(`Storage gave back other bytes for ${doc.key} than were restored.`);
    if (++restored % 100 === 0) log(`restored ${restored} documents`);
  }
  return { restored, alreadyPresent };
}

/** Runs the reconciliation job on the restored database and sorts its unknown roots by the backup's last anchored block. */
async function reconcileRestored(databaseUrl: string, manifest: BackupManifest, chain: RestoreChain): Promise<RestoreGap> {
  const contractAddress = chain.contractAddress ?? manifest.anchoring.configuredRegistryAddress;
  if (!contractAddress) throw new BackupError("No registry address to reconcile with: set ANCHOR_CONTRACT_ADDRESS (the backup's manifest names none).");
  const restored = openDatabase(databaseUrl);
  try {
    const result = await reconcileAnchors({ provider: chain.provider, contractAddress, settings: chain.settings, trigger: "MANUAL", client: restored.client });
    const contract = contractAddress.toLowerCase();
    const mark = manifest.anchoring.highestAnchoredBatches.find((b) => b.contractAddress === contract);
    const backupBlock = manifest.anchoring.chainHeadAtBackup?.blockNumber ?? mark?.blockNumber ?? null;
    const findings = await restored.client.reconciliationFinding.findMany({ where: { runId: result.runId, kind: "UNKNOWN_ROOT" }, orderBy: [{ blockNumber: "asc" }, { root: "asc" }] });
    const gap: RestoreGap = { runId: result.runId, status: result.status, error: result.error, backupBlock, afterBackup: [], unexplained: [] };
    for (const f of findings) {
      const details = f.details as unknown as UnknownRootDetails;
      const root: UnknownRoot = { root: f.root, blockNumber: f.blockNumber?.toString() ?? null, txHash: f.txHash, leafCount: details.leafCount ?? null, anchoredAt: details.anchoredAt ?? null };
      // The job's own answer (lib/reconciliation/findings.ts restoreThatLost), from the restore recorded above.
      (details.lostInRestore ? gap.afterBackup : gap.unexplained).push(root);
    }
    return gap;
  } finally {
    await restored.close();
  }
}

/** The restore's account of the gap, in lines for the operator. */
export function describeGap(gap: RestoreGap | null, manifest: BackupManifest): string[] {
  if (!gap) return ["The chain was not reconciled (no chain configured): run the reconciliation (Reconciliation page, Run now) once it is, to see which roots on chain the restored database no longer knows."];
  if (gap.status === "FAILED") return [`The reconciliation could not finish (${gap.error ?? "unknown error"}): run it again from the Reconciliation page once the chain is reachable.`];
  const lines = [`Reconciliation run ${gap.runId}: ${gap.afterBackup.length + gap.unexplained.length} root(s) on chain that the restored database does not know.`];
  if (gap.afterBackup.length > 0) {
    lines.push(
      `${gap.afterBackup.length} anchored after the backup of ${manifest.createdAt}${gap.backupBlock ? ` (after block ${gap.backupBlock})` : ""} and before this restore: the milestones they commit to were recorded after the backup and are lost with the restore. Their roots stay on chain; nothing in this database can show what they held.`,
    );
    for (const r of gap.afterBackup) lines.push(`  ${r.root}  block ${r.blockNumber ?? "?"}  tx ${r.txHash ?? "?"}  ${r.leafCount ?? "?"} milestone(s)  ${r.anchoredAt ?? ""}`);
  }
  if (gap.unexplained.length > 0) {
    lines.push(`${gap.unexplained.length} anchored before the backup was taken: the restore does not explain them. Investigate them on the Reconciliation page.`);
    for (const r of gap.unexplained) lines.push(`  ${r.root}  block ${r.blockNumber ?? "?"}  tx ${r.txHash ?? "?"}`);
  }
  if (gap.afterBackup.length + gap.unexplained.length === 0) lines.push("Nothing was anchored after the backup: the restored database knows every root on chain.");
  return lines;
}
