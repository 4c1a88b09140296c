import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// pg_dump and pg_restore: which one to run, and running it without a password on the command line.
// pg_dump refuses a server of a newer major version than its own ("server version mismatch"), and
// pg_restore refuses an archive written by a newer pg_dump. A machine often has several: Debian's
// /usr/bin wrapper, /usr/lib/postgresql/<major>/bin, a PG_BIN_DIR the operator names. We take the
// newest that is new enough, and when none is, say so in one line with the remedy.

export class BackupError extends Error {
  override name = "BackupError";
}

export interface PgTool {
  path: string;
  major: number;
  /** What `--version` printed, e.g. "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)". */
  version: string;
}

/** The major version in `pg_dump --version` output ("… 15.20 …" → 15, "… 9.6.24" → 9); null when unreadable. */
export function parseMajor(versionOutput: string): number | null {
  const match = /\)\s+(\d+)(?:\.(\d+))?/.exec(versionOutput) ?? /(\d+)\.(\d+)/.exec(versionOutput);
  return match ? Number(match[1]) : null;
}

/** The major version of a server_version_num (180001 → 18, 150020 → 15). */
export function serverMajor(versionNum: number): number {
  return Math.floor(versionNum / 10_000);
}

/** The newest tool of at least `atLeast`'s major version; null when none is. */
export function chooseTool(tools: readonly PgTool[], atLeast: number): PgTool | null {
  const fit = tools.filter((t) => t.major >= atLeast).sort((a, b) => b.major - a.major);
  return fit[0] ?? null;
}

/** The one-line refusal when no tool is new enough, with the remedy. */
export function tooOldMessage(name: "pg_dump" | "pg_restore", needed: number, found: readonly PgTool[], what: string): string {
  const newest = [...found].sort((a, b) => b.major - a.major)[0];
  const have = newest ? `the newest ${name} here is version ${newest.major} (${newest.path})` : `no ${name} was found (PATH, /usr/lib/postgresql/*/bin, PG_BIN_DIR)`;
  return (
    `${name} ${needed} or later is needed to ${what}, but ${have}. ` +
    `Install PostgreSQL ${needed}'s client tools (Debian/Ubuntu: apt-get install postgresql-client-${needed}, from apt.postgresql.org) ` +
    `and set PG_BIN_DIR to their bin directory (e.g. /usr/lib/postgresql/${needed}/bin).`
  );
}

/** Every `name` on this machine worth asking: PG_BIN_DIR's alone when set, else PATH's and Debian's versioned ones. */
export function candidatePaths(name: string, binDir?: string): string[] {
  if (binDir) return [path.join(binDir, name)];
  const found = new Set<string>();
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) found.add(path.join(dir, name));
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) for (const version of fs.readdirSync(debian)) found.add(path.join(debian, version, "bin", name));
  return [...found].filter((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

function describeTool(file: string): PgTool | null {
  try {
    const version = execFileSync(file, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 }).trim();
    const major = parseMajor(version);
    return major === null ? null : { path: file, major, version };
  } catch {
    return null;
  }
}

/** The `name` to run against major version `needed`, or a BackupError saying what to install. */
export function requireTool(name: "pg_dump" | "pg_restore", needed: number, what: string, binDir?: string): PgTool {
  const tools = candidatePaths(name, binDir)
    .map(describeTool)
    .filter((t): t is PgTool => t !== null);
  const tool = chooseTool(tools, needed);
  if (!tool) throw new BackupError(tooOldMessage(name, needed, tools, what));
  return tool;
}

/**
 * The connection arguments for `url` with the password moved to PGPASSWORD, so it never shows in
 * `ps` or in an error message.
 */
export function connectionArguments(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { args: ["--dbname", parsed.toString()], env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

/** Runs a PostgreSQL client tool; a failure is a BackupError carrying the tool's own last lines. */
export function runTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(tool.path, args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const lines = String(stderr).trim().split("\n").filter(Boolean).slice(-3).join(" | ");
      reject(new BackupError(`${path.basename(tool.path)} failed: ${lines || error.message}`));
    });
  });
}
