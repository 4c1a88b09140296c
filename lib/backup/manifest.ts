import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { BackupError } from "./pg-tools";

// What a backup directory holds and how it proves its own integrity: manifest.json lists every
// file with its SHA-256, written last, so a directory without one is an unfinished backup.

export const MANIFEST_FORMAT = "tradetrail-backup/1";
export const MANIFEST_FILE = "manifest.json";
export const DUMP_FILE = "database.dump";
export const DOCUMENTS_DIR = "documents";

export interface AnchoredBatchMark {
  batchId: string;
  chainId: string;
  contractAddress: string;
  root: string;
  blockNumber: string | null;
  txHash: string | null;
  confirmedAt: string | null;
}

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  database: {
    name: string;
    serverVersion: string;
    serverVersionNum: number;
    /** The pg_dump that wrote database.dump: pg_restore must be at least this major version. */
    pgDumpVersion: string;
    pgDumpMajor: number;
    /** The app role that had row privileges (granted again after a restore when it exists there). */
    appRole: string | null;
    /** Rows per table in the dump's snapshot; a restore must give exactly these. */
    rowCounts: Record<string, number>;
    /** The newest migration applied, so an operator knows which code the dump belongs to. */
    lastMigration: string | null;
  };
  anchoring: {
    /** From the configuration at backup time (null when not configured there). */
    configuredChainId: string | null;
    configuredRegistryAddress: string | null;
    /** Per registry the database anchored on: its highest confirmed batch in the dump. */
    highestAnchoredBatches: AnchoredBatchMark[];
    /**
     * The configured chain's head, read just before the dump's snapshot: every root anchored in a
     * later block postdates the backup. Null when the chain could not be read.
     */
    chainHeadAtBackup: { chainId: string; blockNumber: string } | null;
  };
  documents: {
    driver: "local" | "s3";
    /** The S3 bucket the documents were read from; versioning and replication of it are the bank's. */
    bucket: string | null;
    count: number;
    /** Each document the database references, by storage key, copied under documents/. */
    files: { key: string; sha256: string; size: number; mediaType: string }[];
    /** Keys the database references whose bytes storage could not give, or gave with another hash. */
    problems: string[];
  };
  /** Every file of the backup (paths relative to it, "/" separated) with its SHA-256. */
  files: { path: string; size: number; sha256: string }[];
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Reads manifest.json, refusing a directory that has none or one of another format. */
export async function readManifest(directory: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await fs.readFile(path.join(directory, MANIFEST_FILE), "utf8");
  } catch {
    throw new BackupError(`${directory} holds no ${MANIFEST_FILE}: it is not a TradeTrail backup, or the backup did not finish.`);
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text) as BackupManifest;
  } catch {
    throw new BackupError(`${path.join(directory, MANIFEST_FILE)} is not valid JSON: the backup is damaged.`);
  }
  if (manifest.format !== MANIFEST_FORMAT) throw new BackupError(`${path.join(directory, MANIFEST_FILE)} is of format ${JSON.stringify(manifest.format)}; this version restores ${MANIFEST_FORMAT}.`);
  return manifest;
}

/**
 * Checks every file the manifest lists against its SHA-256 before anything is restored; throws a
 * BackupError naming the files that differ or are missing.
 */
export async function checkBackupFiles(directory: string, manifest: BackupManifest, log: (line: string) => void = () => {}): Promise<void> {
  const problems: string[] = [];
  for (const [i, file] of manifest.files.entries()) {
    const on = path.join(directory, ...file.path.split("/"));
    if (!on.startsWith(path.resolve(directory) + path.sep)) throw new BackupError(`The manifest names ${file.path}, outside the backup: refusing it.`);
    let actual: string;
    try {
      actual = await sha256File(on);
    } catch {
      problems.push(`${file.path} is missing`);
      continue;
    }
    if (actual !== file.sha256) problems.push(`${file.path} has SHA-256 ${actual}, the manifest says ${file.sha256}`);
    if ((i + 1) % 500 === 0) log(`checked ${i + 1} of ${manifest.files.length} files`);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join("; ");
    throw new BackupError(`The backup does not match its manifest (${problems.length} file(s)): ${shown}${problems.length > 5 ? "; …" : ""}. Nothing was restored.`);
  }
}
