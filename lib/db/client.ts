import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { requireSetting } from "@/lib/config";
import { fromSqlDate } from "@/lib/format/dates";
import { logger } from "@/lib/observability/log";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

/** The process's connection pool for DATABASE_URL and the Prisma client that uses it. */
export interface Database {
  url: string;
  pool: pg.Pool;
  /** Connections that always run a prepared statement's generic plan (readRows' `plan: "generic"`). */
  genericPool: pg.Pool;
  client: PrismaClient;
}

const globalForDb = globalThis as unknown as { __tradetrailDb?: Database };

/** The process's Prisma client for DATABASE_URL (one pool per process, kept across dev reloads). */
export function db(): PrismaClient {
  return database().client;
}

function database(): Database {
  const url = requireSetting("DATABASE_URL", "run the app with `npm start`, or set it to a PostgreSQL connection URL");
  const current = globalForDb.__tradetrailDb;
  if (current && current.url === url) return current;
  return installDatabase(url);
}

/**
 * Makes the pool and Prisma client for `url` the process's own. `makeClient` is for benchmarks
 * that listen to Prisma's query events; the pool and the adapter's settings stay the app's.
 */
export function installDatabase(url: string, makeClient = (adapter: PrismaPg) => new PrismaClient({ adapter })): Database {
  const installed = openDatabase(url, makeClient);
  globalForDb.__tradetrailDb = installed;
  return installed;
}

/**
 * A pool and Prisma client for `url` that are not the process's own: for a script that works on
 * a second database (`npm run restore` reconciles the database it restored). Close it when done.
 */
export function openDatabase(url: string, makeClient = (adapter: PrismaPg) => new PrismaClient({ adapter })): Database & { close(): Promise<void> } {
  const pool = new pg.Pool(poolConfig(url));
  const genericPool = new pg.Pool(genericPoolConfig(url));
  // An idle connection the server closes (a restart, a dropped test database) must not crash
  // the process; the next query opens a new one.
  for (const p of [pool, genericPool]) p.on("error", (error) => logger().error({ component: "database", err: error.message }, "PostgreSQL connection lost"));
  const client = makeClient(new PrismaPg(pool, adapterOptions));
  const close = async () => {
    await client.$disconnect();
    await Promise.all([pool.end(), genericPool.end()]);
  };
  return { url, pool, genericPool, client, close };
}

/**
 * The application's pg pool settings.
 * jit=off: our queries are short OLTP lookups, but the dashboard's (many CASE/EXISTS arms over
 * 100k credits) looks expensive enough to the planner that JIT compilation took 2 s of its 2.2 s
 * (bench/dashboard.ts); without JIT it runs in a fraction of that.
 */
export function poolConfig(url: string): pg.PoolConfig {
  return { connectionString: url, max: 10, options: "-c jit=off" };
}

/**
 * The second, smaller pool: plan_cache_mode=force_generic_plan, for the dashboard's queues. Each
 * is a union of one branch per awaited step whose custom plans PostgreSQL keeps choosing,
 * although planning one costs three times running it (a bank's "waiting for me": 10 ms a run
 * with a custom plan, 2.6 ms with the generic one; "waiting for others": 25 against 9 ms, at
 * 100,000 credits, bench/dashboard.ts). Their parameters are a party's id and cut-offs, whose
 * best plan does not depend on the value, so one plan serves every organisation.
 */
export function genericPoolConfig(url: string): pg.PoolConfig {
  return { connectionString: url, max: 5, options: "-c jit=off -c plan_cache_mode=force_generic_plan" };
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

const DATE_OID = 1082;
const INT8_OID = 20;
/** Values as Prisma's $queryRaw returns them: a DATE is UTC midnight (pg would use local midnight), int8 a bigint. */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === DATE_OID) return fromSqlDate;
    if (oid === INT8_OID) return (value: string) => BigInt(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/**
 * The rows of a read-only query, run on the pool Prisma uses but without Prisma's query engine,
 * for the few reads on every API request (token, credit list). Prisma spent 0.8–1.0 ms of CPU
 * on each such $queryRaw against 0.35 ms for pg alone (bench/dashboard.ts). Values come back as
 * from $queryRaw, except numeric, which stays a string. Not inside a transaction: use `tx`.
 */
export async function readRows<T>(query: Prisma.Sql, options: { plan?: "generic" } = {}): Promise<T[]> {
  const { pool, genericPool } = database();
  const on = options.plan === "generic" ? genericPool : pool;
  const result = await on.query({ name: statementName(query.text), text: query.text, values: query.values, types });
  return result.rows as T[];
}

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.__tradetrailDb;
  globalForDb.__tradetrailDb = undefined;
  if (!current) return;
  await current.client.$disconnect();
  await Promise.all([current.pool.end(), current.genericPool.end()]);
}
