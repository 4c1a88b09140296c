import { id } from "ethers";
import { describe, expect, it } from "vitest";
import { ZERO_DIGEST, milestoneDigest } from "@/lib/anchoring/digest";
import { buildBatch } from "@/lib/anchoring/merkle";
import { creditKey } from "@/lib/anchoring/credit-key";
import { type ProofBundle, parseBundle, verifyBundle } from "./bundle";
import { duration, proofLengthsFor, rootsOf, verifyTrail } from "./check";
import type { AnchorReader } from "./reader";
import type { ChainEvidence, ChainHead, MilestoneRecord, OnChainAnchor, TrustPolicy } from "./types";

// The verification core against an in-memory chain: every status, every trail verdict, and what
// each one must not hide.

const CREDIT = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const ANCHORER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const ROGUE = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const salt = (i: number) => id(`salt ${i}`);
const flip = (hex: string) => `${hex.slice(0, -1)}${hex.endsWith("0") ? "1" : "0"}`;
const T0 = Date.parse("2026-09-21T14:00:00.000Z");

/** A credit's trail of `count` milestones, chained as appendMilestone chains them, a minute apart. */
function trail(count: number, creditId = CREDIT): MilestoneRecord[] {
  const records: MilestoneRecord[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const input = {
      creditId,
      seq,
      kind: seq === 1 ? "TERMS_AGREED" : "DOCUMENTS_PRESENTED",
      content: { step: seq, amount: "100.00" },
      documentHashes: seq % 2 === 0 ? [`${seq}`.repeat(64).slice(0, 64)] : [],
      prevDigest: records.at(-1)?.digest ?? ZERO_DIGEST,
      salt: salt(seq * 1000 + creditId.length),
    };
    records.push({
      ...input,
      digest: milestoneDigest(input),
      proof: [],
      root: null,
      txHash: null,
      blockNumber: null,
      recordedAt: new Date(T0 + seq * 60_000).toISOString(),
      dbStatus: "unconfirmed",
    });
  }
  return records;
}

interface Chain {
  anchors: Map<string, OnChainAnchor | null>;
  heads: ChainHead[];
  transactions: Map<string, string[]>;
}

const emptyChain = (): Chain => ({ anchors: new Map(), heads: [], transactions: new Map() });

/**
 * Puts `records` in one batch as the worker does: proofs and root on the records, the root on
 * chain (unless `onChain` is false), and the head of the credit (its last record) published.
 */
function anchor(chain: Chain, records: MilestoneRecord[], options: { block: number; onChain?: boolean; anchorer?: string; extraLeaves?: number; publishHead?: boolean } ): string {
  const extra = Array.from({ length: options.extraLeaves ?? 0 }, (_, i) => id(`neighbour ${options.block} ${i}`));
  const batch = buildBatch([...records.map((r) => r.digest), ...extra]);
  const txHash = id(`tx ${batch.root}`);
  for (const r of records) Object.assign(r, { root: batch.root, proof: batch.proofs.get(r.digest)!, txHash, blockNumber: options.block, dbStatus: "confirmed" });
  if (options.onChain !== false) {
    chain.anchors.set(batch.root, { timestamp: T0 / 1000 + options.block * 12, blockNumber: options.block, leafCount: records.length + extra.length, anchorer: options.anchorer ?? ANCHORER });
    chain.transactions.set(batch.root, [txHash]);
    const last = records.at(-1)!;
    if (options.publishHead !== false) chain.heads.push({ seq: last.seq, digest: last.digest, blockNumber: options.block, txHash });
  } else {
    chain.anchors.set(batch.root, null);
  }
  return batch.root;
}

function evidenceOf(chain: Chain, overrides: Partial<ChainEvidence> = {}): ChainEvidence {
  return {
    chainId: "31337",
    contractAddress: REGISTRY,
    registryVersion: 2,
    atBlock: 1_000,
    anchors: chain.anchors,
    heads: chain.heads,
    rootTransactions: chain.transactions,
    ...overrides,
  };
}

const POLICY: TrustPolicy = { allowedAnchorers: [ANCHORER], lateAnchorSeconds: 86_400 };

/** A five-milestone trail anchored in two batches (1–3 and 4–5). */
function anchoredTrail(count = 5): { records: MilestoneRecord[]; chain: Chain } {
  const records = trail(count);
  const chain = emptyChain();
  anchor(chain, records.slice(0, 3), { block: 42, extraLeaves: 2 });
  if (count > 3) anchor(chain, records.slice(3), { block: 50 });
  return { records, chain };
}

const verify = (records: MilestoneRecord[], chain: Chain, policy = POLICY, overrides: Partial<ChainEvidence> = {}) => verifyTrail(records, evidenceOf(chain, overrides), policy);
const statuses = (result: ReturnType<typeof verifyTrail>) => result.results.map((r) => `${r.seq}:${r.status}`);

