import fs from "node:fs";
import pg from "pg";

// The running stack started by scripts/e2e.ts (the same start-up as `npm start`).

export interface Runtime {
  appUrl: string;
  /** The development mail catcher's web address (maildev), when npm start runs one. */
  mailUrl: string | null;
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

/** The first e-mail to `to` whose text matches `pattern`, read from the mail catcher's API (waits up to 30 s for delivery). */
export async function mailTo(to: string, pattern: RegExp): Promise<{ subject: string; text: string }> {
  const base = runtime().mailUrl;
  if (!base) throw new Error("No mail catcher: npm start runs one only when SMTP_URL is not set.");
  const deadline = Date.now() + 30_000;
  for (;;) {
    const messages = (await (await fetch(`${base}/api/email`)).json()) as { subject: string; text: string; to: { address: string }[] }[];
    const found = messages.find((m) => m.to.some((r) => r.address === to) && pattern.test(m.text));
    if (found) return { subject: found.subject, text: found.text };
    if (Date.now() > deadline) throw new Error(`No e-mail to ${to} matching ${pattern} within 30 s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
