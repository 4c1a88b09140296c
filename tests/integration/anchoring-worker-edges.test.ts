import { JsonRpcProvider, Wallet, toQuantity } from "ethers";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type AnchorRegistry, connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { makeProvider, makeSigner } from "@/lib/chain/provider";
import { db } from "@/lib/db/client";
import { type RunningAnvil, startAnvil } from "@/lib/dev/anvil";
import { appendMilestone } from "@/lib/anchoring/record";
import { documentCommitment } from "@/lib/anchoring/document-commitment";
import { verifyInclusion } from "@/lib/anchoring/merkle";
import { AnchoringWorker, type WorkerSettings } from "@/lib/anchoring/worker";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

// The worker's less travelled paths, each played against a real chain: a transaction stuck in
// the mempool, a reverted transaction, a stale read racing a send, a worker that hangs holding a
// lease, another process spending the same key's nonce, a reorg deeper than the worker looks,
// a chain that shrinks, and document hashes that are not hashes. (The main paths:
// anchoring-worker.test.ts.)

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

const FAST: Partial<WorkerSettings> = { batchSize: 64, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 5_000 };

function workerOn(chain: ChainFixture, settings: Partial<WorkerSettings> = {}, registry: AnchorRegistry = chain.registry, log?: (line: string) => void) {
  return new AnchoringWorker({ provider: chain.provider, registry, signer: chain.signer, chainId: chain.chainId, contractAddress: chain.address }, { ...FAST, ...settings }, log);
}

/** A registry on a chain of its own, above every block earlier tests' batches name (so their batches are never re-checked against it). */
async function ownChain(): Promise<ChainFixture> {
  anvil = await startAnvil();
  const chain = await deployedRegistry(anvil.url);
  const highest = await db().anchorBatch.aggregate({ _max: { blockNumber: true } });
  await chain.provider.send("anvil_mine", [toQuantity(Number(highest._max.blockNumber ?? 0n) + 1)]);
  return chain;
}

async function commitMilestones(count: number, documentHashes?: string[]): Promise<string[]> {
  const { creditId } = await creditIn(world, "ADVISED");
  const ids: string[] = [];
  await db().$transaction(async (tx) => {
    for (let j = 0; j < count; j++) ids.push((await appendMilestone(tx, { creditId, kind: "CREDIT_ADVISED", content: { edge: j }, documentHashes })).id);
  });
  return ids;
}

const batchOf = (chain: ChainFixture) => db().anchorBatch.findFirstOrThrow({ where: { contractAddress: chain.address } });
const anchoredCount = (ids: string[]) => db().milestone.count({ where: { id: { in: ids }, status: "ANCHORED" } });
const leaseNow = (chain: ChainFixture) => db().anchorBatch.updateMany({ where: { contractAddress: chain.address }, data: { nextAttemptAt: new Date() } });