describe("verifyTrail: milestones", () => {
  it("verifies an intact anchored trail, with block, time and anchorer from the chain", () => {
    const { records, chain } = anchoredTrail();
    records[0]!.blockNumber = 999; // what the exporter claims is not what is reported
    const result = verify(records, chain);
    expect(result.ok).toBe(true);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "3:verified", "4:verified", "5:verified"]);
    expect(result.counts).toEqual({ verified: 5, pending: 0, altered: 0, missing: 0, "not-on-chain": 0, untrusted: 0, forked: 0, truncated: 0, unsigned: 0, "bad-signature": 0 });
    expect(result.results[0]).toMatchObject({ status: "verified", blockNumber: 42, anchoredAt: "2026-09-21T14:08:24.000Z", anchorer: ANCHORER });
    expect(result.results[0]!.reason).toBe("Anchored in block 42 at 2026-09-21 14:08:24 UTC.");
    expect(result.results[4]).toMatchObject({ status: "verified", blockNumber: 50 });
    expect(result.trail).toEqual({ status: "complete", chainHeadSeq: 5, reason: "The trail reaches the credit's last head on chain (milestone 5) and agrees with every head published." });
    expect(result.checkedAgainst).toEqual({ chainId: "31337", contractAddress: REGISTRY, registryVersion: 2, atBlock: 1_000, anchorers: [ANCHORER] });
    expect(result.warnings).toEqual([]);
  });

  it("reports milestones without a batch, or whose batch is not confirmed, as pending, and is not ok", () => {
    const records = trail(4);
    const chain = emptyChain();
    anchor(chain, records.slice(0, 2), { block: 42 });
    anchor(chain, records.slice(2, 3), { block: 43, onChain: false });
    records[2]!.dbStatus = "unconfirmed";
    records[3]!.dbStatus = "unconfirmed";
    const result = verify(records, chain);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "3:pending", "4:pending"]);
    expect(result.results[2]!.reason).toMatch(/not confirmed yet/);
    expect(result.results[3]!.reason).toBe("Waiting for an anchoring batch.");
    expect(result.ok).toBe(false);
    expect(result.trail.status).toBe("complete");
  });

  it("reports a root anchored above the confirmation depth as pending, naming its block", () => {
    const records = trail(2);
    const chain = emptyChain();
    const root = anchor(chain, records, { block: 42, onChain: false });
    const result = verify(records, chain, POLICY, { recentRoots: new Map([[root, 1_001]]), confirmations: 3 });
    expect(statuses(result)).toEqual(["1:pending", "2:pending"]);
    expect(result.results[0]!.reason).toBe("Anchored in block 1001, not yet 3 block(s) deep.");
  });

  it("reports a confirmed milestone whose root the contract does not know as not-on-chain, naming the registry", () => {
    const records = trail(3);
    const chain = emptyChain();
    const root = anchor(chain, records, { block: 42, onChain: false });
    const result = verify(records, chain);
    expect(statuses(result)).toEqual(["1:not-on-chain", "2:not-on-chain", "3:not-on-chain"]);
    expect(result.results[0]!.reason).toBe(`Its batch root ${root.slice(0, 10)}… is not anchored in registry ${REGISTRY} (read at block 1000).`);
    // A bundle has no database status: a root absent from the chain's answers is not on chain.
    const fromBundle = records.map(({ dbStatus: _, ...r }) => r);
    expect(statuses(verify(fromBundle, chain))).toEqual(["1:not-on-chain", "2:not-on-chain", "3:not-on-chain"]);
  });

  it("reports a milestone whose content, salt, kind, documents or link changed as altered, and only that one", () => {
    const changes: ((r: MilestoneRecord) => void)[] = [
      (r) => (r.content = { step: 2, amount: "1000.00" }),
      (r) => (r.salt = flip(r.salt)),
      (r) => (r.salt = ZERO_DIGEST),
      (r) => (r.kind = "PRESENTATION_REFUSED"),
      (r) => (r.documentHashes = []),
      (r) => (r.prevDigest = flip(r.prevDigest)),
      (r) => (r.creditId = "another-credit"),
    ];
    for (const change of changes) {
      const { records, chain } = anchoredTrail();
      change(records[1]!);
      const result = verify(records, chain);
      expect(statuses(result)).toEqual(["1:verified", "2:altered", "3:verified", "4:verified", "5:verified"]);
      expect(result.results[1]!.reason).toMatch(/^Its recorded inputs no longer hash to its digest \(recomputed 0x[0-9a-f]{8}…, recorded 0x[0-9a-f]{8}…\)\.$/);
      expect(result.ok).toBe(false);
    }
  });

  it("reports a milestone rewritten with a matching new digest as altered: the digest is not in the anchored batch", () => {
    const { records, chain } = anchoredTrail();
    const m = records[1]!;
    m.content = { step: 2, amount: "1000.00" };
    m.digest = milestoneDigest(m);
    const result = verify(records, chain);
    expect(result.results[1]).toMatchObject({ status: "altered", reason: expect.stringMatching(/^Its Merkle proof does not lead from its digest to batch root 0x/) });
    // The next milestone still names the original digest: the rewrite also broke the chain.
    expect(result.results[2]!.status).toBe("missing");
  });

  it("reports a tampered Merkle proof as altered, and accepts proofs in any hex case", () => {
    const { records, chain } = anchoredTrail();
    const upper = structuredClone(records);
    upper[0]!.proof = upper[0]!.proof.map((p) => `0x${p.slice(2).toUpperCase()}`);
    expect(verify(upper, chain).ok).toBe(true);
    records[0]!.proof = [flip(records[0]!.proof[0]!), ...records[0]!.proof.slice(1)];
    expect(statuses(verify(records, chain))[0]).toBe("1:altered");
  });

  it("reports a proof whose length does not fit the leaf count the contract recorded as altered", () => {
    const { records, chain } = anchoredTrail();
    const root = records[0]!.root!;
    chain.anchors.set(root, { ...chain.anchors.get(root)!, leafCount: 64 });
    const result = verify(records, chain);
    expect(result.results[0]).toMatchObject({ status: "altered", reason: `Its proof has ${records[0]!.proof.length} step(s), but the contract records 64 leaves for root ${root.slice(0, 10)}…, whose proofs have 6.` });
    expect(statuses(result).slice(3)).toEqual(["4:verified", "5:verified"]);
  });

  it("reports inputs that cannot be hashed as altered instead of throwing", () => {
    const { records, chain } = anchoredTrail();
    records[2]!.salt = "0x1234";
    expect(verify(records, chain).results[2]).toMatchObject({ status: "altered", reason: expect.stringMatching(/^Its recorded inputs cannot be hashed: Salt must be 32 bytes/) });
  });

  it("reports a deleted milestone once, on the one after it, as missing", () => {
    const { records, chain } = anchoredTrail();
    const result = verify(records.filter((r) => r.seq !== 3), chain);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "4:missing", "5:verified"]);
    expect(result.results[2]!.reason).toBe("Milestone 3 before it is not in the trail (deleted or left out): the chain is broken here.");
    const two = verify(records.filter((r) => r.seq !== 2 && r.seq !== 3), chain);
    expect(statuses(two)).toEqual(["1:verified", "4:missing", "5:verified"]);
    expect(two.results[1]!.reason).toMatch(/^Milestones 2–3 before it are not in the trail/);
  });

  it("reports two swapped milestones: the links no longer hold", () => {
    const { records, chain } = anchoredTrail();
    const [a, b] = [records[1]!, records[2]!];
    const swapped = [records[0]!, { ...b, seq: 2 }, { ...a, seq: 3 }, records[3]!, records[4]!];
    const result = verify(swapped, chain);
    // Both carry another seq than they were hashed with, and 4 names the digest of the old 3. The
    // chain's head 3 disagrees with this trail's 3, but that milestone is altered: no second history.
    expect(statuses(result)).toEqual(["1:verified", "2:altered", "3:altered", "4:missing", "5:verified"]);
    expect(result.trail.status).toBe("complete");
    expect(result.ok).toBe(false);
  });

  it("reports a trail that does not start at seq 1, or whose first milestone points back, as missing its start", () => {
    const { records, chain } = anchoredTrail();
    expect(statuses(verify(records.slice(2), chain))).toEqual(["3:missing", "4:verified", "5:verified"]);
    const [first] = trail(1);
    const orphan = { ...first!, prevDigest: salt(7) };
    orphan.digest = milestoneDigest(orphan);
    expect(verify([orphan], emptyChain()).results[0]).toMatchObject({
      status: "missing",
      reason: "It is recorded as the first milestone but points to an earlier one: the start of the trail is missing.",
    });
  });

  it("reports a broken link between milestones that are still pending as missing", () => {
    const records = trail(3);
    const replaced = { ...records[1]!, salt: salt(9) };
    replaced.digest = milestoneDigest(replaced);
    const result = verify([records[0]!, replaced, records[2]!], emptyChain());
    expect(statuses(result)).toEqual(["1:pending", "2:pending", "3:missing"]);
    expect(result.results[2]!.reason).toMatch(/^It follows a milestone with digest 0x[0-9a-f]{8}…, but milestone 2 has digest 0x[0-9a-f]{8}…: a link is missing or was replaced\.$/);
  });

  it("sorts by seq whatever order the records come in; an empty trail is not ok", () => {
    const { records, chain } = anchoredTrail();
    expect(statuses(verify([...records].reverse(), chain))).toEqual(statuses(verify(records, chain)));
    expect(verify([], emptyChain())).toMatchObject({ ok: false, results: [], trail: { status: "complete", chainHeadSeq: null } });
  });

  it("matches roots whatever their case", () => {
    const { records, chain } = anchoredTrail(3);
    for (const r of records) r.root = r.root!.toUpperCase().replace("0X", "0x");
    expect(verify(records, chain).ok).toBe(true);
    expect(rootsOf(records)).toEqual([...chain.anchors.keys()].slice(0, 1));
  });
});

