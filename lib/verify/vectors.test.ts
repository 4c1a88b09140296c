import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { AbiCoder, Interface, getAddress, hexlify, id, keccak256 } from "ethers";
import { describe, expect, it } from "vitest";
import { contentHash } from "@/lib/anchoring/canonical";
import { CREDIT_KEY_DOMAIN, creditKey } from "@/lib/anchoring/credit-key";
import { DIGEST_DOMAIN, ZERO_DIGEST, milestoneDigest } from "@/lib/anchoring/digest";
import type { JsonValue } from "@/lib/anchoring/json";
import { buildBatch, leafHash, verifyInclusion } from "@/lib/anchoring/merkle";
import { creditHeads } from "@/lib/anchoring/worker";
import { packHeads } from "@/lib/chain/anchor-registry";
import { anchorRegistryAbi } from "@/lib/chain/generated/anchor-registry";
import { anchorRegistryV2Abi } from "@/lib/chain/generated/anchor-registry-v2";
import { verifyTrail } from "./check";
import type { ChainEvidence, ChainHead, MilestoneRecord, OnChainAnchor, TrailResult, TrustPolicy } from "./types";

// The test vectors of docs/PROOF-FORMAT.md §9, pinned. A credit of five milestones anchored in
// two batches (1–3 beside two milestones of another credit, then 4–5), and a fork: 4–5 rewritten
// with other salts and anchored in a third batch. Every constant below is printed in the doc
// exactly as here; a third-party verifier must reproduce each one. If a test here fails, the
// digest, the credit key, the tree, the contract's interface or the verdict rules changed, and
// every bundle and anchor already out there with them: fix the code, never the vector (or bump
// the format's version and add new vectors beside these).

// ---------------------------------------------------------------------------------------------
// Inputs

const CREDIT_ID = "7d3f9a2c-5b1e-4c8a-9f60-2e4b8d1a6c37";
const NEIGHBOUR_ID = "b5e0c7d4-1a93-4f2b-8e6c-3d9a0f7b2e15";
const CHAIN_ID = "11155111";
const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const ANCHORER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const salt = (byte: string) => `0x${byte.repeat(32)}`;

/** SHA-256 of the UTF-8 texts "TradeTrail test vector: commercial invoice" and "…: bill of lading". */
const INVOICE_SHA256 = "ce139fc52bb3a49fec262f2286a291ffb0483e9dfd81dd9a64763861b7d8513c";
const BILL_OF_LADING_SHA256 = "7888465fe156c899865ce4abfe6f9a1bada23244320e4d240f1ef10fd10297e4";

interface Input {
  kind: string;
  content: JsonValue;
  documentHashes: string[];
  salt: string;
  recordedAt: string;
}

const INPUTS: Input[] = [
  { kind: "TERMS_AGREED", content: { termsVersion: 1, amount: "250000.00", currency: "EUR", expiry: "2027-03-31" }, documentHashes: [], salt: salt("a1"), recordedAt: "2026-11-02T09:00:00.000Z" },
  { kind: "CREDIT_ISSUED", content: { termsVersion: 1, mt700Reference: "MTB/LC/2026/0042" }, documentHashes: [], salt: salt("a2"), recordedAt: "2026-11-02T09:05:00.000Z" },
  { kind: "CREDIT_ADVISED", content: { advisingBank: "Rotterdam Maritime Bank", advisedOn: "2026-11-02" }, documentHashes: [], salt: salt("a3"), recordedAt: "2026-11-02T09:10:00.000Z" },
  {
    kind: "DOCUMENTS_PRESENTED",
    content: { presentation: 1, claimedAmount: "250000.00", currency: "EUR", documents: ["COMMERCIAL_INVOICE", "BILL_OF_LADING"] },
    documentHashes: [INVOICE_SHA256, BILL_OF_LADING_SHA256],
    salt: salt("a4"),
    recordedAt: "2026-11-09T14:00:00.000Z",
  },
  { kind: "PAYMENT_RECORDED", content: { presentation: 1, amount: "250000.00", currency: "EUR", valueDate: "2026-11-16" }, documentHashes: [], salt: salt("a5"), recordedAt: "2026-11-09T14:30:00.000Z" },
];
/** The fork: milestones 4 and 5 again, same kind and content, other salts. */
const FORK_SALTS = [salt("b4"), salt("b5")];
/** Two milestones of another credit that share batch 1. */
const NEIGHBOUR_INPUTS: Input[] = [
  { kind: "TERMS_AGREED", content: { amount: "80000.00", currency: "USD" }, documentHashes: [], salt: salt("c1"), recordedAt: "2026-11-02T09:07:00.000Z" },
  { kind: "CREDIT_ISSUED", content: { termsVersion: 1 }, documentHashes: [], salt: salt("c2"), recordedAt: "2026-11-02T09:08:00.000Z" },
];

