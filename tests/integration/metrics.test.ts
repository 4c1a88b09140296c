import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Writable } from "node:stream";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as verifyRoute } from "@/app/api/v1/credits/[creditId]/verify/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { appendMilestone } from "@/lib/anchoring/record";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { primaryNetworkName } from "@/lib/chain/networks";
import { makeProvider } from "@/lib/chain/provider";
import { resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import { queueEmail } from "@/lib/email/outbox";
import { createLogger, replaceLogger } from "@/lib/observability/log";
import { type MetricsServer, startMetricsServer } from "@/lib/observability/metrics";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { startFaultProxy } from "../support/fault-proxy";
import { useTestDatabase } from "./support/database";
import { anchorEverything, withTriggersOff } from "./support/tamper";
import { tokenFor } from "./support/tokens";
import { type World, createWorld, creditIn } from "./support/world";

// The metrics port as Prometheus scrapes it (issue 16, item 5): every metric docs/OPERATIONS.md
// lists is in the scrape, with the type the document gives it, and the values move with what
// happens: a milestone waiting, a batch anchored, an RPC endpoint down, a tampered trail
// verified, e-mail queued. Real PostgreSQL, real anvil, a real worker and real route handlers.

const database = useTestDatabase();
let world: World;
let chain: ChainFixture;
let worker: AnchoringWorker;
let server: MetricsServer;
const storageDir = mkdtempSync(path.join(tmpdir(), "tt-metrics-"));
const repo = path.resolve(import.meta.dirname, "../..");

beforeAll(async () => {
  world = await createWorld();
  chain = await deployedRegistry();
  Object.assign(process.env, { CHAIN_RPC_URL: chain.rpcUrl, ANCHOR_CONTRACT_ADDRESS: chain.address, STORAGE_DIR: storageDir });
  resetConfigCache();
  worker = new AnchoringWorker(
    { provider: chain.provider, registry: chain.registry, signer: chain.signer, chainId: chain.chainId, contractAddress: chain.address },
    { batchSize: 64, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 5_000 },
  );
  server = await startMetricsServer({ port: 0, host: "127.0.0.1" });
});

afterAll(async () => {
  await server?.close();
  rmSync(storageDir, { recursive: true, force: true });
});

/** The metrics docs/OPERATIONS.md lists in its table, with their types. */
function documentedMetrics(): Map<string, string> {
  const doc = readFileSync(path.join(repo, "docs/OPERATIONS.md"), "utf8");
  return new Map([...doc.matchAll(/^\| `(tradetrail_[a-z_]+)` \| (counter|gauge|histogram) \|/gm)].map((m) => [m[1]!, m[2]!]));
}

async function scrape(): Promise<string> {
  const response = await fetch(server.url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The sample `name{labels}` in a scrape (labels matched exactly, in any order); undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(",");
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const got = (match[2] ?? "")
      .split(/,(?=\w+=")/)
      .filter(Boolean)
      .sort()
      .join(",");
    if (got === wanted) return match[3] === "+Inf" ? Number.POSITIVE_INFINITY : Number(match[3]);
  }
  return undefined;
}

/** Appends `count` milestones to a credit as the lifecycle writes them. */
async function append(creditId: string, count: number): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM credits WHERE id = ${creditId}::uuid FOR UPDATE`;
    for (let i = 0; i < count; i++) {
      const seq = (await tx.milestone.count({ where: { creditId } })) + 1;
      await appendMilestone(tx, { creditId, kind: seq === 1 ? "TERMS_AGREED" : "CREDIT_ISSUED", content: { step: seq } });
    }
  });
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("the metrics scrape", () => {
  it("has every metric docs/OPERATIONS.md lists, of the type it gives, and no tradetrail_ metric it does not list", async () => {
    const documented = documentedMetrics();
    // The list: HTTP latency, backlog, commit-to-anchored, batch sizes, gas, balance, RPC errors, verification failures, outbox.
    expect(documented.size).toBeGreaterThanOrEqual(12);
    const text = await scrape();
    const typed = new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
    for (const [name, type] of documented) expect([name, typed.get(name)]).toEqual([name, type]);
    const undocumented = [...typed.keys()].filter((name) => name.startsWith("tradetrail_") && !documented.has(name));
    expect(undocumented).toEqual([]);
    // prom-client's process metrics come along.
    expect(typed.get("process_cpu_seconds_total")).toBe("counter");
  });

  it("counts a pending milestone in the backlog, and after the worker anchors it: the backlog empties, the batch, its latency, its gas and the balance are recorded", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    await append(creditId, 3);
    const before = await scrape();
    const pending = await db().milestone.count({ where: { status: "PENDING" } });
    expect(pending).toBeGreaterThanOrEqual(3);
    expect(sample(before, "tradetrail_anchoring_backlog_milestones", { status: "pending" })).toBe(pending);
    expect(sample(before, "tradetrail_anchoring_oldest_pending_seconds")).toBeGreaterThan(0);

    await anchorEverything(worker);
    await worker.watchBalance();
    const after = await scrape();
    expect(sample(after, "tradetrail_anchoring_backlog_milestones", { status: "pending" })).toBe(0);
    expect(sample(after, "tradetrail_anchoring_backlog_milestones", { status: "batched" })).toBe(0);
    expect(sample(after, "tradetrail_anchoring_oldest_pending_seconds")).toBe(0);
    expect(sample(after, "tradetrail_anchor_batch_size_count")! - (sample(before, "tradetrail_anchor_batch_size_count") ?? 0)).toBeGreaterThanOrEqual(1);
    expect(sample(after, "tradetrail_anchor_batch_size_sum")! - (sample(before, "tradetrail_anchor_batch_size_sum") ?? 0)).toBeGreaterThanOrEqual(pending);
    expect(sample(after, "tradetrail_commit_to_anchored_seconds_count")! - (sample(before, "tradetrail_commit_to_anchored_seconds_count") ?? 0)).toBe(pending);
    const spent = await db().anchorBatch.findMany({ where: { status: "CONFIRMED" }, select: { gasUsed: true, effectiveGasPrice: true } });
    const wei = spent.reduce((sum, b) => sum + b.gasUsed! * b.effectiveGasPrice!, 0n);
    expect(wei).toBeGreaterThan(0n);
    expect(sample(after, "tradetrail_anchor_gas_spent_wei_total")! - (sample(before, "tradetrail_anchor_gas_spent_wei_total") ?? 0)).toBeCloseTo(Number(wei), -6);
    const address = (await chain.signer.getAddress()).toLowerCase();
    // The batch's own network, named as bundles name it (CHAIN_NAME, else chain-<id>).
    const network = primaryNetworkName(chain.chainId);
    const balance = await chain.provider.getBalance(address);
    expect(sample(after, "tradetrail_anchor_signer_balance_wei", { network, address })).toBeCloseTo(Number(balance), -6);
    // 100 ETH against one day's spending of a few batches: far more than three days.
    expect(sample(after, "tradetrail_anchor_balance_days_left", { network, address })).toBeGreaterThan(3);
    expect(sample(after, "tradetrail_anchor_balance_low", { network, address })).toBe(0);
  });

  it("counts RPC errors by kind when the endpoint is unreachable", async () => {
    const before = await scrape();
    const provider = makeProvider(`http://127.0.0.1:${await closedPort()}`, { chainId: chain.chainId, retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 } });
    await expect(provider.getBlockNumber()).rejects.toThrow(/No JSON-RPC endpoint answered/);
    provider.destroy();
    const after = await scrape();
    const delta = (kind: string) => (sample(after, "tradetrail_rpc_errors_total", { kind }) ?? 0) - (sample(before, "tradetrail_rpc_errors_total", { kind }) ?? 0);
    // Two attempts (the first round and one retry), each refused; then the request failed.
    expect(delta("connection")).toBe(2);
    expect(delta("exhausted")).toBe(1);
  });

  it("counts 429s and timeouts through the fault proxy by kind, while the request itself is answered", async () => {
    const proxy = await startFaultProxy(chain.rpcUrl, { share: 0, kinds: [], holdMs: 1_000, firstOf: { eth_blockNumber: ["429", "timeout"] } });
    try {
      const before = await scrape();
      const provider = makeProvider(proxy.url, { chainId: chain.chainId, timeoutMs: 300, retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 2 } });
      expect(await provider.getBlockNumber()).toBeGreaterThan(0);
      provider.destroy();
      const after = await scrape();
      const delta = (kind: string) => (sample(after, "tradetrail_rpc_errors_total", { kind }) ?? 0) - (sample(before, "tradetrail_rpc_errors_total", { kind }) ?? 0);
      expect([delta("rate_limited"), delta("timeout"), delta("exhausted")]).toEqual([1, 1, 0]);
    } finally {
      await proxy.close();
    }
  });

  it("counts a truncated trail found by the API's verify, and labels the request by route pattern, never by the credit's id", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    await append(creditId, 3);
    await anchorEverything(worker);
    await append(creditId, 2);
    await anchorEverything(worker);
    // Whoever holds the database cuts the trail's tail; the chain knows the credit reached seq 5.
    await withTriggersOff(database.url(), [[`DELETE FROM milestones WHERE credit_id = $1 AND seq >= 4`, [creditId]]]);
    const before = await scrape();
    const maker = world.users.issuingBank.MAKER;
    const token = await tokenFor(maker, ["read"]);
    const logged: string[] = [];
    const previous = replaceLogger(createLogger(new Writable({ write: (chunk, _encoding, done) => void (logged.push(String(chunk)), done()) }), "info"));
    let response: Response;
    try {
      response = await verifyRoute(new Request(`http://localhost/api/v1/credits/${creditId}/verify`, { method: "POST", headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({ creditId }),
      });
    } finally {
      replaceLogger(previous);
    }
    expect(response.status).toBe(200);
    expect(((await response.json()) as { trail: { status: string } }).trail.status).toBe("truncated");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    // One JSON line for the request, with the ids an operator searches by, and never the token.
    const lines = logged.flatMap((chunk) => chunk.split("\n").filter(Boolean)).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line.msg === "request")).toEqual([
      expect.objectContaining({
        level: "info",
        requestId: response.headers.get("x-request-id"),
        route: "/api/v1/credits/[creditId]/verify",
        method: "POST",
        status: 200,
        userId: maker.userId,
        orgId: maker.organizationId,
        creditId,
      }),
    ]);
    expect(logged.join("")).not.toContain(token);
    const after = await scrape();
    const failures = (text: string) => sample(text, "tradetrail_verification_failures_total", { status: "truncated" }) ?? 0;
    expect(failures(after) - failures(before)).toBe(1);
    const route = { route: "/api/v1/credits/[creditId]/verify", method: "POST", status: "200" };
    expect((sample(after, "tradetrail_http_request_duration_seconds_count", route) ?? 0) - (sample(before, "tradetrail_http_request_duration_seconds_count", route) ?? 0)).toBe(1);
    expect(after).not.toContain(creditId);
  });

  it("counts the health probe under its route", async () => {
    const before = await scrape();
    expect((await healthRoute(new Request("http://localhost/api/health"))).status).toBe(200);
    const route = { route: "/api/health", method: "GET", status: "200" };
    expect((sample(await scrape(), "tradetrail_http_request_duration_seconds_count", route) ?? 0) - (sample(before, "tradetrail_http_request_duration_seconds_count", route) ?? 0)).toBe(1);
  });

  it("raises the low-balance alert metric when a send is refused for want of funds, and lowers it once the signer is funded and anchoring resumes", async () => {
    // A registry of its own: draining its anchorer touches no other test's signer.
    const poor = await deployedRegistry();
    const address = poor.anchorer.toLowerCase();
    const network = primaryNetworkName(poor.chainId);
    const poorWorker = new AnchoringWorker(
      { provider: poor.provider, registry: poor.registry, signer: poor.signer, chainId: poor.chainId, contractAddress: poor.address },
      { batchSize: 64, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 5_000 },
    );
    await poor.provider.send("anvil_setBalance", [poor.anchorer, "0x3e8"]); // 1,000 wei
    const { creditId } = await creditIn(world, "ADVISED");
    await append(creditId, 1);
    const report = await poorWorker.tick();
    expect(report.errors.join(" ")).toContain(`the anchoring signer ${poor.anchorer} holds`);
    const refused = await scrape();
    expect(sample(refused, "tradetrail_anchor_balance_low", { network, address })).toBe(1);
    expect(sample(refused, "tradetrail_anchor_signer_balance_wei", { network, address })).toBe(1_000);
    expect(sample(refused, "tradetrail_anchoring_backlog_milestones", { status: "batched" })).toBe(1);

    await poor.provider.send("anvil_setBalance", [poor.anchorer, "0xDE0B6B3A7640000"]); // 1 ETH
    await new Promise((r) => setTimeout(r, 250)); // past the back-off
    await anchorEverything(poorWorker);
    const funded = await scrape();
    expect(sample(funded, "tradetrail_anchor_balance_low", { network, address })).toBe(0);
    expect(sample(funded, "tradetrail_anchoring_backlog_milestones", { status: "batched" })).toBe(0);
  });

  it("reports the e-mail outbox's depth from the database", async () => {
    await queueEmail(db(), { to: "ops@example.com", subject: "one", text: "first", kind: "test" });
    await queueEmail(db(), { to: "ops@example.com", subject: "two", text: "second", kind: "test" });
    const [queued, failed] = await Promise.all([db().emailMessage.count({ where: { status: "QUEUED" } }), db().emailMessage.count({ where: { status: "FAILED" } })]);
    expect(queued).toBeGreaterThanOrEqual(2);
    const text = await scrape();
    expect(sample(text, "tradetrail_email_outbox_depth", { status: "queued" })).toBe(queued);
    expect(sample(text, "tradetrail_email_outbox_depth", { status: "failed" })).toBe(failed);
  });
});