describe("verifyTrail: trust", () => {
  it("flags a root anchored by an account that is not an allowed anchorer as untrusted", () => {
    const records = trail(4);
    const chain = emptyChain();
    anchor(chain, records.slice(0, 2), { block: 42 });
    anchor(chain, records.slice(2), { block: 43, anchorer: ROGUE });
    const result = verify(records, chain);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "3:untrusted", "4:untrusted"]);
    expect(result.results[2]).toMatchObject({ anchorer: ROGUE, reason: `Its root was anchored by ${ROGUE}, which is not an allowed anchorer (${ANCHORER}).` });
    expect(result.ok).toBe(false);
  });

  it("reports a false transaction as altered even when the anchorer is also not allowed", () => {
    const records = trail(2);
    const chain = emptyChain();
    anchor(chain, records, { block: 42, anchorer: ROGUE });
    records[0]!.txHash = id("another transaction");
    expect(statuses(verify(records, chain))).toEqual(["1:altered", "2:untrusted"]);
  });

  it("compares anchorers whatever their case", () => {
    const { records, chain } = anchoredTrail();
    expect(verify(records, chain, { ...POLICY, allowedAnchorers: [ANCHORER.toLowerCase()] }).ok).toBe(true);
  });

  it("without pinned anchorers, accepts current role holders, flags former ones, and warns", () => {
    const { records, chain } = anchoredTrail();
    const unpinned: TrustPolicy = { allowedAnchorers: null, currentAnchorers: [ANCHORER], lateAnchorSeconds: 86_400 };
    const result = verify(records, chain, unpinned);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(["anchorers-not-pinned"]);
    expect(result.checkedAgainst.anchorers).toEqual([ANCHORER]);
    const revoked = verify(records, chain, { ...unpinned, currentAnchorers: [] });
    expect(revoked.results[0]).toMatchObject({ status: "untrusted", reason: `Its root was anchored by ${ANCHORER}, which no longer holds the registry's anchorer role.` });
  });

  it("reports a milestone naming a transaction that holds no log of its root as altered", () => {
    const { records, chain } = anchoredTrail();
    records[3]!.txHash = id("some other transaction");
    const result = verify(records, chain);
    expect(result.results[3]).toMatchObject({ status: "altered", reason: expect.stringMatching(/^The transaction it names \(0x[0-9a-f]{8}…\) holds no RootAnchored log of its root; the root was anchored in 0x[0-9a-f]{8}…\.$/) });
    expect(statuses(result).filter((s) => s.endsWith("verified"))).toHaveLength(4);
    // Without the logs (a version 1 registry), the transaction is informative only.
    expect(verify(records, chain, POLICY, { rootTransactions: null }).results[3]!.status).toBe("verified");
  });
});

describe("verifyTrail: the credit's heads on chain", () => {
  it("reports the last milestones deleted as truncated: the chain knows the credit went on", () => {
    const { records, chain } = anchoredTrail();
    const result = verify(records.slice(0, 3), chain);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "3:verified", "4:truncated"]);
    expect(result.results[3]).toMatchObject({ kind: "unknown", digest: null, reason: "The chain shows this credit reached milestone 5 (block 50), but this trail ends at 3: milestones 4–5 are missing." });
    expect(result.trail).toMatchObject({ status: "truncated", chainHeadSeq: 5 });
    expect(result.ok).toBe(false);
    expect(verify(records.slice(0, 4), chain).results[4]!.reason).toMatch(/ends at 4: milestone 5 is missing\.$/);
  });

  it("reports a rewritten history anchored again as forked, in the rewrite and in the original", () => {
    const { records: original, chain } = anchoredTrail(7);
    // Rewrite 4–7 with new salts on top of the same 1–3, and anchor it like the worker would.
    const rewritten = original.slice(0, 3).map((r) => ({ ...r }));
    for (let seq = 4; seq <= 7; seq++) {
      const input = { ...original[seq - 1]!, salt: salt(seq + 500), prevDigest: rewritten.at(-1)!.digest };
      rewritten.push({ ...input, digest: milestoneDigest(input) });
    }
    anchor(chain, rewritten.slice(3), { block: 90 });

    const after = verify(rewritten, chain);
    expect(statuses(after)).toEqual(["1:verified", "2:verified", "3:verified", "4:forked", "5:forked", "6:forked", "7:forked"]);
    expect(after.results[3]!.reason).toMatch(/^The chain published another milestone 7 for this credit \(digest 0x[0-9a-f]{8}…, block 50\): this trail and another history disagree from milestone 4 on\.$/);
    expect(after.trail.status).toBe("forked");
    expect(after.ok).toBe(false);

    const before = verify(original, chain);
    expect(statuses(before)).toEqual(["1:verified", "2:verified", "3:verified", "4:forked", "5:forked", "6:forked", "7:forked"]);
    expect(before.trail).toMatchObject({ status: "forked", reason: expect.stringMatching(/two different milestones 7/) });
    expect(before.ok).toBe(false);
  });

  it("reports a pending rewrite that contradicts a head on chain as forked before it is anchored", () => {
    const { records, chain } = anchoredTrail();
    const rewritten = records.slice(0, 3);
    const input = { ...records[3]!, salt: salt(77), root: null, proof: [], txHash: null, dbStatus: "unconfirmed" as const };
    rewritten.push({ ...input, digest: milestoneDigest(input) });
    const next = { ...records[4]!, prevDigest: rewritten[3]!.digest, root: null, proof: [], txHash: null, dbStatus: "unconfirmed" as const };
    rewritten.push({ ...next, digest: milestoneDigest(next) });
    const result = verify(rewritten, chain);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "3:verified", "4:forked", "5:forked"]);
    expect(result.trail.status).toBe("forked");
  });

  it("marks only the milestones after the last agreeing head as forked", () => {
    const records = trail(6);
    const chain = emptyChain();
    anchor(chain, records.slice(0, 2), { block: 10 });
    anchor(chain, records.slice(2, 4), { block: 11 });
    anchor(chain, records.slice(4), { block: 12 });
    chain.heads.push({ seq: 6, digest: id("another 6"), blockNumber: 13, txHash: id("tx") });
    expect(statuses(verify(records, chain))).toEqual(["1:verified", "2:verified", "3:verified", "4:verified", "5:forked", "6:forked"]);
  });

  it("reports a second milestone claiming the same seq as forked", () => {
    const { records, chain } = anchoredTrail(3);
    const result = verify([...records, { ...records[1]! }], chain);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "2:forked", "3:verified"]);
    expect(result.trail.status).toBe("forked");
  });

  it("reports anchored milestones that no published head covers as not-on-chain", () => {
    const records = trail(4);
    const chain = emptyChain();
    anchor(chain, records.slice(0, 2), { block: 42 });
    anchor(chain, records.slice(2), { block: 43, publishHead: false });
    const result = verify(records, chain);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "3:not-on-chain", "4:not-on-chain"]);
    expect(result.results[2]!.reason).toBe("Its root is anchored, but the chain never published this credit's head at or after milestone 3 (its last head: 2).");
  });

  it("leaves a version 1 trail unchecked for completeness, ok when every milestone verifies", () => {
    const { records, chain } = anchoredTrail();
    const result = verify(records.slice(0, 3), chain, POLICY, { heads: null, registryVersion: 1 });
    expect(result.ok).toBe(true);
    expect(result.trail.status).toBe("unchecked");
    expect(result.warnings.map((w) => w.code)).toEqual(["no-heads"]);
    expect(verify([...records, { ...records[0]! }], chain, POLICY, { heads: null }).trail.status).toBe("forked");
  });
});