/** The three anchoring transactions, as the chain of the in-memory evidence records them. */
const BATCH_BLOCKS = [
  { block: 100, time: "2026-11-02T09:10:24.000Z", tx: id("TradeTrail test vector: transaction 1") },
  { block: 160, time: "2026-11-09T14:30:36.000Z", tx: id("TradeTrail test vector: transaction 2") },
  { block: 220, time: "2026-11-20T08:00:12.000Z", tx: id("TradeTrail test vector: transaction 3") },
];
const AT_BLOCK = 300;

// ---------------------------------------------------------------------------------------------
// Pinned outputs (docs/PROOF-FORMAT.md §9)

const DOMAINS = {
  digest: "0xf092a06ded245005fe70714d0415235ca85395c19c1e770d629d311df22ad673",
  creditKey: "0x475395302e307e904fe56b88e93186e2a1b8d8d52ab4cd4065d48de0677de8d6",
  anchorerRole: "0x4b3e6527f1b0d33beb6c20e3c362af276f03c4526b5f8b6d118672f0d75a60eb",
};

const CREDIT_KEY = "0x7ee1e7b3a43df76ebb419f1a1995504555c44bc99043d465f371c7a8d20239c2";
const NEIGHBOUR_KEY = "0xc165a6fe397945e7893713d162ecdca7c42143979588bcee7eec0335d8b1d797";

const CANONICAL_CONTENT = [
  `{"amount":"250000.00","currency":"EUR","expiry":"2027-03-31","termsVersion":1}`,
  `{"mt700Reference":"MTB/LC/2026/0042","termsVersion":1}`,
  `{"advisedOn":"2026-11-02","advisingBank":"Rotterdam Maritime Bank"}`,
  `{"claimedAmount":"250000.00","currency":"EUR","documents":["COMMERCIAL_INVOICE","BILL_OF_LADING"],"presentation":1}`,
  `{"amount":"250000.00","currency":"EUR","presentation":1,"valueDate":"2026-11-16"}`,
];
const CONTENT_HASHES = [
  "0x203211238272a711fc53949385fcb176c646550cce6d4bfff317fefdf4651bc1",
  "0x8095539bf4b11054a804d57bad19cc952c9ebb125358f43e62d8b7066db9cc61",
  "0x2dc8fba7984b561f9306558300d310b8e4971c14a7385077fb9851b9b003d375",
  "0x9adac860348acd8be56bc43ecbb06a712987787579762de38993c289e030cc49",
  "0xedf1a08e732d4a461b5ef731c2d16283250b544d873659c638cfafc156821eb9",
];
const DIGESTS = [
  "0xce3451eb54b1197af6b639e71c5ff0828a2b1890a91922fab4b7b90704b7a559",
  "0xab928ec67d5d317159b40c01bf502094d547c816ed8e60f79811c9bfa76c9985",
  "0x914f967bf255ce3614c0da2237130b557b09988d7f22b24e3738218f1475b11c",
  "0x00fc5248f66d37bb6cb1edcd320834eafae8a5305dd0bb88661408b897ffc08f",
  "0x53c2f09b04c219a28b57186206fa2d3d3bda86b0b49a6fb6fc2e2db883dd08c7",
];
const LEAVES = [
  "0xb9611da982f25efac787d08f0679d561f48298160cf4b30ac67f3bc1e4ae0ae6",
  "0xd9bdaad72e53de1fb240c9c8a0ab52030554ac1f200684f012c546a1e9535ec0",
  "0xd58d39144b72eb6286940134199fed0bfc15b5487ce9ecaae09f953f19698c5a",
  "0xa34a8d15c549cf5945c802af957b133a9ad78e5e5236f70873499e58c018b5c2",
  "0xacc6ee6816486ce098e96d420857d6564a24214e121ab132fb5b767a6836af4a",
];
const FORK_DIGESTS = ["0x58e8f1fcc81d8640df0176c8705c56d0a659aa000cae9594e5e5c758df72bebd", "0x842968431ac204ca985e836b8086261bf8fcaf9820add22060cafd445eb3b79f"];
const NEIGHBOUR_DIGESTS = ["0x66fd4369b1854899fe57e5a8dd8cf72a95de2cd7a0e48677553efcedad9a1e9f", "0x3147a01bd6d46299d86e47add28667c668e4e9f895f389df1da04948d4ed9e0b"];

