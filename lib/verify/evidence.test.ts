import { describe, expect, it } from "vitest";
import { creditKey } from "@/lib/anchoring/credit-key";
import { completePolicy, readChainEvidence } from "./evidence";
import type { AnchorReader } from "./reader";
import type { ChainEvidence, ChainHead, MilestoneRecord, OnChainAnchor } from "./types";

// What readChainEvidence asks the chain, and at which block: an in-memory registry that logs
// every read with its arguments. The verdicts themselves are check.test.ts's business.

const CREDIT = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const ANCHORER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const OTHER = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const root = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;
const R1 = root(1);
const R2 = root(2);
const R3 = root(3);

function record(seq: number, r: string | null, creditId = CREDIT): MilestoneRecord {
  return { creditId, seq, kind: "K", content: {}, documentHashes: [], prevDigest: root(0), salt: root(0), digest: root(100 + seq), proof: [], root: r, txHash: null, blockNumber: null };
}

const anchorAt = (blockNumber: number, anchorer = ANCHORER): OnChainAnchor => ({ timestamp: 1_800_000_000 + blockNumber, blockNumber, leafCount: 1, anchorer });

interface FakeChain {
  head: number;
  version?: number;
  /** What anchorsOf answers at block `tag`: a root is anchored there when its block is <= tag. */
  anchors: Map<string, OnChainAnchor>;
  heads?: ChainHead[];
  roles?: string[];
}

function fakeReader(chain: FakeChain, omit: (keyof AnchorReader)[] = []) {
  const calls: string[] = [];
  const reader: AnchorReader & { calls: string[] } = {
    calls,
    contractAddress: REGISTRY,
    async anchorsOf(roots, blockTag) {
      calls.push(`anchorsOf [${roots.join(",")}] @${String(blockTag)}`);
      const at = Number(blockTag);
      return new Map(roots.map((r) => {
        const a = chain.anchors.get(r);
        return [r, a && a.blockNumber <= at ? a : null];
      }));
    },
    chainId: async () => 31337n,
    blockNumber: async () => chain.head,
    registryVersion: async () => chain.version ?? 2,
    async creditHeads(key, from, to) {
      calls.push(`heads ${key === creditKey(CREDIT) ? "credit" : key} ${from}-${to}`);
      return chain.heads ?? [];
    },
    async rootTransactions(roots, from, to) {
      calls.push(`logs [${roots.join(",")}] ${from}-${to}`);
      return new Map(roots.map((r) => [r, [`tx of ${r}`]]));
    },
    async anchorerRoles(accounts, blockTag) {
      calls.push(`roles [${accounts.join(",")}] @${String(blockTag)}`);
      return new Map(accounts.map((a) => [a, (chain.roles ?? [ANCHORER]).includes(a)]));
    },
  };
  for (const key of omit) delete (reader as unknown as Record<string, unknown>)[key];
  return reader;
}

describe("readChainEvidence: the block it reads at", () => {
  it("reads the roots at head − confirmations + 1", async () => {
    const chain: FakeChain = { head: 1_002, anchors: new Map([[R1, anchorAt(900)]]) };
    for (const [confirmations, at] of [
      [1, 1_002],
      [2, 1_001],
      [3, 1_000],
      [12, 991],
    ] as const) {
      const reader = fakeReader(chain);
      const evidence = await readChainEvidence(reader, [record(1, R1)], { creditId: CREDIT, confirmations });
      expect(evidence.atBlock).toBe(at);
      expect(evidence.confirmations).toBe(confirmations);
      expect(reader.calls[0]).toBe(`anchorsOf [${R1}] @${at}`);
    }
  });

  it("counts a depth below 1 as 1 and a fractional depth by its whole blocks", async () => {
    const chain: FakeChain = { head: 1_002, anchors: new Map([[R1, anchorAt(900)]]) };
    for (const [confirmations, at, counted] of [
      [0, 1_002, 1],
      [-5, 1_002, 1],
      [2.9, 1_001, 2],
    ] as const) {
      const evidence = await readChainEvidence(fakeReader(chain), [record(1, R1)], { creditId: CREDIT, confirmations });
      expect(evidence.atBlock).toBe(at);
      expect(evidence.confirmations).toBe(counted);
    }
  });

  it("never reads below block 0 on a young chain", async () => {
    const reader = fakeReader({ head: 2, anchors: new Map([[R1, anchorAt(0)]]) });
    const evidence = await readChainEvidence(reader, [record(1, R1)], { creditId: CREDIT, confirmations: 10 });
    expect(evidence.atBlock).toBe(0);
    expect(reader.calls).toEqual([`anchorsOf [${R1}] @0`, "heads credit 0-0", `logs [${R1}] 0-0`]);
  });

  it("states what it read: chain id as text, the reader's registry, version, block and every answer", async () => {
    const heads: ChainHead[] = [{ seq: 1, digest: root(101), blockNumber: 900, txHash: "0xaa" }];
    const evidence = await readChainEvidence(fakeReader({ head: 1_002, anchors: new Map([[R1, anchorAt(900)]]), heads }), [record(1, R1), record(2, R2)], { creditId: CREDIT, confirmations: 1 });
    expect(evidence).toEqual<ChainEvidence>({
      chainId: "31337",
      contractAddress: REGISTRY,
      registryVersion: 2,
      atBlock: 1_002,
      anchors: new Map([
        [R1, anchorAt(900)],
        [R2, null],
      ]),
      heads,
      rootTransactions: new Map([[R1, [`tx of ${R1}`]]]),
      recentRoots: new Map(),
      confirmations: 1,
    });
  });

  it("reads each root once, lower-case, and none for a trail with no batch yet", async () => {
    const reader = fakeReader({ head: 10, anchors: new Map() });
    await readChainEvidence(reader, [record(1, R1.toUpperCase().replace("0X", "0x")), record(2, R1), record(3, null)], { creditId: CREDIT, confirmations: 1 });
    expect(reader.calls[0]).toBe(`anchorsOf [${R1}] @10`);
  });

  it("refuses a reader that cannot say the chain id, the head or the registry's version", async () => {
    for (const missing of ["chainId", "blockNumber", "registryVersion"] as const) {
      const reader = fakeReader({ head: 10, anchors: new Map() }, [missing]);
      await expect(readChainEvidence(reader, [record(1, R1)], { creditId: CREDIT, confirmations: 1 })).rejects.toThrow("This reader cannot read chain evidence (no chain id, block number or version).");
      expect(reader.calls).toEqual([]);
    }
  });
});