describe("verifyTrail: timing", () => {
  it("warns when recorded times go backwards", () => {
    const { records, chain } = anchoredTrail();
    records[3]!.recordedAt = new Date(T0).toISOString();
    const result = verify(records, chain);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ code: "recorded-out-of-order", seq: 4, message: `Milestone 4 is recorded at ${records[3]!.recordedAt}, before milestone 3.` }]);
  });

  it("warns about a milestone anchored long after it was recorded, at the configured threshold", () => {
    const { records, chain } = anchoredTrail();
    // Recorded 1–5 min after T0; anchored at T0 + block * 12 s: 1–3 at 8.4 min, 4–5 at 10 min.
    // Delays: 444, 384, 324, 360 and 300 s.
    expect(verify(records, chain, { ...POLICY, lateAnchorSeconds: 444 }).warnings).toEqual([]);
    const late = verify(records, chain, { ...POLICY, lateAnchorSeconds: 350 }).warnings;
    expect(late.map((w) => `${w.code}:${w.seq}`)).toEqual(["late-anchor:1", "late-anchor:2", "late-anchor:4"]);
    expect(late[2]!.message).toBe("Milestone 4 was anchored 6 min after it was recorded (threshold 5.8 min): ask why it waited.");
  });

  it("takes the recording time from the hashed content when it has one, and warns when the stated one differs", () => {
    // Content carries the time the lifecycle hashed; the exporter's recordedAt is not in any digest.
    const withTime = trail(5).map((r, i) => ({ ...r, content: { ...(r.content as object), recordedAt: new Date(T0 + (i + 1) * 60_000).toISOString() } }));
    for (const [i, r] of withTime.entries()) {
      r.prevDigest = i === 0 ? ZERO_DIGEST : withTime[i - 1]!.digest;
      r.digest = milestoneDigest(r);
    }
    const fresh = emptyChain();
    anchor(fresh, withTime.slice(0, 3), { block: 42 });
    anchor(fresh, withTime.slice(3), { block: 50 });
    // An exporter moves milestone 5's stated time to just before its anchor to hide a late anchor.
    withTime[4]!.recordedAt = new Date(T0 + 590_000).toISOString();
    const result = verify(withTime, fresh, { ...POLICY, lateAnchorSeconds: 250 });
    // Delays from the hashed times: 444, 384, 324, 360 and 300 s, all over 250 s: the edit hid nothing.
    expect(result.warnings.map((w) => `${w.code}:${w.seq}`)).toEqual(["late-anchor:1", "late-anchor:2", "late-anchor:3", "late-anchor:4", "recorded-time-mismatch:5", "late-anchor:5"]);
    expect(result.warnings[4]!.message).toMatch(/^Milestone 5 states it was recorded at .*, but its hashed content says .*: the hashed time is used\.$/);
  });

  it("says durations in minutes, hours or days", () => {
    expect([duration(90), duration(7_199), duration(7_200), duration(86_400), duration(172_800), duration(3 * 86_400 + 8_640)]).toEqual([
      "1.5 min",
      "120 min",
      "2 h",
      "24 h",
      "2 days",
      "3.1 days",
    ]);
  });
});

describe("proofLengthsFor", () => {
  it("gives the depths a leaf can have in a tree of n leaves", () => {
    expect(proofLengthsFor(1)).toEqual([0]);
    expect(proofLengthsFor(2)).toEqual([1]);
    expect(proofLengthsFor(3)).toEqual([1, 2]);
    expect(proofLengthsFor(4)).toEqual([2]);
    expect(proofLengthsFor(5)).toEqual([2, 3]);
    expect(proofLengthsFor(256)).toEqual([8]);
    expect(proofLengthsFor(0)).toEqual([]);
    expect(proofLengthsFor(2.5)).toEqual([]);
  });

  it("matches every proof the batch builder makes", () => {
    for (let n = 1; n <= 40; n++) {
      const batch = buildBatch(Array.from({ length: n }, (_, i) => id(`leaf ${n} ${i}`)));
      for (const proof of batch.proofs.values()) expect(proofLengthsFor(n)).toContain(proof.length);
    }
  });
});

