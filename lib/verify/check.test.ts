import { describe, expect, it } from "vitest";
import { ZERO_DIGEST, milestoneDigest } from "@/lib/anchoring/digest";
import { buildBatch } from "@/lib/anchoring/merkle";
import { type ProofBundle, parseBundle, verifyBundle } from "./bundle";
import { rootsOf, verifyTrail } from "./check";
import type { AnchorReader } from "./reader";
import type { AnchorMap, MilestoneRecord, OnChainAnchor } from "./types";

// The verifier against an in-memory chain: every status, and what each one must not hide.

const CREDIT = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const ANCHORER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const salt = (i: number) => `0x${i.toString(16).padStart(2, "0").repeat(32)}`;
const flip = (hex: string) => `${hex.slice(0, -1)}${hex.endsWith("0") ? "1" : "0"}`;

/** A credit's trail of `count` milestones, chained as appendMilestone chains them. */
function trail(count: number): MilestoneRecord[] {
  const records: MilestoneRecord[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const input = {
      creditId: CREDIT,
      seq,
      kind: seq === 1 ? "TERMS_AGREED" : "DOCUMENTS_PRESENTED",
      content: { step: seq, amount: "100.00" },
      documentHashes: seq % 2 === 0 ? [`${seq}`.repeat(64).slice(0, 64)] : [],
      prevDigest: records.at(-1)?.digest ?? ZERO_DIGEST,
      salt: salt(seq),
    };
    records.push({ ...input, digest: milestoneDigest(input), proof: [], root: null, txHash: null, blockNumber: null, dbStatus: "PENDING" });
  }
  return records;
}

/** Puts `records` in one batch (as the worker does) and returns the chain's answer for its root. */
function anchor(records: MilestoneRecord[], onChain: OnChainAnchor | null, dbStatus = "ANCHORED"): [string, OnChainAnchor | null] {
  const batch = buildBatch(records.map((r) => r.digest));
  for (const r of records) Object.assign(r, { root: batch.root, proof: batch.proofs.get(r.digest)!, dbStatus });
  return [batch.root, onChain];
}

const BLOCK = { timestamp: 1_790_000_000, blockNumber: 42, leafCount: 3, anchorer: ANCHORER };

function anchoredTrail(count = 5): { records: MilestoneRecord[]; anchors: AnchorMap } {
  const records = trail(count);
  const anchors = new Map([anchor(records.slice(0, 3), BLOCK)]);
  if (count > 3) anchors.set(...anchor(records.slice(3), { ...BLOCK, blockNumber: 50, leafCount: count - 3 }));
  return { records, anchors };
}

const statuses = (result: ReturnType<typeof verifyTrail>) => result.results.map((r) => `${r.seq}:${r.status}`);

