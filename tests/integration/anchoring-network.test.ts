import { type JsonRpcProvider, Transaction, Wallet, formatEther, parseEther } from "ethers";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { anchorRegistryInterface, connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { makeProvider, makeSigner } from "@/lib/chain/provider";
import { db } from "@/lib/db/client";
import { type RunningAnvil, startAnvil } from "@/lib/dev/anvil";
import { appendMilestone } from "@/lib/anchoring/record";
import { bumped } from "@/lib/anchoring/fees";
import { AnchoringWorker, type TickReport, type WorkerSettings } from "@/lib/anchoring/worker";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { type FaultProxy, startFaultProxy } from "../support/fault-proxy";
import { type World, createWorld, creditIn } from "./support/world";

// The worker on a network that behaves like a public testnet (issue 16, acceptance b, c, d, f):
// every request goes through the fault proxy (tests/support/fault-proxy.ts), whose
// chain controls stall the mempool (automine off), raise the base fee, reorganise blocks, evict
// and re-broadcast transactions and drain the signer's balance. One anvil for the file; each test
// deploys its own registry with a fresh anchorer, so the worker sees only its own batches.

useTestDatabase();

const GWEI = 1_000_000_000n;
let world: World;
let anvil: RunningAnvil;
let proxy: FaultProxy;
let direct: JsonRpcProvider;

beforeAll(async () => {
  world = await createWorld();
  anvil = await startAnvil();
  proxy = await startFaultProxy(anvil.url);
  direct = makeProvider(anvil.url);
});

afterEach(async () => {
  proxy.plan = { share: 0, kinds: [], holdMs: 0 };
  await proxy.chain.automine(true);
});

afterAll(async () => {
  direct?.destroy();
  await proxy?.close();
  await anvil?.stop();
});

/** A worker that counts the ticks it starts. */
class CountingWorker extends AnchoringWorker {
  ticks = 0;
  override tick(now?: Date): Promise<TickReport> {
    this.ticks++;
    return super.tick(now);
  }
}

const BASE: Partial<WorkerSettings> = { batchSize: 64, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 30_000, reorgDepth: 16, confirmationPollMs: 50 };

/** A worker whose every request goes through the proxy: its own provider, signer and registry. */
function workerThroughProxy(chain: ChainFixture, settings: Partial<WorkerSettings>, log?: (line: string) => void) {
  const provider = makeProvider(proxy.url, { chainId: chain.chainId, timeoutMs: 2_000, retry: { retries: 6, baseDelayMs: 10, maxDelayMs: 100 } });
  const signer = makeSigner(chain.signerKey, provider);
  const registry = connectAnchorRegistry(chain.address, signer);
  return new CountingWorker({ provider, registry, signer, chainId: chain.chainId, contractAddress: chain.address }, { ...BASE, ...settings }, log);
}

async function commit(milestones: number): Promise<string[]> {
  const { creditId } = await creditIn(world, "ADVISED");
  const ids: string[] = [];
  for (let i = 0; i < milestones; i++) {
    await db().$transaction(async (tx) => {
      ids.push((await appendMilestone(tx, { creditId, kind: "CREDIT_ADVISED", content: { network: i } })).id);
    });
  }
  return ids;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The minute of waiting a stuck transaction needs before it is replaced, passed at once (the machine's speed then does not matter). */
const REPLACE_AFTER_MS = 60_000;
async function ageSend(batchId: string): Promise<void> {
  await db().$executeRaw`UPDATE anchor_batches SET sent_at = sent_at - make_interval(secs => ${REPLACE_AFTER_MS / 1000 + 1}), next_attempt_at = now() WHERE id = ${batchId}::uuid`;
}
const batchOf = (chain: ChainFixture) => db().anchorBatch.findFirstOrThrow({ where: { contractAddress: chain.address }, orderBy: { createdAt: "asc" } });
const sentFor = (batchId: string) => db().anchorTransaction.findMany({ where: { batchId }, orderBy: { sentAt: "asc" } });
const anchoredCount = (ids: string[]) => db().milestone.count({ where: { id: { in: ids }, status: "ANCHORED" } });

/** The RootAnchored logs of `root` on the chain as it is now. */
async function rootLogs(chain: ChainFixture, root: string) {
  return direct.getLogs({ address: chain.address, topics: [anchorRegistryInterface.getEvent("RootAnchored")!.topicHash, root], fromBlock: 0, toBlock: "latest" });
}

/** Ticks (past the confirmation poll) until `ids` are anchored. */
async function tickUntilAnchored(worker: AnchoringWorker, ids: string[], timeoutMs = 15_000): Promise<string[]> {
  const errors: string[] = [];
  const deadline = Date.now() + timeoutMs;
  while ((await anchoredCount(ids)) < ids.length) {
    if (Date.now() > deadline) throw new Error(`not anchored within ${timeoutMs} ms; errors: ${errors.join("; ")}`);
    errors.push(...(await worker.tick()).errors);
    await sleep(60);
  }
  return errors;
}

describe("a transaction stuck at a low fee (acceptance b)", () => {
  it("is replaced with the same nonce and both fees 12.5% higher; the replacement is mined and the root anchored once", async () => {
    const chain = await deployedRegistry(anvil.url);
    const lines: string[] = [];
    // A tip of 1 wei: a public network's block producers pass it over.
    const worker = workerThroughProxy(chain, { priorityFeePerGas: 1n, maxFeePerGas: 50n * GWEI, replaceAfterMs: REPLACE_AFTER_MS }, (l) => lines.push(l));
    // The node takes a replacement only with both fees 10% higher (geth's rule; anvil takes any increase).
    proxy.plan = { share: 0, kinds: [], holdMs: 0, replacementBumpPercent: 10 };
    await proxy.chain.automine(false);
    const ids = await commit(3);

    expect(await worker.tick()).toMatchObject({ batched: 3, sent: 1, errors: [] });
    const first = await batchOf(chain);
    const [stuck] = await sentFor(first.id);
    expect(stuck).toMatchObject({ txHash: first.txHash, nonce: 0, maxPriorityFeePerGas: 1n });
    expect(first.nonce).toBe(0);

    // Before ANCHOR_REPLACE_AFTER_MS: it waits, and nothing else is sent.
    await sleep(80);
    expect(await worker.tick()).toMatchObject({ sent: 0, waiting: 1, errors: [] });
    expect(await sentFor(first.id)).toHaveLength(1);

    // A replacement 5% higher is refused by such a node.
    const through = makeProvider(proxy.url, { chainId: chain.chainId });
    try {
      const pending = (await direct.getTransaction(stuck!.txHash))!;
      const cheap = new Wallet(chain.signerKey, through).sendTransaction({
        to: pending.to,
        data: pending.data,
        nonce: pending.nonce,
        gasLimit: pending.gasLimit,
        type: 2,
        maxFeePerGas: (pending.maxFeePerGas! * 105n) / 100n,
        maxPriorityFeePerGas: pending.maxPriorityFeePerGas! + 1n,
      });
      await expect(cheap).rejects.toThrow(/replacement transaction underpriced|replacement fee too low/);
    } finally {
      through.destroy();
    }
    expect(proxy.stats.underpricedReplacements).toBe(1);

    await ageSend(first.id);
    expect(await worker.tick()).toMatchObject({ sent: 1, errors: [] });
    expect(proxy.stats.underpricedReplacements).toBe(1);
    const sent = await sentFor(first.id);
    expect(sent).toHaveLength(2);
    const [, replacement] = sent;
    expect(replacement!.nonce).toBe(stuck!.nonce);
    expect(replacement!.maxFeePerGas).toBeGreaterThanOrEqual(bumped(stuck!.maxFeePerGas));
    expect(replacement!.maxPriorityFeePerGas).toBeGreaterThanOrEqual(bumped(stuck!.maxPriorityFeePerGas));
    expect(replacement!.maxFeePerGas).toBeLessThanOrEqual(50n * GWEI);
    expect(replacement!.gasLimit).toBe(stuck!.gasLimit);
    const replaced = await batchOf(chain);
    expect(replaced).toMatchObject({ status: "SENDING", txHash: replacement!.txHash, nonce: 0 });
    expect(lines.some((l) => l.startsWith(`anchoring: replaced transaction ${stuck!.txHash} of root ${first.root} (nonce 0`))).toBe(true);
    // The node holds one transaction of the signer: the replacement.
    expect(await direct.getTransactionCount(chain.anchorer, "pending")).toBe(1);

    await proxy.chain.mine();
    expect(await tickUntilAnchored(worker, ids)).toEqual([]);
    const confirmed = await batchOf(chain);
    const receipt = await direct.getTransactionReceipt(replacement!.txHash);
    expect(confirmed).toMatchObject({ status: "CONFIRMED", txHash: replacement!.txHash, blockHash: receipt!.blockHash, gasUsed: receipt!.gasUsed, effectiveGasPrice: receipt!.gasPrice });
    expect(await rootLogs(chain, first.root)).toHaveLength(1);
    expect(await direct.getTransactionCount(chain.anchorer, "latest")).toBe(1);
  });

  it("confirms the batch with the replaced transaction when that one is mined instead of its replacement", async () => {
    const chain = await deployedRegistry(anvil.url);
    const worker = workerThroughProxy(chain, { priorityFeePerGas: 1n, replaceAfterMs: REPLACE_AFTER_MS });
    await proxy.chain.automine(false);
    const ids = await commit(2);
    expect(await worker.tick()).toMatchObject({ sent: 1, errors: [] });
    const { id, txHash: original, root } = await batchOf(chain);
    // Its signed bytes, as a block producer that never saw the replacement still holds them.
    const raw = Transaction.from((await direct.getTransaction(original!))!).serialized;
    await ageSend(id);
    expect(await worker.tick()).toMatchObject({ sent: 1, errors: [] });
    const [, replacement] = await sentFor(id);
    expect(replacement!.txHash).not.toBe(original);

    await proxy.chain.drop(replacement!.txHash);
    expect(await proxy.chain.resend(raw)).toBe(original);
    await proxy.chain.mine();
    expect(await tickUntilAnchored(worker, ids)).toEqual([]);
    expect(await batchOf(chain)).toMatchObject({ status: "CONFIRMED", txHash: original, nonce: 0 });
    expect(await rootLogs(chain, root)).toHaveLength(1);
    expect((await rootLogs(chain, root))[0]!.transactionHash).toBe(original);
  });

  it("sends again with the same nonce and the new fees when a rise in the base fee evicts the transaction", async () => {
    const chain = await deployedRegistry(anvil.url);
    const worker = workerThroughProxy(chain, { priorityFeePerGas: GWEI, maxFeePerGas: 50n * GWEI, replaceAfterMs: 60_000 });
    await proxy.chain.automine(false);
    const ids = await commit(1);
    expect(await worker.tick()).toMatchObject({ sent: 1, errors: [] });
    const { id } = await batchOf(chain);
    const [evicted] = await sentFor(id);
    // A block at 10 gwei: the transaction's max fee is below it, and the node drops it.
    await proxy.chain.baseFee(10n * GWEI);
    expect(await direct.getTransaction(evicted!.txHash)).toBeNull();
    await sleep(60);
    expect(await worker.tick()).toMatchObject({ sent: 1, errors: [] });
    const [, again] = await sentFor(id);
    expect(again).toMatchObject({ nonce: evicted!.nonce });
    // Fees from the latest base fee: twice 10 gwei plus the tip.
    expect(again!.maxFeePerGas).toBe(21n * GWEI);
    await proxy.chain.mine();
    expect(await tickUntilAnchored(worker, ids)).toEqual([]);
    expect(await batchOf(chain)).toMatchObject({ status: "CONFIRMED", txHash: again!.txHash });
  });
});

describe("the fee cap (ANCHOR_MAX_FEE_GWEI)", () => {
  it("sends nothing while the base fee is above the cap, says so in the batch's last error, and anchors once it comes down", async () => {
    const chain = await deployedRegistry(anvil.url);
    const worker = workerThroughProxy(chain, { maxFeePerGas: 50n * GWEI });
    await proxy.chain.baseFee(60n * GWEI);
    const ids = await commit(2);
    const report = await worker.tick();
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toContain("the base fee (60 gwei) is above ANCHOR_MAX_FEE_GWEI (50 gwei): not sending until it comes down");
    const refused = await batchOf(chain);
    expect(refused).toMatchObject({ status: "SENDING", txHash: null, nonce: null });
    expect(refused.lastError).toBe("the base fee (60 gwei) is above ANCHOR_MAX_FEE_GWEI (50 gwei): not sending until it comes down");
    expect(await sentFor(refused.id)).toEqual([]);
    expect(await direct.getTransactionCount(chain.anchorer, "pending")).toBe(0);

    await proxy.chain.baseFee(GWEI);
    await sleep(250); // past the back-off
    expect(await tickUntilAnchored(worker, ids)).toEqual([]);
    const sent = await sentFor(refused.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.maxFeePerGas).toBeLessThanOrEqual(50n * GWEI);
    expect(await batchOf(chain)).toMatchObject({ status: "CONFIRMED", lastError: null });
  });

  it("does not replace a stuck transaction above the cap: it waits at its fee, with the reason as the last error, and is confirmed when mined", async () => {
    const chain = await deployedRegistry(anvil.url);
    // Base fee 1 gwei: a first send offers min(3 gwei cap, 2 × 1 + 1) = 3 gwei; a replacement would need 3.375.
    await proxy.chain.baseFee(GWEI);
    const lines: string[] = [];
    const worker = workerThroughProxy(chain, { priorityFeePerGas: GWEI, maxFeePerGas: 3n * GWEI, replaceAfterMs: REPLACE_AFTER_MS }, (l) => lines.push(l));
    await proxy.chain.automine(false);
    const ids = await commit(1);
    expect(await worker.tick()).toMatchObject({ sent: 1, errors: [] });
    const { id } = await batchOf(chain);
    await ageSend(id);
    expect(await worker.tick()).toMatchObject({ sent: 0, waiting: 1, errors: [] });
    const waiting = await batchOf(chain);
    expect(waiting.lastError).toMatch(/^a replacement would need a max fee of 3\.375 gwei, above ANCHOR_MAX_FEE_GWEI \(3 gwei\): the transaction waits at 3 gwei$/);
    expect(lines.some((l) => l.includes("is stuck and not replaced: a replacement would need a max fee of 3.375 gwei"))).toBe(true);
    expect(await sentFor(id)).toHaveLength(1);

    await proxy.chain.mine();
    expect(await tickUntilAnchored(worker, ids)).toEqual([]);
    expect(await batchOf(chain)).toMatchObject({ status: "CONFIRMED", lastError: null });
  });
});

describe("confirmations = 3 on a chain that mines on demand (acceptance c, d)", () => {
  it("confirms as blocks come without spinning on RPC, and after a reorg at depth 2 anchors the root again, once, on the final chain", async () => {
    const chain = await deployedRegistry(anvil.url);
    const settings: Partial<WorkerSettings> = { confirmations: 3, confirmationPollMs: 100 };
    const worker = workerThroughProxy(chain, settings);
    await proxy.chain.automine(false);
    const ids = await commit(2);
    const tick = async () => {
      await sleep(120); // past the confirmation poll
      return worker.tick();
    };
    expect(await worker.tick()).toMatchObject({ sent: 1, errors: [] });
    await proxy.chain.mine(); // in a block: one confirmation of three
    expect(await tick()).toMatchObject({ confirmed: 0, errors: [] });
    const mined = await batchOf(chain);
    expect(mined.status).toBe("SUBMITTED");

    // No block for a second (and on until 5 ticks, on a loaded machine) while the worker's own
    // loop runs every 20 ms: each tick reads the head once (the reorg check), and the waiting
    // batch costs a receipt and a head read once per confirmation poll. A worker that spins
    // makes thousands.
    const idler = workerThroughProxy(chain, settings);
    proxy.reset();
    const started = Date.now();
    idler.start(20);
    await sleep(1_000);
    for (const deadline = Date.now() + 20_000; idler.ticks < 5 && Date.now() < deadline; ) await sleep(20);
    await idler.stop();
    const elapsed = Date.now() - started;
    const calls = Object.values(proxy.stats.methods).reduce((a, b) => a + b, 0);
    expect(idler.ticks).toBeGreaterThanOrEqual(5);
    expect(calls).toBeGreaterThanOrEqual(idler.ticks);
    expect(calls).toBeLessThanOrEqual(idler.ticks + 2 * (Math.ceil(elapsed / 100) + 1));
    expect(proxy.stats.methods.eth_sendRawTransaction).toBeUndefined();

    await proxy.chain.mine(); // two deep
    expect(await tick()).toMatchObject({ confirmed: 0, errors: [] });
    expect(await anchoredCount(ids)).toBe(0);

    // A reorg at depth 2: the batch's block and the next are replaced by empty ones.
    await proxy.chain.reorg(2);
    expect(await chain.registry.isAnchored(mined.root)).toBe(false);
    expect(await tick()).toMatchObject({ reorged: 1, sent: 1, errors: [] });
    const back = await batchOf(chain);
    expect(back).toMatchObject({ status: "SENDING", reorgCount: 1, root: mined.root, nonce: mined.nonce });

    await proxy.chain.mine(); // in a block of the new chain
    expect(await tick()).toMatchObject({ confirmed: 0, errors: [] });
    await proxy.chain.mine();
    expect(await tick()).toMatchObject({ confirmed: 0, errors: [] });
    expect(await anchoredCount(ids)).toBe(0);
    await proxy.chain.mine(); // three deep
    expect(await tick()).toMatchObject({ confirmed: 1, errors: [] });

    const confirmed = await batchOf(chain);
    const block = await direct.getBlock(Number(confirmed.blockNumber));
    expect(confirmed).toMatchObject({ status: "CONFIRMED", reorgCount: 1, blockHash: block!.hash });
    expect((await sentFor(confirmed.id)).map((t) => t.txHash)).toContain(confirmed.txHash);
    expect(await anchoredCount(ids)).toBe(2);
    const logs = await rootLogs(chain, mined.root);
    expect(logs).toHaveLength(1);
    expect(logs[0]!.transactionHash).toBe(confirmed.txHash);
  });
});

describe("the signer's balance (acceptance f)", () => {
  it("refuses a send the signer cannot pay, naming the address and the shortfall, keeps the milestones, and anchors them once funded", async () => {
    const chain = await deployedRegistry(anvil.url);
    const worker = workerThroughProxy(chain, {});
    await proxy.chain.setBalance(chain.anchorer, 1_000n);
    const ids = await commit(2);
    const report = await worker.tick();
    expect(report.errors).toHaveLength(1);
    const refusal = new RegExp(
      `^the anchoring signer ${chain.anchorer} holds 0\\.000000000000001 ETH, ([0-9.]+) ETH short of the ([0-9.]+) ETH this batch's transaction may cost: fund it; its milestones wait and are anchored once it is funded$`,
    );
    expect(report.errors[0]).toContain(`the anchoring signer ${chain.anchorer} holds`);
    const refused = await batchOf(chain);
    expect(refused).toMatchObject({ status: "SENDING", txHash: null });
    const [, shortfall, needed] = refusal.exec(refused.lastError ?? "") ?? [];
    expect(parseEther(needed!) - 1_000n).toBe(parseEther(shortfall!));
    expect(worker.balanceStatus()).toMatchObject({ address: chain.anchorer, balanceWei: 1_000n, low: true, shortfallWei: parseEther(shortfall!) });
    // Nothing sent, nothing lost: the milestones wait in their batch.
    expect(await direct.getTransactionCount(chain.anchorer, "pending")).toBe(0);
    expect(await db().milestone.count({ where: { id: { in: ids }, status: "BATCHED", batchId: refused.id } })).toBe(2);

    await proxy.chain.setBalance(chain.anchorer, parseEther("1"));
    await sleep(250); // past the back-off
    expect(await tickUntilAnchored(worker, ids)).toEqual([]);
    expect(await rootLogs(chain, refused.root)).toHaveLength(1);
    // The tick that confirmed read the balance again: no shortfall any more.
    expect(worker.balanceStatus()).toMatchObject({ address: chain.anchorer, low: false, shortfallWei: null });
  });

  it("reads the spending rate from the batches' receipts and warns when the balance covers fewer than ANCHOR_BALANCE_WARN_DAYS days", async () => {
    const chain = await deployedRegistry(anvil.url);
    const lines: string[] = [];
    const worker = workerThroughProxy(chain, { balanceWarnDays: 3 }, (l) => lines.push(l));
    for (let i = 0; i < 2; i++) expect(await tickUntilAnchored(worker, await commit(2))).toEqual([]);
    const batches = await db().anchorBatch.findMany({ where: { contractAddress: chain.address, status: "CONFIRMED" } });
    expect(batches).toHaveLength(2);
    let spent = 0n;
    for (const batch of batches) {
      const receipt = await direct.getTransactionReceipt(batch.txHash!);
      expect(batch).toMatchObject({ gasUsed: receipt!.gasUsed, effectiveGasPrice: receipt!.gasPrice });
      spent += receipt!.gasUsed * receipt!.gasPrice;
    }
    expect(spent).toBeGreaterThan(0n);

    await proxy.chain.setBalance(chain.anchorer, spent * 2n); // two days at this rate
    const low = await worker.watchBalance();
    expect(low).toMatchObject({ address: chain.anchorer, balanceWei: spent * 2n, weiPerDay: spent, daysLeft: 2, low: true, shortfallWei: null });
    expect(worker.balanceStatus()).toBe(low);
    expect(lines).toContain(
      `anchoring: warning: the anchoring signer ${chain.anchorer} holds ${formatEther(spent * 2n)} ETH, about 2 day(s) of anchoring at the last day's rate (${formatEther(spent)} ETH a day), fewer than ANCHOR_BALANCE_WARN_DAYS (3): fund it`,
    );

    await proxy.chain.setBalance(chain.anchorer, spent * 5n);
    expect(await worker.watchBalance()).toMatchObject({ daysLeft: 5, low: false });
    expect(lines.filter((l) => l.includes("warning"))).toHaveLength(1);
  });
});
