import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { requireSetting } from "@/lib/config";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

const globalForDb = globalThis as unknown as { __tradetrailDb?: { url: string; client: PrismaClient } };

/** The process's Prisma client for DATABASE_URL (one pool per process, kept across dev reloads). */
export function db(): PrismaClient {
  const url = requireSetting("DATABASE_URL", "run the app with `npm start`, or set it to a PostgreSQL connection URL");
  const current = globalForDb.__tradetrailDb;
  if (current && current.url === url) return current.client;
  const client = new PrismaClient({ adapter: new PrismaPg(poolConfig(url), adapterOptions) });
  globalForDb.__tradetrailDb = { url, client };
  return client;
}

/**
 * The application's pg pool settings (benchmarks build a query-logging client with the same).
 * jit=off: our queries are short OLTP lookups, but the dashboard's (many CASE/EXISTS arms over
 * 100k credits) looks expensive enough to the planner that JIT compilation took 2 s of its 2.2 s
 * (bench/dashboard.ts); without JIT it runs in a fraction of that.
 */
export function poolConfig(url: string) {
  return { connectionString: url, max: 10, options: "-c jit=off" };
}

/**
 * Every statement is a named prepared statement, parsed and planned once per connection: the
 * same few hundred statements run again and again, and planning cost more than running the
 * credit list's index scans (0.8 of 1.2 ms per list page, bench/dashboard.ts). After five runs
 * PostgreSQL keeps a generic plan unless a custom one is estimated cheaper, so skewed filters
 * still get their own plan. The name is the text's hash, so one name never means two texts.
 */
export const adapterOptions = {
  statementNameGenerator: (query: { sql: string }) => statementName(query.sql),
};

export const statementName = (sql: string) => `tt_${createHash("sha1").update(sql).digest("hex")}`;

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.__tradetrailDb;
  globalForDb.__tradetrailDb = undefined;
  await current?.client.$disconnect();
}
