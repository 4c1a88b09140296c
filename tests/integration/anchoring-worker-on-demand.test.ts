import { JsonRpcProvider, type JsonRpcPayload, type JsonRpcResult, Network, toQuantity } from "ethers";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type AnchorRegistry, anchorRegistryInterface, connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { makeSigner } from "@/lib/chain/provider";
import { db } from "@/lib/db/client";
import { type RunningAnvil, startAnvil } from "@/lib/dev/anvil";
import { appendMilestone } from "@/lib/anchoring/record";
import { AnchoringWorker, type TickReport, type WorkerSettings } from "@/lib/anchoring/worker";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

// The worker on a chain that mines only on demand (automine off: a block comes only with
// evm_mine), as a public testnet looks to it between blocks: confirmations above 1, transactions
// that wait in the mempool, and a root that reaches the chain behind the worker's back (a crashed
// worker's late send) so that its own send meets the contract's AlreadyAnchored. Every RPC
// request the worker makes is counted, so a worker that spins fails the test.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

let anvil: RunningAnvil | undefined;
afterEach(async () => {
  await anvil?.stop();
  anvil = undefined;
});

/** A registry on a chain of its own, above every block earlier tests' batches name. */
async function ownChain(): Promise<ChainFixture> {
  anvil = await startAnvil();
  const chain = await deployedRegistry(anvil.url);
  const highest = await db().anchorBatch.aggregate({ _max: { blockNumber: true } });
  await chain.provider.send("anvil_mine", [toQuantity(Number(highest._max.blockNumber ?? 0n) + 1)]);
  return chain;
}

/** The worker's view of the node: counts every JSON-RPC request, and answers after `latencyMs` (a remote RPC, not loopback). */
class CountingProvider extends JsonRpcProvider {
  calls = 0;
  constructor(
    url: string,
    chainId: bigint,
    public latencyMs = 0,
  ) {
    const network = Network.from(chainId);
    super(url, network, { staticNetwork: network, batchStallTime: 0, cacheTimeout: -1, pollingInterval: 100 });
  }
  override async _send(payload: JsonRpcPayload | JsonRpcPayload[]): Promise<JsonRpcResult[]> {
    this.calls += Array.isArray(payload) ? payload.length : 1;
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    return super._send(payload);
  }
}

/** A worker that counts the ticks it starts (start() runs them through tick()). */
class CountingWorker extends AnchoringWorker {
  ticks = 0;
  override tick(now?: Date): Promise<TickReport> {
    this.ticks++;
    return super.tick(now);
  }
}

const FAST: Partial<WorkerSettings> = { batchSize: 64, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 30_000, reorgDepth: 0 };

/** A worker with its own counting provider, signer and registry on `chain` (the anchorer's key). */
function countingWorker(chain: ChainFixture, settings: Partial<WorkerSettings>, options: { latencyMs?: number; wrap?: (registry: AnchorRegistry) => AnchorRegistry; log?: (line: string) => void } = {}) {
  const provider = new CountingProvider(chain.rpcUrl, chain.chainId, options.latencyMs);
  const signer = makeSigner(chain.signerKey, provider);
  const plain = connectAnchorRegistry(chain.address, signer);
  const registry = options.wrap ? options.wrap(plain) : plain;
  // Another worker on the same provider, signer and registry (a stopped worker does not start again).
  const another = () => new CountingWorker({ provider, registry, signer, chainId: chain.chainId, contractAddress: chain.address }, { ...FAST, ...settings }, options.log);
  return { worker: another(), provider, another };
}

/** One milestone on each of `credits` fresh credits (each its own batch with batchSize 1). */
async function commitOnCredits(credits: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < credits; i++) {
    const { creditId } = await creditIn(world, "ADVISED");
    await db().$transaction(async (tx) => {
      ids.push((await appendMilestone(tx, { creditId, kind: "CREDIT_ADVISED", content: { onDemand: i } })).id);
    });
  }
  return ids;
}

