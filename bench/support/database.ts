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

/** Creates and migrates tt_bench_<name>_<pid>, points DATABASE_URL (and db()) at it. */
export async function createBenchDatabase(benchName: string): Promise<BenchDatabase> {
  const name = `tt_bench_${benchName}_${process.pid}`;
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'tt\\_bench\\_%'");
    for (const { datname } of rows) {
      const owner = /_(\d+)$/.exec(datname)?.[1];
      if (owner !== undefined && !isAlive(Number(owner))) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const url = withDatabase(SERVER_URL, name);
  await migrate(url);
  process.env.DATABASE_URL = url;
  resetConfigCache();
  let dropped = false;
  return {
    name,
    url,
    async drop() {
      if (dropped) return;
      dropped = true;
      // Queries still in flight (an interrupted run) must not hold the drop up.
      await Promise.race([disconnectDb().catch(() => {}), new Promise((r) => setTimeout(r, 2_000))]);
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