const ROOTS = [
  "0x1f0926bc5f788bb3fc3161774ba33866f582e2f9ca8cb55941efce89e92d166a",
  "0x7fa9703ac4e7ec7b02d6a96459cf914008bc46a0e09f108c170d04dd4fc59655",
  "0x2286e1661200a2966a3f9fff3e478f0a107ff6d082a20a776dce853493daa2c5",
];
const PROOFS = [
  ["0xd58d39144b72eb6286940134199fed0bfc15b5487ce9ecaae09f953f19698c5a", "0xb0970d055a6bfc134d7abff37c9809c954df99d5cbf062465b9da3f6e533fc6b"],
  ["0xc5e6093de10220333c99b5fe38b728eac1e3d1f5da9576dfe6add1e811f7555e", "0xebf49f7e1f468d6b090c5508b51ed7edc56ed3478bd0de9495d57d3f8e22501c"],
  ["0xb9611da982f25efac787d08f0679d561f48298160cf4b30ac67f3bc1e4ae0ae6", "0xb0970d055a6bfc134d7abff37c9809c954df99d5cbf062465b9da3f6e533fc6b"],
  ["0xacc6ee6816486ce098e96d420857d6564a24214e121ab132fb5b767a6836af4a"],
  ["0xa34a8d15c549cf5945c802af957b133a9ad78e5e5236f70873499e58c018b5c2"],
];
const NEIGHBOUR_PROOFS = [
  ["0x2cab0a4df52c6cde43da20ce3c30ef9f91d7e8b95be74f7202e5cf1dfe0312ce", "0xd9bdaad72e53de1fb240c9c8a0ab52030554ac1f200684f012c546a1e9535ec0", "0xebf49f7e1f468d6b090c5508b51ed7edc56ed3478bd0de9495d57d3f8e22501c"],
  ["0x3122b075c87cf0f354ba0bace871e9b8f2452d7375efc478b18d2925408012f3", "0xd9bdaad72e53de1fb240c9c8a0ab52030554ac1f200684f012c546a1e9535ec0", "0xebf49f7e1f468d6b090c5508b51ed7edc56ed3478bd0de9495d57d3f8e22501c"],
];
const FORK_PROOFS = [["0x098be879e75d92b24986c23f686d0508f7b49f128cd5924fdc8014b75af5ea57"], ["0xde7ba07e2c55cd3173b029a5b096576f15f5ffb1609e7b498dd118eb90a69d50"]];

/** The CreditAdvanced heads each batch publishes, in the order the worker sends them (by creditKey). */
const HEADS = [
  [
    { creditKey: CREDIT_KEY, seq: 3, digest: DIGESTS[2]! },
    { creditKey: NEIGHBOUR_KEY, seq: 2, digest: NEIGHBOUR_DIGESTS[1]! },
  ],
  [{ creditKey: CREDIT_KEY, seq: 5, digest: DIGESTS[4]! }],
  [{ creditKey: CREDIT_KEY, seq: 5, digest: FORK_DIGESTS[1]! }],
];

/** anchor(ROOTS[1], 2, packHeads(HEADS[1])): the transaction of batch 2 (heads packed: key, digest, 4-byte seq). */
const BATCH_2_CALLDATA =
  "0xdf884bd57fa9703ac4e7ec7b02d6a96459cf914008bc46a0e09f108c170d04dd4fc59655" +
  "0000000000000000000000000000000000000000000000000000000000000002" +
  "0000000000000000000000000000000000000000000000000000000000000060" +
  "0000000000000000000000000000000000000000000000000000000000000044" +
  "7ee1e7b3a43df76ebb419f1a1995504555c44bc99043d465f371c7a8d20239c2" +
  "53c2f09b04c219a28b57186206fa2d3d3bda86b0b49a6fb6fc2e2db883dd08c7" +
  "0000000500000000000000000000000000000000000000000000000000000000";
