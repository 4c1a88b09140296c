import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { freePort } from "@/lib/dev/ports";
import { verifyInclusion } from "@/lib/anchoring/merkle";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { type LoadResult, runLoad } from "./support/load";
import { type TestSmtp, startTestSmtp } from "./support/smtp";
import { tokenFor } from "./support/tokens";
import { type World, creditIn, createWorld } from "./support/world";

// Issue 16, item 4: TradeTrail as several processes on one PostgreSQL. Two anchoring workers
// (`npm run worker`, real processes) share one signer key and one anvil; the API is served first
// by one web process, then by two sharing one port through node:cluster (lib/stack/cluster.ts, as
// `npm start` runs `next start` with WEB_CONCURRENCY=2). A bounded load takes a lifecycle step on
// many credits at once, each step a milestone, notifications and e-mail. Afterwards: every
// milestone anchored exactly once (one batch, each batch's root in exactly one RootAnchored log),
// the shared key's nonces used once each with no gap, every e-mail delivered once, every
// notification written once. Latency is reported per web-process count.
//
// The web processes serve the real action route handler behind node:http
// (support/api-web-process.ts): a production `next build` takes minutes on the CI machine, too
// long for a test bounded to two minutes.

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Credits per phase and step kind: each phase makes 2 × PER_KIND requests (and milestones). */
const PER_KIND = 16;
const CONNECTIONS = 8;

const database = useTestDatabase();
let world: World;
let chain: ChainFixture;
let smtp: TestSmtp;
const children: ChildProcess[] = [];

/** A child process of this test, its output kept; resolves on the first line matching `ready`. */
function launch(args: string[], env: NodeJS.ProcessEnv, ready?: RegExp): { child: ChildProcess; output: () => string; ready: Promise<string> } {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  const readyLine = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = ready && output.split("\n").find((l) => ready.test(l));
      if (line) resolve(line);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => reject(new Error(`${args[0]} exited (${signal ?? code}) before it was ready:\n${output.slice(-3000)}`)));
  });
  readyLine.catch(() => {});
  return { child, output: () => output, ready: readyLine };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await gone;
  clearTimeout(timer);
}

/** What every process of the deployment reads: one database, one chain, one SMTP server. */
function sharedEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    DATABASE_URL: database.url(),
    APP_URL: process.env.APP_URL,
    SMTP_URL: process.env.SMTP_URL,
    AUTH_SECRET: "several-processes-test-secret-0123456789abcdef",
  };
}

interface Step {
  creditId: string;
  action: "endorseTerms" | "approveIssuance";
  token: string;
}

/** One phase's steps: credits ready for a milestone step, half agreeing terms, half issuing. */
async function prepareSteps(): Promise<Step[]> {
  const [beneficiary, checker] = [await tokenFor(world.users.beneficiary.MAKER), await tokenFor(world.users.issuingBank.CHECKER)];
  const steps: Step[] = [];
  for (let i = 0; i < PER_KIND; i++) {
    steps.push({ creditId: (await creditIn(world, "WITH_BENEFICIARY")).creditId, action: "endorseTerms", token: beneficiary });
    steps.push({ creditId: (await creditIn(world, "ISSUANCE_PENDING")).creditId, action: "approveIssuance", token: checker });
  }
  return steps;
}

interface WebSide {
  processes: number;
  port: number;
  web: ReturnType<typeof launch>;
}

/** Starts `processes` web processes on a fresh port (they load while the rest is set up). */
async function startWeb(processes: number): Promise<WebSide> {
  const port = await freePort();
  return { processes, port, web: launch(["tests/integration/support/web-cluster.ts"], { ...sharedEnv(), PORT: String(port), WEB_CONCURRENCY: String(processes) }, /^ready /) };
}