describe("verifyTrail", () => {
  it("verifies an intact anchored trail, with block and time from the chain", () => {
    const { records, anchors } = anchoredTrail();
    records[0]!.blockNumber = 999; // what the database claims is not what is reported
    const result = verifyTrail(records, anchors);
    expect(result.ok).toBe(true);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "3:verified", "4:verified", "5:verified"]);
    expect(result.counts).toEqual({ verified: 5, pending: 0, altered: 0, missing: 0, "not-on-chain": 0 });
    const first = result.results[0]!;
    expect(first).toMatchObject({ status: "verified", blockNumber: 42, anchoredAt: "2026-09-21T14:13:20.000Z", anchorer: ANCHORER });
    expect(first.reason).toBe("Anchored in block 42 at 2026-09-21 14:13:20 UTC.");
    expect(result.results[4]).toMatchObject({ status: "verified", blockNumber: 50 });
  });

  it("reports milestones without a batch, or whose batch is not confirmed, as pending", () => {
    const records = trail(4);
    const anchors = new Map([anchor(records.slice(0, 2), BLOCK), anchor(records.slice(2, 3), null, "BATCHED")]);
    const result = verifyTrail(records, anchors);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "3:pending", "4:pending"]);
    expect(result.results[2]!.reason).toMatch(/not confirmed yet/);
    expect(result.results[3]!.reason).toMatch(/Waiting for an anchoring batch/);
    expect(result.ok).toBe(false);
  });

  it("reports an anchored milestone whose root the contract does not know as not-on-chain", () => {
    const records = trail(3);
    const [root] = anchor(records, null);
    const result = verifyTrail(records, new Map([[root, null]]));
    expect(statuses(result)).toEqual(["1:not-on-chain", "2:not-on-chain", "3:not-on-chain"]);
    expect(result.results[0]!.reason).toContain(root.slice(0, 10));
    // A bundle has no database status: a root absent from the chain's answers is not on chain.
    const fromBundle = records.map(({ dbStatus: _, ...r }) => r);
    expect(statuses(verifyTrail(fromBundle, new Map()))).toEqual(["1:not-on-chain", "2:not-on-chain", "3:not-on-chain"]);
  });

  it("reports a milestone whose content, salt, kind or document hashes changed as altered, and only that one", () => {
    const changes: ((r: MilestoneRecord) => void)[] = [
      (r) => (r.content = { step: 2, amount: "1000.00" }),
      (r) => (r.salt = flip(r.salt)),
      (r) => (r.kind = "PRESENTATION_REFUSED"),
      (r) => (r.documentHashes = []),
      (r) => (r.prevDigest = flip(r.prevDigest)),
    ];
    for (const change of changes) {
      const { records, anchors } = anchoredTrail();
      change(records[1]!);
      const result = verifyTrail(records, anchors);
      expect(statuses(result)).toEqual(["1:verified", "2:altered", "3:verified", "4:verified", "5:verified"]);
      expect(result.results[1]!.reason).toMatch(/inputs no longer hash to its digest/);
    }
  });

  it("reports a milestone rewritten with a matching new digest as altered: the digest is not in the anchored batch", () => {
    const { records, anchors } = anchoredTrail();
    const m = records[1]!;
    m.content = { step: 2, amount: "1000.00" };
    m.digest = milestoneDigest(m);
    const result = verifyTrail(records, anchors);
    expect(result.results[1]).toMatchObject({ status: "altered", reason: expect.stringMatching(/Merkle proof does not lead/) });
    // The next milestone still names the original digest: the rewrite also broke the chain.
    expect(result.results[2]!.status).toBe("missing");
  });

  it("reports a tampered Merkle proof as altered", () => {
    const { records, anchors } = anchoredTrail();
    records[0]!.proof = [flip(records[0]!.proof[0]!), ...records[0]!.proof.slice(1)];
    expect(statuses(verifyTrail(records, anchors))[0]).toBe("1:altered");
  });

  it("reports inputs that cannot be hashed as altered instead of throwing", () => {
    const { records, anchors } = anchoredTrail();
    records[2]!.salt = "0x1234";
    const result = verifyTrail(records, anchors);
    expect(result.results[2]).toMatchObject({ status: "altered", reason: expect.stringMatching(/cannot be hashed: Salt must be 32 bytes/) });
  });

  it("reports a deleted milestone once, on the one after it, as missing", () => {
    const { records, anchors } = anchoredTrail();
    const result = verifyTrail(records.filter((r) => r.seq !== 3), anchors);
    expect(statuses(result)).toEqual(["1:verified", "2:verified", "4:missing", "5:verified"]);
    expect(result.results[2]!.reason).toBe("Milestone 3 before it is not in the trail (deleted or left out): the chain is broken here.");
    expect(result.counts.missing).toBe(1);
    const two = verifyTrail(records.filter((r) => r.seq !== 2 && r.seq !== 3), anchors);
    expect(statuses(two)).toEqual(["1:verified", "4:missing", "5:verified"]);
    expect(two.results[1]!.reason).toMatch(/^Milestones 2–3 before it are not in the trail/);
  });

  it("reports a trail that does not start at seq 1 as missing its start", () => {
    const { records, anchors } = anchoredTrail();
    expect(statuses(verifyTrail(records.slice(2), anchors))).toEqual(["3:missing", "4:verified", "5:verified"]);
  });

  it("reports a broken link between milestones that are still pending as missing", () => {
    const records = trail(3);
    // Milestone 2 was replaced (new digest) after 3 was chained to it: 3 points to nothing.
    const replaced = { ...records[1]!, salt: salt(9) };
    replaced.digest = milestoneDigest(replaced);
    const result = verifyTrail([records[0]!, replaced, records[2]!], new Map());
    expect(statuses(result)).toEqual(["1:pending", "2:pending", "3:missing"]);
    expect(result.results[2]!.reason).toMatch(/a link is missing or was replaced/);
  });

  it("reports a first milestone that points to an earlier one as missing", () => {
    const [first] = trail(1);
    const orphan = { ...first!, prevDigest: salt(7) };
    orphan.digest = milestoneDigest(orphan);
    expect(verifyTrail([orphan], new Map()).results[0]).toMatchObject({ status: "missing", reason: expect.stringMatching(/start of the trail is missing/) });
  });

  it("reports a second milestone claiming the same seq as altered", () => {
    const { records, anchors } = anchoredTrail(3);
    expect(statuses(verifyTrail([...records, { ...records[1]! }], anchors))).toEqual(["1:verified", "2:verified", "2:altered", "3:verified"]);
  });

  it("sorts by seq whatever order the records come in, and verifies an empty trail", () => {
    const { records, anchors } = anchoredTrail();
    expect(statuses(verifyTrail([...records].reverse(), anchors))).toEqual(statuses(verifyTrail(records, anchors)));
    expect(verifyTrail([], new Map())).toMatchObject({ ok: true, results: [] });
  });

  it("matches roots whatever their case", () => {
    const { records, anchors } = anchoredTrail(3);
    for (const r of records) r.root = r.root!.toUpperCase().replace("0X", "0x");
    expect(verifyTrail(records, anchors).ok).toBe(true);
    expect(rootsOf(records)).toEqual([...anchors.keys()].slice(0, 1));
  });
});

