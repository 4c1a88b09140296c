import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { type RunningAnvil, startAnvil } from "@/lib/dev/anvil";
import { type RunningPostgres, startEmbeddedPostgres, withDatabase } from "@/lib/dev/embedded-postgres";
import { readMigrations } from "@/lib/db/migrate";
import { type DatabaseRoles, adoptDatabase, ensureRoles, migrateDatabase, withCredentials } from "@/lib/db/roles";
import { isAlive } from "@/lib/dev/processes";

// Once per `vitest --project integration` run: find a real PostgreSQL server (TEST_DATABASE_URL,
// else the local one, else an embedded one), migrate a template database that every test file
// clones into its own fresh database, and start one anvil chain the files share.
// Tests connect as the app's role, as the app does in production: an owner role owns and migrates
// the template, the app role gets row privileges only (lib/db/roles.ts), so every test runs with
// the app's real privileges and the database's guards bind it.

/** The tests' own roles on the test server (a test server: fixed passwords are fine). */
const TEST_ROLES: DatabaseRoles = {
  owner: { name: "tradetrail_test_owner", password: "tradetrail-test-owner" },
  app: { name: "tradetrail_test_app", password: "tradetrail-test-app" },
};

declare module "vitest" {
  export interface ProvidedContext {
    /** The test server as a superuser: creates databases, and tampers on purpose (asSuperuser). */
    pgServerUrl: string;
    /** The same server as the owner of the schema (migrations). */
    pgOwnerUrl: string;
    /** The same server as the app's role: every test database's DATABASE_URL. */
    pgAppUrl: string;
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
  // "roles:N": templates from before the two roles (owned by the superuser), or from before the
  // app role lost its write privileges on database_restores, are rebuilt.
  const fingerprint = createHash("sha256")
    .update(["roles:2", ...migrations.map((m) => `${m.name}:${m.checksum}`)].join("\n"))
    .digest("hex")
    .slice(0, 12);
  const template = `tt_tpl_${fingerprint}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Several test runs may start at once: one of them builds the template.
    await admin.query("SELECT pg_advisory_lock(4242001)");
    await ensureRoles(serverUrl, TEST_ROLES);
    // The test roles' commits do not wait for the disk (a crash loses at most the last few
    // transactions of throw-away test databases; nothing else changes): a quarter off the suite.
    for (const role of [TEST_ROLES.owner.name, TEST_ROLES.app.name]) await admin.query(`ALTER ROLE ${role} SET synchronous_commit = off`);
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'tt\\_%'");
    // Each template's comment is when a run last used it: a run from another checkout, with other
    // migrations, may be cloning its own template right now, so only templates unused for an hour go.
    const lastUsed = new Map(
      (
        await admin.query<{ datname: string; used: string | null }>(
          "SELECT datname, shobj_description(oid, 'pg_database') AS used FROM pg_database WHERE datname LIKE 'tt\\_tpl\\_%'",
        )
      ).rows.map((r) => [r.datname, Number(r.used ?? 0)]),
    );
    for (const { datname } of rows) {
      // Databases left behind by killed runs (their pid is in the name) and stale templates.
      const owner = /^tt_test_(\d+)_/.exec(datname)?.[1];
      const staleTest = owner !== undefined && !isAlive(Number(owner));
      // (Templates named tt_template_* come from checkouts before this scheme: left to them.)
      const staleTemplate = datname.startsWith("tt_tpl_") && datname !== template && Date.now() - (lastUsed.get(datname) ?? 0) > 3_600_000;
      if (staleTest || staleTemplate) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
    if (!rows.some((r) => r.datname === template)) {
      const building = `${template}_building_${process.pid}`;
      await admin.query(`CREATE DATABASE "${building}" OWNER "${TEST_ROLES.owner.name}"`);
      const buildingUrl = withDatabase(serverUrl, building);
      await adoptDatabase(buildingUrl, TEST_ROLES.owner.name);
      await migrateDatabase({ migrationUrl: withCredentials(buildingUrl, TEST_ROLES.owner), databaseUrl: withCredentials(buildingUrl, TEST_ROLES.app) });
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    }
    await admin.query(`COMMENT ON DATABASE "${template}" IS '${Date.now()}'`);
  } finally {
    await admin.query("SELECT pg_advisory_unlock(4242001)").catch(() => {});
    await admin.end();
  }

  // Every temporary file of this run goes into one folder (TMPDIR of the test workers, started
  // after this setup), so the teardown can tell what this run left behind from what other runs
  // on the machine are using. Mode 755: the embedded PostgreSQL's postgres user reads files in it.
  const runTmp = fs.mkdtempSync(path.join(os.tmpdir(), "tt-run-"));
  fs.chmodSync(runTmp, 0o755);
  process.env.TMPDIR = runTmp;
  const anvil: RunningAnvil = await startAnvil();
  project.provide("pgServerUrl", serverUrl);
  project.provide("pgOwnerUrl", withCredentials(serverUrl, TEST_ROLES.owner));
  project.provide("pgAppUrl", withCredentials(serverUrl, TEST_ROLES.app));
  project.provide("templateDatabase", template);
  project.provide("anvilUrl", anvil.url);

  return async () => {
    await anvil.stop();
    await embedded?.stop();
    const left = leftBehind(runTmp);
    fs.rmSync(runTmp, { recursive: true, force: true });
    if (left.length > 0) {
      // Vitest reports an error thrown here but still exits 0: the exit code is set as well.
      process.exitCode = 1;
      throw new Error(`The integration tests left temporary files behind: ${left.join(", ")}. Remove them in the test file's afterAll.`);
    }
  };
}

/** The tt-* entries a run left in its temporary folder (every test and fixture names its own so). */
export function leftBehind(runTmp: string): string[] {
  return fs.existsSync(runTmp) ? fs.readdirSync(runTmp).filter((name) => name.startsWith("tt-")).sort() : [];
}
