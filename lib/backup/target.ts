import fs from "node:fs";
import path from "node:path";
import { type Config, chainRpcUrls } from "@/lib/config";
import { withCredentials } from "@/lib/db/roles";
import { embeddedRoles } from "@/lib/dev/embedded-postgres";
import { isAlive } from "@/lib/dev/processes";
import { openEmbeddedDatabase } from "@/lib/stack/start-stack";
import { appRoleOf } from "./backup";
import { BackupError } from "./pg-tools";

// Which database and chain `npm run backup` and `npm run restore` work on: the configured ones,
// else those of the embedded stack under DATA_DIR, found exactly as `npm start` finds them
// (lib/stack/start-stack.ts): while it runs, through DATA_DIR/runtime.json; when it is stopped,
// by starting its embedded PostgreSQL for the duration of the command.

export interface DatabaseTarget {
  /** As the schema's owner when known (MIGRATION_DATABASE_URL, the embedded owner role), else DATABASE_URL. */
  url: string;
  /** The app role with row privileges, when it differs from the owner's. */
  appRole: string | null;
  /** Stops the embedded PostgreSQL this command started (nothing otherwise). */
  close(): Promise<void>;
}

interface Runtime {
  superuserDatabaseUrl?: string;
  rpcUrl?: string;
  chainId?: string;
  contractAddress?: string;
  pid?: number;
}

/** DATA_DIR/runtime.json of a running `npm start`, or null when none runs from this DATA_DIR. */
export function runningStack(settings: Config): Runtime | null {
  const file = path.join(path.resolve(settings.DATA_DIR), "runtime.json");
  try {
    const runtime = JSON.parse(fs.readFileSync(file, "utf8")) as Runtime;
    return runtime.pid && isAlive(runtime.pid) ? runtime : null;
  } catch {
    return null;
  }
}

/**
 * The database to back up from or restore into. A backup refuses a DATA_DIR without an embedded
 * PostgreSQL (there is nothing to back up); a restore creates one there, as `npm start` would.
 */
export async function resolveDatabase(settings: Config, log: (line: string) => void, purpose: "backup" | "restore", override?: string): Promise<DatabaseTarget> {
  const none = async () => {};
  if (override) return { url: override, appRole: null, close: none };
  if (settings.DATABASE_URL) {
    const url = settings.MIGRATION_DATABASE_URL ?? settings.DATABASE_URL;
    return { url, appRole: appRoleOf(settings.DATABASE_URL, url), close: none };
  }
  const dataDir = path.resolve(settings.DATA_DIR);
  if (purpose === "backup" && !fs.existsSync(path.join(dataDir, "postgres"))) {
    throw new BackupError(`Nothing to back up: DATABASE_URL is not set and ${dataDir} holds no embedded PostgreSQL. Set DATA_DIR to the folder npm start uses, or DATABASE_URL (or --database-url) to the database.`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const roles = embeddedRoles(dataDir);
  const running = runningStack(settings);
  if (running?.superuserDatabaseUrl) {
    log(`Using the embedded PostgreSQL of the npm start running from ${dataDir} (pid ${running.pid}).`);
    return { url: withCredentials(running.superuserDatabaseUrl, roles.owner), appRole: roles.app.name, close: none };
  }
  log(`Starting the embedded PostgreSQL of ${dataDir}…`);
  const embedded = await openEmbeddedDatabase(dataDir, log);
  return { url: embedded.migrationUrl, appRole: embedded.appRole, close: () => embedded.postgres.stop() };
}

/** The chain's JSON-RPC URLs and registry: configured, else the running stack's; null when neither is known. */
export function resolveChain(settings: Config): { urls: string[]; contractAddress: string | null; chainId: string | null } | null {
  const running = runningStack(settings);
  const urls = chainRpcUrls(settings);
  if (urls.length > 0) return { urls, contractAddress: settings.ANCHOR_CONTRACT_ADDRESS ?? running?.contractAddress ?? null, chainId: null };
  if (running?.rpcUrl) return { urls: [running.rpcUrl], contractAddress: settings.ANCHOR_CONTRACT_ADDRESS ?? running.contractAddress ?? null, chainId: running.chainId ?? null };
  return null;
}