describe("the anchoring worker, off the happy path", () => {
  it("waits for a transaction still in the mempool: neither sends again nor takes it for landed", async () => {
    const chain = await ownChain();
    await chain.provider.send("evm_setAutomine", [false]);
    const worker = workerOn(chain, { confirmationPollMs: 400 });
    const ids = await commitMilestones(2);
    const address = await chain.signer.getAddress();

    expect(await worker.tick()).toMatchObject({ batched: 2, sent: 1, errors: [] });
    const sent = await batchOf(chain);
    expect(sent).toMatchObject({ status: "SENDING", attempts: 1 });
    expect(sent.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(sent.sentAt).not.toBeNull();
    expect(await chain.provider.getTransactionCount(address, "pending")).toBe(1);

    await leaseNow(chain);
    const before = Date.now();
    expect(await worker.tick()).toMatchObject({ sent: 0, confirmed: 0, waiting: 1, errors: [] });
    const waiting = await batchOf(chain);
    expect(waiting).toMatchObject({ status: "SENDING", txHash: sent.txHash, attempts: 1 });
    // Looked at again after the poll interval (not at once, which would spin the tick; not after
    // the 5 s lease), and nothing more was sent.
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 400);
    expect(waiting.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 400);
    expect(await chain.provider.getTransactionCount(address, "pending")).toBe(1);

    await chain.provider.send("evm_mine", []);
    await leaseNow(chain);
    // confirmations: 2 holds the batch at SUBMITTED for a look at what the landing recorded: the
    // tick finds it landed (waiting for the record), then one block short (waiting for a block).
    expect(await workerOn(chain, { confirmations: 2 }).tick()).toMatchObject({ sent: 0, confirmed: 0, waiting: 2, errors: [] });
    const landed = await batchOf(chain);
    expect(landed).toMatchObject({ status: "SUBMITTED", txHash: sent.txHash, lastError: null });
    const receipt = await chain.provider.getTransactionReceipt(sent.txHash!);
    expect(landed.blockHash).toBe(receipt!.blockHash);
    expect(Number(landed.blockNumber)).toBe(receipt!.blockNumber);

    await leaseNow(chain);
    expect((await worker.tick()).confirmed).toBe(1);
    const confirmed = await batchOf(chain);
    const block = await chain.provider.getBlock(receipt!.blockNumber);
    expect(confirmed.status).toBe("CONFIRMED");
    expect(confirmed.blockTime?.getTime()).toBe(block!.timestamp * 1000);
    expect(confirmed.confirmedAt).not.toBeNull();
    expect(await anchoredCount(ids)).toBe(2);
  });

  it("does not take a reverted transaction for the anchor of its root", async () => {
    const chain = await ownChain();
    const worker = workerOn(chain);
    const ids = await commitMilestones(1);
    // A stranger's call to anchor() with a fixed gas limit: mined, and reverted (status 0).
    const stranger = makeSigner(Wallet.createRandom().privateKey, chain.provider);
    await chain.provider.send("anvil_setBalance", [await stranger.getAddress(), "0x56BC75E2D63100000"]);
    const tx = await stranger.sendTransaction({ to: chain.address, data: "0xdeadbeef", gasLimit: 100_000 });
    const reverted = await chain.provider.waitForTransaction(tx.hash);
    expect(reverted?.status).toBe(0);

    await worker.tick(); // closes the batch and anchors it
    const batch = await batchOf(chain);
    expect(batch.txHash).not.toBe(tx.hash);
    // The batch names the reverted transaction, as after a send that the node mined as failed.
    // (The database's one backward move, then a re-send's new hash: both allowed by its guards.)
    await db().$executeRaw`UPDATE anchor_batches SET status = 'SENDING', reorg_count = reorg_count + 1, tx_hash = NULL, block_number = NULL, block_hash = NULL, block_time = NULL, confirmed_at = NULL WHERE id = ${batch.id}::uuid`;
    await db().$executeRaw`UPDATE anchor_batches SET tx_hash = ${tx.hash}, next_attempt_at = now() WHERE id = ${batch.id}::uuid`;
    await worker.tick();
    const recorded = await batchOf(chain);
    // Found by the root's own event instead: the transaction that anchored it.
    expect(recorded.txHash).toBe(batch.txHash);
    expect(recorded.blockHash).toBe(batch.blockHash);
    expect(await anchoredCount(ids)).toBe(1);
  });

  it("records a root that landed between its look and its send at the next tick, without an error or a held lease", async () => {
    const chain = await ownChain();
    const ids = await commitMilestones(3);
    // A stale read: the registry says "not anchored" once, after the root is in fact on chain.
    let stale = true;
    const racing: AnchorRegistry = {
      ...chain.registry,
      isAnchored: async (root) => {
        if (stale) {
          stale = false;
          const batch = await batchOf(chain);
          await (await chain.registry.anchor(root, batch.leafCount, batch.heads as never)).wait();
          return false;
        }
        return chain.registry.isAnchored(root);
      },
    };
    const worker = workerOn(chain, { leaseMs: 60_000 }, racing);
    // The send meets AlreadyAnchored: no error, nothing counted as sent; the worker records the
    // root's transaction at once (one wait: the landing recorded) and, the batch free again at
    // once, the same tick confirms it.
    expect(await worker.tick()).toMatchObject({ batched: 3, sent: 0, confirmed: 1, waiting: 1, errors: [] });
    const batch = await batchOf(chain);
    expect(batch).toMatchObject({ status: "CONFIRMED", attempts: 0, lastError: null });
    const event = await chain.registry.findAnchorEvent(batch.root);
    expect(batch.txHash).toBe(event!.txHash);
    expect(await anchoredCount(ids)).toBe(3);
  });

  it("holds a batch for its lease only: a hung worker's batch is taken over once the lease ends", async () => {
    const chain = await deployedRegistry();
    const ids = await commitMilestones(2);
    const hanging: AnchorRegistry = { ...chain.registry, isAnchored: () => new Promise<boolean>(() => {}) };
    const hung = workerOn(chain, { leaseMs: 1_500 }, hanging);
    void hung.tick(); // never returns: it holds the batch it leased
    const deadline = Date.now() + 10_000;
    while ((await db().anchorBatch.count({ where: { contractAddress: chain.address } })) === 0) {
      if (Date.now() > deadline) throw new Error("the hung worker never closed its batch");
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 100));
    const leased = await batchOf(chain);
    expect(leased.nextAttemptAt.getTime() - leased.createdAt.getTime()).toBeGreaterThan(1_000);
    expect(leased.nextAttemptAt.getTime() - leased.createdAt.getTime()).toBeLessThan(3_000);

    const rescuer = workerOn(chain);
    expect(await rescuer.tick()).toMatchObject({ sent: 0, confirmed: 0 }); // still leased
    await new Promise((r) => setTimeout(r, Math.max(0, leased.nextAttemptAt.getTime() - Date.now() + 50)));
    expect((await rescuer.tick()).sent).toBe(1);
    expect((await batchOf(chain)).status).toBe("CONFIRMED");
    expect(await anchoredCount(ids)).toBe(2);
  });

  it("re-reads its nonce before each send: another process spending the same key costs no failed send", async () => {
    const chain = await deployedRegistry();
    const worker = workerOn(chain);
    const first = await commitMilestones(1);
    expect(await worker.tick()).toMatchObject({ sent: 1, errors: [] });
    // A second process with the same key sends a transaction of its own.
    const other = makeSigner(chain.signerKey, chain.provider);
    await (await other.sendTransaction({ to: await other.getAddress(), value: 0 })).wait();
    const second = await commitMilestones(1);
    expect(await worker.tick()).toMatchObject({ sent: 1, errors: [] });
    await worker.tick();
    expect(await anchoredCount([...first, ...second])).toBe(2);
  });

  it("re-checks confirmed batches only reorgDepth blocks back, and each reorged batch once across workers", async () => {
    const chain = await ownChain();
    const lines: string[] = [];
    const shallow = workerOn(chain, { reorgDepth: 2 }, chain.registry, (l) => lines.push(l));
    const ids = await commitMilestones(2);
    await shallow.tick();
    await shallow.tick();
    const batch = await batchOf(chain);
    expect(batch.status).toBe("CONFIRMED");
    await chain.provider.send("anvil_mine", [toQuantity(4)]);
    // Replace the batch's block and the four after it: the anchor is gone from the chain.
    await chain.provider.send("anvil_reorg", [5, []]);
    expect(await chain.registry.isAnchored(batch.root)).toBe(false);

    // Five blocks back is deeper than this worker looks: it leaves the batch as it is.
    expect(await shallow.tick()).toMatchObject({ reorged: 0, sent: 0 });
    expect((await batchOf(chain)).status).toBe("CONFIRMED");

    // Two workers that look deep enough see it at once; it goes back (and is counted) once.
    const a = workerOn(chain, { reorgDepth: 8 }, chain.registry, (l) => lines.push(l));
    const b = workerOn(chain, { reorgDepth: 8 }, chain.registry, (l) => lines.push(l));
    const reports = await Promise.all([a.tick(), b.tick()]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
    const again = await batchOf(chain);
    expect(again.reorgCount).toBe(1);
    expect(lines.filter((l) => l.includes(`batch ${batch.id} left the canonical chain (reorg)`))).toHaveLength(1);
    await a.tick();
    expect((await batchOf(chain)).status).toBe("CONFIRMED");
    expect(await chain.registry.isAnchored(batch.root)).toBe(true);
    expect(await anchoredCount(ids)).toBe(2);
  });

  it("anchors again a confirmed batch whose block is beyond a chain that shrank", async () => {
    const chain = await ownChain();
    const snapshot = await chain.provider.send("evm_snapshot", []);
    const worker = workerOn(chain);
    const ids = await commitMilestones(2);
    await worker.tick();
    await worker.tick();
    const batch = await batchOf(chain);
    expect(batch.status).toBe("CONFIRMED");
    await chain.provider.send("evm_revert", [snapshot]);
    expect(await chain.provider.getBlockNumber()).toBeLessThan(Number(batch.blockNumber));

    expect(await worker.tick()).toMatchObject({ reorged: 1, sent: 1 });
    await worker.tick();
    const again = await batchOf(chain);
    expect(again).toMatchObject({ status: "CONFIRMED", reorgCount: 1, root: batch.root });
    expect(await anchoredCount(ids)).toBe(2);
  });

  it("commits each well-formed document hash once, normalised, and skips values that are not SHA-256 hashes", async () => {
    const chain = await deployedRegistry();
    const hash = "ab".repeat(32);
    const ids = await commitMilestones(2, [`0x${hash.toUpperCase()}`]);
    // The same document in the form the lifecycle writes (lower case, no 0x), and a row written
    // around appendMilestone whose "hash" is not one: it must not jam the outbox.
    const [last] = await db().$queryRaw<{ credit_id: string; seq: number }[]>`SELECT credit_id, seq FROM milestones WHERE id = ${ids[1]}::uuid`;
    const [odd] = await db().$queryRaw<{ id: string }[]>`
      INSERT INTO milestones (id, credit_id, seq, kind, content, document_hashes, prev_digest, salt, digest, status, created_at)
      SELECT gen_random_uuid(), credit_id, seq + 1, kind, content, ARRAY[${hash}, 'not a sha-256 hash'], digest, salt,
             '0x' || encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), 'PENDING', now()
        FROM milestones WHERE credit_id = ${last!.credit_id}::uuid AND seq = ${last!.seq}
      RETURNING id`;
    ids.push(odd!.id);
    const worker = workerOn(chain);
    expect(await worker.tick()).toMatchObject({ batched: 3, errors: [] });
    const batch = await batchOf(chain);
    expect(batch.leafCount).toBe(4); // three milestones and one document
    const anchors = await db().documentAnchor.findMany({ where: { batchId: batch.id } });
    expect(anchors.map((a) => ({ sha256: a.sha256, commitment: a.commitment }))).toEqual([{ sha256: hash, commitment: documentCommitment(hash) }]);
    expect(verifyInclusion(batch.root, anchors[0]!.commitment, anchors[0]!.proof)).toBe(true);
    for (const m of await db().milestone.findMany({ where: { id: { in: ids } } })) expect(verifyInclusion(batch.root, m.digest, m.proof)).toBe(true);
    await worker.tick();
    expect(await anchoredCount(ids)).toBe(3);
  });

  it("sends again a transaction the node dropped, and one the node mined as reverted", async () => {
    const chain = await ownChain();
    await chain.provider.send("evm_setAutomine", [false]);
    const worker = workerOn(chain, { confirmationPollMs: 400 });
    const ids = await commitMilestones(1);
    expect(await worker.tick()).toMatchObject({ batched: 1, sent: 1, errors: [] });
    const first = await batchOf(chain);

    // The node forgets the transaction (evicted from its mempool): no receipt, no pending transaction.
    await chain.provider.send("anvil_dropTransaction", [first.txHash]);
    expect(await chain.provider.getTransaction(first.txHash!)).toBeNull();
    await leaseNow(chain);
    expect(await worker.tick()).toMatchObject({ sent: 1, waiting: 1, errors: [] }); // sent again, then waiting in the mempool
    const resent = await batchOf(chain);
    expect(resent).toMatchObject({ status: "SENDING", attempts: 2 });
    // The same nonce and call: possibly the very same signed transaction, now known to the node again.
    expect(await chain.provider.getTransaction(resent.txHash!)).not.toBeNull();

    // The batch names a transaction the node mined as failed (status 0), and the root is not on chain: send again.
    await chain.provider.send("anvil_dropTransaction", [resent.txHash]);
    const stranger = makeSigner(Wallet.createRandom().privateKey, chain.provider);
    await chain.provider.send("anvil_setBalance", [await stranger.getAddress(), "0x56BC75E2D63100000"]);
    const failed = await stranger.sendTransaction({ to: chain.address, data: "0xdeadbeef", gasLimit: 100_000 });
    await chain.provider.send("evm_mine", []);
    expect((await chain.provider.getTransactionReceipt(failed.hash))?.status).toBe(0);
    await db().$executeRaw`UPDATE anchor_batches SET tx_hash = ${failed.hash}, next_attempt_at = now() WHERE id = ${first.id}::uuid`;
    expect(await worker.tick()).toMatchObject({ sent: 1, waiting: 1, errors: [] }); // sent again, then waiting in the mempool
    expect(await batchOf(chain)).toMatchObject({ status: "SENDING", attempts: 3 });

    await chain.provider.send("evm_mine", []);
    await leaseNow(chain);
    await worker.tick();
    expect((await batchOf(chain)).status).toBe("CONFIRMED");
    expect(await anchoredCount(ids)).toBe(1);
  });

  it("does not confirm against a block replaced between reading the receipt and reading the block", async () => {
    const chain = await ownChain();
    // The worker's own view of the node: the first block it reads by number is reorganised away
    // just before the read (the worst moment a real reorg could choose).
    class ReorgOnFirstBlockRead extends JsonRpcProvider {
      armed = true;
      override async getBlock(...args: Parameters<JsonRpcProvider["getBlock"]>) {
        // (By number: the worker also reads the latest block, for its base fee, before it sends.)
        if (this.armed && typeof args[0] === "number") {
          this.armed = false;
          await this.send("anvil_reorg", [1, []]);
        }
        return super.getBlock(...args);
      }
    }
    const plain = makeProvider(chain.rpcUrl);
    const provider = new ReorgOnFirstBlockRead(chain.rpcUrl, await plain.getNetwork(), { staticNetwork: true, cacheTimeout: -1 });
    const lines: string[] = [];
    const worker = new AnchoringWorker({ provider, registry: chain.registry, signer: chain.signer, chainId: chain.chainId, contractAddress: chain.address }, FAST, (l) => lines.push(l));
    const ids = await commitMilestones(2);

    const report = await worker.tick();
    expect(report).toMatchObject({ batched: 2, reorged: 1, errors: [] });
    expect(provider.armed).toBe(false);
    expect(lines.filter((l) => l.includes("left the canonical chain (reorg)"))).toHaveLength(1);
    // Sent again and confirmed in the block that is canonical now, with that block's time.
    for (let i = 0; i < 3 && (await batchOf(chain)).status !== "CONFIRMED"; i++) await worker.tick();
    const batch = await batchOf(chain);
    expect(batch).toMatchObject({ status: "CONFIRMED", reorgCount: 1 });
    const block = await plain.getBlock(Number(batch.blockNumber));
    expect(batch.blockHash).toBe(block!.hash);
    expect(batch.blockTime?.getTime()).toBe(block!.timestamp * 1000);
    expect(await anchoredCount(ids)).toBe(2);
  });

  it("a root on chain whose log the node cannot return: no error and no spin, looked at again later", async () => {
    const chain = await ownChain();
    const ids = await commitMilestones(1);
    // Anchored behind the worker's back (as by a crashed worker's late send), and the node's log
    // search comes back empty (a provider's range limit, pruned logs).
    let anchoredBehind = false;
    const blind: AnchorRegistry = {
      ...chain.registry,
      isAnchored: async (root) => {
        if (!anchoredBehind) {
          anchoredBehind = true;
          const batch = await batchOf(chain);
          await (await chain.registry.anchor(root, batch.leafCount, batch.heads as never)).wait();
          return false;
        }
        return chain.registry.isAnchored(root);
      },
      findAnchorEvent: async () => null,
    };
    const lines: string[] = [];
    const worker = workerOn(chain, { confirmationPollMs: 5_000 }, blind, (l) => lines.push(l));
    const report = await Promise.race([worker.tick(), new Promise<"spinning">((r) => setTimeout(() => r("spinning"), 15_000))]);
    expect(report).toMatchObject({ batched: 1, sent: 0, confirmed: 0, errors: [] });
    const batch = await batchOf(chain);
    expect(batch).toMatchObject({ status: "SENDING", attempts: 0 });
    expect(batch.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 2_000);
    expect(lines.some((l) => l.includes("is anchored but its transaction was not found"))).toBe(true);

    // Once the log can be read again, the worker records the root's transaction and confirms it.
    await leaseNow(chain);
    await workerOn(chain).tick();
    expect((await batchOf(chain)).status).toBe("CONFIRMED");
    expect(await anchoredCount(ids)).toBe(1);
  });

  it("two workers sending at the same moment with the same key take turns: no nonce spent twice", async () => {
    const chain = await ownChain();
    // Two batches waiting to be sent (a first attempt failed before any transaction).
    const failing: AnchorRegistry = { ...chain.registry, anchor: async () => Promise.reject(new Error("node unreachable")) };
    await commitMilestones(1);
    await workerOn(chain, { batchSize: 1 }, failing).tick();
    await commitMilestones(1);
    await workerOn(chain, { batchSize: 1 }, failing).tick();
    expect(await db().anchorBatch.count({ where: { contractAddress: chain.address, status: "SENDING" } })).toBe(2);
    await leaseNow(chain);

    // Each worker its own signer on the same key; each send waits (up to 1.5 s) until the other
    // worker's send has begun too: only the send lock keeps them from reading the same nonce.
    let arrived = 0;
    let release!: () => void;
    const both = new Promise<void>((r) => (release = r));
    const workerWithOwnSigner = () => {
      const signer = makeSigner(chain.signerKey, chain.provider);
      const registry = connectAnchorRegistry(chain.address, signer);
      const meeting: AnchorRegistry = {
        ...registry,
        anchor: async (...args) => {
          if (++arrived === 2) release();
          await Promise.race([both, new Promise((r) => setTimeout(r, 1_500))]);
          return registry.anchor(...args);
        },
      };
      return new AnchoringWorker({ provider: chain.provider, registry: meeting, signer, chainId: chain.chainId, contractAddress: chain.address }, { ...FAST, batchSize: 1 });
    };
    const reports = await Promise.all([workerWithOwnSigner().tick(), workerWithOwnSigner().tick()]);
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(2);
    const batches = await db().anchorBatch.findMany({ where: { contractAddress: chain.address } });
    expect(batches.map((b) => b.status)).toEqual(["CONFIRMED", "CONFIRMED"]);
  });

  it("commits a document once: a later batch naming the same document hash adds no second commitment", async () => {
    const chain = await ownChain();
    const worker = workerOn(chain);
    const hash = "cd".repeat(32);
    await commitMilestones(1, [hash]);
    await worker.tick();
    await commitMilestones(1, [hash]);
    await worker.tick();
    const batches = await db().anchorBatch.findMany({ where: { contractAddress: chain.address }, orderBy: { createdAt: "asc" } });
    expect(batches.map((b) => b.leafCount)).toEqual([2, 1]); // the second: its milestone only
    const anchors = await db().documentAnchor.findMany({ where: { sha256: hash } });
    expect(anchors.map((a) => a.batchId)).toEqual([batches[0]!.id]);
  });
});
