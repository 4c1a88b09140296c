import { id } from "ethers";
import { describe, expect, it } from "vitest";
import { ZERO_DIGEST, milestoneDigest } from "@/lib/anchoring/digest";
import { creditKey } from "@/lib/anchoring/credit-key";
import { buildBatch } from "@/lib/anchoring/merkle";
import { type ProofBundle, bundleNetworks, bundleOnNetwork, parseBundle, verifyBundleOnNetworks } from "./bundle";
import { type NetworkCheck, combineNetworks, networkOutcome, recordsOnNetwork } from "./networks";
import type { AnchorReader } from "./reader";
import type { ChainHead, MilestoneRecord, OnChainAnchor } from "./types";

// Verification across several networks (issue 16), against in-memory chains: each network read
// and judged on its own, a claim checked against the chain it names, and the one rule over all.

const CREDIT = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const REG_A = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const REG_B = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const ANCHORER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const T0 = Date.parse("2026-09-21T14:00:00.000Z");

interface Chain {
  anchors: Map<string, OnChainAnchor | null>;
  heads: ChainHead[];
  transactions: Map<string, string[]>;
}
const emptyChain = (): Chain => ({ anchors: new Map(), heads: [], transactions: new Map() });

/** Three milestones in one batch of root `root`, not placed on any chain yet. */
function trail(): { records: MilestoneRecord[]; root: string } {
  const records: MilestoneRecord[] = [];
  for (let seq = 1; seq <= 3; seq++) {
    const input = { creditId: CREDIT, seq, kind: seq === 1 ? "TERMS_AGREED" : "DOCUMENTS_PRESENTED", content: { step: seq }, documentHashes: [], prevDigest: records.at(-1)?.digest ?? ZERO_DIGEST, salt: id(`salt ${seq}`) };
    records.push({ ...input, digest: milestoneDigest(input), proof: [], root: null, txHash: null, blockNumber: null, recordedAt: new Date(T0 + seq * 60_000).toISOString() });
  }
  const batch = buildBatch(records.map((r) => r.digest));
  for (const r of records) Object.assign(r, { root: batch.root, proof: batch.proofs.get(r.digest)! });
  return { records, root: batch.root };
}

/** The root anchored on `chain` in `block` by `txHash`, with the credit's head (seq 3). */
function place(chain: Chain, records: MilestoneRecord[], root: string, block: number, txHash: string) {
  chain.anchors.set(root, { timestamp: T0 / 1000 + 600, blockNumber: block, leafCount: records.length, anchorer: ANCHORER });
  chain.transactions.set(root, [txHash]);
  chain.heads.push({ seq: 3, digest: records[2]!.digest, blockNumber: block, txHash });
}

function reader(chain: Chain, address: string, chainId: bigint, down = false): AnchorReader {
  const fail = async (): Promise<never> => {
    throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8545"), { code: "ECONNREFUSED" });
  };
  return {
    contractAddress: address,
    anchorsOf: down ? fail : async (roots) => new Map(roots.map((r) => [r, chain.anchors.get(r) ?? null])),
    chainId: down ? fail : async () => chainId,
    blockNumber: down ? fail : async () => 100,
    registryVersion: down ? fail : async () => 2,
    creditHeads: async (key) => (key === creditKey(CREDIT) ? chain.heads : []),
    rootTransactions: async (roots) => new Map(roots.map((r) => [r, chain.transactions.get(r) ?? []])),
    anchorerRoles: async (accounts) => new Map(accounts.map((a) => [a, a === ANCHORER])),
  };
}

const TX_A = id("tx on alpha");
const TX_B = id("tx on beta");

/** A version 4 bundle of the trail, claiming the root on each of `on`. */
function bundle(records: MilestoneRecord[], root: string, on: ("alpha" | "beta")[]): ProofBundle {
  const tx = { alpha: TX_A, beta: TX_B };
  return {
    format: "tradetrail.proof-bundle",
    version: 4,
    exportedAt: "2026-11-25T10:00:00.000Z",
    chain: { chainId: "1", contractAddress: REG_A },
    credit: { id: CREDIT, reference: "TT-2026-000042" },
    milestones: records.map(({ creditId: _c, dbStatus: _d, ...m }) => ({ ...m, txHash: on.includes("alpha") ? TX_A : null, blockNumber: on.includes("alpha") ? 10 : null, recordedAt: m.recordedAt ?? null })),
    organizations: [],
    networks: [
      { name: "alpha", chainId: "1", contractAddress: REG_A },
      { name: "beta", chainId: "2", contractAddress: REG_B },
    ],
    anchorings: on.map((network) => ({ root: root.toLowerCase(), network, txHash: tx[network], blockNumber: 10 })),
  };
}

function world(onA: boolean, onB: boolean) {
  const { records, root } = trail();
  const a = emptyChain();
  const b = emptyChain();
  if (onA) place(a, records, root, 10, TX_A);
  if (onB) place(b, records, root, 10, TX_B);
  return { records, root, a, b };
}

