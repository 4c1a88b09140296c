import pg from "pg";
import { resetConfigCache } from "@/lib/config";
import { disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { withDatabase } from "@/lib/dev/embedded-postgres";
import { isAlive } from "@/lib/dev/processes";

// Each benchmark gets a fresh, migrated database on the real PostgreSQL server, named after the
// benchmark and the process (tt_bench_<name>_<pid>) so that databases left by a killed run can be
// recognised and dropped by the next one.

export const SERVER_URL = process.env.BENCH_DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  name: string;
  url: string;
  /** True when a kept database from an earlier run was found and reused (its rows are there). */
  reused: boolean;
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach PostgreSQL at ${SERVER_URL} (${error instanceof Error ? error.message : String(error)}). ` +
        "Start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set BENCH_DATABASE_SERVER_URL.",
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates and migrates tt_bench_<name>_<pid>, points DATABASE_URL (and db()) at it.
 *
 * With `keep` (BENCH_KEEP_DATABASE=1), the database is tt_bench_<name>_kept instead: not dropped at
 * the end, and reused by the next run with `keep` once a run has marked it seeded
 * (`markSeeded`), so that iterating on a change does not seed 100,000 rows each time. Drop it by
 * hand when done (`DROP DATABASE tt_bench_<name>_kept`).
 */
export async function createBenchDatabase(benchName: string, { keep = false }: { keep?: boolean } = {}): Promise<BenchDatabase> {
  const name = keep ? `tt_bench_${benchName}_kept` : `tt_bench_${benchName}_${process.pid}`;
  const url = withDatabase(SERVER_URL, name);
  if (keep && (await isSeeded(url))) {
    await migrate(url);
    process.env.DATABASE_URL = url;
    resetConfigCache();
    return { name, url, reused: true, drop: () => disconnectDb().catch(() => {}) };
  }
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'tt\\_bench\\_%'");
    for (const { datname } of rows) {
      const owner = /_(\d+)$/.exec(datname)?.[1];
      if (owner !== undefined && !isAlive(Number(owner))) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  await migrate(url);
  process.env.DATABASE_URL = url;
  resetConfigCache();
  let dropped = false;
  return {
    name,
    url,
    reused: false,
    async drop() {
      if (keep) return void (await disconnectDb().catch(() => {}));
      if (dropped) return;
      dropped = true;
      // Queries still in flight (an interrupted run) must not hold the drop up.
      await Promise.race([disconnectDb().catch(() => {}), new Promise((r) => setTimeout(r, 2_000))]);
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

const SEEDED_MARK = "tt_bench_seeded";

/** Whether a kept database exists and an earlier run finished seeding it. */
async function isSeeded(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ seeded: boolean }>(`SELECT to_regclass('${SEEDED_MARK}') IS NOT NULL AS seeded`);
    return rows[0]!.seeded;
  } catch {
    return false; // no such database yet
  } finally {
    await client.end().catch(() => {});
  }
}

/** Marks a kept database as completely seeded (a run stopped while seeding leaves it unmarked, and the next run seeds afresh). */
export async function markSeeded(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS ${SEEDED_MARK} (at timestamptz NOT NULL DEFAULT now())`);
  } finally {
    await client.end();
  }
}
