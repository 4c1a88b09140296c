// Drafts the SQL for a new migration: what takes the schema at a git revision (default HEAD,
// the last committed schema) to the working prisma/schema.prisma, in Prisma Migrate's own words.
// Usage: npm run db:draft-migration -- <snake_case_name> [git-rev]
// (The engine wants a reachable server: DATABASE_URL, else the local PostgreSQL.)
// Review the file it writes (data migrations, CHECK constraints are yours to add); the schema
// drift test proves the result matches the schema.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { diffSchemaFiles, isEmptyMigration } from "@/lib/db/schema-engine";

const [name, rev = "HEAD"] = process.argv.slice(2);
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:draft-migration -- <snake_case_name> [git-rev]");
  process.exit(2);
}

function schemaAt(revision: string): string | null {
  try {
    return execFileSync("git", ["show", `${revision}:prisma/schema.prisma`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return null; // no committed schema yet: draft from an empty database
  }
}

const dir = "prisma/migrations";
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const sql = await diffSchemaFiles(schemaAt(rev), fs.readFileSync("prisma/schema.prisma", "utf8"), server);
if (isEmptyMigration(sql)) {
  console.log(`prisma/schema.prisma has no changes since ${rev}: nothing to draft.`);
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
fs.mkdirSync(target, { recursive: true });
fs.writeFileSync(path.join(target, "migration.sql"), sql);
console.log(`Drafted ${target}/migration.sql — review it before committing.`);
