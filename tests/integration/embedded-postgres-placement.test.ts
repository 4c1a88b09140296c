import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT_HOME, type RunningPostgres, externalDataDirectory, startEmbeddedPostgres } from "@/lib/dev/embedded-postgres";

// Where the embedded PostgreSQL keeps its data when `npm start` runs as root (it then runs as the
// postgres OS user): in DATA_DIR/postgres when that user can reach it, else outside, linked from
// there. first-start.test.ts runs the whole start-up from a closed clone; these are the cases of
// the data directory alone, each a few seconds.

const isRoot = os.userInfo().uid === 0;
if (!isRoot) console.warn("embedded-postgres-placement.test.ts skipped: the placement differs only when running as root (CI runs as root).");

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function tempFolder(mode: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tradetrail-pg-placement-"));
  fs.chmodSync(dir, mode);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string): Promise<RunningPostgres> {
  const server = await startEmbeddedPostgres({ dataDir });
  // Run in reverse: the server stops before its data goes.
  if (server.dataDirectory.startsWith(`${ROOT_HOME}/data/`)) cleanups.push(() => fs.rmSync(server.dataDirectory, { recursive: true, force: true }));
  cleanups.push(() => server.stop());
  return server;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!isRoot)("embedded PostgreSQL data placement as root", () => {
  it("keeps the data in DATA_DIR/postgres when the postgres user can reach it", async () => {
    const dataDir = path.join(tempFolder(0o755), ".data");
    const server = await start(dataDir);
    expect(server.dataDirectory).toBe(path.join(dataDir, "postgres"));
    expect(fs.lstatSync(server.dataDirectory).isDirectory()).toBe(true);
    expect(server.linkedFrom).toBeUndefined();
    expect(server.closedFolder).toBeUndefined();
  });

  it("puts the data outside a folder the postgres user cannot enter, linked from DATA_DIR/postgres, and finds it again", async () => {
    const closed = tempFolder(0o700);
    const dataDir = path.join(closed, ".data");
    const first = await start(dataDir);
    expect(first.dataDirectory).toBe(externalDataDirectory(dataDir));
    expect(first.linkedFrom).toBe(path.join(dataDir, "postgres"));
    expect(first.closedFolder).toBe(closed);
    expect(fs.readlinkSync(path.join(dataDir, "postgres"))).toBe(first.dataDirectory);
    await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    await first.stop();

    const second = await start(dataDir);
    expect(second.dataDirectory).toBe(first.dataDirectory);
    expect(await query(second.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
  });

  it("starts over when DATA_DIR was deleted: the old cluster's password went with it", async () => {
    const dataDir = path.join(tempFolder(0o700), ".data");
    const first = await start(dataDir);
    await query(first.url, "CREATE TABLE old (x int)");
    await first.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });

    const second = await start(dataDir);
    expect(second.dataDirectory).toBe(first.dataDirectory);
    expect(await query(second.url, "SELECT to_regclass('public.old') AS old")).toEqual([{ old: null }]);
  });

  it("replaces the empty DATA_DIR/postgres that a start before this fix left behind", async () => {
    const dataDir = path.join(tempFolder(0o700), ".data");
    // What the failed `spawn … initdb EACCES` start left: an empty folder owned by postgres.
    fs.mkdirSync(path.join(dataDir, "postgres"), { recursive: true });
    const server = await start(dataDir);
    expect(fs.lstatSync(path.join(dataDir, "postgres")).isSymbolicLink()).toBe(true);
    expect(await query(server.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });
});
