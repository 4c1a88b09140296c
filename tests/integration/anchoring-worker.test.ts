import path from "node:path";
import os from "node:os";
import fs from "node:fs";
import { toQuantity } from "ethers";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AnchorRegistry } from "@/lib/chain/anchor-registry";
import { connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { makeProvider, makeSigner } from "@/lib/chain/provider";
import { db } from "@/lib/db/client";
import { type RunningAnvil, startAnvil } from "@/lib/dev/anvil";
import { appendMilestone } from "@/lib/anchoring/record";
import { AnchoringWorker, type WorkerSettings } from "@/lib/anchoring/worker";
import { verifyInclusion } from "@/lib/anchoring/merkle";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const FAST: Partial<WorkerSettings> = { batchSize: 64, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 5_000 };

function workerOn(chain: ChainFixture, settings: Partial<WorkerSettings> = {}, registry: AnchorRegistry = chain.registry) {
  return new AnchoringWorker({ provider: chain.provider, registry, signer: chain.signer, chainId: chain.chainId, contractAddress: chain.address }, { ...FAST, ...settings });
}

/** `count` milestones spread over fresh credits, written as the lifecycle writes them. */
async function commitMilestones(count: number, perCredit = 10): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += perCredit) {
    const { creditId } = await creditIn(world, "ADVISED");
    await db().$transaction(async (tx) => {
      for (let j = 0; j < Math.min(perCredit, count - i); j++) {
        const m = await appendMilestone(tx, { creditId, kind: "CREDIT_ADVISED", content: { test: j } });
        ids.push((await tx.milestone.findFirstOrThrow({ where: { creditId, seq: m.seq } })).id);
      }
    });
  }
  return ids;
}