/** Its CreditAdvanced log. */
const BATCH_2_HEAD_LOG = {
  topics: ["0x212a7c04bd35a96db1dc1e6108428f5bac55880ec1151eab5965b9dd0f081f4b", CREDIT_KEY],
  data: "0x000000000000000000000000000000000000000000000000000000000000000553c2f09b04c219a28b57186206fa2d3d3bda86b0b49a6fb6fc2e2db883dd08c7",
};

/** Batch 1's storage slot: key keccak256(abi.encode(root, 1)); value anchorer | timestamp | block | leafCount. */
const BATCH_1_SLOT = {
  key: "0x459bd8a58c8b84af7637e38e894ac5bb680c936e556c569231bdc04c76f2b833",
  value: "0x70997970c51812dc3a010c7d01b50e0d17dc79c8006ae8538000000000640005",
};

const SELECTORS_V2: Record<string, string> = {
  "anchor(bytes32,uint16,bytes)": "0xdf884bd5",
  "HEAD_BYTES()": "0x63f88c87",
  "anchorRoot(bytes32,uint16)": "0x6589f762",
  "anchorOf(bytes32)": "0xcf4ff901",
  "anchorsOf(bytes32[])": "0x606a7920",
  "isAnchored(bytes32)": "0x4f0b5801",
  "VERSION()": "0xffa1ad74",
  "ANCHORER_ROLE()": "0x7cfd9a51",
  "hasRole(bytes32,address)": "0x91d14854",
};
const TOPICS_V2: Record<string, string> = {
  "RootAnchored(bytes32)": "0x62e872bd24dad4a8e80606d4614e6b24a25198e85dd344a1d5eda82791615fce",
  "CreditAdvanced(bytes32,uint32,bytes32)": "0x212a7c04bd35a96db1dc1e6108428f5bac55880ec1151eab5965b9dd0f081f4b",
  "RoleGranted(bytes32,address,address)": "0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d",
  "RoleRevoked(bytes32,address,address)": "0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b",
};
const SELECTORS_V1: Record<string, string> = {
  "anchor(bytes32,uint32)": "0x47489de4",
  "anchorOf(bytes32)": "0xcf4ff901",
  "anchorsOf(bytes32[])": "0x606a7920",
  "isAnchored(bytes32)": "0x4f0b5801",
};
const TOPICS_V1: Record<string, string> = {
  "RootAnchored(bytes32,address,uint32,uint64)": "0xb3c4d7b5d712247219ebdbff89f7b1a1426a6acf9dc10b2cfc94430eea7a7599",
};

// ---------------------------------------------------------------------------------------------
// The fixture, built from the inputs as the application builds it

function chainRecords(creditId: string, inputs: readonly Input[], prevDigest = ZERO_DIGEST, firstSeq = 1): MilestoneRecord[] {
  const records: MilestoneRecord[] = [];
  inputs.forEach((input, i) => {
    const leaf = { creditId, seq: firstSeq + i, kind: input.kind, content: input.content, documentHashes: input.documentHashes, prevDigest: records.at(-1)?.digest ?? prevDigest, salt: input.salt };
    records.push({ ...leaf, digest: milestoneDigest(leaf), proof: [], root: null, txHash: null, blockNumber: null, recordedAt: input.recordedAt });
  });
  return records;
}

function placeInBatch(records: MilestoneRecord[], batch: ReturnType<typeof buildBatch>, at: (typeof BATCH_BLOCKS)[number]): void {
  for (const r of records) Object.assign(r, { root: batch.root, proof: batch.proofs.get(r.digest)!, txHash: at.tx, blockNumber: at.block });
}

