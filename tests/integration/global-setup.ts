import { createHash } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { type RunningAnvil, startAnvil } from "@/lib/dev/anvil";
import { type RunningPostgres, startEmbeddedPostgres, withDatabase } from "@/lib/dev/embedded-postgres";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { isAlive } from "@/lib/dev/processes";

// Once per `vitest --project integration` run: find a real PostgreSQL server (TEST_DATABASE_URL,
// else the local one, else an embedded one), migrate a template database that every test file
// clones into its own fresh database, and start one anvil chain the files share.

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDatabase: string;
    anvilUrl: string;
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export default async function setup(project: TestProject) {
  let embedded: RunningPostgres | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  if (!(await reachable(serverUrl))) {
    embedded = await startEmbeddedPostgres({ dataDir: ".data/test", log: console.error });
    serverUrl = embedded.url;
  }

  const migrations = readMigrations();
  const fingerprint = createHash("sha256").update(migrations.map((m) => `${m.name}:${m.checksum}`).join("\n")).digest("hex").slice(0, 12);
  const template = `tt_template_${fingerprint}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Several test runs may start at once: one of them builds the template.
    await admin.query("SELECT pg_advisory_lock(4242001)");
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'tt\\_%'");
    for (const { datname } of rows) {
      // Databases left behind by killed runs (their pid is in the name) and stale templates.
      const owner = /^tt_test_(\d+)_/.exec(datname)?.[1];
      const staleTest = owner !== undefined && !isAlive(Number(owner));
      const staleTemplate = datname.startsWith("tt_template_") && datname !== template;
      if (staleTest || staleTemplate) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
    if (!rows.some((r) => r.datname === template)) {
      const building = `${template}_building_${process.pid}`;
      await admin.query(`CREATE DATABASE "${building}"`);
      await migrate(withDatabase(serverUrl, building));
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    }
  } finally {
    await admin.query("SELECT pg_advisory_unlock(4242001)").catch(() => {});
    await admin.end();
  }

  const anvil: RunningAnvil = await startAnvil();
  project.provide("pgServerUrl", serverUrl);
  project.provide("templateDatabase", template);
  project.provide("anvilUrl", anvil.url);

  return async () => {
    await anvil.stop();
    await embedded?.stop();
  };
}