async function runUntilAnchored(workers: AnchoringWorker[], ids: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await Promise.all(workers.map((w) => w.tick()));
    // After a reorg a milestone stays ANCHORED while its batch is SENDING again: both must be done.
    const left = await db().milestone.count({ where: { id: { in: ids }, OR: [{ status: { not: "ANCHORED" } }, { batch: { status: { not: "CONFIRMED" } } }] } });
    if (left === 0) return;
    if (Date.now() > deadline) throw new Error(`${left} milestone(s) still not anchored after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `promise`, or a failure after `ms` (a hung worker fails the test instead of the run). */
async function within<T>(ms: number, promise: Promise<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every milestone is in exactly one confirmed batch whose root is on chain once, and its proof holds. */
async function expectAnchoredOnce(chain: ChainFixture, ids: string[]) {
  const milestones = await db().milestone.findMany({ where: { id: { in: ids } }, include: { batch: true } });
  expect(milestones).toHaveLength(ids.length);
  for (const m of milestones) {
    expect(m.status).toBe("ANCHORED");
    expect(m.batch?.status).toBe("CONFIRMED");
    expect(verifyInclusion(m.batch!.root, m.digest, m.proof)).toBe(true);
  }
  const roots = [...new Set(milestones.map((m) => m.batch!.root))];
  const leafCount = (await db().anchorBatch.findMany({ where: { root: { in: roots } } })).reduce((n, b) => n + b.leafCount, 0);
  expect(leafCount).toBe(ids.length);
  for (const root of roots) {
    const logs = await chain.provider.getLogs({ address: chain.address, topics: [null, root], fromBlock: 0 });
    expect(logs).toHaveLength(1);
    const onChain = await chain.registry.anchorOf(root);
    const batch = await db().anchorBatch.findUniqueOrThrow({ where: { root } });
    expect(onChain?.blockNumber).toBe(Number(batch.blockNumber));
    expect(batch.txHash).toBe(logs[0]!.transactionHash);
  }
}

describe("the anchoring worker", () => {
  it("anchors pending milestones in one batch per size limit, with each milestone's proof", async () => {
    const chain = await deployedRegistry();
    const ids = await commitMilestones(150);
    await runUntilAnchored([workerOn(chain)], ids);
    await expectAnchoredOnce(chain, ids);
    const batches = await db().anchorBatch.findMany({ where: { contractAddress: chain.address } });
    expect(batches.map((b) => b.leafCount).sort((a, b) => b - a)).toEqual([64, 64, 22]);
  });

  it("waits for a batch to fill or age before sending", async () => {
    const chain = await deployedRegistry();
    const worker = workerOn(chain, { batchSize: 100, batchAgeMs: 60_000 });
    const ids = await commitMilestones(5);
    const report = await worker.tick();
    expect(report.batched).toBe(0);
    expect(await db().milestone.count({ where: { id: { in: ids }, status: "PENDING" } })).toBe(5);
    const later = await worker.tick(new Date(Date.now() + 61_000));
    expect(later.batched).toBe(5);
  });

  it("lets two workers running at once anchor every milestone exactly once", async () => {
    const chain = await deployedRegistry();
    const ids = await commitMilestones(300);
    const a = workerOn(chain, { batchSize: 25 });
    // The second worker is a separate process in production: its own provider and signer, same key.
    const provider = makeProvider(chain.rpcUrl);
    const signer = makeSigner(chain.signerKey, provider);
    const b = new AnchoringWorker(
      { provider, registry: connectAnchorRegistry(chain.address, signer), signer, chainId: chain.chainId, contractAddress: chain.address },
      { ...FAST, batchSize: 25 },
    );
    await runUntilAnchored([a, b], ids, 60_000);
    await expectAnchoredOnce(chain, ids);
    const batches = await db().anchorBatch.count({ where: { contractAddress: chain.address } });
    expect(batches).toBe(12);
  });

  it("does not anchor twice when a worker dies between sending and recording", async () => {
    const chain = await deployedRegistry();
    const ids = await commitMilestones(10);
    // This worker's process "dies" right after its transaction reached the node.
    const dying: AnchorRegistry = {
      ...chain.registry,
      anchor: async (root, leafCount, heads, overrides) => {
        await chain.registry.anchor(root, leafCount, heads, overrides);
        throw new Error("killed after sending");
      },
    };
    const first = await workerOn(chain, { leaseMs: 50 }, dying).tick();
    expect(first.errors.join()).toMatch(/killed after sending/);
    const sentBefore = await chain.provider.getTransactionCount(chain.signer.getAddress(), "latest");
    const batch = await db().anchorBatch.findFirstOrThrow({ where: { contractAddress: chain.address } });
    expect(batch.status).toBe("SENDING");
    expect(batch.txHash).toBeNull();

    await new Promise((r) => setTimeout(r, 300)); // the dead worker's lease and backoff expire
    await runUntilAnchored([workerOn(chain)], ids);
    await expectAnchoredOnce(chain, ids);
    expect(await chain.provider.getTransactionCount(chain.signer.getAddress(), "latest")).toBe(sentBefore);
  });

  it("closes a full batch at once however young, and at most 8 full batches per tick", async () => {
    const chain = await deployedRegistry();
    const worker = workerOn(chain, { batchSize: 3, batchAgeMs: 60_000 });
    const ids = await commitMilestones(31);
    expect((await worker.tick()).batched).toBe(24); // 8 batches of 3: sends get their turn
    expect((await worker.tick()).batched).toBe(6); // 2 more; the 31st waits, young and alone
    expect(await db().milestone.count({ where: { id: { in: ids }, status: "PENDING" } })).toBe(1);
    expect((await worker.tick(new Date(Date.now() + 60_500))).batched).toBe(1);
    await runUntilAnchored([worker], ids);
    await expectAnchoredOnce(chain, ids);
  });

  it("backs off a failing batch exponentially up to the limit, recording the node's error", async () => {
    const chain = await deployedRegistry();
    let failure: unknown = Object.assign(new Error("node said no\nwith details on a second line"), { code: "SERVER_ERROR" });
    const failing: AnchorRegistry = {
      ...chain.registry,
      anchor: async () => {
        throw failure;
      },
    };
    const worker = workerOn(chain, { maxBackoffMs: 5_000 }, failing);
    const ids = await commitMilestones(2);
    const batchNow = () => db().anchorBatch.findFirstOrThrow({ where: { contractAddress: chain.address } });
    /** One failing tick; the batch's back-off, measured from the tick. */
    const failOnce = async (reported: string) => {
      const before = Date.now();
      const report = await worker.tick();
      const after = Date.now();
      const batch = await batchNow();
      expect(report.errors).toEqual([`batch ${batch.root.slice(0, 10)}…: ${reported}`]);
      await db().anchorBatch.update({ where: { id: batch.id }, data: { nextAttemptAt: new Date() } }); // retry now
      return { batch, min: batch.nextAttemptAt.getTime() - after, max: batch.nextAttemptAt.getTime() - before };
    };
    const expectDelay = (d: { min: number; max: number }, ms: number) => {
      expect(d.min).toBeLessThanOrEqual(ms);
      expect(d.max).toBeGreaterThanOrEqual(ms);
    };

    const first = await failOnce("SERVER_ERROR: node said no");
    expect(first.batch).toMatchObject({ status: "SENDING", attempts: 1, lastError: "SERVER_ERROR: node said no", txHash: null });
    expectDelay(first, 1_000);
    const second = await failOnce("SERVER_ERROR: node said no");
    expect(second.batch.attempts).toBe(2);
    expectDelay(second, 2_000);
    const third = await failOnce("SERVER_ERROR: node said no");
    expectDelay(third, 4_000);
    failure = new Error(`${"x".repeat(600)}\nmore`);
    const capped = await failOnce("x".repeat(600));
    expect(capped.batch.attempts).toBe(4);
    expect(capped.batch.lastError).toBe("x".repeat(500));
    expectDelay(capped, 5_000);
    // Past 2^10 s the exponent stops growing (no overflow to Infinity or NaN).
    await db().anchorBatch.update({ where: { id: capped.batch.id }, data: { attempts: 2_000 } });
    failure = "a thrown string";
    const huge = await failOnce("a thrown string");
    expect(huge.batch.lastError).toBe("a thrown string");
    expectDelay(huge, 5_000);
    // Every test leaves its milestones anchored: the next ones share this database.
    await runUntilAnchored([workerOn(chain)], ids);
  });

  it("runs ticks every pollMs once started, logs each send and each error, and stops", async () => {
    const chain = await deployedRegistry();
    const lines: string[] = [];
    const worker = new AnchoringWorker(
      { provider: chain.provider, registry: chain.registry, signer: chain.signer, chainId: chain.chainId, contractAddress: chain.address },
      FAST,
      (line) => lines.push(line),
    );
    const three = await commitMilestones(3);
    worker.start(20);
    try {
      await waitFor(async () => (await db().milestone.count({ where: { id: { in: three }, status: "ANCHORED" } })) === 3);
      const one = await commitMilestones(1);
      await waitFor(async () => (await db().milestone.count({ where: { id: { in: one }, status: "ANCHORED" } })) === 1);
    } finally {
      await worker.stop();
    }
    const roots = (await db().anchorBatch.findMany({ where: { contractAddress: chain.address }, orderBy: { createdAt: "asc" } })).map((b) => b.root);
    expect(roots).toHaveLength(2);
    expect(lines).toContain(`anchoring: sent root ${roots[0]} (3 milestones)`);
    expect(lines).toContain(`anchoring: sent root ${roots[1]} (1 milestone)`);
    // Stopped: no tick runs any more.
    const pending = await commitMilestones(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(await db().milestone.count({ where: { id: { in: pending }, status: "PENDING" } })).toBe(1);

    // Errors are logged, one line each, and the loop goes on after them.
    const failingLines: string[] = [];
    const failing = new AnchoringWorker(
      { provider: chain.provider, registry: { ...chain.registry, anchor: () => Promise.reject(new Error("no gas")) }, chainId: chain.chainId, contractAddress: chain.address },
      { ...FAST, maxBackoffMs: 10 },
      (line) => failingLines.push(line),
    );
    failing.start(20);
    try {
      await waitFor(async () => failingLines.filter((l) => /^anchoring: batch 0x[0-9a-f]{8}…: no gas$/.test(l)).length >= 2);
    } finally {
      await failing.stop();
    }
    await db().anchorBatch.updateMany({ where: { contractAddress: chain.address }, data: { nextAttemptAt: new Date() } });
    await runUntilAnchored([workerOn(chain)], [...three, ...pending]);
  });
});

/** Polls `condition` until it holds, failing after `ms`. */
async function waitFor(condition: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("when the chain misbehaves", () => {
  let anvil: RunningAnvil | undefined;
  /** A test's anvil state directory: removed once its anvil has stopped (and dumped its state there). */
  let stateDir: string | undefined;
  afterEach(async () => {
    await anvil?.stop();
    anvil = undefined;
    if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
    stateDir = undefined;
  });

  it("loses nothing while the chain is down and anchors everything when it returns", async () => {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-anvil-"));
    const state = path.join(stateDir, "state.json");
    anvil = await startAnvil({ stateFile: state });
    const port = anvil.port;
    const chain = await deployedRegistry(anvil.url);
    const worker = workerOn(chain);
    const before = await commitMilestones(5);
    await runUntilAnchored([worker], before);

    await anvil.stop(); // dumps its state
    const during = await commitMilestones(20);
    for (let i = 0; i < 3; i++) {
      const report = await worker.tick();
      expect(report.errors.length).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await db().milestone.count({ where: { id: { in: during }, status: "ANCHORED" } })).toBe(0);

    anvil = await startAnvil({ stateFile: state, port });
    await runUntilAnchored([worker], during, 30_000);
    await expectAnchoredOnce(chain, [...before, ...during]);
  });

  it("confirms a mined batch only once it is ANCHOR_CONFIRMATIONS blocks deep", async () => {
    // Its own chain: the shared one gets blocks from other test files at any moment.
    anvil = await startAnvil();
    const chain = await deployedRegistry(anvil.url);
    // The worker takes its database's batches to be on its chain; earlier tests' batches sit on
    // other chains. Start this one above all their blocks and re-check none, so they stay put.
    const highest = await db().anchorBatch.aggregate({ _max: { blockNumber: true } });
    await chain.provider.send("anvil_mine", [toQuantity(Number(highest._max.blockNumber ?? 0n) + 1)]);
    const worker = workerOn(chain, { confirmations: 3, confirmationPollMs: 300, reorgDepth: 0 });
    const ids = await commitMilestones(4);
    const mine = () => chain.provider.send("evm_mine", []);
    const state = async () => {
      const batch = await db().anchorBatch.findFirstOrThrow({ where: { contractAddress: chain.address } });
      const anchored = await db().milestone.count({ where: { id: { in: ids }, status: "ANCHORED" } });
      return { status: batch.status, anchored };
    };
    const tick = async () => {
      await new Promise((r) => setTimeout(r, 350)); // past the batch's confirmation poll
      return within(10_000, worker.tick(), "a tick waiting for confirmations never returned");
    };

    // Automine puts the transaction in a block at once: one confirmation of three.
    const sent = await tick();
    expect(sent).toMatchObject({ batched: 4, sent: 1, confirmed: 0, errors: [] });
    expect(await state()).toEqual({ status: "SUBMITTED", anchored: 0 });
    const { blockNumber } = await db().anchorBatch.findFirstOrThrow({ where: { contractAddress: chain.address } });
    expect(Number(blockNumber)).toBe(await chain.provider.getBlockNumber());

    expect((await tick()).confirmed).toBe(0);
    expect(await state()).toEqual({ status: "SUBMITTED", anchored: 0 });

    await mine(); // two deep
    expect((await tick()).confirmed).toBe(0);
    expect(await state()).toEqual({ status: "SUBMITTED", anchored: 0 });

    await mine(); // three deep: confirmed
    expect((await tick()).confirmed).toBe(1);
    expect(await state()).toEqual({ status: "CONFIRMED", anchored: 4 });
    await expectAnchoredOnce(chain, ids);
  });

  it("sends a batch again when a reorg drops its block while it waits for confirmations", async () => {
    anvil = await startAnvil();
    const chain = await deployedRegistry(anvil.url);
    const highest = await db().anchorBatch.aggregate({ _max: { blockNumber: true } });
    await chain.provider.send("anvil_mine", [toQuantity(Number(highest._max.blockNumber ?? 0n) + 1)]);
    const worker = workerOn(chain, { confirmations: 2, confirmationPollMs: 200, reorgDepth: 0 });
    const ids = await commitMilestones(3);
    expect(await worker.tick()).toMatchObject({ sent: 1, confirmed: 0, reorged: 0 });
    await new Promise((r) => setTimeout(r, 250)); // past the confirmation poll
    const submitted = await db().anchorBatch.findFirstOrThrow({ where: { contractAddress: chain.address } });
    expect(submitted.status).toBe("SUBMITTED");

    await chain.provider.send("anvil_reorg", [1, []]); // its block replaced by an empty one
    const report = await worker.tick();
    expect(report).toMatchObject({ reorged: 1, sent: 1, confirmed: 0 });
    const again = await db().anchorBatch.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(again.status).toBe("SUBMITTED");
    expect(again.blockHash).not.toBe(submitted.blockHash);
    await chain.provider.send("evm_mine", []);
    await runUntilAnchored([worker], ids);
    await expectAnchoredOnce(chain, ids);
  });

  it("anchors a batch again when a reorg drops its block", async () => {
    anvil = await startAnvil();
    const chain = await deployedRegistry(anvil.url);
    const worker = workerOn(chain);
    const ids = await commitMilestones(8);
    await runUntilAnchored([worker], ids);
    const batch = await db().anchorBatch.findFirstOrThrow({ where: { contractAddress: chain.address } });
    const firstBlock = Number(batch.blockNumber);

    // Replace the batch's block (and anything after it) with empty blocks: the anchor is gone.
    const head = await chain.provider.getBlockNumber();
    await chain.provider.send("anvil_reorg", [head - firstBlock + 1, []]);
    expect(await chain.registry.isAnchored(batch.root)).toBe(false);

    // The next tick notices, sends the same root again (automine confirms it at once).
    const report = await worker.tick();
    expect(report.reorged).toBe(1);
    expect(report.sent).toBe(1);
    // The batch went back (counted) with the same root; its milestones only move forward: still
    // ANCHORED, in the same batch (the database refuses anything else).
    const resent = await db().anchorBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(resent).toMatchObject({ reorgCount: 1, root: batch.root });
    expect(await db().milestone.count({ where: { id: { in: ids }, status: "ANCHORED", batchId: batch.id } })).toBe(ids.length);

    await runUntilAnchored([worker], ids);
    await expectAnchoredOnce(chain, ids);
    const again = await db().anchorBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(again.blockHash).not.toBe(batch.blockHash);
    expect(again.txHash).not.toBe(batch.txHash);
    expect(again.reorgCount).toBe(1);
    expect(await chain.registry.isAnchored(batch.root)).toBe(true);
  });
});
