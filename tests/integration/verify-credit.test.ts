import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { MilestoneKind } from "@/lib/generated/prisma/enums";
import type { JsonValue } from "@/lib/anchoring/json";
import { ZERO_DIGEST, milestoneDigest, newSalt } from "@/lib/anchoring/digest";
import { appendMilestone } from "@/lib/anchoring/record";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { makeProvider } from "@/lib/chain/provider";
import { db } from "@/lib/db/client";
import { loadMilestoneRecords, verifyCredit } from "@/lib/verify/credit";
import { perRootAnchorReader, rpcAnchorReader } from "@/lib/verify/reader";
import type { TrailResult } from "@/lib/verify/types";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { anchorEverything as anchorAll, withTriggersOff } from "./support/tamper";
import { type World, createWorld, creditIn } from "./support/world";

// A credit's trail verified from the real database against a real chain, then tampered with
// behind the application's back (as a privileged database user could) and verified again.

const database = useTestDatabase();
let world: World;
let chain: ChainFixture;
let worker: AnchoringWorker;

const KINDS: MilestoneKind[] = ["TERMS_AGREED", "CREDIT_ISSUED", "CREDIT_ADVISED", "DOCUMENTS_PRESENTED", "PRESENTATION_COMPLIANT", "PAYMENT_RECORDED"];
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

beforeAll(async () => {
  world = await createWorld();
  chain = await deployedRegistry();
  worker = new AnchoringWorker(
    { provider: chain.provider, registry: chain.registry, chainId: chain.chainId, contractAddress: chain.address },
    { batchSize: 64, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 5_000 },
  );
});

/** Appends `count` milestones to the credit, as the lifecycle writes them (some with documents). */
async function append(creditId: string, count: number): Promise<void> {
  await db().$transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const last = await tx.milestone.count({ where: { creditId } });
      await appendMilestone(tx, {
        creditId,
        kind: KINDS[last % KINDS.length]!,
        content: { step: last + 1, note: `milestone ${last + 1} of ${creditId}` },
        documentHashes: last % 2 === 1 ? [sha256(`invoice ${creditId} ${last}`), sha256(`bill of lading ${creditId} ${last}`)] : [],
      });
    }
  });
}

const anchorEverything = () => anchorAll(worker);

/** A credit with `first` milestones in one batch and `then` more in a second batch. */
async function anchoredCredit(first: number, then = 0): Promise<string> {
  const { creditId } = await creditIn(world, "ADVISED");
  await append(creditId, first);
  await anchorEverything();
  if (then > 0) {
    await append(creditId, then);
    await anchorEverything();
  }
  return creditId;
}

/** Runs SQL with every trigger off: what an attacker with superuser rights can do. */
async function behindTheAppsBack(sql: string, params: unknown[]): Promise<number> {
  return (await withTriggersOff(database.url(), [[sql, params]]))[0]!;
}

const statuses = (result: TrailResult) => result.results.map((r) => `${r.seq}:${r.status}`);
const reader = () => rpcAnchorReader(chain.provider, chain.address);
/** What the app trusts: the fixture's anchorer, the latest block, logs from block 0. */
const trust = () => ({ allowedAnchorers: [chain.anchorer], confirmations: 1, fromBlock: 0, lateAnchorSeconds: 86_400 });

