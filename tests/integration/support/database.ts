import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { resetConfigCache } from "@/lib/config";
import { disconnectDb } from "@/lib/db/client";
import { withDatabase } from "@/lib/dev/embedded-postgres";

/** Admin connection to the test PostgreSQL server (not to any test's database). */
export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("pgServerUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database cloned from the run's template; returns its URL. */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
  const name = `tt_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDatabase")}"`);
        return;
      } catch (error) {
        // Another file cloning the template at the same instant: try again shortly.
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return { name, url: withDatabase(inject("pgServerUrl"), name) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * Give this test file its own fresh database: DATABASE_URL points at it for every module the
 * file imports (db(), the domain operations), and it is dropped when the file is done.
 */
export function useTestDatabase(): { url: () => string } {
  let database: { name: string; url: string } | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    resetConfigCache();
  });
  afterAll(async () => {
    await disconnectDb();
    if (database) await dropTestDatabase(database.name);
  });
  return {
    url: () => {
      if (!database) throw new Error("useTestDatabase(): the database exists only inside tests and hooks");
      return database.url;
    },
  };
}