/** An in-memory registry that records what it was asked. */
function fakeReader(chain: Chain, options: { chainId?: bigint; version?: number; address?: string; roleHolders?: string[] } = {}): AnchorReader & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    contractAddress: options.address ?? REGISTRY,
    async anchorsOf(roots, blockTag) {
      calls.push(`anchorsOf ${roots.length} @${String(blockTag)}`);
      return new Map(roots.map((r) => [r, chain.anchors.get(r) ?? null]));
    },
    chainId: async () => options.chainId ?? 31337n,
    blockNumber: async () => 1_002,
    registryVersion: async () => options.version ?? 2,
    async creditHeads(key, from, to) {
      calls.push(`heads ${key === creditKey(CREDIT) ? "credit" : key} ${from}-${to}`);
      return key === creditKey(CREDIT) ? chain.heads : [];
    },
    async rootTransactions(roots) {
      calls.push(`logs ${roots.length}`);
      return new Map(roots.map((r) => [r, chain.transactions.get(r) ?? []]));
    },
    async anchorerRoles(accounts) {
      return new Map(accounts.map((a) => [a, (options.roleHolders ?? [ANCHORER]).includes(a)]));
    },
  };
}

function bundleOf(records: MilestoneRecord[]): ProofBundle {
  return {
    format: "tradetrail.proof-bundle",
    version: 2,
    exportedAt: "2026-11-25T10:00:00.000Z",
    chain: { chainId: "31337", contractAddress: REGISTRY },
    credit: { id: CREDIT, reference: "TT-2026-000042" },
    milestones: records.map(({ creditId: _, dbStatus: __, ...m }) => ({ ...m, recordedAt: m.recordedAt ?? null })),
  };
}

describe("verifyBundle", () => {
  it("verifies a bundle at the confirmation depth, reading roots, heads and logs once each", async () => {
    const { records, chain } = anchoredTrail(6);
    const reader = fakeReader(chain);
    const result = await verifyBundle(bundleOf(records), reader, { confirmations: 3, allowedAnchorers: [ANCHORER], fromBlock: 7 });
    expect(result.ok).toBe(true);
    expect(reader.calls).toEqual(["anchorsOf 2 @1000", "heads credit 7-1000", "logs 2"]);
    expect(result.checkedAgainst.atBlock).toBe(1_000);
    expect(result.creditKey).toBe(creditKey(CREDIT));
    expect(result.warnings.map((w) => w.code)).toEqual(["reference-unverified"]);
  });

  it("checks against the reader's registry and warns loudly when the bundle names another", async () => {
    const { records, chain } = anchoredTrail(3);
    const trusted = "0x000000000000000000000000000000000000dEaD";
    const result = await verifyBundle(bundleOf(records), fakeReader(emptyChain(), { address: trusted }), { allowedAnchorers: [ANCHORER] });
    void chain;
    expect(result.ok).toBe(false);
    expect(result.checkedAgainst.contractAddress).toBe(trusted);
    expect(result.warnings[0]).toEqual({
      code: "registry-mismatch",
      message: `This bundle names registry ${REGISTRY}, but it was checked against ${trusted}, the registry you trust. A bundle is only as good as the registry it is checked against: do not use the bundle's address.`,
    });
    expect(statuses(result)).toEqual(["1:not-on-chain", "2:not-on-chain", "3:not-on-chain"]);
  });

  it("without pinned anchorers, asks the chain who holds the role", async () => {
    const { records, chain } = anchoredTrail(3);
    expect((await verifyBundle(bundleOf(records), fakeReader(chain))).ok).toBe(true);
    const revoked = await verifyBundle(bundleOf(records), fakeReader(chain, { roleHolders: [] }));
    expect(revoked.counts.untrusted).toBe(3);
  });

  it("recomputes digests with the bundle's credit id", async () => {
    const { records, chain } = anchoredTrail(2);
    const bundle = { ...bundleOf(records), credit: { id: "another-credit", reference: "TT-2026-000043" } };
    expect((await verifyBundle(bundle, fakeReader(chain), { allowedAnchorers: [ANCHORER] })).counts.altered).toBe(2);
  });

  it("refuses to check against an endpoint of another chain", async () => {
    const { records, chain } = anchoredTrail(2);
    await expect(verifyBundle(bundleOf(records), fakeReader(chain, { chainId: 1n }))).rejects.toThrow(/serves chain 1, but this bundle was anchored on chain 31337/);
  });
});

describe("parseBundle", () => {
  const { records } = anchoredTrail(2);
  const good = bundleOf(records);

  it("accepts a bundle as text or as a parsed value, and version 1 bundles", () => {
    expect(parseBundle(JSON.stringify(good))).toEqual({ ok: true, bundle: good });
    expect(parseBundle(JSON.parse(JSON.stringify(good)))).toEqual({ ok: true, bundle: good });
    const v1 = { ...good, version: 1, chain: { ...good.chain, chainId: 31337 }, milestones: good.milestones.map(({ recordedAt: _, ...m }) => m) };
    const parsed = parseBundle(v1);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.bundle.chain.chainId).toBe("31337");
  });

  it("refuses the whole bundle for a malformed value, naming the field", () => {
    const cases: [unknown, RegExp][] = [
      ["{not json", /not JSON/],
      [{ ...good, format: "something-else" }, /format: expected "tradetrail.proof-bundle"/],
      [{ ...good, version: 5 }, /version: this verifier reads versions 1 to 4/],
      [{ ...good, chain: { ...good.chain, chainId: 31337 } }, /chain\.chainId: expected a decimal string in version 2/],
      [{ ...good, chain: { ...good.chain, contractAddress: "0x1234" } }, /chain\.contractAddress: expected a 0x-prefixed 20-byte address/],
      [{ ...good, milestones: [{ ...good.milestones[0]!, salt: "0xzz" }] }, /milestones\.0\.salt: expected 0x and 64 hex digits/],
      [{ ...good, milestones: [{ ...good.milestones[0]!, seq: 0 }] }, /milestones\.0\.seq/],
      [{ ...good, milestones: [{ ...good.milestones[1]!, documentHashes: ["abc"] }] }, /milestones\.0\.documentHashes\.0: expected a SHA-256 hash/],
      [{ ...good, milestones: [{ ...good.milestones[0]!, content: { amount: 2 ** 53 } }] }, /milestones\.0\.content: amount holds 9007199254740992, which is not a safe integer/],
      [{ ...good, milestones: [{ ...good.milestones[0]!, content: { lines: [{ qty: 1.5 }] } }] }, /lines\[0\]\.qty holds 1\.5/],
      [{ ...good, milestones: [{ ...good.milestones[0]!, recordedAt: "yesterday" }] }, /milestones\.0\.recordedAt/],
      [[], /\(the file\)/],
    ];
    for (const [input, message] of cases) {
      const parsed = parseBundle(input);
      expect(parsed.ok, String(message)).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(message);
    }
  });
});

