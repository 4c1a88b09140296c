// Before the first release only: rewrites prisma/migrations/20261125000000_init from schema.prisma.
// Refuses once the init migration is committed on main and applied anywhere that matters;
// from then on every change is a new migration (npm run db:draft-migration).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { diffSchemaFiles } from "@/lib/db/schema-engine";

const file = "prisma/migrations/20261125000000_init/migration.sql";
const released = (() => {
  try {
    execFileSync("git", ["cat-file", "-e", `origin/main:${file}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (released) {
  console.error(`${file} is released; write a new migration instead (npm run db:draft-migration -- <name>).`);
  process.exit(1);
}
const sql = await diffSchemaFiles(null, fs.readFileSync("prisma/schema.prisma", "utf8"), process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
fs.mkdirSync("prisma/migrations/20261125000000_init", { recursive: true });
fs.writeFileSync(file, sql);
console.log(`Rewrote ${file}`);
