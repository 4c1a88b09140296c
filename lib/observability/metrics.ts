import http from "node:http";
import type { AddressInfo } from "node:net";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { db } from "@/lib/db/client";
import { logWith } from "./log";

// Prometheus metrics (docs/OPERATIONS.md lists each one, with alert rules). Each process has one
// registry: the web server counts HTTP requests and verifications, the jobs count batches, gas,
// RPC errors. What is a fact of the database (the anchoring backlog, the e-mail outbox) is read
// from PostgreSQL at scrape time, so every process reports the same truth and none of them
// has to have seen the change happen.

export const METRICS_PREFIX = "tradetrail_";

/** The kinds of JSON-RPC failure counted (lib/chain/rpc-transport.ts decides which one an error is). */
export const RPC_ERROR_KINDS = ["rate_limited", "timeout", "connection", "http_status", "bad_response", "exhausted"] as const;
export type RpcErrorKind = (typeof RPC_ERROR_KINDS)[number];

interface Metrics {
  registry: Registry;
  httpDuration: Histogram<"route" | "method" | "status">;
  batchSize: Histogram;
  commitToAnchored: Histogram;
  gasSpent: Counter;
  balanceWei: Gauge<"network" | "address">;
  balanceDaysLeft: Gauge<"network" | "address">;
  balanceLow: Gauge<"network" | "address">;
  rpcErrors: Counter<"kind">;
  queueReads: Counter<"result">;
  verificationFailures: Counter<"status">;
}

const log = () => logWith({ component: "metrics" });

/** A gauge read from the database at scrape time; a failed read is logged and leaves the last value. */
function databaseGauge<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[], read: (gauge: Gauge<L>) => Promise<void>): Gauge<L> {
  return new Gauge<L>({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      try {
        await read(this);
      } catch (error) {
        log().warn({ metric: name, err: error instanceof Error ? error.message : String(error) }, "metrics: database read failed");
      }
    },
  });
}

