import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Provider } from "ethers";
import pg from "pg";
import { roleOf } from "@/lib/db/roles";
import { isAppError } from "@/lib/errors";
import type { DocumentStorage } from "@/lib/storage";
import { assertStorageKey } from "@/lib/storage/local";
import { type AnchoredBatchMark, type BackupManifest, DOCUMENTS_DIR, DUMP_FILE, MANIFEST_FILE, MANIFEST_FORMAT, sha256File } from "./manifest";
import { BackupError, connectionArguments, requireTool, runTool, serverMajor } from "./pg-tools";

// `npm run backup`: the database (pg_dump -Fc) and every document it references, in one directory
// with a manifest of hashes. The proof itself is on chain and needs no backup; what a backup keeps
// is what the proof is *of*: the milestones' contents, salts and documents, without which a root
// on chain proves nothing anyone can show.
//
// One snapshot for everything: a REPEATABLE READ transaction exports its snapshot, pg_dump dumps
// exactly that snapshot (--snapshot), and the row counts, the highest anchored batch and the
// list of documents are read inside the same transaction. The documents are copied afterwards:
// a document's bytes are stored before its row is written, so every row in the dump has its file.

export interface BackupOptions {
  /** The database to dump: the schema owner's URL (MIGRATION_DATABASE_URL), or DATABASE_URL. */
  databaseUrl: string;
  /** The app role granted row privileges, recorded so a restore can grant it again. */
  appRole?: string | null;
  storage: DocumentStorage;
  storageDescription: { driver: "local" | "s3"; bucket?: string | null };
  /** The backup is a new directory inside this one. */
  outDir: string;
  configured?: { chainId?: string | null; registryAddress?: string | null };
  /** The configured chain: its head is read before the snapshot (a restore then knows which roots postdate the backup). */
  provider?: Provider;
  /** Where pg_dump is (PG_BIN_DIR); unset: the newest suitable one on this machine. */
  binDir?: string;
  log?: (line: string) => void;
  now?: Date;
}

export interface BackupResult {
  directory: string;
  manifest: BackupManifest;
}