describe("readChainEvidence: roots not yet deep enough", () => {
  it("looks up the roots absent at the depth again at the head, and reports those found there as recent", async () => {
    const chain: FakeChain = { head: 1_002, anchors: new Map([[R1, anchorAt(900)], [R2, anchorAt(1_001)]]) };
    const reader = fakeReader(chain);
    const evidence = await readChainEvidence(reader, [record(1, R1), record(2, R2), record(3, R3)], { creditId: CREDIT, confirmations: 3 });
    expect(reader.calls.slice(0, 2)).toEqual([`anchorsOf [${R1},${R2},${R3}] @1000`, `anchorsOf [${R2},${R3}] @1002`]);
    // R2 is pending (in block 1001), R3 is nowhere: it stays absent, not recent.
    expect(evidence.recentRoots).toEqual(new Map([[R2, 1_001]]));
    expect(evidence.anchors.get(R2)).toBeNull();
    expect(evidence.anchors.get(R3)).toBeNull();
  });

  it("does not read again when every root is found at the depth", async () => {
    const reader = fakeReader({ head: 1_002, anchors: new Map([[R1, anchorAt(900)]]) });
    const evidence = await readChainEvidence(reader, [record(1, R1)], { creditId: CREDIT, confirmations: 3 });
    expect(reader.calls.filter((c) => c.startsWith("anchorsOf"))).toEqual([`anchorsOf [${R1}] @1000`]);
    expect(evidence.recentRoots).toEqual(new Map());
  });

  it("does not read again when the depth is the head itself", async () => {
    const reader = fakeReader({ head: 1_002, anchors: new Map() });
    const evidence = await readChainEvidence(reader, [record(1, R1)], { creditId: CREDIT, confirmations: 1 });
    expect(reader.calls.filter((c) => c.startsWith("anchorsOf"))).toEqual([`anchorsOf [${R1}] @1002`]);
    expect(evidence.recentRoots).toEqual(new Map());
  });
});

