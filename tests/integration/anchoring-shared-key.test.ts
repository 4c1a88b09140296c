import { JsonRpcProvider, type JsonRpcPayload, type JsonRpcResult, Network, toQuantity } from "ethers";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type AnchorRegistry, connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { makeSigner } from "@/lib/chain/provider";
import { db } from "@/lib/db/client";
import { type RunningAnvil, startAnvil } from "@/lib/dev/anvil";
import { appendMilestone } from "@/lib/anchoring/record";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

// Two anchoring workers sharing one signer key (two `npm run worker` processes, issue 16 item 4)
// on a chain that mines on demand, as a public network looks between blocks. A worker whose lease
// on a batch ran out while it waited for the send lock (another worker's send held it) must not
// send the batch again once it gets the lock: the other worker may have sent it meanwhile, and on
// a node that estimates gas against the latest block (geth does) nothing refuses the second send
// until it is mined and reverts, paying gas for a second transaction of the same root.

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

/** A node like geth: eth_estimateGas without a block is estimated against the latest block, not the pending one (anvil's default). */
class LatestEstimateProvider extends JsonRpcProvider {
  constructor(url: string, chainId: bigint) {
    const network = Network.from(chainId);
    super(url, network, { staticNetwork: network, batchStallTime: 0, cacheTimeout: -1 });
  }
  override _send(payload: JsonRpcPayload | JsonRpcPayload[]): Promise<JsonRpcResult[]> {
    const latest = (p: JsonRpcPayload): JsonRpcPayload => (p.method === "eth_estimateGas" && Array.isArray(p.params) && p.params.length === 1 ? { ...p, params: [...p.params, "latest"] } : p);
    return super._send(Array.isArray(payload) ? payload.map(latest) : latest(payload));
  }
}

const SEND_LOCK_WAITERS = "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242101 AND NOT granted";

describe("two workers sharing one key", () => {
  it("a worker whose lease ran out while it waited for the send lock does not send the batch the other just sent", async () => {
    anvil = await startAnvil();
    const chain: ChainFixture = await deployedRegistry(anvil.url);
    const highest = await db().anchorBatch.aggregate({ _max: { blockNumber: true } });
    await chain.provider.send("anvil_mine", [toQuantity(Number(highest._max.blockNumber ?? 0n) + 1)]);
    await chain.provider.send("evm_setAutomine", [false]);
    const { creditId } = await creditIn(world, "ADVISED");
    await db().$transaction((tx) => appendMilestone(tx, { creditId, kind: "CREDIT_ADVISED", content: { shared: true } }));

    const worker = (wrap?: (registry: AnchorRegistry) => AnchorRegistry) => {
      const provider = new LatestEstimateProvider(chain.rpcUrl, chain.chainId);
      const signer = makeSigner(chain.signerKey, provider);
      const plain = connectAnchorRegistry(chain.address, signer);
      // A lease of 1 ms: it has run out by the time the other worker looks.
      return new AnchoringWorker({ provider, registry: wrap ? wrap(plain) : plain, signer, chainId: chain.chainId, contractAddress: chain.address }, { batchSize: 8, batchAgeMs: 0, leaseMs: 1, confirmationPollMs: 200, reorgDepth: 0 });
    };
    const second = worker();
    let secondTick: ReturnType<AnchoringWorker["tick"]> | undefined;
    // The first worker, holding the send lock just before it sends, lets the second lease the
    // batch (its lease has run out) and queue for the lock; then it sends.
    const first = worker((registry) => ({
      ...registry,
      anchor: async (...args) => {
        if (!secondTick) {
          secondTick = second.tick();
          for (const deadline = Date.now() + 20_000; ; ) {
            const [waiting] = await db().$queryRawUnsafe<{ n: number }[]>(SEND_LOCK_WAITERS);
            if (waiting!.n > 0) break;
            if (Date.now() > deadline) throw new Error("the second worker never waited for the send lock");
            await new Promise((r) => setTimeout(r, 50));
          }
        }
        return registry.anchor(...args);
      },
    }));
    const firstReport = await first.tick();
    const secondReport = await secondTick!;
    expect(firstReport).toMatchObject({ batched: 1, sent: 1, errors: [] });
    expect(secondReport).toMatchObject({ sent: 0, errors: [] });

    // One transaction for the root, at one nonce: the key's pending count is one above its mined one.
    const anchorer = await chain.signer.getAddress();
    expect((await chain.provider.getTransactionCount(anchorer, "pending")) - (await chain.provider.getTransactionCount(anchorer, "latest"))).toBe(1);
    const [batch] = await db().anchorBatch.findMany({ where: { contractAddress: chain.address }, include: { transactions: true } });
    expect(batch!.transactions).toHaveLength(1);

    await chain.provider.send("evm_mine", []);
    await new Promise((r) => setTimeout(r, 250));
    expect(await second.tick()).toMatchObject({ confirmed: 1, errors: [] });
    expect((await chain.provider.getLogs({ address: chain.address, topics: [null, batch!.root], fromBlock: 0 })).length).toBe(1);
    expect(await db().milestone.count({ where: { creditId, status: "ANCHORED" } })).toBe(1);
  });
});
