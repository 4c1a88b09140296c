import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { chainRpcUrls } from "@/lib/config";
import { db } from "@/lib/db/client";
import { type DocumentStorage, documentStorage } from "@/lib/storage";

// /api/ready: can this process serve requests? One check per dependency (the database, the
// chain, the document store), each with its latency and, when it fails, one sentence naming what
// failed. Never a stack trace, a URL (hosted RPC URLs carry API keys) or a credential.

export type Dependency = "database" | "chain" | "storage";

export interface CheckResult {
  ok: boolean;
  latencyMs: number;
  /** Why it failed, in words an operator can act on. */
  error?: string;
}

export interface Readiness {
  ready: boolean;
  checks: Record<Dependency, CheckResult>;
}

/** Each check gives up after this long: a load balancer probing readiness does not wait for a stuck dependency. */
export const CHECK_TIMEOUT_MS = 2_000;

async function timed(run: (signal: AbortSignal) => Promise<void>, timeoutMs: number, what: string): Promise<CheckResult> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  const latency = () => Math.round(performance.now() - started);
  try {
    await Promise.race([
      run(signal),
      new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), { once: true })),
    ]);
    return { ok: true, latencyMs: latency() };
  } catch (error) {
    return { ok: false, latencyMs: latency(), error: describe(error, what) };
  }
}

/** A failure in one line without secrets: the error's first line, any URL in it cut to its origin. */
function describe(error: unknown, what: string): string {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300);
  const withoutUrls = message.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"']+/gi, (url) => {
    try {
      const u = new URL(url);
      return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ""}`;
    } catch {
      return "(a URL)";
    }
  });
  return withoutUrls.startsWith(what) ? withoutUrls : `${what}: ${withoutUrls}`;
}

export function checkDatabase(timeoutMs = CHECK_TIMEOUT_MS): Promise<CheckResult> {
  return timed(async () => void (await db().$queryRaw`SELECT 1`), timeoutMs, "PostgreSQL");
}

/** eth_blockNumber straight over HTTP (no retries: the provider's backoff would outlast a probe); any configured URL answering is enough. */
export function checkChain(urls: readonly string[] = chainRpcUrls(), timeoutMs = CHECK_TIMEOUT_MS): Promise<CheckResult> {
  return timed(
    async (signal) => {
      const failures: string[] = [];
      for (const url of urls) {
        try {
          const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }), signal });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const body = (await response.json()) as { result?: unknown };
          if (typeof body.result !== "string" || !/^0x[0-9a-f]+$/i.test(body.result)) throw new Error("the answer to eth_blockNumber is not a block number");
          return;
        } catch (error) {
          if (signal.aborted) throw error;
          failures.push(error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error));
        }
      }
      throw new Error(`no JSON-RPC endpoint answered eth_blockNumber (${failures.join("; ") || "none configured"})`);
    },
    timeoutMs,
    "the chain",
  );
}

/** A small object written, read back and deleted: the store accepts writes, not only reads. */
export function checkStorage(storage: DocumentStorage = documentStorage(), timeoutMs = CHECK_TIMEOUT_MS): Promise<CheckResult> {
  return timed(
    async () => {
      const key = `readiness/${randomUUID()}`;
      const probe = `ready ${new Date().toISOString()}`;
      await storage.put(key, Readable.from([Buffer.from(probe)]), { contentType: "text/plain", size: Buffer.byteLength(probe) });
      try {
        const stored = await storage.get(key);
        if ((await text(stored.body)) !== probe) throw new Error("the probe object read back differs from what was written");
      } finally {
        await storage.delete(key);
      }
    },
    timeoutMs,
    "the document store",
  );
}

export async function readiness(): Promise<Readiness> {
  const [database, chain, storage] = await Promise.all([checkDatabase(), checkChain(safeUrls()), checkStorage()]);
  return { ready: database.ok && chain.ok && storage.ok, checks: { database, chain, storage } };
}

function safeUrls(): string[] {
  try {
    return chainRpcUrls();
  } catch {
    return [];
  }
}