function fixture() {
  const original = chainRecords(CREDIT_ID, INPUTS);
  const neighbour = chainRecords(NEIGHBOUR_ID, NEIGHBOUR_INPUTS);
  const forkTail = chainRecords(
    CREDIT_ID,
    INPUTS.slice(3).map((input, i) => ({ ...input, salt: FORK_SALTS[i]! })),
    original[2]!.digest,
    4,
  );
  const batches = [
    buildBatch([...original.slice(0, 3), ...neighbour].map((r) => r.digest)),
    buildBatch(original.slice(3).map((r) => r.digest)),
    buildBatch(forkTail.map((r) => r.digest)),
  ];
  placeInBatch([...original.slice(0, 3), ...neighbour], batches[0]!, BATCH_BLOCKS[0]!);
  placeInBatch(original.slice(3), batches[1]!, BATCH_BLOCKS[1]!);
  placeInBatch(forkTail, batches[2]!, BATCH_BLOCKS[2]!);
  /** The rewritten history: the same 1–3, then 4–5 with other salts. */
  const rewritten = [...original.slice(0, 3).map((r) => ({ ...r })), ...forkTail];
  const members = [
    [...original.slice(0, 3), ...neighbour],
    original.slice(3),
    rewritten.slice(3),
  ];
  const heads = members.map((list) => creditHeads(list.map((r, i) => ({ id: `${i}`, digest: r.digest, credit_id: r.creditId, seq: r.seq }))));
  return { original, neighbour, rewritten, batches, members, heads };
}

/**
 * What a verifier reads from the chain for CREDIT_ID at AT_BLOCK after `batchCount` batches: each
 * root's anchor, the credit's CreditAdvanced logs (eth_getLogs on topic0 and its key), and the
 * transaction that holds each root's RootAnchored log.
 */
function evidence(batchCount: number): ChainEvidence {
  const { batches, members, heads } = fixture();
  const anchors = new Map<string, OnChainAnchor | null>();
  const chainHeads: ChainHead[] = [];
  const rootTransactions = new Map<string, string[]>();
  for (let i = 0; i < batchCount; i++) {
    const at = BATCH_BLOCKS[i]!;
    anchors.set(batches[i]!.root, { timestamp: Date.parse(at.time) / 1000, blockNumber: at.block, leafCount: members[i]!.length, anchorer: ANCHORER });
    rootTransactions.set(batches[i]!.root, [at.tx]);
    for (const head of heads[i]!) if (head.creditKey === creditKey(CREDIT_ID)) chainHeads.push({ seq: head.seq, digest: head.digest, blockNumber: at.block, txHash: at.tx });
  }
  return { chainId: CHAIN_ID, contractAddress: REGISTRY, registryVersion: 2, atBlock: AT_BLOCK, anchors, heads: chainHeads, rootTransactions, recentRoots: new Map(), confirmations: 6 };
}

const POLICY: TrustPolicy = { allowedAnchorers: [ANCHORER], lateAnchorSeconds: 24 * 3600 };
const ZERO_COUNTS = { verified: 0, pending: 0, altered: 0, missing: 0, "not-on-chain": 0, untrusted: 0, forked: 0, truncated: 0, unsigned: 0, "bad-signature": 0 };
const CHECKED_AGAINST = { chainId: CHAIN_ID, contractAddress: REGISTRY, registryVersion: 2, atBlock: AT_BLOCK, anchorers: [ANCHORER] };

const verifiedEntry = (seq: number, batch: number) => ({
  seq,
  kind: INPUTS[seq - 1]!.kind,
  digest: DIGESTS[seq - 1]!,
  root: ROOTS[batch]!,
  status: "verified",
  blockNumber: BATCH_BLOCKS[batch]!.block,
  anchoredAt: BATCH_BLOCKS[batch]!.time,
  anchorer: ANCHORER,
  reason: `Anchored in block ${BATCH_BLOCKS[batch]!.block} at ${BATCH_BLOCKS[batch]!.time.replace("T", " ").slice(0, 19)} UTC.`,
});

// ---------------------------------------------------------------------------------------------

