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
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  globalForDb.__tradetrailDb = { url, client };
  return client;
}

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.__tradetrailDb;
  globalForDb.__tradetrailDb = undefined;
  await current?.client.$disconnect();
}
