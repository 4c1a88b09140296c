import fs from "node:fs";
import pg from "pg";

// The running stack started by scripts/e2e.ts (the same start-up as `npm start`).

export interface Runtime {
  appUrl: string;
  /** The app's role: row privileges only, as the web server and the worker connect. */
  databaseUrl: string;
  /** The embedded server's superuser on the same database: what an attacker holding it could do. */
  superuserDatabaseUrl: string;
  rpcUrl: string;
  chainId: string;
  contractAddress: string;
}

export function runtime(): Runtime {
  const file = process.env.E2E_RUNTIME;
  if (!file) throw new Error("E2E_RUNTIME is not set: run the end-to-end tests with `npm run test:e2e`.");
  return JSON.parse(fs.readFileSync(file, "utf8")) as Runtime;
}

/** Direct SQL against the app's database as the app's role, for what a fixture would do. */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return query<T>(runtime().databaseUrl, text, values);
}

/** Direct SQL as the superuser, for what only an attacker holding the database could do (disable its triggers). */
export async function superuserSql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const url = runtime().superuserDatabaseUrl;
  if (!url) throw new Error("runtime.json has no superuserDatabaseUrl: the end-to-end tests need the embedded PostgreSQL of `npm run test:e2e`.");
  return query<T>(url, text, values);
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(runtime().rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const body = (await response.json()) as { result: T; error?: { message: string } };
  if (body.error) throw new Error(body.error.message);
  return body.result;
}