describe("test vectors: the credit's key, digests, batches and heads", () => {
  const f = fixture();

  it("derives the domains and the credit key", () => {
    expect({ digest: DIGEST_DOMAIN, creditKey: CREDIT_KEY_DOMAIN, anchorerRole: id("ANCHORER_ROLE") }).toEqual(DOMAINS);
    expect(id("TradeTrail.Milestone.v1")).toBe(DOMAINS.digest);
    expect(id("TradeTrail.CreditKey.v2")).toBe(DOMAINS.creditKey);
    expect(creditKey(CREDIT_ID)).toBe(CREDIT_KEY);
    expect(creditKey(NEIGHBOUR_ID)).toBe(NEIGHBOUR_KEY);
    expect(keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "string"], [DOMAINS.creditKey, CREDIT_ID]))).toBe(CREDIT_KEY);
  });

  it("hashes each milestone's content and inputs to the pinned digests, chained", () => {
    expect(INPUTS.map((m) => contentHash(m.content))).toEqual(CONTENT_HASHES);
    expect(CONTENT_HASHES.map((_, i) => keccak256(new TextEncoder().encode(CANONICAL_CONTENT[i]!)))).toEqual(CONTENT_HASHES);
    expect(f.original.map((r) => r.digest)).toEqual(DIGESTS);
    expect(f.original.map((r) => r.prevDigest)).toEqual([ZERO_DIGEST, ...DIGESTS.slice(0, 4)]);
    expect(DIGESTS.map((d) => hexlify(leafHash(d)))).toEqual(LEAVES);
    expect(f.rewritten.slice(3).map((r) => r.digest)).toEqual(FORK_DIGESTS);
    expect(f.rewritten[3]!.prevDigest).toBe(DIGESTS[2]);
    expect(f.neighbour.map((r) => r.digest)).toEqual(NEIGHBOUR_DIGESTS);
    // Document hashes: any case, with or without 0x, any order, give the same digest.
    const shuffled = { ...f.original[3]!, documentHashes: [`0x${BILL_OF_LADING_SHA256.toUpperCase()}`, INVOICE_SHA256] };
    expect(milestoneDigest(shuffled)).toBe(DIGESTS[3]);
  });

  it("builds the three batches: roots and every proof", () => {
    expect(f.batches.map((b) => b.root)).toEqual(ROOTS);
    expect(f.original.map((r) => r.proof)).toEqual(PROOFS);
    expect(f.neighbour.map((r) => r.proof)).toEqual(NEIGHBOUR_PROOFS);
    expect(f.rewritten.slice(3).map((r) => r.proof)).toEqual(FORK_PROOFS);
    for (const r of [...f.original, ...f.neighbour, ...f.rewritten.slice(3)]) {
      expect(verifyInclusion(r.root!, r.digest, r.proof)).toBe(true);
      expect(StandardMerkleTree.verify(r.root!, ["bytes32"], [r.digest], r.proof)).toBe(true);
    }
    // OpenZeppelin's StandardMerkleTree.verify compares the root as a string: lower-case it first.
    const upperRoot = `0x${ROOTS[1]!.slice(2).toUpperCase()}`;
    expect(StandardMerkleTree.verify(upperRoot, ["bytes32"], [DIGESTS[3]!], PROOFS[3]!)).toBe(false);
    expect(verifyInclusion(upperRoot, DIGESTS[3]!, PROOFS[3]!)).toBe(true);
  });

  it("publishes the heads the worker chooses: per credit, its highest seq in the batch", () => {
    expect(f.heads).toEqual(HEADS);
    const iface = new Interface(anchorRegistryV2Abi);
    expect(iface.encodeFunctionData("anchor", [ROOTS[1], 2, packHeads(HEADS[1]!)])).toBe(BATCH_2_CALLDATA);
    expect(iface.encodeEventLog(iface.getEvent("CreditAdvanced")!, [CREDIT_KEY, 5, DIGESTS[4]])).toEqual(BATCH_2_HEAD_LOG);
  });

  it("packs batch 1's anchor into one storage slot of the registry's mapping (slot 1)", () => {
    const key = keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "uint256"], [ROOTS[0], 1]));
    const value = (BigInt(ANCHORER) << 96n) | (BigInt(Date.parse(BATCH_BLOCKS[0]!.time) / 1000) << 56n) | (BigInt(BATCH_BLOCKS[0]!.block) << 16n) | 5n;
    expect({ key, value: `0x${value.toString(16).padStart(64, "0")}` }).toEqual(BATCH_1_SLOT);
  });
});

describe("test vectors: the registry's interface", () => {
  it("has the pinned selectors and event topics, version 2 and version 1", () => {
    const v2 = new Interface(anchorRegistryV2Abi);
    const v1 = new Interface(anchorRegistryAbi);
    for (const [signature, selector] of Object.entries(SELECTORS_V2)) {
      expect(v2.getFunction(signature)!.selector, signature).toBe(selector);
      expect(id(signature).slice(0, 10), signature).toBe(selector);
    }
    for (const [signature, topic] of Object.entries(TOPICS_V2)) {
      expect(v2.getEvent(signature)!.topicHash, signature).toBe(topic);
      expect(id(signature), signature).toBe(topic);
    }
    for (const [signature, selector] of Object.entries(SELECTORS_V1)) expect(v1.getFunction(signature)!.selector, signature).toBe(selector);
    for (const [signature, topic] of Object.entries(TOPICS_V1)) expect(v1.getEvent(signature)!.topicHash, signature).toBe(topic);
    expect(getAddress(ANCHORER)).toBe(ANCHORER);
  });
});