describe("parseBundle: what each field must be", () => {
  const { records } = anchoredTrail(2);
  const good = bundleOf(records);
  const m0 = good.milestones[0]!;
  const withMilestone = (change: Record<string, unknown>) => ({ ...good, milestones: [{ ...m0, ...change }] });
  const errorOf = (input: unknown) => {
    const parsed = parseBundle(input);
    return parsed.ok ? null : parsed.error;
  };

  it("names at most five problems, then how many more", () => {
    const bad = (n: number) => ({ ...good, milestones: Array.from({ length: n }, (_, i) => ({ ...m0, seq: i + 1, salt: "0x1" })) });
    const problem = (i: number) => `milestones.${i}.salt: expected 0x and 64 hex digits`;
    expect(errorOf(bad(5))).toBe(`This is not a valid proof bundle. ${[0, 1, 2, 3, 4].map(problem).join("; ")}.`);
    expect(errorOf(bad(7))).toBe(`This is not a valid proof bundle. ${[0, 1, 2, 3, 4].map(problem).join("; ")} (and 2 more).`);
    expect(errorOf("[]")).toBe("This is not a valid proof bundle. (the file): Invalid input: expected object, received array.");
  });

  it("says why text is not JSON", () => {
    let message = "";
    try {
      JSON.parse("{not json");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(errorOf("{not json")).toBe(`The bundle is not JSON: ${message}`);
  });

  it("refuses a version 2 bundle whose chain id is a number, in exact words", () => {
    expect(errorOf({ ...good, chain: { ...good.chain, chainId: 31337 } })).toBe("This is not a valid proof bundle. chain.chainId: expected a decimal string in version 2.");
  });

  it("takes hex fields of exactly 32 bytes, hashes of exactly 64 digits, and addresses of exactly 20 bytes", () => {
    const h = m0.salt.slice(2);
    expect(errorOf(withMilestone({ salt: `${m0.salt}00` }))).toMatch(/milestones\.0\.salt: expected 0x and 64 hex digits/);
    expect(errorOf(withMilestone({ salt: `x${m0.salt}` }))).toMatch(/milestones\.0\.salt/);
    expect(errorOf(withMilestone({ salt: h }))).toMatch(/milestones\.0\.salt/);
    expect(parseBundle(withMilestone({ digest: m0.digest.toUpperCase().replace("0X", "0x") })).ok).toBe(true);
    const rehashed = withMilestone({ documentHashes: [`0x${h}`, h.toUpperCase()] });
    expect(parseBundle(rehashed).ok).toBe(true);
    expect(errorOf(withMilestone({ documentHashes: [`${h}0`] }))).toMatch(/milestones\.0\.documentHashes\.0: expected a SHA-256 hash: 64 hex digits/);
    expect(errorOf(withMilestone({ documentHashes: [`z${h}`] }))).toMatch(/milestones\.0\.documentHashes\.0/);
    expect(errorOf({ ...good, chain: { ...good.chain, contractAddress: `${REGISTRY}0` } })).toMatch(/chain\.contractAddress: expected a 0x-prefixed 20-byte address/);
    expect(errorOf({ ...good, chain: { ...good.chain, contractAddress: `z${REGISTRY}` } })).toMatch(/chain\.contractAddress/);
    expect(parseBundle({ ...good, chain: { ...good.chain, contractAddress: REGISTRY.toLowerCase() } }).ok).toBe(true);
  });

  it("takes seqs from 1 to 2^32 − 1, a kind, block numbers from 0, and ISO times with an offset", () => {
    expect(parseBundle(withMilestone({ seq: 0xffffffff })).ok).toBe(true);
    expect(errorOf(withMilestone({ seq: 0x100000000 }))).toMatch(/milestones\.0\.seq/);
    expect(errorOf(withMilestone({ seq: 1.5 }))).toMatch(/milestones\.0\.seq/);
    expect(errorOf(withMilestone({ kind: "" }))).toMatch(/milestones\.0\.kind/);
    expect(parseBundle(withMilestone({ blockNumber: 0 })).ok).toBe(true);
    expect(errorOf(withMilestone({ blockNumber: -1 }))).toMatch(/milestones\.0\.blockNumber/);
    expect(parseBundle(withMilestone({ recordedAt: "2026-09-21T16:00:00+02:00" })).ok).toBe(true);
    expect(errorOf({ ...good, credit: { id: "", reference: "" } })).toMatch(/credit\.id/);
    expect(parseBundle({ ...good, credit: { id: CREDIT, reference: "" } }).ok).toBe(true);
  });

  it("fills what a version 1 bundle leaves out with null", () => {
    const { txHash: _, blockNumber: __, recordedAt: ___, ...bare } = m0;
    const parsed = parseBundle({ ...good, version: 1, chain: { ...good.chain, chainId: 31337 }, milestones: [bare] });
    expect(parsed.ok && parsed.bundle.milestones[0]).toMatchObject({ txHash: null, blockNumber: null, recordedAt: null });
    expect(errorOf({ ...good, version: 1, chain: { ...good.chain, chainId: -1 } })).toMatch(/chain\.chainId/);
    expect(errorOf({ ...good, chain: { ...good.chain, chainId: "0x7a69" } })).toMatch(/chain\.chainId: expected a decimal chain id/);
  });

  it("names the path of a number in content that JSON readers would disagree on", () => {
    expect(errorOf(withMilestone({ content: 1.5 }))).toMatch(/milestones\.0\.content: content holds 1\.5, which is not a safe integer/);
    expect(errorOf(withMilestone({ content: [1, 2.5] }))).toMatch(/milestones\.0\.content: \[1\] holds 2\.5, which/);
    expect(errorOf(withMilestone({ content: { a: { b: [0, { c: 2 ** 60 }] } } }))).toMatch(/milestones\.0\.content: a\.b\[1\]\.c holds 1152921504606847000, which/);
    expect(errorOf(withMilestone({ content: { fine: 1, bad: 0.5 } }))).toMatch(/milestones\.0\.content: bad holds 0\.5, which/);
    expect(parseBundle(withMilestone({ content: { max: 2 ** 53 - 1, min: -(2 ** 53 - 1), list: [null, "x", true, { n: 0 }] } })).ok).toBe(true);
  });
});

describe("verifyBundle: defaults and what it adds", () => {
  it("reads at the head and warns after a day when not told otherwise, and says the reference is unverified", async () => {
    const records = trail(2);
    for (const r of records) r.recordedAt = null;
    const chain = emptyChain();
    anchor(chain, records, { block: 42 });
    // Recorded two days before the anchor, as the content states.
    const bundle = bundleOf(records);
    const result = await verifyBundle(bundle, fakeReader(chain), {});
    expect(result.checkedAgainst.atBlock).toBe(1_002);
    expect(result.warnings).toEqual([
      { code: "reference-unverified", message: 'The reference "TT-2026-000042" is the exporter\'s label: it is in no digest and is not verified.' },
      { code: "anchorers-not-pinned", message: "No list of allowed anchorers was given: any account holding the registry's anchorer role was accepted. Pin the published anchorers." },
    ]);
    const late = structuredClone(bundle);
    for (const m of late.milestones) m.recordedAt = new Date(T0 + 42 * 12_000 - 25 * 3_600_000).toISOString();
    const lateResult = await verifyBundle(late, fakeReader(chain), { allowedAnchorers: [ANCHORER] });
    expect(lateResult.warnings.filter((w) => w.code === "late-anchor").map((w) => w.message)).toEqual([
      "Milestone 1 was anchored 25 h after it was recorded (threshold 24 h): ask why it waited.",
      "Milestone 2 was anchored 25 h after it was recorded (threshold 24 h): ask why it waited.",
    ]);
    const lenient = await verifyBundle(late, fakeReader(chain), { allowedAnchorers: [ANCHORER], lateAnchorSeconds: 26 * 3_600 });
    expect(lenient.warnings.map((w) => w.code)).toEqual(["reference-unverified"]);
  });

  it("puts the registry warning first, and takes the bundle's registry in any case as the same", async () => {
    const { records, chain } = anchoredTrail(2);
    const lower = { ...bundleOf(records), chain: { chainId: "31337", contractAddress: REGISTRY.toLowerCase() } };
    expect((await verifyBundle(lower, fakeReader(chain), { allowedAnchorers: [ANCHORER] })).warnings.map((w) => w.code)).toEqual(["reference-unverified"]);
    const other = await verifyBundle(bundleOf(records), fakeReader(chain, { address: ROGUE }));
    expect(other.warnings.map((w) => w.code)).toEqual(["registry-mismatch", "reference-unverified", "anchorers-not-pinned"]);
  });

  it("names both chains and what to use when the endpoint serves another", async () => {
    const { records, chain } = anchoredTrail(2);
    await expect(verifyBundle(bundleOf(records), fakeReader(chain, { chainId: 1n }))).rejects.toThrow(
      "The RPC endpoint serves chain 1, but this bundle was anchored on chain 31337: use an endpoint of chain 31337.",
    );
  });

  it("cannot verify with a reader that does not say its chain", async () => {
    const { records, chain } = anchoredTrail(2);
    const reader = fakeReader(chain);
    delete (reader as Partial<typeof reader>).chainId;
    await expect(verifyBundle(bundleOf(records), reader)).rejects.toThrow("This reader cannot read chain evidence (no chain id, block number or version).");
  });
});

describe("verifyTrail: the exact words, and statuses where fragments meet", () => {
  it("says which proof lengths a batch allows, which transactions hold the root, and whom it allows", () => {
    const { records, chain } = anchoredTrail();
    const root = records[0]!.root!;
    chain.anchors.set(root, { ...chain.anchors.get(root)!, leafCount: 17 });
    expect(verify(records, chain).results[0]!.reason).toBe(`Its proof has 3 step(s), but the contract records 17 leaves for root ${root.slice(0, 10)}…, whose proofs have 4 or 5.`);

    const fresh = anchoredTrail();
    const other = fresh.records[0]!.root!;
    const txs = [id("tx a"), id("tx b")];
    fresh.chain.transactions.set(other, txs);
    expect(verify(fresh.records, fresh.chain).results[0]!.reason).toBe(
      `The transaction it names (${fresh.records[0]!.txHash!.slice(0, 10)}…) holds no RootAnchored log of its root; the root was anchored in ${txs[0]!.slice(0, 10)}…, ${txs[1]!.slice(0, 10)}….`,
    );
    fresh.chain.transactions.set(other, []);
    expect(verify(fresh.records, fresh.chain).results[0]!.reason).toMatch(/; the root was anchored in no transaction found\.$/);

    const rogue = anchoredTrail();
    expect(verify(rogue.records, rogue.chain, { ...POLICY, allowedAnchorers: [ROGUE, REGISTRY] }).results[0]!.reason).toBe(
      `Its root was anchored by ${ANCHORER}, which is not an allowed anchorer (${ROGUE}, ${REGISTRY}).`,
    );
    expect(verify(rogue.records, rogue.chain, { ...POLICY, allowedAnchorers: [] }).results[0]!.reason).toBe(`Its root was anchored by ${ANCHORER}, which is not an allowed anchorer (none).`);
  });

  it("accepts any anchorer when neither a list nor the role holders are known", () => {
    const { records, chain } = anchoredTrail();
    const result = verify(records, chain, { allowedAnchorers: null, lateAnchorSeconds: 86_400 });
    expect(result.ok).toBe(true);
    expect(result.checkedAgainst.anchorers).toBeNull();
  });

  it("says the trail has nothing anchored yet, or that it reaches the chain's last head", () => {
    expect(verify(trail(2), emptyChain()).trail).toEqual({ status: "complete", chainHeadSeq: null, reason: "No milestone of this credit is anchored yet." });
  });

  it("says no head covers an anchored milestone when the chain published none", () => {
    const { records, chain } = anchoredTrail(2);
    chain.heads.length = 0;
    const result = verify(records, chain);
    expect(result.results[0]).toEqual({ seq: 1, kind: "TERMS_AGREED", digest: records[0]!.digest, root: null, status: "not-on-chain", reason: "Its root is anchored, but the chain never published this credit's head at or after milestone 1 (its last head: none)." });
  });

  it("names the highest head the chain published, the first one of a seq published twice", () => {
    const { records, chain } = anchoredTrail();
    chain.heads.reverse(); // 5 (block 50) first, then 3 (block 42)
    chain.heads.push({ ...chain.heads[0]!, blockNumber: 77 });
    const result = verify(records.slice(0, 2), chain);
    expect(result.results.at(-1)!.reason).toBe("The chain shows this credit reached milestone 5 (block 50), but this trail ends at 2: milestones 3–5 are missing.");
    expect(result.trail.chainHeadSeq).toBe(5);
  });

  it("keeps the first fork's words on a milestone two contradicting heads reach, and forks altered, untrusted and absent milestones in between only when less serious", () => {
    const records = trail(6);
    const chain = emptyChain();
    anchor(chain, records.slice(0, 2), { block: 10 });
    anchor(chain, records.slice(2, 3), { block: 11, anchorer: ROGUE, publishHead: false });
    anchor(chain, records.slice(3, 4), { block: 12, onChain: false });
    anchor(chain, records.slice(4), { block: 13 });
    records[4]!.content = { tampered: true }; // 5: altered
    chain.heads.push({ seq: 4, digest: id("another 4"), blockNumber: 14, txHash: id("tx 4") });
    chain.heads.push({ seq: 6, digest: id("another 6"), blockNumber: 15, txHash: id("tx 6") });
    const result = verify(records, chain);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "3:forked", "4:forked", "5:altered", "6:forked"]);
    const forkAt = (seq: number, from: number, block: number) => `The chain published another milestone ${seq} for this credit (digest ${id(`another ${seq}`).slice(0, 10)}…, block ${block}): this trail and another history disagree from milestone ${from} on.`;
    expect(result.results[2]!.reason).toBe(forkAt(4, 3, 14));
    expect(result.results[2]).toEqual({ seq: 3, kind: "DOCUMENTS_PRESENTED", digest: records[2]!.digest, status: "forked", reason: forkAt(4, 3, 14) });
    expect(result.results[5]!.reason).toBe(forkAt(6, 3, 15));
    expect(result.trail.reason).toBe("Two histories of this credit exist: the chain or the trail holds two different milestones 4. Neither can be relied on until the operator explains it.");
  });

  it("forks around a milestone left out of the trail", () => {
    const records = trail(6);
    const chain = emptyChain();
    anchor(chain, records.slice(0, 3), { block: 10 });
    anchor(chain, records.slice(3), { block: 11 });
    chain.heads.push({ seq: 6, digest: id("another 6"), blockNumber: 12, txHash: id("tx") });
    const result = verify(records.filter((r) => r.seq !== 4), chain);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "3:verified", "5:missing", "6:forked"]);
  });

  it("does not call a head that contradicts a milestone with a broken link a second history", () => {
    const { records, chain } = anchoredTrail();
    const replaced = { ...records[4]!, prevDigest: flip(records[3]!.digest), root: null, proof: [], txHash: null, dbStatus: "unconfirmed" as const };
    replaced.digest = milestoneDigest(replaced);
    const result = verify([...records.slice(0, 4), replaced], chain);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "3:verified", "4:verified", "5:missing"]);
    expect(result.trail.status).toBe("complete");
  });

  it("compares heads with the first of two milestones claiming a seq, and marks that one", () => {
    const records = trail(3);
    const chain = emptyChain();
    anchor(chain, records.slice(0, 1), { block: 10 });
    anchor(chain, records.slice(1), { block: 11 });
    chain.heads.push({ seq: 3, digest: id("another 3"), blockNumber: 12, txHash: id("tx") });
    const second = { ...records[1]!, salt: salt(4242) };
    second.digest = milestoneDigest(second);
    const result = verify([...records, second], chain);
    expect(statuses(result)).toEqual(["1:verified", "2:forked", "2:forked", "3:forked"]);
    expect(result.results[1]!.digest).toBe(records[1]!.digest);
    expect(result.results[2]).toEqual({ seq: 2, kind: "DOCUMENTS_PRESENTED", digest: second.digest, status: "forked", reason: "A second milestone claims seq 2: the trail holds two histories." });

    const agreeing = anchoredTrail(3);
    const dup = { ...agreeing.records[0]!, salt: salt(4343) };
    dup.digest = milestoneDigest(dup);
    agreeing.chain.heads.push({ seq: 1, digest: agreeing.records[0]!.digest, blockNumber: 42, txHash: id("tx") });
    const withDup = verify([...agreeing.records, dup], agreeing.chain);
    expect(statuses(withDup)).toEqual(["1:verified", "1:forked", "2:verified", "3:verified"]);
    expect(withDup.trail.reason).toBe("Two histories of this credit exist: the chain or the trail holds two different milestones 1. Neither can be relied on until the operator explains it.");
  });

  it("names the lowest seq the trail holds twice", () => {
    const { records, chain } = anchoredTrail(3);
    const result = verify([...records, { ...records[2]! }, { ...records[1]! }], chain);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "2:forked", "3:verified", "3:forked"]);
    expect(result.trail.reason).toBe("Two histories of this credit exist: the chain or the trail holds two different milestones 2. Neither can be relied on until the operator explains it.");
  });

  it("says a version 1 trail is unchecked, or holds two milestones of a seq", () => {
    const { records, chain } = anchoredTrail(2);
    const v1 = verify(records, chain, POLICY, { heads: null, registryVersion: 1 });
    const unchecked = "This registry (version 1) publishes no credit heads: the trail's end and uniqueness cannot be checked on chain.";
    expect(v1.trail).toEqual({ status: "unchecked", chainHeadSeq: null, reason: unchecked });
    expect(v1.warnings).toEqual([{ code: "no-heads", message: unchecked }]);
    expect(verify([...records, { ...records[1]! }], chain, POLICY, { heads: null }).trail).toEqual({ status: "forked", chainHeadSeq: null, reason: "The trail holds two milestones 2." });
  });
});

