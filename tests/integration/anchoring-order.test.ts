import { beforeAll, describe, expect, it } from "vitest";
import { creditKey } from "@/lib/anchoring/credit-key";
import { appendMilestone } from "@/lib/anchoring/record";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { db } from "@/lib/db/client";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { anchorEverything, withTriggersOff } from "./support/tamper";
import { type World, createWorld, creditIn } from "./support/world";

// The order in which a credit's milestones reach the chain, and the heads published with them:
// what lets a verifier tell a cut-short or a second history from the chain alone.

const database = useTestDatabase();
let world: World;
let chain: ChainFixture;
beforeAll(async () => {
  world = await createWorld();
  chain = await deployedRegistry();
});

const workerOn = (batchSize: number) =>
  new AnchoringWorker(
    { provider: chain.provider, registry: chain.registry, signer: chain.signer, chainId: chain.chainId, contractAddress: chain.address },
    { batchSize, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 5_000 },
  );

async function append(creditId: string, count: number): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM credits WHERE id = ${creditId}::uuid FOR UPDATE`;
    for (let i = 0; i < count; i++) await appendMilestone(tx, { creditId, kind: "DOCUMENTS_PRESENTED", content: { i } });
  });
}

describe("credit heads on chain", () => {
  it("publishes, with every batch, the head of each credit in it: seqs only grow, and the last head is the credit's last milestone", async () => {
    const credits = [(await creditIn(world, "ADVISED")).creditId, (await creditIn(world, "ADVISED")).creditId, (await creditIn(world, "ADVISED")).creditId];
    // Interleaved commits and small batches: each credit's milestones spread over several batches.
    for (let round = 0; round < 4; round++) for (const creditId of credits) await append(creditId, 1 + (round % 2));
    await anchorEverything(workerOn(4));
    for (const creditId of credits) {
      const milestones = await db().milestone.findMany({ where: { creditId }, orderBy: { seq: "asc" }, include: { batch: true } });
      const heads = await chain.registry.creditHeads([creditKey(creditId)], 0, "latest");
      expect(heads.length).toBeGreaterThan(1);
      expect(heads.map((h) => h.seq)).toEqual([...heads.map((h) => h.seq)].sort((a, b) => a - b));
      for (const head of heads) expect(head.digest).toBe(milestones[head.seq - 1]!.digest);
      expect(heads.at(-1)!.seq).toBe(milestones.length);
      // One head per batch the credit is in, at the highest seq it has there.
      const batches = new Map<string, number>();
      for (const m of milestones) batches.set(m.batchId!, Math.max(batches.get(m.batchId!) ?? 0, m.seq));
      expect(heads.map((h) => h.seq)).toEqual([...batches.values()].sort((a, b) => a - b));
    }
  });

  it("does not stall when a later seq was committed with an earlier time than the one before it", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    await append(creditId, 3);
    // A clock step back between two commits: seq 3 looks oldest, and a batch of one by time would
    // take seq 3 alone, which must wait for 1 and 2.
    await withTriggersOff(database.url(), [[`UPDATE milestones SET created_at = created_at - interval '1 hour' WHERE credit_id = $1 AND seq = 3`, [creditId]]]);
    await anchorEverything(workerOn(1), 20_000);
    const heads = await chain.registry.creditHeads([creditKey(creditId)], 0, "latest");
    expect(heads.map((h) => h.seq)).toEqual([1, 2, 3]);
  });
});
