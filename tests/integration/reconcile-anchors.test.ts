import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { JsonRpcProvider } from "ethers";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { appendMilestone } from "@/lib/anchoring/record";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { makeProvider } from "@/lib/chain/provider";
import { resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import { withDatabase } from "@/lib/dev/embedded-postgres";
import { type ReconcileSettings, reconcileAnchors, reconcileIfDue } from "@/lib/jobs/reconcile-anchors";
import { latestReconciliation, runReconciliationNow } from "@/lib/reconciliation/reconciliation";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

const database = useTestDatabase();
let world: World;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-reconcile-"));
beforeAll(async () => {
  world = await createWorld();
  process.env.DATA_DIR = dataDir; // no deployment record: the tests name start blocks and anchorers
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  for (const key of ["CHAIN_RPC_URL", "ANCHOR_CONTRACT_ADDRESS", "ANCHOR_ALLOWED_ANCHORERS", "RECONCILE_CONFIRMATIONS", "ANCHOR_REGISTRY_FROM_BLOCK", "DATA_DIR"]) delete process.env[key];
  resetConfigCache();
});

/** A registry with the block it was deployed after, so scans start there (other files share the chain). */
async function registry(): Promise<ChainFixture & { startBlock: number; anchorer: string }> {
  const provider = makeProvider(inject("anvilUrl"));
  const startBlock = await provider.getBlockNumber();
  provider.destroy();
  const chain = await deployedRegistry();
  return { ...chain, startBlock, anchorer: await chain.signer.getAddress() };
}

function settingsFor(chain: { startBlock: number; anchorer: string }, overrides: Partial<ReconcileSettings> = {}): ReconcileSettings {
  return { confirmations: 0, maxBlockRange: 2_000, staleAfterMs: 3_600_000, startBlock: chain.startBlock, expectedAnchorers: [chain.anchorer], ...overrides };
}

/** Anchors `count` milestones through the real worker: CONFIRMED batches whose roots are on chain. */
async function anchorThroughWorker(chain: ChainFixture, count: number): Promise<void> {
  const { creditId } = await creditIn(world, "ADVISED");
  const ids: string[] = [];
  await db().$transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const m = await appendMilestone(tx, { creditId, kind: "CREDIT_ADVISED", content: { reconcile: i } });
      ids.push((await tx.milestone.findFirstOrThrow({ where: { creditId, seq: m.seq } })).id);
    }
  });
  const worker = new AnchoringWorker(
    { provider: chain.provider, registry: chain.registry, signer: chain.signer, chainId: chain.chainId, contractAddress: chain.address },
    { batchSize: 2, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 5_000 },
  );
  const deadline = Date.now() + 30_000;
  while ((await db().milestone.count({ where: { id: { in: ids }, status: { not: "ANCHORED" } } })) > 0) {
    if (Date.now() > deadline) throw new Error("milestones not anchored in time");
    await worker.tick();
    await new Promise((r) => setTimeout(r, 30));
  }
  await worker.stop();
}

/** A root anchored directly with the anchorer's key, as someone holding it could, with no batch row. */
async function anchorBehindTheWorkersBack(chain: ChainFixture): Promise<{ root: string; blockNumber: number; txHash: string }> {
  const root = `0x${randomBytes(32).toString("hex")}`;
  const receipt = await (await chain.registry.anchorRoot(root, 3)).wait();
  return { root, blockNumber: receipt!.blockNumber, txHash: receipt!.hash };
}

/**
 * A connection as the PostgreSQL superuser with triggers off: what an operator with the database
 * can do whatever guards the application's own role meets.
 */
async function asSuperuser<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const name = new URL(database.url()).pathname.slice(1);
  const client = new pg.Client({ connectionString: withDatabase(inject("pgServerUrl"), name) });
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica");
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Records every eth_getLogs range the provider is asked for. */
function recordLogRanges(provider: JsonRpcProvider): { ranges: [number, number][]; restore(): void } {
  const ranges: [number, number][] = [];
  const original = provider.getLogs.bind(provider);
  provider.getLogs = (async (filter: Parameters<typeof original>[0]) => {
    const f = filter as { fromBlock: number; toBlock: number };
    ranges.push([Number(f.fromBlock), Number(f.toBlock)]);
    return original(filter);
  }) as typeof provider.getLogs;
  return { ranges, restore: () => void (provider.getLogs = original) };
}