describe("verifyTrail: recording times", () => {
  /** Pending milestones with the given contents and stated times (digests recomputed). */
  function timed(entries: { content: unknown; recordedAt: string | null }[]): MilestoneRecord[] {
    const records = trail(entries.length);
    for (const [i, r] of records.entries()) {
      Object.assign(r, entries[i]!, { prevDigest: i === 0 ? ZERO_DIGEST : records[i - 1]!.digest });
      r.digest = milestoneDigest(r);
    }
    return records;
  }
  const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString();
  const codes = (records: MilestoneRecord[]) => verify(records, emptyChain()).warnings.map((w) => `${w.code}:${w.seq}`);

  it("uses the stated time when the content holds none, is no object, or holds no valid time", () => {
    for (const content of [null, "text", [at(9)], { recordedAt: "not a time" }, { recordedAt: Date.parse(at(9)) }, { recordedAt: 2026 }]) {
      const records = timed([
        { content: { n: 1 }, recordedAt: at(5) },
        { content, recordedAt: at(4) },
      ]);
      expect(codes(records), JSON.stringify(content)).toEqual(["recorded-out-of-order:2"]);
    }
  });

  it("does not warn about equal times, and compares with the last milestone that has a time", () => {
    expect(codes(timed([{ content: {}, recordedAt: at(5) }, { content: {}, recordedAt: at(5) }]))).toEqual([]);
    const gap = timed([
      { content: {}, recordedAt: at(5) },
      { content: {}, recordedAt: null },
      { content: {}, recordedAt: at(3) },
    ]);
    expect(verify(gap, emptyChain()).warnings).toEqual([{ code: "recorded-out-of-order", seq: 3, message: `Milestone 3 is recorded at ${at(3)}, before milestone 1.` }]);
  });
});