/** Runs the steps as a bounded load on `side`'s web processes, alone on the machine but for the workers, and stops them. */
async function loadWith({ processes, port, web }: WebSide, steps: Step[]): Promise<LoadResult & { pids: string[] }> {
  const pids = (await web.ready).replace(/^ready /, "").trim().split(",");
  try {
    // Warm each process up (its first requests load modules and open its pool) on steps that
    // find no credit, so the figures are of a running site, not of its start.
    await runLoad({ port, requests: 4 * processes, connections: 2 * processes, request: (i) => ({ path: `/api/v1/credits/00000000-0000-4000-8000-${String(i).padStart(12, "0")}/actions/endorseTerms`, headers: { authorization: `Bearer ${steps[0]!.token}`, "content-type": "application/json" }, body: "{}" }) });
    const result = await runLoad({
      port,
      requests: steps.length,
      connections: CONNECTIONS,
      request: (i) => ({
        path: `/api/v1/credits/${steps[i]!.creditId}/actions/${steps[i]!.action}`,
        headers: { authorization: `Bearer ${steps[i]!.token}`, "content-type": "application/json", "idempotency-key": `procs-${steps[i]!.creditId}` },
        body: JSON.stringify({}),
      }),
    });
    return { ...result, pids };
  } finally {
    await stop(web.child);
  }
}