const findingsOf = (runId: string) => db().reconciliationFinding.findMany({ where: { runId }, orderBy: { blockNumber: "asc" } });
const cursorOf = (chain: ChainFixture) =>
  db().reconciliationCursor.findUniqueOrThrow({ where: { chainId_contractAddress: { chainId: chain.chainId, contractAddress: chain.address.toLowerCase() } } });

describe("reconciling the registry's anchors with the batches", () => {
  // Each test starts without batches: the worker leases any SENDING batch and re-sends a confirmed
  // one whose block it cannot find, whatever registry the row names, so rows edited by one test
  // would otherwise be anchored again by the next test's worker on that test's registry.
  afterEach(() => asSuperuser((client) => client.query("DELETE FROM milestones; DELETE FROM anchor_batches")));

  it("reports nothing when every confirmed batch is on chain as its row says and every root on chain has a batch", async () => {
    const chain = await registry();
    await anchorThroughWorker(chain, 5); // with the credit's own milestones, several batches of at most two
    const batches = await db().anchorBatch.findMany({ where: { contractAddress: chain.address } });
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches.every((b) => b.status === "CONFIRMED")).toBe(true);

    const result = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain), trigger: "SCHEDULE" });

    expect(result).toMatchObject({ status: "DONE", findings: 0 });
    expect(await findingsOf(result.runId)).toEqual([]);
    const run = await db().reconciliationRun.findUniqueOrThrow({ where: { id: result.runId } });
    const n = batches.length;
    expect(run).toMatchObject({ status: "DONE", logsRead: n, rootsOnChain: n, batchesChecked: n, fromBlock: BigInt(chain.startBlock) });
    expect(run.toBlock).toBe(run.headBlock);
  });

  it("reports a root anchored with the anchorer's key that no batch references, naming the account and transaction", async () => {
    const chain = await registry();
    await anchorThroughWorker(chain, 1);
    const stray = await anchorBehindTheWorkersBack(chain);

    const result = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain), trigger: "SCHEDULE" });

    const findings = await findingsOf(result.runId);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: "UNKNOWN_ROOT", root: stray.root, batchId: null, txHash: stray.txHash.toLowerCase(), blockNumber: BigInt(stray.blockNumber) });
    expect(findings[0]!.details).toMatchObject({ anchorer: chain.anchorer, leafCount: 3, anchorerExpected: true });
  });

  it("reports a root whose batch row was deleted from the database", async () => {
    const chain = await registry();
    await anchorThroughWorker(chain, 1);
    const batch = await db().anchorBatch.findFirstOrThrow({ where: { contractAddress: chain.address } });
    await asSuperuser(async (client) => {
      await client.query("DELETE FROM milestones WHERE batch_id = $1", [batch.id]);
      await client.query("DELETE FROM anchor_batches WHERE id = $1", [batch.id]);
    });

    const result = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain), trigger: "SCHEDULE" });

    expect((await findingsOf(result.runId)).map((f) => [f.kind, f.root])).toEqual([["UNKNOWN_ROOT", batch.root.toLowerCase()]]);
  });

  it("reports a CONFIRMED batch row whose root was never anchored", async () => {
    const chain = await registry();
    await anchorThroughWorker(chain, 1);
    const forged = `0x${randomBytes(32).toString("hex")}`;
    const head = await chain.provider.getBlockNumber();
    const id = await asSuperuser(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO anchor_batches (id, root, leaf_count, status, chain_id, contract_address, tx_hash, block_number, block_hash, confirmed_at)
         VALUES (gen_random_uuid(), $1, 4, 'CONFIRMED', $2, $3, $4, $5, $6, now()) RETURNING id`,
        [forged, chain.chainId.toString(), chain.address, `0x${"ab".repeat(32)}`, head, `0x${"cd".repeat(32)}`],
      );
      return rows[0]!.id;
    });

    const result = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain), trigger: "SCHEDULE" });

    const findings = await findingsOf(result.runId);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: "ROOT_NOT_ON_CHAIN", root: forged, batchId: id, blockNumber: BigInt(head) });
    expect(findings[0]!.details).toMatchObject({ leafCount: 4, rowTxHash: `0x${"ab".repeat(32)}`, rowBlockNumber: String(head) });
    expect((await db().reconciliationRun.findUniqueOrThrow({ where: { id: result.runId } })).batchesChecked).toBe(2);
  });

  it("reports a confirmed batch whose row names another block and transaction than the chain, and an anchorer not expected", async () => {
    const chain = await registry();
    await anchorThroughWorker(chain, 1);
    const batch = await db().anchorBatch.findFirstOrThrow({ where: { contractAddress: chain.address } });
    await asSuperuser((client) => client.query("UPDATE anchor_batches SET block_number = block_number - 1, tx_hash = $2 WHERE id = $1", [batch.id, `0x${"11".repeat(32)}`]));

    const someoneElse = "0x000000000000000000000000000000000000dEaD";
    const result = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain, { expectedAnchorers: [someoneElse] }), trigger: "SCHEDULE" });

    // Every batch of the registry was anchored by an account not expected; the edited one differs in all three.
    const findings = await findingsOf(result.runId);
    expect(findings.map((f) => f.kind).sort()).toEqual((await db().anchorBatch.findMany({ where: { contractAddress: chain.address } })).map(() => "ANCHOR_MISMATCH"));
    const finding = findings.find((f) => f.batchId === batch.id);
    expect(finding).toMatchObject({ kind: "ANCHOR_MISMATCH", txHash: batch.txHash!.toLowerCase(), blockNumber: batch.blockNumber });
    expect((finding!.details as { differences: { field: string; expected: string; found: string }[] }).differences).toEqual([
      { field: "blockNumber", expected: String(batch.blockNumber! - 1n), found: String(batch.blockNumber) },
      { field: "txHash", expected: `0x${"11".repeat(32)}`, found: batch.txHash!.toLowerCase() },
      { field: "anchorer", expected: someoneElse, found: chain.anchorer },
    ]);
  });

  it("reports a batch still unconfirmed after the threshold, as information", async () => {
    const chain = await registry();
    const root = `0x${randomBytes(32).toString("hex")}`;
    await asSuperuser((client) =>
      client.query(
        // next_attempt_at ahead: the workers of later tests, which lease any SENDING batch, leave it alone.
        `INSERT INTO anchor_batches (id, root, leaf_count, status, chain_id, contract_address, attempts, last_error, created_at, next_attempt_at)
         VALUES (gen_random_uuid(), $1, 2, 'SENDING', $2, $3, 7, 'insufficient funds for gas', now() - interval '3 hours', now() + interval '1 day')`,
        [root, chain.chainId.toString(), chain.address],
      ),
    );

    const result = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain), trigger: "SCHEDULE" });

    const findings = await findingsOf(result.runId);
    expect(findings.map((f) => f.kind)).toEqual(["STALE_BATCH"]);
    expect(findings[0]!.details).toMatchObject({ status: "SENDING", attempts: 7, lastError: "insufficient funds for gas", ageMinutes: 180 });
  });

  it("reads only blocks it has not read before, and remembers the last block read", async () => {
    const chain = await registry();
    await anchorThroughWorker(chain, 1);
    const first = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain), trigger: "SCHEDULE" });
    const firstRun = await db().reconciliationRun.findUniqueOrThrow({ where: { id: first.runId } });
    expect((await cursorOf(chain)).lastBlock).toBe(firstRun.toBlock);
    expect((await cursorOf(chain)).startBlock).toBe(BigInt(chain.startBlock));

    const stray = await anchorBehindTheWorkersBack(chain);
    const recorder = recordLogRanges(chain.provider);
    let second;
    try {
      second = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain), trigger: "SCHEDULE" });
    } finally {
      recorder.restore();
    }

    const secondRun = await db().reconciliationRun.findUniqueOrThrow({ where: { id: second.runId } });
    expect(secondRun.fromBlock).toBe(firstRun.toBlock! + 1n);
    expect(recorder.ranges.length).toBeGreaterThan(0);
    expect(Math.min(...recorder.ranges.map(([from]) => from))).toBe(Number(firstRun.toBlock! + 1n));
    expect(secondRun.logsRead).toBe(1); // the stray root only: the batch's log was read by the first run
    expect((await cursorOf(chain)).lastBlock).toBe(secondRun.toBlock);
    // The batch read by the first run is still compared: no finding for it, one for the stray root.
    expect((await findingsOf(second.runId)).map((f) => f.root)).toEqual([stray.root]);
    expect(secondRun.rootsOnChain).toBe(2);
  });

  it("leaves the blocks within the confirmation depth for a later run", async () => {
    const chain = await registry();
    const stray = await anchorBehindTheWorkersBack(chain);
    const depth = 1_000; // deeper than anything the shared chain mines meanwhile
    const early = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain, { confirmations: depth }), trigger: "SCHEDULE" });
    expect(await findingsOf(early.runId)).toEqual([]);
    const earlyRun = await db().reconciliationRun.findUniqueOrThrow({ where: { id: early.runId } });
    expect(earlyRun.toBlock === null || earlyRun.toBlock < BigInt(stray.blockNumber)).toBe(true);

    const later = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain), trigger: "SCHEDULE" });
    expect((await findingsOf(later.runId)).map((f) => f.root)).toEqual([stray.root]);
  });

  it("finds every root when each eth_getLogs may span only two blocks", async () => {
    const chain = await registry();
    await anchorThroughWorker(chain, 4);
    const batches = await db().anchorBatch.count({ where: { contractAddress: chain.address } });
    const strays = [await anchorBehindTheWorkersBack(chain), await anchorBehindTheWorkersBack(chain)];
    const recorder = recordLogRanges(chain.provider);
    let result;
    try {
      result = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain, { maxBlockRange: 2 }), trigger: "SCHEDULE" });
    } finally {
      recorder.restore();
    }

    expect(recorder.ranges.every(([from, to]) => to - from + 1 <= 2)).toBe(true);
    const run = await db().reconciliationRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(recorder.ranges.length).toBe(Math.ceil(Number(run.toBlock! - run.fromBlock! + 1n) / 2));
    expect(run).toMatchObject({ logsRead: batches + 2, rootsOnChain: batches + 2, batchesChecked: batches });
    expect((await findingsOf(result.runId)).map((f) => f.root)).toEqual(strays.map((s) => s.root));
  });

  it("halves a range the node refuses, down to what it accepts", async () => {
    const chain = await registry();
    const stray = await anchorBehindTheWorkersBack(chain);
    const original = chain.provider.getLogs.bind(chain.provider);
    chain.provider.getLogs = (async (filter: Parameters<typeof original>[0]) => {
      const f = filter as { fromBlock: number; toBlock: number };
      if (f.toBlock - f.fromBlock + 1 > 3) throw new Error("query exceeds max block range 3");
      return original(filter);
    }) as typeof chain.provider.getLogs;
    try {
      const result = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain, { maxBlockRange: 50 }), trigger: "SCHEDULE" });
      expect(result.status).toBe("DONE");
      expect((await findingsOf(result.runId)).map((f) => f.root)).toEqual([stray.root]);
    } finally {
      chain.provider.getLogs = original;
    }
  });

  it("records a failed run when the chain cannot be read, and resumes from the cursor next time", async () => {
    const chain = await registry();
    const stray = await anchorBehindTheWorkersBack(chain);
    const original = chain.provider.getLogs.bind(chain.provider);
    chain.provider.getLogs = (async () => {
      throw new Error("connection refused");
    }) as typeof chain.provider.getLogs;
    let failed;
    try {
      failed = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain), trigger: "SCHEDULE" });
    } finally {
      chain.provider.getLogs = original;
    }
    expect(failed).toMatchObject({ status: "FAILED", error: "connection refused" });
    expect((await db().reconciliationRun.findUniqueOrThrow({ where: { id: failed.runId } })).status).toBe("FAILED");
    expect((await cursorOf(chain)).lastBlock).toBe(BigInt(chain.startBlock - 1));

    const retried = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain), trigger: "SCHEDULE" });
    expect((await findingsOf(retried.runId)).map((f) => f.root)).toEqual([stray.root]);
  });

  it("runs a scheduled reconciliation once per interval however many worker processes schedule it, and never holds up a manual run", async () => {
    const chain = await registry();
    const stray = await anchorBehindTheWorkersBack(chain);
    const scheduled = () => reconcileIfDue({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain) }, 1_500);
    const runsOf = (trigger: "SCHEDULE" | "MANUAL") => db().reconciliationRun.count({ where: { contractAddress: chain.address.toLowerCase(), trigger } });

    // Four workers whose timers fire together: one runs, three find the slot taken.
    const results = await Promise.all([scheduled(), scheduled(), scheduled(), scheduled()]);
    const ran = results.filter((r) => r !== null);
    expect(ran).toHaveLength(1);
    expect(await runsOf("SCHEDULE")).toBe(1);
    // The one finding is reported once, not once per worker.
    expect(await db().reconciliationFinding.count({ where: { root: stray.root } })).toBe(1);
    expect(await scheduled()).toBeNull();

    // An administrator's or auditor's run is never skipped.
    const manual = await reconcileAnchors({ provider: chain.provider, contractAddress: chain.address, settings: settingsFor(chain), trigger: "MANUAL" });
    expect(manual.status).toBe("DONE");
    expect(await runsOf("MANUAL")).toBe(1);

    // Once the interval has passed, the next scheduled run goes ahead.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await scheduled()).toMatchObject({ status: "DONE" });
    expect(await runsOf("SCHEDULE")).toBe(2);
  });
});

describe("who may see and run the reconciliation", () => {
  let chain: Awaited<ReturnType<typeof registry>>;
  let stray: { root: string };
  beforeAll(async () => {
    chain = await registry();
    stray = await anchorBehindTheWorkersBack(chain);
    Object.assign(process.env, { CHAIN_RPC_URL: chain.rpcUrl, ANCHOR_CONTRACT_ADDRESS: chain.address, ANCHOR_ALLOWED_ANCHORERS: chain.anchorer, RECONCILE_CONFIRMATIONS: "0", ANCHOR_REGISTRY_FROM_BLOCK: String(chain.startBlock) });
    resetConfigCache();
  });

  it("refuses traders and bank users who are not administrators, to run it and to see it", async () => {
    const refused = [world.users.applicant.ADMIN, world.users.beneficiary.MAKER, world.users.issuingBank.MAKER, world.users.issuingBank.CHECKER, world.users.otherCorporate.ADMIN];
    for (const actor of refused) {
      await expect(runReconciliationNow(actor), actor.name).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
      await expect(latestReconciliation(actor), actor.name).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    }
    expect(await db().reconciliationRun.count({ where: { contractAddress: chain.address.toLowerCase() } })).toBe(0);
  });

  it("lets a bank administrator run it now and see its findings explained, and an auditor see the same", async () => {
    const admin = world.users.issuingBank.ADMIN;
    const result = await runReconciliationNow(admin);
    expect(result).toMatchObject({ status: "DONE", findings: 1 });

    for (const actor of [admin, world.users.auditor.VIEWER]) {
      const { latest, current } = await latestReconciliation(actor);
      expect(current).toBeNull();
      expect(latest!.run).toMatchObject({ id: result.runId, trigger: "MANUAL", requestedBy: admin.name, status: "DONE", expectedAnchorers: [chain.anchorer] });
      expect(latest!.findings).toHaveLength(1);
      expect(latest!.findings[0]).toMatchObject({ kind: "UNKNOWN_ROOT", root: stray.root, explanation: { severity: "critical", severityLabel: "Critical" } });
      expect(latest!.findings[0]!.explanation.action).toMatch(/revoke/);
    }
    const logged = await db().auditLogEntry.findFirst({ where: { actorId: admin.userId, action: "reconcile-anchors" } });
    expect(logged?.data).toMatchObject({ runId: result.runId, status: "DONE" });
  });

  it("lets an auditor run it again, from the registry's first block when asked", async () => {
    const auditor = world.users.auditor.VIEWER;
    // An operator deleting what the reconciliation remembered of the chain does not hide the root for long.
    await asSuperuser((client) => client.query("DELETE FROM chain_anchored_roots WHERE contract_address = $1", [chain.address.toLowerCase()]));
    const incremental = await runReconciliationNow(auditor);
    expect(incremental).toMatchObject({ status: "DONE", findings: 0 });
    const full = await runReconciliationNow(auditor, { fullRescan: true });
    expect(full).toMatchObject({ status: "DONE", findings: 1 });
    expect((await db().reconciliationRun.findUniqueOrThrow({ where: { id: full.runId } })).fromBlock).toBe(BigInt(chain.startBlock));
  });
});