/** A fake chain that records what it was asked. */
function fakeReader(anchors: AnchorMap, chainId?: bigint): AnchorReader & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    async anchorsOf(roots) {
      calls.push([...roots]);
      return new Map(roots.map((r) => [r, anchors.get(r) ?? null]));
    },
    ...(chainId === undefined ? {} : { chainId: async () => chainId }),
  };
}

function bundleOf(records: MilestoneRecord[]): ProofBundle {
  return {
    format: "tradetrail.proof-bundle",
    version: 1,
    exportedAt: "2026-11-25T10:00:00.000Z",
    chain: { chainId: "31337", contractAddress: "0x5FbDB2315678afecb367f032d93F642f64180aa3" },
    credit: { id: CREDIT, reference: "TT-2026-000042" },
    milestones: records.map(({ creditId: _, dbStatus: __, ...m }) => m),
  };
}

describe("verifyBundle", () => {
  it("verifies a bundle with one read of all its roots", async () => {
    const { records, anchors } = anchoredTrail(6);
    const reader = fakeReader(anchors, 31337n);
    const result = await verifyBundle(bundleOf(records), reader);
    expect(result.ok).toBe(true);
    expect(reader.calls).toHaveLength(1);
    expect(new Set(reader.calls[0])).toEqual(new Set(anchors.keys()));
    expect(reader.calls[0]).toHaveLength(2);
  });

  it("recomputes digests with the bundle's credit id", async () => {
    const { records, anchors } = anchoredTrail(2);
    const bundle = { ...bundleOf(records), credit: { id: "another-credit", reference: "TT-2026-000043" } };
    expect((await verifyBundle(bundle, fakeReader(anchors))).counts.altered).toBe(2);
  });

  it("refuses to check against an endpoint of another chain", async () => {
    const { records, anchors } = anchoredTrail(2);
    await expect(verifyBundle(bundleOf(records), fakeReader(anchors, 1n))).rejects.toThrow(/serves chain 1, but this bundle was anchored on chain 31337/);
  });
});

describe("parseBundle", () => {
  const { records } = anchoredTrail(2);
  const good = bundleOf(records);

  it("accepts a bundle as text or as a parsed value", () => {
    expect(parseBundle(JSON.stringify(good))).toEqual({ ok: true, bundle: good });
    expect(parseBundle(JSON.parse(JSON.stringify(good)))).toEqual({ ok: true, bundle: good });
  });

  it("explains what is wrong, naming the field", () => {
    const cases: [unknown, RegExp][] = [
      ["{not json", /not JSON/],
      [{ ...good, format: "something-else" }, /format: expected "tradetrail.proof-bundle"/],
      [{ ...good, version: 2 }, /version: this verifier reads version 1/],
      [{ ...good, chain: { ...good.chain, contractAddress: "0x1234" } }, /chain\.contractAddress: expected a 0x-prefixed 20-byte address/],
      [{ ...good, milestones: [{ ...good.milestones[0]!, salt: "0xzz" }] }, /milestones\.0\.salt: expected 0x and 64 hex digits/],
      [{ ...good, milestones: [{ ...good.milestones[0]!, seq: 0 }] }, /milestones\.0\.seq/],
      [{ ...good, milestones: [{ ...good.milestones[1]!, documentHashes: ["abc"] }] }, /milestones\.0\.documentHashes\.0: expected a SHA-256 hash/],
      [[], /\(the file\)/],
    ];
    for (const [input, message] of cases) {
      const parsed = parseBundle(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(message);
    }
  });
});