async function until(what: string, condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const t0 = Date.now();
const LOAD_AT_START = os.loadavg().map((l) => l.toFixed(1)).join(" ");
/** Where the bounded time goes, in the test's output. */
const mark = (what: string) => console.log(`[several-processes] ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);

let results: { processes: number; load: LoadResult & { pids: string[] } }[] = [];
let workers: ReturnType<typeof launch>[] = [];

beforeAll(async () => {
  [world, chain] = await Promise.all([createWorld(), deployedRegistry()]);
  smtp = await startTestSmtp("http://127.0.0.1:3999");
  // E-mail to one user per notified party (the others chose none): enough to catch a message
  // sent twice, few enough for the outbox (20 a sender every 2 s) to drain within the bound.
  await db().user.updateMany({ data: { emailNotifications: "OFF" } });
  await db().user.updateMany({ where: { id: { in: [world.users.applicant.MAKER.userId, world.users.beneficiary.MAKER.userId, world.users.advisingBank.MAKER.userId] } }, data: { emailNotifications: "IMMEDIATELY" } });
  // Two `npm run worker` processes with ONE signer key: small batches, so they compete for many.
  const workerEnv = {
    ...sharedEnv(),
    CHAIN_RPC_URL: chain.rpcUrl,
    ANCHOR_CONTRACT_ADDRESS: chain.address,
    ANCHOR_SIGNER_KEY: chain.signerKey,
    ANCHOR_BATCH_SIZE: "4",
    ANCHOR_BATCH_AGE_MS: "100",
    ANCHOR_POLL_MS: "100",
    RECONCILE_INTERVAL_MS: "0",
  };
  workers = [launch(["scripts/worker.ts"], workerEnv, /Running/), launch(["scripts/worker.ts"], workerEnv, /Running/)];
  // Every process loads its modules at once (most of the start-up time on a busy machine), while
  // the credits are made; the two loads then run one after the other on processes already up.
  const sides = [await startWeb(1), await startWeb(2)];
  const [first, second] = [await prepareSteps(), await prepareSteps()];
  mark("credits prepared");
  await Promise.all([...workers, ...sides.map((s) => s.web)].map((p) => p.ready));
  mark("workers and web processes running");
  results = [
    { processes: 1, load: await loadWith(sides[0]!, first) },
    { processes: 2, load: await loadWith(sides[1]!, second) },
  ];
  mark("loads run");
  const milestones = 4 * PER_KIND;
  await until("every milestone is anchored", async () => (await db().milestone.count({ where: { status: "ANCHORED" } })) === milestones, 45_000);
  mark("milestones anchored");
  await until("the e-mail outbox is empty", async () => (await db().emailMessage.count({ where: { status: { not: "SENT" } } })) === 0, 30_000);
  mark("e-mail sent");
  // The last message's SMTP transaction has ended once its row says SENT: give the server a beat.
  await until("every e-mail is received", async () => smtp.inbox.length >= (await db().emailMessage.count()), 5_000);
}, 110_000);

afterAll(async () => {
  await Promise.all(children.map(stop));
  await smtp?.close();
  chain?.provider.destroy();
});

describe("two web processes and two workers on one PostgreSQL and one chain", () => {
  it("serves every step, from both web processes when there are two", () => {
    for (const { processes, load } of results) {
      expect(load.statuses, `${processes} process(es)`).toEqual({ 200: 2 * PER_KIND });
      expect(Object.keys(load.servedBy).sort(), `${processes} process(es)`).toEqual([...load.pids].sort());
    }
    // Round-robin: each of the two got a fair share, not one of them all.
    const two = results[1]!.load;
    for (const pid of two.pids) expect(two.servedBy[pid]).toBeGreaterThanOrEqual(two.requests / 4);
    // The figures, per web-process count (docs/BENCHMARKS.md reads them).
    console.log(`load average at the start: ${LOAD_AT_START}`);
    console.log(
      ["web processes | requests | connections | p50 ms | p95 ms | p99 ms | max ms | req/s", ...results.map(({ processes, load: l }) => `${processes} | ${l.requests} | ${CONNECTIONS} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.max} | ${l.throughput}`)].join("\n"),
    );
  });

  it("anchors every milestone exactly once: one batch each, each root in one RootAnchored log", async () => {
    const milestones = await db().milestone.findMany({ select: { digest: true, batchId: true, proof: true, status: true } });
    expect(milestones).toHaveLength(4 * PER_KIND);
    expect(new Set(milestones.map((m) => m.digest)).size).toBe(milestones.length);
    const batches = await db().anchorBatch.findMany({ select: { id: true, root: true, leafCount: true, status: true, txHash: true } });
    const byId = new Map(batches.map((b) => [b.id, b]));
    for (const m of milestones) {
      const batch = byId.get(m.batchId!)!;
      expect(batch.status).toBe("CONFIRMED");
      expect(verifyInclusion(batch.root, m.digest, m.proof)).toBe(true);
    }
    // No digest in two batches: the batches' leaves add up to the milestones (no documents or key events here).
    expect(batches.reduce((n, b) => n + b.leafCount, 0)).toBe(milestones.length);
    expect(new Set(batches.map((b) => b.root)).size).toBe(batches.length);
    // On chain: every RootAnchored log of the registry, each batch's root in exactly one.
    const head = await chain.provider.getBlockNumber();
    const logs = [];
    for await (const range of chain.registry.scanRootLogs(0, head)) logs.push(...range.logs);
    expect(logs.map((l) => l.root).sort()).toEqual(batches.map((b) => b.root).sort());
    const txOf = new Map(logs.map((l) => [l.root, l.txHash.toLowerCase()]));
    for (const b of batches) expect(b.txHash?.toLowerCase()).toBe(txOf.get(b.root));
    // Both workers took part (each closed or sent some of the work), or the test proves nothing about two.
    expect(workers.every((w) => /anchoring: sent root/.test(w.output()))).toBe(true);
  });

  it("uses each nonce of the shared key once, with no gap", async () => {
    const sent = await db().anchorTransaction.findMany({ select: { nonce: true, txHash: true } });
    const nonces = sent.map((t) => t.nonce).sort((a, b) => a - b);
    // Anvil mines each at once: no replacement, so one transaction per nonce, 0, 1, 2, … in order.
    expect(nonces).toEqual(nonces.map((_, i) => i));
    expect(await chain.provider.getTransactionCount(chain.anchorer, "latest")).toBe(nonces.length);
    for (const t of sent) expect((await chain.provider.getTransaction(t.txHash))?.nonce).toBe(t.nonce);
  });

  it("sends every e-mail once and writes every notification once", async () => {
    const outbox = await db().emailMessage.findMany({ select: { to: true, subject: true, status: true, attempts: true } });
    // Each step notifies several people: far more messages than steps.
    expect(outbox.length).toBeGreaterThan(4 * PER_KIND);
    expect(outbox.every((m) => m.status === "SENT" && m.attempts === 1)).toBe(true);
    const key = (to: string, subject: string) => `${to.toLowerCase()}\u0000${subject}`;
    const subjectOf = (raw: string) => decodeHeader(/^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? "");
    const received = smtp.inbox.map((m) => key(m.to[0]!, subjectOf(m.raw))).sort();
    expect(received).toEqual(outbox.map((m) => key(m.to, m.subject)).sort());
    // Every notification once: no user told twice of the same step on the same credit.
    const notifications = await db().notification.findMany({ select: { userId: true, creditId: true, title: true } });
    expect(notifications.length).toBeGreaterThan(4 * PER_KIND);
    expect(new Set(notifications.map((n) => `${n.userId} ${n.creditId} ${n.title}`)).size).toBe(notifications.length);
  });
});

/** A header's text: unfolded, its RFC 2047 encoded words (nodemailer's for non-ASCII subjects) decoded. */
function decodeHeader(value: string): string {
  return value
    .replace(/\r?\n[ \t]/g, " ")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
    )
    .trim();
}