describe("readChainEvidence: heads and root transactions", () => {
  it("reads the credit's heads from fromBlock to the block it reads at, and each root's log between its lowest and highest anchor", async () => {
    const chain: FakeChain = { head: 1_002, anchors: new Map([[R1, anchorAt(900)], [R2, anchorAt(950)], [R3, anchorAt(920)]]) };
    const reader = fakeReader(chain);
    await readChainEvidence(reader, [record(1, R1), record(2, R2), record(3, R3)], { creditId: CREDIT, confirmations: 3, fromBlock: 77 });
    expect(reader.calls.slice(1)).toEqual(["heads credit 77-1000", `logs [${R1},${R2},${R3}] 900-950`]);
  });

  it("asks logs only of the roots anchored at the depth", async () => {
    const chain: FakeChain = { head: 1_002, anchors: new Map([[R1, anchorAt(900)], [R2, anchorAt(1_001)]]) };
    const reader = fakeReader(chain);
    const evidence = await readChainEvidence(reader, [record(1, R1), record(2, R2), record(3, R3)], { creditId: CREDIT, confirmations: 3 });
    expect(reader.calls.slice(2)).toEqual(["heads credit 0-1000", `logs [${R1}] 900-900`]);
    expect(evidence.rootTransactions).toEqual(new Map([[R1, [`tx of ${R1}`]]]));
  });

  it("searches heads from block 0 without a fromBlock, and never from below 0", async () => {
    for (const fromBlock of [undefined, -40]) {
      const reader = fakeReader({ head: 50, anchors: new Map() });
      await readChainEvidence(reader, [record(1, R1)], { creditId: CREDIT, confirmations: 1, fromBlock });
      expect(reader.calls).toContain("heads credit 0-50");
    }
  });

  it("reads no logs when no root is anchored, and answers an empty map", async () => {
    const reader = fakeReader({ head: 50, anchors: new Map() });
    const evidence = await readChainEvidence(reader, [record(1, R1), record(2, null)], { creditId: CREDIT, confirmations: 1 });
    expect(reader.calls.some((c) => c.startsWith("logs"))).toBe(false);
    expect(evidence.rootTransactions).toEqual(new Map());
    expect(evidence.heads).toEqual([]);
  });

  it("keys the heads by the trail's credit, or by the given credit for an empty trail", async () => {
    const other = "0193a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b";
    const reader = fakeReader({ head: 50, anchors: new Map() });
    await readChainEvidence(reader, [], { creditId: CREDIT, confirmations: 1 });
    await readChainEvidence(reader, [record(1, null, other)], { creditId: CREDIT, confirmations: 1 });
    expect(reader.calls.filter((c) => c.startsWith("heads"))).toEqual(["heads credit 0-50", `heads ${creditKey(other)} 0-50`]);
  });

  it("reads neither heads nor logs from a version 1 registry", async () => {
    const reader = fakeReader({ head: 1_002, version: 1, anchors: new Map([[R1, anchorAt(900)]]) }, ["creditHeads", "rootTransactions"]);
    const evidence = await readChainEvidence(reader, [record(1, R1)], { creditId: CREDIT, confirmations: 1 });
    expect(evidence.registryVersion).toBe(1);
    expect(evidence.heads).toBeNull();
    expect(evidence.rootTransactions).toBeNull();
    expect(reader.calls).toEqual([`anchorsOf [${R1}] @1002`]);
  });

  it("refuses a version 2 registry's evidence from a reader that cannot read heads or logs", async () => {
    for (const missing of ["creditHeads", "rootTransactions"] as const) {
      const reader = fakeReader({ head: 10, anchors: new Map() }, [missing]);
      await expect(readChainEvidence(reader, [record(1, R1)], { creditId: CREDIT, confirmations: 1 })).rejects.toThrow("This reader cannot read credit heads.");
    }
  });
});

describe("completePolicy", () => {
  const evidenceWith = (anchors: [string, OnChainAnchor | null][], atBlock = 640): ChainEvidence => ({
    chainId: "31337",
    contractAddress: REGISTRY,
    registryVersion: 2,
    atBlock,
    anchors: new Map(anchors),
    heads: [],
    rootTransactions: new Map(),
  });

  it("keeps pinned anchorers and asks the chain nothing", async () => {
    const reader = fakeReader({ head: 10, anchors: new Map() });
    const policy = { allowedAnchorers: [OTHER], lateAnchorSeconds: 60 };
    expect(await completePolicy(reader, evidenceWith([[R1, anchorAt(5)]]), policy)).toBe(policy);
    expect(await completePolicy(reader, evidenceWith([[R1, anchorAt(5)]]), { allowedAnchorers: [], lateAnchorSeconds: 60 })).toEqual({ allowedAnchorers: [], lateAnchorSeconds: 60 });
    expect(reader.calls).toEqual([]);
  });

  it("without pinned anchorers, asks at the evidence's block which of the trail's anchorers hold the role, each once", async () => {
    const reader = fakeReader({ head: 10, anchors: new Map(), roles: [ANCHORER] });
    const evidence = evidenceWith([
      [R1, anchorAt(5)],
      [R2, anchorAt(6, OTHER)],
      [R3, anchorAt(7)],
      [root(4), null],
    ]);
    const policy = await completePolicy(reader, evidence, { allowedAnchorers: null, lateAnchorSeconds: 60 });
    expect(policy).toEqual({ allowedAnchorers: null, currentAnchorers: [ANCHORER], lateAnchorSeconds: 60 });
    expect(reader.calls).toEqual([`roles [${ANCHORER},${OTHER}] @640`]);
  });

  it("answers no current anchorers, without asking, when nothing of the trail is anchored", async () => {
    const reader = fakeReader({ head: 10, anchors: new Map() });
    const policy = await completePolicy(reader, evidenceWith([[R1, null]]), { allowedAnchorers: null, lateAnchorSeconds: 60 });
    expect(policy).toEqual({ allowedAnchorers: null, currentAnchorers: [], lateAnchorSeconds: 60 });
    expect(reader.calls).toEqual([]);
  });

  it("leaves the policy as it is for a reader that cannot read roles", async () => {
    const reader = fakeReader({ head: 10, anchors: new Map() }, ["anchorerRoles"]);
    const policy = { allowedAnchorers: null, lateAnchorSeconds: 60 };
    expect(await completePolicy(reader, evidenceWith([[R1, anchorAt(5)]]), policy)).toBe(policy);
  });
});
