import { defineConfig } from "prisma/config";

// Prisma 7 reads connection URLs here, not from schema.prisma. Only `prisma generate` runs on
// these machines (migrations are applied by lib/db/migrate.ts), so the URL may be absent.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/tradetrail" },
});