const trusts = (a: Chain, b: Chain, down: { a?: boolean; b?: boolean } = {}) => [
  { name: "alpha", reader: reader(a, REG_A, 1n, down.a), allowedAnchorers: [ANCHORER] },
  { name: "beta", reader: reader(b, REG_B, 2n, down.b), allowedAnchorers: [ANCHORER] },
];
const outcomes = (verdict: { networks: NetworkCheck[] }) => Object.fromEntries(verdict.networks.map((n) => [n.network, n.outcome]));

describe("verifyBundleOnNetworks", () => {
  it("verifies on both networks when both hold the root", async () => {
    const { records, root, a, b } = world(true, true);
    const verdict = await verifyBundleOnNetworks(bundle(records, root, ["alpha", "beta"]), trusts(a, b));
    expect(outcomes(verdict)).toEqual({ alpha: "verified", beta: "verified" });
    expect(verdict).toMatchObject({ ok: true, proving: "alpha", reason: "Verified on alpha." });
    expect(verdict.networks.map((n) => n.claimedRoots)).toEqual([1, 1]);
  });

  it("verifies on the surviving network when the other does not answer, reporting it unreachable", async () => {
    const { records, root, a, b } = world(true, true);
    const verdict = await verifyBundleOnNetworks(bundle(records, root, ["alpha", "beta"]), trusts(a, b, { a: true }));
    expect(outcomes(verdict)).toEqual({ alpha: "unreachable", beta: "verified" });
    expect(verdict.networks[0]!.reason).toBe("Not read: the RPC endpoint does not answer (connect ECONNREFUSED 127.0.0.1:8545).");
    expect(verdict).toMatchObject({ ok: true, proving: "beta", reason: "Verified on beta; alpha unreachable." });
  });

  it("fails a root the bundle claims on a reachable network that does not hold it, though the other proves it", async () => {
    const { records, root, a, b } = world(true, false);
    const verdict = await verifyBundleOnNetworks(bundle(records, root, ["alpha", "beta"]), trusts(a, b));
    expect(outcomes(verdict)).toEqual({ alpha: "verified", beta: "root-missing" });
    expect(verdict.networks[1]!.reason).toBe("Milestones 1, 2, 3: claimed anchored here, but not on this network.");
    expect(verdict).toMatchObject({ ok: false, reason: "Not verified: beta (root-missing) contradicts the trail." });
  });

  it("lets an unclaimed root prove the trail where it is found (an old bundle after a reanchor), and leaves it pending where not", async () => {
    const { records, root, a, b } = world(false, true);
    const onlyAlpha = bundle(records, root, ["alpha"]);
    // alpha is retired (unreachable); the bundle, exported before the reanchor, never names beta's anchoring.
    const verdict = await verifyBundleOnNetworks(onlyAlpha, trusts(a, b, { a: true }));
    expect(outcomes(verdict)).toEqual({ alpha: "unreachable", beta: "verified" });
    expect(verdict.ok).toBe(true);
    const lagging = world(true, false);
    const later = await verifyBundleOnNetworks(bundle(lagging.records, lagging.root, ["alpha"]), trusts(lagging.a, lagging.b));
    expect(outcomes(later)).toEqual({ alpha: "verified", beta: "incomplete" });
    expect(later.ok).toBe(true);
  });

  it("fails a tampered milestone on every network", async () => {
    const { records, root, a, b } = world(true, true);
    const tampered = bundle(records, root, ["alpha", "beta"]);
    tampered.milestones[1]!.content = { step: 9 };
    const verdict = await verifyBundleOnNetworks(tampered, trusts(a, b));
    expect(outcomes(verdict)).toEqual({ alpha: "mismatched", beta: "mismatched" });
    expect(verdict.ok).toBe(false);
    expect(verdict.networks[1]!.result!.results[1]!.status).toBe("altered");
  });

  it("checks the transaction a claim names on its own network", async () => {
    const { records, root, a, b } = world(true, true);
    const forged = bundle(records, root, ["alpha", "beta"]);
    forged.anchorings![1]!.txHash = TX_A; // beta's claim names alpha's transaction
    const verdict = await verifyBundleOnNetworks(forged, trusts(a, b));
    expect(outcomes(verdict)).toEqual({ alpha: "verified", beta: "mismatched" });
    expect(verdict.ok).toBe(false);
  });

  it("does not verify when no network answers, nor on a network it was given no registry for", async () => {
    const { records, root, a, b } = world(true, true);
    const none = await verifyBundleOnNetworks(bundle(records, root, ["alpha", "beta"]), trusts(a, b, { a: true, b: true }));
    expect(none).toMatchObject({ ok: false, proving: null, reason: "Not verified: no network the verifier trusts could be read." });
    const onlyBeta = await verifyBundleOnNetworks(bundle(records, root, ["alpha", "beta"]), [trusts(a, b)[1]!]);
    expect(outcomes(onlyBeta)).toEqual({ alpha: "not-checked", beta: "verified" });
    expect(onlyBeta.ok).toBe(true);
    const nothingWhole = await verifyBundleOnNetworks(bundle(records, root, ["alpha"]), [trusts(emptyChain(), emptyChain())[1]!]);
    expect(nothingWhole).toMatchObject({ ok: false, reason: "Not verified: no network holds the whole trail." });
  });
});