/** `promise`, or a failure after `ms` (a tick that never returns fails the test instead of hanging the run). */
async function within<T>(ms: number, promise: Promise<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const batchesOf = (chain: ChainFixture) => db().anchorBatch.findMany({ where: { contractAddress: chain.address }, orderBy: { createdAt: "asc" } });
const anchoredCount = (ids: string[]) => db().milestone.count({ where: { id: { in: ids }, status: "ANCHORED" } });

/**
 * Runs a worker's own loop (start, then stop) for `ms` on an idle chain, and on until it has
 * started 3 ticks (a loaded machine may need longer); the RPC requests and ticks it made meanwhile.
 */
async function idle(worker: CountingWorker, provider: CountingProvider, ms: number, pollMs: number): Promise<{ calls: number; ticks: number }> {
  const calls = provider.calls;
  worker.start(pollMs);
  await sleep(ms);
  for (const deadline = Date.now() + 20_000; worker.ticks < 3 && Date.now() < deadline; ) await sleep(pollMs);
  await within(10_000, worker.stop(), "the worker's tick never returned, so stop() never did");
  return { calls: provider.calls - calls, ticks: worker.ticks };
}

describe("the anchoring worker on a chain that mines on demand", () => {
  it("ANCHOR_CONFIRMATIONS = 3: ticks return while batches wait (no spinning on RPC), and a batch is anchored only 3 blocks deep", async () => {
    const chain = await ownChain();
    await chain.provider.send("evm_setAutomine", [false]);
    // Four batches waiting at once, each RPC answer 15 ms away, and a poll interval shorter than
    // one pass over them: as a remote RPC with dozens of batches waiting for 12 confirmations
    // against the default 1 s poll. A tick that leases a waiting batch again within the same
    // pass never ends while the chain is idle.
    const { worker, provider, another } = countingWorker(chain, { batchSize: 1, confirmations: 3, confirmationPollMs: 40 }, { latencyMs: 15 });
    const ids = await commitOnCredits(4);

    // The four are sent and wait in the mempool: the tick returns.
    const sent = await within(10_000, worker.tick(), "a tick with transactions in the mempool never returned");
    expect(sent).toMatchObject({ batched: 4, sent: 4, confirmed: 0, errors: [] });
    expect((await batchesOf(chain)).map((b) => b.status)).toEqual(["SENDING", "SENDING", "SENDING", "SENDING"]);

    // Nothing is mined for 1.2 s: each tick looks at each batch once (a receipt, the root, the
    // pending transaction) after one head read, and no more.
    const pending = await idle(another(), provider, 1_200, 100);
    expect(pending.ticks).toBeGreaterThanOrEqual(3);
    expect(pending.calls).toBeLessThanOrEqual(pending.ticks * (1 + 3 * 4));
    expect(await anchoredCount(ids)).toBe(0);

    // One block takes all four: one confirmation of three.
    await chain.provider.send("evm_mine", []);
    const block = await chain.provider.getBlockNumber();
    await sleep(60); // past the confirmation poll
    expect(await within(10_000, worker.tick(), "a tick waiting for confirmations never returned")).toMatchObject({ sent: 0, confirmed: 0, errors: [] });
    const mined = await batchesOf(chain);
    expect(mined.map((b) => [b.status, Number(b.blockNumber)])).toEqual(Array(4).fill(["SUBMITTED", block]));

    // Still no new block: each tick a head read, and a receipt and the head for each batch.
    const waiting = await idle(another(), provider, 1_200, 100);
    expect(waiting.ticks).toBeGreaterThanOrEqual(3);
    expect(waiting.calls).toBeLessThanOrEqual(waiting.ticks * (1 + 2 * 4));
    expect(await anchoredCount(ids)).toBe(0);

    await chain.provider.send("evm_mine", []); // two deep
    await sleep(60);
    expect(await within(10_000, worker.tick(), "a tick waiting for confirmations never returned")).toMatchObject({ confirmed: 0, errors: [] });
    expect((await batchesOf(chain)).map((b) => b.status)).toEqual(["SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED"]);
    expect(await anchoredCount(ids)).toBe(0);

    await chain.provider.send("evm_mine", []); // three deep: anchored
    await sleep(60);
    expect(await within(10_000, worker.tick(), "a tick waiting for confirmations never returned")).toMatchObject({ confirmed: 4, errors: [] });
    const confirmed = await batchesOf(chain);
    expect(confirmed.map((b) => b.status)).toEqual(["CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED"]);
    expect(confirmed.map((b) => Number(b.blockNumber))).toEqual([block, block, block, block]);
    expect(await anchoredCount(ids)).toBe(4);
  });

  it("a batch that fails faster than its back-off runs out is tried once per tick, not again and again within it", async () => {
    const chain = await ownChain();
    let attempts = 0;
    const failing = (registry: AnchorRegistry): AnchorRegistry => ({
      ...registry,
      anchor: async () => {
        attempts++;
        await sleep(30); // a node that takes a while to say no: longer than the back-off below
        throw new Error("node unreachable");
      },
    });
    const { worker } = countingWorker(chain, { batchSize: 1, maxBackoffMs: 10 }, { wrap: failing });
    await commitOnCredits(2);
    const report = await within(10_000, worker.tick(), "a tick retrying failing batches never returned");
    expect(report.errors).toHaveLength(2);
    expect(attempts).toBe(2);
    expect((await batchesOf(chain)).map((b) => [b.attempts, b.lastError])).toEqual([
      [1, "node unreachable"],
      [1, "node unreachable"],
    ]);
    // The next tick tries each once more; a working registry then anchors them.
    await sleep(20);
    expect((await worker.tick()).errors).toHaveLength(2);
    expect(attempts).toBe(4);
    await sleep(20);
    const { worker: working } = countingWorker(chain, {});
    expect(await working.tick()).toMatchObject({ sent: 2, confirmed: 2, errors: [] });
  });
});

describe("the anchoring worker meeting AlreadyAnchored for its own root", () => {
  /** Before the worker's first send, the same key anchors the batch's root itself: a crashed worker's send, landing late. */
  function anchoredBehindItsBack(chain: ChainFixture, onSent: (hash: string) => Promise<void>) {
    let done = false;
    return (registry: AnchorRegistry): AnchorRegistry => ({
      ...registry,
      anchor: async (root, leafCount, heads, overrides) => {
        if (!done) {
          done = true;
          const other = connectAnchorRegistry(chain.address, makeSigner(chain.signerKey, chain.provider));
          const tx = await other.anchor(root, leafCount, heads);
          await onSent(tx.hash);
        }
        return registry.anchor(root, leafCount, heads, overrides);
      },
    });
  }

  it("a root mined between its look and its send: recorded with that transaction in the same tick, the lease released at once", async () => {
    const chain = await ownChain();
    const ids = await commitOnCredits(1);
    // A first attempt fails before any transaction: the batch exists, with an error and a back-off.
    const { worker: failing } = countingWorker(chain, {}, { wrap: (r) => ({ ...r, anchor: () => Promise.reject(new Error("node unreachable")) }) });
    expect((await failing.tick()).errors).toHaveLength(1);
    const [closed] = await batchesOf(chain);
    await db().anchorBatch.update({ where: { id: closed!.id }, data: { nextAttemptAt: new Date() } });

    let theirs = "";
    const wrap = anchoredBehindItsBack(chain, async (hash) => {
      theirs = hash;
      await chain.provider.waitForTransaction(hash); // automine: mined at once
    });
    // Two confirmations: the batch stops at SUBMITTED, so what the tick recorded can be read.
    const { worker } = countingWorker(chain, { confirmations: 2, leaseMs: 30_000, confirmationPollMs: 1_000 }, { wrap });
    const before = Date.now();
    const report = await within(10_000, worker.tick(), "the tick never returned");
    expect(report).toMatchObject({ sent: 0, confirmed: 0, errors: [] });
    const receipt = await chain.provider.getTransactionReceipt(theirs);
    const [batch] = await batchesOf(chain);
    expect(batch).toMatchObject({ status: "SUBMITTED", txHash: theirs, blockHash: receipt!.blockHash, blockNumber: BigInt(receipt!.blockNumber), attempts: 1, lastError: null });
    // Held for the confirmation poll (1 s), not for the 30 s lease.
    expect(batch!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(batch!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 1_000);

    await chain.provider.send("evm_mine", []);
    await sleep(1_050);
    expect(await worker.tick()).toMatchObject({ confirmed: 1, errors: [] });
    expect(await anchoredCount(ids)).toBe(1);
    expect((await chain.provider.getLogs({ address: chain.address, topics: [null, batch!.root], fromBlock: 0 })).length).toBe(1);
  });

  it("a root still in the mempool behind its back: no resend loop, looked at again after the poll, recorded once mined", async () => {
    const chain = await ownChain();
    await chain.provider.send("evm_setAutomine", [false]);
    const ids = await commitOnCredits(1);
    let theirs = "";
    // The node estimates gas against its pending block, where the root is anchored: the worker's
    // send meets AlreadyAnchored while the latest block still says the root is not on chain.
    const wrap = anchoredBehindItsBack(chain, async (hash) => {
      theirs = hash;
    });
    const lines: string[] = [];
    const { worker, provider } = countingWorker(chain, { leaseMs: 30_000, confirmationPollMs: 300 }, { wrap, log: (l) => lines.push(l) });
    const before = Date.now();
    const report = await within(10_000, worker.tick(), "the tick never returned: it keeps sending into AlreadyAnchored");
    expect(report).toMatchObject({ batched: 1, sent: 0, confirmed: 0, waiting: 1, errors: [] });
    expect(provider.calls).toBeLessThan(40);
    const [batch] = await batchesOf(chain);
    expect(batch).toMatchObject({ status: "SENDING", txHash: null, attempts: 0, lastError: null });
    expect(batch!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 300);
    expect(batch!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 300);
    expect(lines.some((l) => l.includes(`root ${batch!.root} is anchored but its transaction was not found (in the node's pending block only`))).toBe(true);
    // Exactly one transaction for the root reached the node: theirs.
    const anchorer = await chain.signer.getAddress();
    expect((await chain.provider.getTransactionCount(anchorer, "pending")) - (await chain.provider.getTransactionCount(anchorer, "latest"))).toBe(1);

    await chain.provider.send("evm_mine", []);
    await sleep(350);
    expect(await worker.tick()).toMatchObject({ confirmed: 1, errors: [] });
    const [recorded] = await batchesOf(chain);
    expect(recorded).toMatchObject({ status: "CONFIRMED", txHash: theirs });
    expect(await anchoredCount(ids)).toBe(1);
  });

  it("an AlreadyAnchored naming another root is an error of the send, backed off, not taken for its own", async () => {
    const chain = await ownChain();
    await commitOnCredits(1);
    const other = `0x${"42".repeat(32)}`;
    const foreign = Object.assign(new Error("execution reverted (unknown custom error)"), { data: anchorRegistryInterface.encodeErrorResult("AlreadyAnchored", [other]) });
    const { worker } = countingWorker(chain, {}, { wrap: (r) => ({ ...r, anchor: () => Promise.reject(foreign) }) });
    const before = Date.now();
    const report = await within(10_000, worker.tick(), "the tick never returned: it keeps sending into another root's AlreadyAnchored");
    expect(report).toMatchObject({ sent: 0, waiting: 0 });
    expect(report.errors).toHaveLength(1);
    const [batch] = await batchesOf(chain);
    expect(batch).toMatchObject({ status: "SENDING", txHash: null, attempts: 1, lastError: "execution reverted (unknown custom error)" });
    // Backed off by FAST's 200 ms from when it failed (measured from the tick's start: a loaded machine may be slow to look).
    expect(batch!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 200);
  });
});