interface Snapshot {
  rowCounts: Record<string, number>;
  lastMigration: string | null;
  highest: AnchoredBatchMark[];
  documents: { key: string; sha256: string; size: number; mediaType: string }[];
}

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let directory: string | undefined;
  try {
    const server = (await client.query<{ num: string; version: string; name: string }>("SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version, current_database() AS name")).rows[0]!;
    const versionNum = Number(server.num);
    const pgDump = requireTool("pg_dump", serverMajor(versionNum), `dump this PostgreSQL ${server.version} server`, options.binDir);
    log(`Database ${server.name} on PostgreSQL ${server.version}; ${pgDump.version} (${pgDump.path})`);

    directory = path.join(path.resolve(options.outDir), `tradetrail-${server.name}-${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`);
    await fs.mkdir(path.dirname(directory), { recursive: true });
    try {
      await fs.mkdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new BackupError(`${directory} already exists: choose another --out, or wait a second.`);
      throw error;
    }

    // Before the snapshot: a root in a later block cannot be in the dump unless its batch row is.
    const chainHeadAtBackup = options.provider ? await readHead(options.provider, log) : null;
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const snapshotId = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]!.id;
    const snapshot = await readSnapshot(client);
    log(`Dumping ${Object.keys(snapshot.rowCounts).length} tables (${Object.values(snapshot.rowCounts).reduce((a, b) => a + b, 0)} rows) with pg_dump -Fc…`);
    const connection = connectionArguments(options.databaseUrl);
    await runTool(pgDump, ["--format=custom", `--snapshot=${snapshotId}`, "--file", path.join(directory, DUMP_FILE), ...connection.args], connection.env);
    await client.query("COMMIT");

    const problems = await copyDocuments(options.storage, snapshot.documents, path.join(directory, DOCUMENTS_DIR), log);
    const files = await hashFiles(directory, [DUMP_FILE, ...snapshot.documents.filter((d) => !problems.missing.has(d.key)).map((d) => `${DOCUMENTS_DIR}/${d.key}`)]);
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      createdAt: now.toISOString(),
      database: {
        name: server.name,
        serverVersion: server.version,
        serverVersionNum: versionNum,
        pgDumpVersion: pgDump.version,
        pgDumpMajor: pgDump.major,
        appRole: options.appRole ?? null,
        rowCounts: snapshot.rowCounts,
        lastMigration: snapshot.lastMigration,
      },
      anchoring: {
        configuredChainId: options.configured?.chainId ?? null,
        configuredRegistryAddress: options.configured?.registryAddress ?? null,
        highestAnchoredBatches: snapshot.highest,
        chainHeadAtBackup,
      },
      documents: {
        driver: options.storageDescription.driver,
        bucket: options.storageDescription.bucket ?? null,
        count: snapshot.documents.length,
        files: snapshot.documents,
        problems: problems.lines,
      },
      files,
    };
    await fs.writeFile(path.join(directory, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    for (const line of problems.lines) log(`warning: ${line}`);
    log(`Backup written to ${directory} (${files.length} files).`);
    return { directory, manifest };
  } catch (error) {
    // No manifest, no backup: leave nothing that could be mistaken for one.
    if (directory) await fs.rm(directory, { recursive: true, force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The chain's id and head block; null (with a warning) when it does not answer: a backup never waits for the chain. */
export async function readHead(provider: Provider, log: (line: string) => void): Promise<{ chainId: string; blockNumber: string } | null> {
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer in 10 s")), 10_000).unref());
    const [network, head] = await Promise.race([Promise.all([provider.getNetwork(), provider.getBlockNumber()]), timeout]);
    return { chainId: network.chainId.toString(), blockNumber: String(head) };
  } catch (error) {
    log(`warning: the chain's head could not be read (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); a restore will tell roots anchored after the backup by block times instead.`);
    return null;
  }
}

/** Row counts, the newest migration, the highest confirmed batch per registry and the documents, all in the transaction's snapshot. */
async function readSnapshot(client: pg.Client): Promise<Snapshot> {
  const tables = (await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")).rows.map((r) => r.name);
  const rowCounts: Record<string, number> = {};
  for (const table of tables) rowCounts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${client.escapeIdentifier(table)}`)).rows[0]!.n);
  const lastMigration = tables.includes("_prisma_migrations")
    ? ((await client.query<{ name: string }>("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1")).rows[0]?.name ?? null)
    : null;
  const highest = (
    await client.query<{ id: string; chain_id: string; contract_address: string; root: string; block_number: string | null; tx_hash: string | null; confirmed_at: Date | null }>(
      `SELECT DISTINCT ON (chain_id, lower(contract_address)) id, chain_id::text, lower(contract_address) AS contract_address, lower(root) AS root, block_number::text, tx_hash, confirmed_at
         FROM anchor_batches WHERE status = 'CONFIRMED'
        ORDER BY chain_id, lower(contract_address), block_number DESC NULLS LAST, id DESC`,
    )
  ).rows.map((r) => ({ batchId: r.id, chainId: r.chain_id, contractAddress: r.contract_address, root: r.root, blockNumber: r.block_number, txHash: r.tx_hash, confirmedAt: r.confirmed_at?.toISOString() ?? null }));
  const documents = (await client.query<{ key: string; sha256: string; size: string; media_type: string }>("SELECT storage_key AS key, sha256, size::text, media_type FROM documents ORDER BY storage_key")).rows.map((r) => ({
    key: r.key,
    sha256: r.sha256,
    size: Number(r.size),
    mediaType: r.media_type,
  }));
  return { rowCounts, lastMigration, highest, documents };
}

/** Copies each document from storage into `target`, hashing on the way; returns what could not be copied faithfully. */
async function copyDocuments(storage: DocumentStorage, documents: Snapshot["documents"], target: string, log: (line: string) => void): Promise<{ lines: string[]; missing: Set<string> }> {
  const lines: string[] = [];
  const missing = new Set<string>();
  log(`Copying ${documents.length} document(s)…`);
  for (const [i, doc] of documents.entries()) {
    assertStorageKey(doc.key);
    let stored;
    try {
      stored = await storage.get(doc.key);
    } catch (error) {
      if (!isAppError(error) || error.code !== "NOT_FOUND") throw error;
      missing.add(doc.key);
      lines.push(`document ${doc.key} is referenced by the database but missing from storage; the backup cannot hold it.`);
      continue;
    }
    const file = path.join(target, ...doc.key.split("/"));
    await fs.mkdir(path.dirname(file), { recursive: true });
    const hash = createHash("sha256");
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(stored.body, hashing, createWriteStream(file, { flags: "wx", mode: 0o600 }));
    // Copied as stored, whatever it hashes to: the verifier reports a swapped file, the backup keeps the evidence.
    const sha256 = hash.digest("hex");
    if (sha256 !== doc.sha256) lines.push(`document ${doc.key} in storage hashes to ${sha256}, not the recorded ${doc.sha256}; copied as stored.`);
    if ((i + 1) % 100 === 0) log(`copied ${i + 1} of ${documents.length} documents`);
  }
  return { lines, missing };
}

async function hashFiles(directory: string, relative: string[]): Promise<BackupManifest["files"]> {
  const files: BackupManifest["files"] = [];
  for (const rel of relative) {
    const file = path.join(directory, ...rel.split("/"));
    files.push({ path: rel, size: (await fs.stat(file)).size, sha256: await sha256File(file) });
  }
  return files;
}

/** The role a URL connects as (the app role recorded in the manifest when it differs from the dumping one). */
export const appRoleOf = (databaseUrl: string | undefined, dumpingUrl: string): string | null => (databaseUrl && roleOf(databaseUrl) !== roleOf(dumpingUrl) ? roleOf(databaseUrl) : null);
