import { type JsonRpcProvider, toQuantity } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anchorRegistryInterface, connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { makeProvider, makeSigner } from "@/lib/chain/provider";
import { db } from "@/lib/db/client";
import { type RunningAnvil, startAnvil } from "@/lib/dev/anvil";
import { freePort } from "@/lib/dev/ports";
import { appendMilestone } from "@/lib/anchoring/record";
import { creditKey } from "@/lib/anchoring/credit-key";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { reconcileAnchors } from "@/lib/jobs/reconcile-anchors";
import { rpcAnchorReader, verifierProvider } from "@/lib/verify/reader";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { type FaultProxy, startFaultProxy } from "../support/fault-proxy";
import { type World, createWorld, creditIn } from "./support/world";

// Anchoring through a network that misbehaves (issue 16, item 1): the worker, the verifiers and
// the reconciliation talk to anvil through a proxy that answers 429s, holds requests past the
// client's timeout and drops connections (before and after passing them on), behind a first RPC
// URL that is down for good. Nothing is lost or anchored twice, reads succeed, and no eth_getLogs
// asks for more blocks than the configured maximum (the proxy refuses even narrower ones, which
// the client splits).

useTestDatabase();

const MAX_RANGE = 10;
const CLIENT_TIMEOUT_MS = 400;
const RETRY = { retries: 8, baseDelayMs: 10, maxDelayMs: 150 };

let world: World;
let anvil: RunningAnvil;
let chain: ChainFixture;
let proxy: FaultProxy;
let urls: string;
let startBlock: number;
let direct: JsonRpcProvider;

beforeAll(async () => {
  world = await createWorld();
  anvil = await startAnvil();
  chain = await deployedRegistry(anvil.url);
  direct = chain.provider;
  startBlock = await direct.getBlockNumber();
  proxy = await startFaultProxy(anvil.url);
  // Nothing listens there: a provider that is down for good, listed first.
  const dead = `http://127.0.0.1:${await freePort()}`;
  urls = `${dead},${proxy.url}`;
});

afterAll(async () => {
  await proxy?.close();
  await anvil?.stop();
});

const faulty = () => ({ share: 0.25, kinds: ["429", "drop", "drop-after", "timeout"] as const, holdMs: CLIENT_TIMEOUT_MS * 3, maxLogRange: 4 });

async function commit(credits: number, each: number): Promise<{ ids: string[]; creditIds: string[] }> {
  const ids: string[] = [];
  const creditIds: string[] = [];
  for (let c = 0; c < credits; c++) {
    const { creditId } = await creditIn(world, "ADVISED");
    creditIds.push(creditId);
    for (let i = 0; i < each; i++) {
      await db().$transaction(async (tx) => {
        ids.push((await appendMilestone(tx, { creditId, kind: "CREDIT_ADVISED", content: { resilience: c, i } })).id);
      });
    }
  }
  return { ids, creditIds };
}