describe("test vectors: the verdicts", () => {
  it("(a) the full trail against batches 1–2: complete, every milestone verified", () => {
    const { original } = fixture();
    const result = verifyTrail(original, evidence(2), POLICY);
    expect(result).toEqual<TrailResult>({
      ok: true,
      results: [verifiedEntry(1, 0), verifiedEntry(2, 0), verifiedEntry(3, 0), verifiedEntry(4, 1), verifiedEntry(5, 1)] as TrailResult["results"],
      counts: { ...ZERO_COUNTS, verified: 5 },
      trail: { status: "complete", chainHeadSeq: 5, reason: "The trail reaches the credit's last head on chain (milestone 5) and agrees with every head published." },
      warnings: [],
      checkedAgainst: CHECKED_AGAINST,
    });
  });

  it("(b) the trail cut after milestone 3: truncated, with one synthetic entry for 4–5", () => {
    const { original } = fixture();
    const result = verifyTrail(original.slice(0, 3), evidence(2), POLICY);
    const reason = "The chain shows this credit reached milestone 5 (block 160), but this trail ends at 3: milestones 4–5 are missing.";
    expect(result).toEqual<TrailResult>({
      ok: false,
      results: [verifiedEntry(1, 0), verifiedEntry(2, 0), verifiedEntry(3, 0), { seq: 4, kind: "unknown", digest: null, status: "truncated", reason }] as TrailResult["results"],
      counts: { ...ZERO_COUNTS, verified: 3, truncated: 1 },
      trail: { status: "truncated", chainHeadSeq: 5, reason },
      warnings: [],
      checkedAgainst: CHECKED_AGAINST,
    });
  });

  it("(c) 4–5 rewritten with other salts and anchored in batch 3 with its head: the rewrite and the original are both forked", () => {
    const { original, rewritten } = fixture();
    const chain = evidence(3);
    expect(chain.heads!.map((h) => `${h.seq}:${h.digest}@${h.blockNumber}`)).toEqual([`3:${DIGESTS[2]}@100`, `5:${DIGESTS[4]}@160`, `5:${FORK_DIGESTS[1]}@220`]);
    const trail = {
      status: "forked",
      chainHeadSeq: 5,
      reason: "Two histories of this credit exist: the chain or the trail holds two different milestones 5. Neither can be relied on until the operator explains it.",
    } as const;
    const forked = (seq: number, digest: string, other: string, block: number) => ({
      seq,
      kind: INPUTS[seq - 1]!.kind,
      digest,
      status: "forked",
      reason: `The chain published another milestone 5 for this credit (digest ${other.slice(0, 10)}…, block ${block}): this trail and another history disagree from milestone 4 on.`,
    });

    expect(verifyTrail(rewritten, chain, POLICY)).toEqual<TrailResult>({
      ok: false,
      results: [
        verifiedEntry(1, 0),
        verifiedEntry(2, 0),
        verifiedEntry(3, 0),
        forked(4, FORK_DIGESTS[0]!, DIGESTS[4]!, 160),
        forked(5, FORK_DIGESTS[1]!, DIGESTS[4]!, 160),
      ] as TrailResult["results"],
      counts: { ...ZERO_COUNTS, verified: 3, forked: 2 },
      trail,
      warnings: [],
      checkedAgainst: CHECKED_AGAINST,
    });
    expect(verifyTrail(original, chain, POLICY)).toEqual<TrailResult>({
      ok: false,
      results: [
        verifiedEntry(1, 0),
        verifiedEntry(2, 0),
        verifiedEntry(3, 0),
        forked(4, DIGESTS[3]!, FORK_DIGESTS[1]!, 220),
        forked(5, DIGESTS[4]!, FORK_DIGESTS[1]!, 220),
      ] as TrailResult["results"],
      counts: { ...ZERO_COUNTS, verified: 3, forked: 2 },
      trail,
      warnings: [],
      checkedAgainst: CHECKED_AGAINST,
    });
  });
});