describe("verifying a credit from the database against the chain", () => {
  it("verifies every milestone of an anchored credit, with the block and time the contract recorded", async () => {
    const creditId = await anchoredCredit(3, 2);
    const result = await verifyCredit(creditId, reader(), trust());
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "3:verified", "4:verified", "5:verified"]);
    expect(result.ok).toBe(true);
    expect(result.counts.verified).toBe(5);

    const milestones = await db().milestone.findMany({ where: { creditId }, orderBy: { seq: "asc" }, include: { batch: true } });
    expect(new Set(milestones.map((m) => m.batchId)).size).toBe(2);
    for (const [i, m] of milestones.entries()) {
      const check = result.results[i]!;
      if (check.status !== "verified") throw new Error(`milestone ${m.seq}: ${check.reason}`);
      expect(check.blockNumber).toBe(Number(m.batch!.blockNumber));
      expect(check.anchoredAt).toBe(m.batch!.blockTime!.toISOString());
      expect(check.root).toBe(m.batch!.root);
    }
  });

  it("reads all of a credit's batch roots in one eth_call; the per-root reader needs one call per root and agrees", async () => {
    const creditId = await anchoredCredit(2, 2);
    const provider = makeProvider(chain.rpcUrl, { chainId: chain.chainId });
    const send = vi.spyOn(provider, "send");
    const ethCalls = () => send.mock.calls.filter(([method]) => method === "eth_call").length;
    try {
      const batched = await verifyCredit(creditId, rpcAnchorReader(provider, chain.address), trust());
      // anchorsOf (one call for both roots), ANCHORER_ROLE and VERSION (which registry is this?).
      expect(ethCalls()).toBe(3);
      send.mockClear();
      const perRoot = await verifyCredit(creditId, perRootAnchorReader(provider, chain.address), trust());
      expect(ethCalls()).toBe(4);
      expect(perRoot).toEqual(batched);
      expect(batched.ok).toBe(true);
    } finally {
      provider.destroy();
    }
  });

  it("reports milestones not anchored yet as pending", async () => {
    const creditId = await anchoredCredit(2);
    await append(creditId, 2);
    const result = await verifyCredit(creditId, reader(), trust());
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "3:pending", "4:pending"]);
    expect(result.ok).toBe(false);
  });

  it("reports a milestone whose content was changed in the database as altered, and only that one", async () => {
    const creditId = await anchoredCredit(4);
    // The database refuses the change as long as its guard is on.
    await expect(db().$executeRaw`UPDATE milestones SET content = '{"step": 2, "note": "rewritten"}'::jsonb WHERE credit_id = ${creditId}::uuid AND seq = 2`).rejects.toThrow(/append-only/);

    const changed = await behindTheAppsBack(`UPDATE milestones SET content = jsonb_set(content, '{note}', '"rewritten"') WHERE credit_id = $1 AND seq = 2`, [creditId]);
    expect(changed).toBe(1);
    const result = await verifyCredit(creditId, reader(), trust());
    expect(statuses(result)).toEqual(["1:verified", "2:altered", "3:verified", "4:verified"]);
    expect(result.results[1]!.reason).toMatch(/inputs no longer hash to its digest/);
  });

  it("reports a milestone rewritten with a recomputed digest as altered: the anchored batch does not hold it", async () => {
    const creditId = await anchoredCredit(3);
    // The last milestone, so no later prevDigest gives the rewrite away: the Merkle proof must.
    const m = await db().milestone.findFirstOrThrow({ where: { creditId, seq: 3 } });
    // A fresh random salt: one derived from the old salt (reversed, say) would equal it when the
    // old one is all zeros or a palindrome, and the test would then forge nothing.
    expect(m.salt).not.toBe(ZERO_DIGEST);
    const forged = newSalt();
    expect(forged).not.toBe(m.salt);
    const digest = milestoneDigest({ creditId, seq: 3, kind: m.kind, content: m.content as JsonValue, documentHashes: m.documentHashes, prevDigest: m.prevDigest, salt: forged });
    await behindTheAppsBack(`UPDATE milestones SET salt = $2, digest = $3 WHERE credit_id = $1 AND seq = 3`, [creditId, forged, digest]);
    const result = await verifyCredit(creditId, reader(), trust());
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "3:altered"]);
    expect(result.results[2]!.reason).toMatch(/Merkle proof does not lead/);
  });

  it("reports a deleted milestone as a broken chain on the one after it", async () => {
    const creditId = await anchoredCredit(5);
    expect(await behindTheAppsBack(`DELETE FROM milestones WHERE credit_id = $1 AND seq = 3`, [creditId])).toBe(1);
    const result = await verifyCredit(creditId, reader(), trust());
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "4:missing", "5:verified"]);
    expect(result.results[2]!.reason).toMatch(/^Milestone 3 before it is not in the trail/);
  });

  it("reports anchored milestones as not on chain when the contract does not know their root", async () => {
    const creditId = await anchoredCredit(2);
    const elsewhere = await deployedRegistry(chain.rpcUrl);
    const result = await verifyCredit(creditId, rpcAnchorReader(chain.provider, elsewhere.address), trust());
    expect(statuses(result)).toEqual(["1:not-on-chain", "2:not-on-chain"]);
    elsewhere.provider.destroy();
  });

  it("says so when no contract answers at the address, instead of a decoding error", async () => {
    const creditId = await anchoredCredit(1);
    const nobody = "0x000000000000000000000000000000000000dEaD";
    await expect(verifyCredit(creditId, rpcAnchorReader(chain.provider, nobody), trust())).rejects.toThrow(/No AnchorRegistry contract answers at 0x000000000000000000000000000000000000dEaD/);
  });
});

describe("the stored milestones as the verifier reads them", () => {
  it("reads them in seq order, with their batch's root, transaction and block, as confirmed", async () => {
    const creditId = await anchoredCredit(3);
    // An update writes a new row version at the end of the table: storage order is not seq order.
    await behindTheAppsBack("UPDATE milestones SET content = content WHERE credit_id = $1 AND seq = 1", [creditId]);
    const records = await loadMilestoneRecords(creditId);
    const rows = await db().milestone.findMany({ where: { creditId }, orderBy: { seq: "asc" }, include: { batch: true } });
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(records).toEqual(
      rows.map((m) => ({
        seq: m.seq,
        kind: m.kind,
        creditId,
        content: m.content,
        documentHashes: m.documentHashes,
        prevDigest: m.prevDigest,
        salt: m.salt,
        digest: m.digest,
        proof: m.proof,
        root: m.batch!.root,
        txHash: m.batch!.txHash,
        blockNumber: Number(m.batch!.blockNumber),
        recordedAt: m.createdAt.toISOString(),
        dbStatus: "confirmed",
      })),
    );
    expect(records[0]!.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(records[0]!.blockNumber).toBeGreaterThan(0);
  });

  it("says unconfirmed for a milestone without a batch, or whose batch is not confirmed (again)", async () => {
    const creditId = await anchoredCredit(2);
    await append(creditId, 1);
    const records = await loadMilestoneRecords(creditId);
    expect(records[2]).toMatchObject({ seq: 3, root: null, txHash: null, blockNumber: null, dbStatus: "unconfirmed" });
    const batchId = (await db().milestone.findFirstOrThrow({ where: { creditId, seq: 1 } })).batchId!;
    await behindTheAppsBack("UPDATE anchor_batches SET status = 'SENDING' WHERE id = $1", [batchId]);
    expect((await loadMilestoneRecords(creditId)).map((r) => r.dbStatus)).toEqual(["unconfirmed", "unconfirmed", "unconfirmed"]);
    await behindTheAppsBack("UPDATE anchor_batches SET status = 'CONFIRMED' WHERE id = $1", [batchId]);
  });

  it("holds the trail to the anchorers the server trusts", async () => {
    const creditId = await anchoredCredit(2);
    const result = await verifyCredit(creditId, reader(), { ...trust(), allowedAnchorers: [await chain.admin.getAddress()] });
    expect(statuses(result)).toEqual(["1:untrusted", "2:untrusted"]);
    expect(result.checkedAgainst.anchorers).toEqual([await chain.admin.getAddress()]);
  });
});
