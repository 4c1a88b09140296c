import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { resetConfigCache } from "@/lib/config";
import { disconnectDb } from "@/lib/db/client";
import { roleOf } from "@/lib/db/roles";
import { withDatabase } from "@/lib/dev/embedded-postgres";

/** Superuser connection to the test PostgreSQL server (not to any test's database). */
export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("pgServerUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  /** As the app's role (row privileges only): what DATABASE_URL is in production. */
  url: string;
  /** As the owner of the schema: for tests that migrate or read owner-only catalog details. */
  ownerUrl: string;
}

/** A fresh, migrated database cloned from the run's template, owned by the owner role. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `tt_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" OWNER "${roleOf(inject("pgOwnerUrl"))}" TEMPLATE "${inject("templateDatabase")}"`);
        return;
      } catch (error) {
        // Another file cloning the template at the same instant: try again shortly.
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return { name, url: withDatabase(inject("pgAppUrl"), name), ownerUrl: withDatabase(inject("pgOwnerUrl"), name) };
}

/**
 * Runs `fn` on a superuser connection to the database at `url` (a test database's app URL): what
 * an attacker holding our database can do, and the app's role cannot (disable triggers with
 * session_replication_role, for one). For tests that tamper on purpose.
 */
export async function asSuperuser<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(inject("pgServerUrl"), new URL(url).pathname.slice(1)) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * Give this test file its own fresh database: DATABASE_URL points at it for every module the
 * file imports (db(), the domain operations), and it is dropped when the file is done.
 */
export function useTestDatabase(): { url: () => string; ownerUrl: () => string } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    resetConfigCache();
  });
  afterAll(async () => {
    await disconnectDb();
    if (database) await dropTestDatabase(database.name);
  });
  const current = () => {
    if (!database) throw new Error("useTestDatabase(): the database exists only inside tests and hooks");
    return database;
  };
  return { url: () => current().url, ownerUrl: () => current().ownerUrl };
}
