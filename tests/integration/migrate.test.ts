import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { MigrationError, migrate, readMigrations } from "@/lib/db/migrate";
import { migrateDatabase } from "@/lib/db/roles";
import { type TestDatabase, createTestDatabase, dropTestDatabase, withAdmin } from "./support/database";

const created: string[] = [];
/** Copies of prisma/migrations made by the test: removed after it. */
const copies: string[] = [];
afterEach(async () => {
  while (created.length) await dropTestDatabase(created.pop()!);
  while (copies.length) fs.rmSync(copies.pop()!, { recursive: true, force: true });
});

/** A fresh, empty database (not cloned from the migrated template); its owner's URL, who migrates. */
async function emptyDatabase(): Promise<string> {
  return (await emptyTestDatabase()).ownerUrl;
}

async function emptyTestDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  created.push(db.name);
  const client = new pg.Client({ connectionString: db.ownerUrl });
  await client.connect();
  await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  await client.end();
  return db;
}

async function rows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).rows;
  } finally {
    await client.end();
  }
}

function copyMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-migrations-"));
  copies.push(dir);
  fs.cpSync("prisma/migrations", dir, { recursive: true });
  return dir;
}

describe("lib/db/migrate", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    const url = await emptyDatabase();
    const first = await migrate(url);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    const second = await migrate(url);
    expect(second.applied).toEqual([]);

    const recorded = await rows(url);
    expect(recorded.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
    for (const row of recorded) {
      const file = fs.readFileSync(path.join("prisma/migrations", row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("lets two concurrent runs apply each migration exactly once (advisory lock)", async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const applied = results.flatMap((r) => r.applied);
    expect(applied.sort()).toEqual(readMigrations().map((m) => m.name).sort());
    expect((await rows(url)).length).toBe(readMigrations().length);
  });

  it("refuses to run when an applied migration was modified", async () => {
    const url = await emptyDatabase();
    const dir = copyMigrations();
    await migrate(url, { dir });
    const first = readMigrations(dir)[0]!;
    fs.appendFileSync(path.join(dir, first.name, "migration.sql"), "\n-- edited after release\n");
    await expect(migrate(url, { dir })).rejects.toThrow(MigrationError);
    await expect(migrate(url, { dir })).rejects.toThrow(/was modified after it was applied/);
  });

  it("rolls back a failing migration and reports it, leaving earlier ones applied", async () => {
    const url = await emptyDatabase();
    const dir = copyMigrations();
    fs.mkdirSync(path.join(dir, "29990101000000_broken"));
    fs.writeFileSync(path.join(dir, "29990101000000_broken", "migration.sql"), 'CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n');
    await expect(migrate(url, { dir })).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const recorded = await rows(url);
    expect(recorded.filter((r) => r.finished_at !== null)).toHaveLength(readMigrations().length);
    const broken = recorded.find((r) => r.migration_name === "29990101000000_broken");
    expect(broken.rolled_back_at).toBeInstanceOf(Date);
    expect(broken.logs).toMatch(/no_such_table/);
    const exists = await withAdmin(async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rowCount } = await client.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
      await client.end();
      return rowCount;
    });
    expect(exists).toBe(0);
  });

  it("migrates as the owner and grants the app's role row access to every table, those of later migrations too", async () => {
    const db = await emptyTestDatabase();
    const dir = copyMigrations();
    const lines: string[] = [];
    await migrateDatabase({ migrationUrl: db.ownerUrl, databaseUrl: db.url, log: (line) => lines.push(line) });
    fs.mkdirSync(path.join(dir, "29990101000000_later"));
    fs.writeFileSync(path.join(dir, "29990101000000_later", "migration.sql"), 'CREATE TABLE "later" (id serial PRIMARY KEY, note text);\n');
    const later = await migrateDatabase({ migrationUrl: db.ownerUrl, databaseUrl: db.url, dir });
    expect(later.applied).toEqual(["29990101000000_later"]);
    expect(lines.filter((l) => l.startsWith("warning"))).toEqual([]);
    const app = new pg.Client({ connectionString: db.url });
    await app.connect();
    try {
      await app.query(`INSERT INTO "later" (note) VALUES ('the app may write rows')`);
      expect((await app.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)).rows[0].n).toBe(readMigrations().length + 1);
      await expect(app.query(`DELETE FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied for table _prisma_migrations/);
      await expect(app.query(`CREATE TABLE "mine" (id int)`)).rejects.toThrow(/permission denied for schema public/);
    } finally {
      await app.end();
    }
  });

  it("warns when the app's connection migrates itself (no MIGRATION_DATABASE_URL)", async () => {
    const db = await emptyTestDatabase();
    const lines: string[] = [];
    await migrateDatabase({ databaseUrl: db.ownerUrl, log: (line) => lines.push(line) });
    expect(lines[0]).toMatch(/^warning: MIGRATION_DATABASE_URL is not set/);
  });
});