describe("combineNetworks", () => {
  const check = (network: string, outcome: NetworkCheck["outcome"]): NetworkCheck => ({ network, outcome, reason: "", chainId: null, contractAddress: null, claimedRoots: 1 });
  it.each([
    [["verified", "verified"], true],
    [["verified", "unreachable"], true],
    [["verified", "incomplete"], true],
    [["verified", "not-checked"], true],
    [["verified", "root-missing"], false],
    [["root-missing", "verified"], false],
    [["verified", "mismatched"], false],
    [["mismatched", "verified"], false],
    [["incomplete", "unreachable"], false],
    [["unreachable", "unreachable"], false],
    [["not-checked"], false],
  ] as const)("%j → ok %s", (list, ok) => {
    expect(combineNetworks(list.map((o, i) => check(`n${i}`, o))).ok).toBe(ok);
  });
});

describe("networkOutcome", () => {
  it("puts a claimed root missing before every other contradiction", async () => {
    const { records, root, a } = world(false, false);
    void a;
    const result = { ok: false, results: records.map((r) => ({ seq: r.seq, kind: r.kind, status: "not-on-chain" as const, digest: r.digest, root, reason: "" })), trail: { status: "complete" as const, reason: "", chainHeadSeq: null } };
    expect(networkOutcome(result as never).outcome).toBe("root-missing");
    expect(networkOutcome({ ...result, results: [{ ...result.results[0]!, status: "pending" }], trail: { status: "truncated", reason: "", chainHeadSeq: 4 } } as never).outcome).toBe("mismatched");
    expect(networkOutcome({ ...result, results: [{ ...result.results[0]!, status: "pending" }] } as never).outcome).toBe("incomplete");
  });
});

describe("the bundle's networks", () => {
  it("derives one network from a version 3 bundle, named after its chain", () => {
    const { records, root } = trail();
    const v3 = { ...bundle(records, root, ["alpha"]), version: 3 as const, networks: undefined, anchorings: undefined };
    expect(bundleNetworks(v3)).toEqual({
      networks: [{ name: "chain-1", chainId: "1", contractAddress: REG_A }],
      anchorings: [{ root, network: "chain-1", txHash: TX_A, blockNumber: 10 }],
    });
  });

  it("gives each network its own view: its chain, and the transaction claimed there", () => {
    const { records, root } = trail();
    const view = bundleOnNetwork(bundle(records, root, ["alpha", "beta"]), "beta");
    expect(view.chain).toEqual({ chainId: "2", contractAddress: REG_B });
    expect(view.milestones.map((m) => m.txHash)).toEqual([TX_B, TX_B, TX_B]);
    const unclaimed = recordsOnNetwork(records, [{ root, network: "alpha", txHash: TX_A, blockNumber: 10 }], "beta");
    expect(unclaimed.map((r) => [r.root, r.txHash, r.dbStatus])).toEqual(records.map(() => [root, null, "unconfirmed"]));
  });

  it("refuses a version 4 bundle whose networks and anchorings do not hold together", () => {
    const { records, root } = trail();
    const good = bundle(records, root, ["alpha", "beta"]);
    expect(parseBundle(JSON.stringify(good)).ok).toBe(true);
    const cases: [string, (b: ProofBundle) => void][] = [
      ["networks, anchorings: required in version 4", (b) => delete b.anchorings],
      ["networks: each network is named once", (b) => (b.networks![1]!.name = "alpha")],
      ["networks: the first network must be the bundle's chain", (b) => (b.chain.chainId = "2")],
      ['anchorings: network "gamma" is not among the bundle\'s networks', (b) => (b.anchorings![1]!.network = "gamma")],
      [`anchorings: root ${root.toLowerCase()} is listed twice on alpha`, (b) => (b.anchorings![1]!.network = "alpha")],
      [`milestones: seq 1 names root ${root} that no anchoring lists`, (b) => (b.anchorings = [])],
      [`milestones: seq 2 names transaction ${TX_B}, but the anchorings name ${TX_A} on alpha`, (b) => (b.milestones[1]!.txHash = TX_B)],
    ];
    for (const [message, change] of cases) {
      const copy = structuredClone(good);
      change(copy);
      const parsed = parseBundle(JSON.stringify(copy));
      expect(parsed).toEqual({ ok: false, error: `This is not a valid proof bundle. ${message}.` });
    }
  });
});