describe("anchoring through a faulty network", () => {
  const creditIds: string[] = [];

  it("anchors every batch exactly once through 429s, timeouts, dropped connections and a dead first URL", async () => {
    const provider = makeProvider(urls, { chainId: chain.chainId, timeoutMs: CLIENT_TIMEOUT_MS, retry: RETRY, maxBlockRange: MAX_RANGE });
    const signer = makeSigner(chain.signerKey, provider);
    const registry = connectAnchorRegistry(chain.address, signer);
    const worker = new AnchoringWorker(
      { provider, registry, signer, chainId: chain.chainId, contractAddress: chain.address },
      { batchSize: 3, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, reorgDepth: 8, confirmationPollMs: 50 },
    );
    // The first two sends meet a connection dropped after anvil took them, then a timeout: a
    // retry that sent a second transaction would spend a second nonce.
    proxy.plan = { ...faulty(), firstOf: { eth_sendRawTransaction: ["drop-after", "timeout"] } };
    proxy.reset();
    const committed = { ids: [] as string[] };
    // Faults are absorbed below the worker: no tick reports an error (before, every dropped
    // connection and timeout failed a step, and the worker backed the batch off).
    const errors: string[] = [];
    const deadline = Date.now() + 45_000;
    try {
      // Four rounds of a credit's five milestones (two batches), with blocks between rounds, so
      // the reconciliation below reads a range many times MAX_RANGE.
      for (let round = 0; round < 4; round++) {
        const { ids, creditIds: [creditId] } = await commit(1, 5);
        committed.ids.push(...ids);
        creditIds.push(creditId!);
        while (Date.now() < deadline) {
          errors.push(...(await worker.tick()).errors);
          if ((await db().milestone.count({ where: { id: { in: committed.ids }, status: "ANCHORED" } })) === committed.ids.length) break;
        }
        await direct.send("anvil_mine", [toQuantity(2 * MAX_RANGE)]);
      }
    } finally {
      proxy.plan = { share: 0, kinds: [], holdMs: 0 };
      provider.destroy();
    }
    expect(await db().milestone.count({ where: { id: { in: committed.ids }, status: "ANCHORED" } })).toBe(committed.ids.length);
    expect(errors).toEqual([]);

    const batches = await db().anchorBatch.findMany({ where: { contractAddress: chain.address } });
    expect(batches.length).toBeGreaterThanOrEqual(4);
    expect(batches.every((b) => b.status === "CONFIRMED")).toBe(true);
    // Each root anchored once, by one transaction each, and no other transaction sent.
    const logs = await direct.getLogs({ address: chain.address, topics: [anchorRegistryInterface.getEvent("RootAnchored")!.topicHash], fromBlock: startBlock, toBlock: "latest" });
    expect(logs.map((l) => l.topics[1]!.toLowerCase()).sort()).toEqual(batches.map((b) => b.root.toLowerCase()).sort());
    expect(await direct.getTransactionCount(chain.anchorer)).toBe(batches.length);
    // The network did misbehave, on sends too.
    const { injected, faulted } = proxy.stats;
    expect(injected["429"]).toBeGreaterThan(0);
    expect(injected.drop).toBeGreaterThan(0);
    expect(injected["drop-after"]).toBeGreaterThan(0);
    expect(injected.timeout).toBeGreaterThan(0);
    expect(faulted.filter((f) => f.method === "eth_sendRawTransaction").map((f) => f.fault).slice(0, 2)).toEqual(["drop-after", "timeout"]);
    expect(proxy.stats.getLogs.every((g) => g.blocks <= MAX_RANGE)).toBe(true);
  }, 60_000);

  it("reads anchors and credit heads over a range wider than the maximum, through the same faults", async () => {
    const provider = verifierProvider(urls, chain.chainId, CLIENT_TIMEOUT_MS, { retry: RETRY, maxBlockRange: MAX_RANGE });
    const reader = rpcAnchorReader(provider, chain.address);
    const batches = await db().anchorBatch.findMany({ where: { contractAddress: chain.address } });
    const head = await direct.getBlockNumber();
    expect(head - startBlock).toBeGreaterThan(3 * MAX_RANGE);
    proxy.plan = faulty();
    proxy.reset();
    try {
      const anchors = await reader.anchorsOf(batches.map((b) => b.root));
      expect([...anchors.values()].every((a) => a !== null && a.anchorer === chain.anchorer)).toBe(true);
      for (const creditId of creditIds) {
        const heads = await reader.creditHeads!(creditKey(creditId), startBlock, head);
        expect(heads.map((h) => h.seq)).toEqual([...new Set(heads.map((h) => h.seq))]);
        expect(heads.at(-1)?.seq).toBe(5);
      }
      const transactions = await reader.rootTransactions!(batches.map((b) => b.root), startBlock, head);
      expect(transactions.size).toBe(batches.length);
      expect(await reader.blockNumber!()).toBeGreaterThanOrEqual(head);
    } finally {
      proxy.plan = { share: 0, kinds: [], holdMs: 0 };
      provider.destroy();
    }
    expect(proxy.stats.getLogs.length).toBeGreaterThan(0);
    expect(proxy.stats.getLogs.every((g) => g.blocks <= MAX_RANGE)).toBe(true);
    expect(proxy.stats.refusedRanges).toBeGreaterThan(0);
  }, 60_000);

  it("reconciles a block range wider than the maximum: every anchor found, every eth_getLogs within the limit", async () => {
    const provider = makeProvider(urls, { chainId: chain.chainId, timeoutMs: CLIENT_TIMEOUT_MS, retry: RETRY, maxBlockRange: MAX_RANGE });
    const batches = await db().anchorBatch.findMany({ where: { contractAddress: chain.address } });
    const head = await direct.getBlockNumber();
    expect(head - startBlock).toBeGreaterThan(3 * MAX_RANGE);
    proxy.plan = faulty();
    proxy.reset();
    let result;
    try {
      result = await reconcileAnchors({
        provider,
        contractAddress: chain.address,
        settings: { confirmations: 0, maxBlockRange: MAX_RANGE, staleAfterMs: 3_600_000, startBlock, expectedAnchorers: [chain.anchorer] },
        trigger: "MANUAL",
      });
    } finally {
      proxy.plan = { share: 0, kinds: [], holdMs: 0 };
      provider.destroy();
    }
    expect(result).toMatchObject({ status: "DONE", findings: 0 });
    const roots = await db().chainAnchoredRoot.findMany({ where: { contractAddress: chain.address.toLowerCase() } });
    expect(roots.map((r) => r.root).sort()).toEqual(batches.map((b) => b.root.toLowerCase()).sort());
    const { getLogs } = proxy.stats;
    expect(getLogs.length).toBeGreaterThanOrEqual(Math.ceil((head - startBlock) / MAX_RANGE));
    expect(getLogs.every((g) => g.blocks <= MAX_RANGE)).toBe(true);
    expect(proxy.stats.refusedRanges).toBeGreaterThan(0);
    expect(Object.values(proxy.stats.injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 60_000);
});