function createMetrics(): Metrics {
  const registry = new Registry();
  // CPU, memory, event-loop lag, handles: the process's own health.
  collectDefaultMetrics({ register: registry });
  const p = METRICS_PREFIX;

  databaseGauge(registry, `${p}anchoring_backlog_milestones`, "Milestones recorded but not anchored yet, by status (pending: waiting for a batch; batched: in a batch not confirmed yet).", ["status"], async (gauge) => {
    const rows = await db().$queryRaw<{ status: string; n: bigint }[]>`
      SELECT status::text AS status, count(*) AS n FROM milestones WHERE status <> 'ANCHORED' GROUP BY status`;
    const byStatus = new Map(rows.map((r) => [r.status, Number(r.n)]));
    gauge.set({ status: "pending" }, byStatus.get("PENDING") ?? 0);
    gauge.set({ status: "batched" }, byStatus.get("BATCHED") ?? 0);
  });
  databaseGauge(registry, `${p}anchoring_oldest_pending_seconds`, "Age of the oldest milestone not anchored yet (0 when every milestone is anchored).", [], async (gauge) => {
    const rows = await db().$queryRaw<{ age: number | null }[]>`
      SELECT extract(epoch FROM now() - min(created_at))::float8 AS age FROM milestones WHERE status <> 'ANCHORED'`;
    gauge.set(Math.max(0, rows[0]?.age ?? 0));
  });
  databaseGauge(registry, `${p}email_outbox_depth`, "E-mail messages in the outbox, by status (queued: waiting to be sent or retried; failed: given up).", ["status"], async (gauge) => {
    const rows = await db().$queryRaw<{ status: string; n: bigint }[]>`
      SELECT status::text AS status, count(*) AS n FROM email_outbox WHERE status <> 'SENT' GROUP BY status`;
    const byStatus = new Map(rows.map((r) => [r.status, Number(r.n)]));
    gauge.set({ status: "queued" }, byStatus.get("QUEUED") ?? 0);
    gauge.set({ status: "failed" }, byStatus.get("FAILED") ?? 0);
  });

  return {
    registry,
    httpDuration: new Histogram({
      name: `${p}http_request_duration_seconds`,
      help: "API requests by route pattern (never the raw path), method and status.",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    batchSize: new Histogram({
      name: `${p}anchor_batch_size`,
      help: "Leaves in each anchoring batch closed (milestones, document commitments, key events).",
      buckets: [1, 2, 5, 10, 25, 50, 100, 256, 512, 1024, 4096],
      registers: [registry],
    }),
    commitToAnchored: new Histogram({
      name: `${p}commit_to_anchored_seconds`,
      help: "From a milestone's commit to its batch's confirmation on chain.",
      buckets: [1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 21600, 86400],
      registers: [registry],
    }),
    gasSpent: new Counter({ name: `${p}anchor_gas_spent_wei_total`, help: "Wei spent on anchoring transactions confirmed by this process (gas used × effective gas price).", registers: [registry] }),
    // Labelled by the signer's address: no series at all before the worker's first read, rather
    // than a 0 that would look like an empty wallet.
    balanceWei: new Gauge({ name: `${p}anchor_signer_balance_wei`, help: "The anchoring signer's balance, as last read by the worker.", labelNames: ["network", "address"], registers: [registry] }),
    balanceDaysLeft: new Gauge({
      name: `${p}anchor_balance_days_left`,
      help: "Days of anchoring the signer's balance covers at the last day's spending rate (+Inf when nothing was spent).",
      labelNames: ["network", "address"],
      registers: [registry],
    }),
    balanceLow: new Gauge({
      name: `${p}anchor_balance_low`,
      help: "1 when the balance covers fewer than ANCHOR_BALANCE_WARN_DAYS days, or a send was refused for want of funds; else 0.",
      labelNames: ["network", "address"],
      registers: [registry],
    }),
    rpcErrors: new Counter({ name: `${p}rpc_errors_total`, help: "Failed JSON-RPC attempts, by kind (each retry that fails counts).", labelNames: ["kind"], registers: [registry] }),
    queueReads: zeroed(
      new Counter({
        name: `${p}dashboard_queue_reads_total`,
        help: "Dashboard queues asked of a web process's cache (lib/credits/queue-cache.ts), by result: hit, refreshed (brought up to date from the few credits that changed), miss (read whole from the database), uncached (the change listener was down).",
        labelNames: ["result"],
        registers: [registry],
      }),
      ["hit", "refreshed", "miss", "uncached"],
    ),
    verificationFailures: new Counter({
      name: `${p}verification_failures_total`,
      help: "Server-side verifications of a credit's trail that found a problem, by status (one count per status found per verification).",
      labelNames: ["status"],
      registers: [registry],
    }),
  };
}

/** A counter with a zero series for each result, so that a rate is defined before the first count. */
function zeroed<L extends string>(counter: Counter<L>, results: readonly string[]): Counter<L> {
  for (const result of results) counter.inc({ result } as Partial<Record<L, string>>, 0);
  return counter;
}

/** One dashboard queue asked of the cache. */
export function countQueueRead(result: "hit" | "refreshed" | "miss" | "uncached"): void {
  metrics().queueReads.inc({ result });
}

// One registry per process, also when Next.js bundles this module into several chunks (a second
// registration of a metric name would throw).
const GLOBAL_KEY = Symbol.for("tradetrail.metrics");
type WithMetrics = typeof globalThis & { [GLOBAL_KEY]?: Metrics };

export function metrics(): Metrics {
  const holder = globalThis as WithMetrics;
  return (holder[GLOBAL_KEY] ??= createMetrics());
}

/** One API request answered. */
export function observeHttpRequest(route: string, method: string, status: number, seconds: number): void {
  metrics().httpDuration.observe({ route, method: method.toUpperCase(), status: String(status) }, seconds);
}

/** An anchoring batch closed with `leafCount` leaves. */
export function observeBatchClosed(leafCount: number): void {
  metrics().batchSize.observe(leafCount);
}

/** A batch confirmed: what it cost, and how long each of its milestones waited since its commit. */
export function observeBatchConfirmed(batch: { gasWei: bigint; milestonesCommittedAt: readonly Date[]; confirmedAt: Date }): void {
  const m = metrics();
  // A Counter takes a number: wei fit a double to 15-16 significant digits, enough for a sum.
  if (batch.gasWei > 0n) m.gasSpent.inc(Number(batch.gasWei));
  for (const committed of batch.milestonesCommittedAt) m.commitToAnchored.observe(Math.max(0, (batch.confirmedAt.getTime() - committed.getTime()) / 1000));
}

/**
 * The anchoring signer's balance on one network as its worker last read it (lib/anchoring/balance.ts).
 * By network as well as address: one key may sign on several networks, each with its own balance.
 */
export function reportBalance(network: string, status: { address: string; balanceWei: bigint; daysLeft: number | null; low: boolean }): void {
  const m = metrics();
  const labels = { network, address: status.address.toLowerCase() };
  m.balanceWei.set(labels, Number(status.balanceWei));
  m.balanceDaysLeft.set(labels, status.daysLeft ?? Number.POSITIVE_INFINITY);
  m.balanceLow.set(labels, status.low ? 1 : 0);
}

export function countRpcError(kind: RpcErrorKind): void {
  metrics().rpcErrors.inc({ kind });
}

/** Statuses of a verification that are not failures: verified, and not anchored yet. */
const NOT_FAILURES = new Set(["verified", "pending", "complete", "unchecked"]);

/** A server-side verification's result: each problem status found (milestone or trail) is counted once. */
export function countVerificationFailures(result: { results: readonly { status: string }[]; trail: { status: string } }): void {
  const found = new Set([...result.results.map((r) => r.status), result.trail.status].filter((s) => !NOT_FAILURES.has(s)));
  for (const status of found) metrics().verificationFailures.inc({ status });
}

/** The scrape: Prometheus's text format. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/** Serves GET /metrics on host:port (port 0: any free port, for tests). */
export async function startMetricsServer(options: { port: number; host: string }): Promise<MetricsServer> {
  const server = http.createServer((request, response) => {
    if (request.method !== "GET" || request.url?.split("?")[0] !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found: scrape /metrics\n");
      return;
    }
    metricsText().then(
      ({ contentType, body }) => response.writeHead(200, { "content-type": contentType }).end(body),
      (error: unknown) => {
        log().error({ err: error instanceof Error ? error.message : String(error) }, "metrics: scrape failed");
        response.writeHead(500, { "content-type": "text/plain" }).end("The metrics could not be collected; see the process's log.\n");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
