import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { documentCommitment } from "@/lib/anchoring/document-commitment";
import { buildBatch } from "@/lib/anchoring/merkle";
import { type ChainAnchor, type DocumentProofContext, candidateRoots, documentVerdict } from "./document-proof";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const OTHER = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const file = sha("bill of lading BL-7");
const commitment = documentCommitment(file);
const batch = buildBatch([commitment, `0x${"11".repeat(32)}`, `0x${"22".repeat(32)}`]);
const claim = { chainId: "31337", contractAddress: REGISTRY, root: batch.root, proof: batch.proofs.get(commitment)! };
const onChain: ChainAnchor = { timestamp: 1_790_000_000, blockNumber: 42 };

const context = (anchors: unknown[], sha256 = file): DocumentProofContext => ({ sha256, lookup: { sha256, commitment, anchors }, contractAddress: REGISTRY, chainId: 31337n });

describe("documentVerdict", () => {
  it("says anchored, with the chain's time and block, when the proof leads to a root the registry holds", () => {
    const verdict = documentVerdict(context([claim]), new Map([[batch.root, onChain]]));
    expect(verdict).toMatchObject({ status: "anchored", root: batch.root, blockNumber: 42, anchoredAt: "2026-09-21T14:13:20.000Z", contractAddress: REGISTRY, chainId: "31337", commitment });
  });

  it("says not anchored when the registry does not hold the root (a fake root in the database)", () => {
    const verdict = documentVerdict(context([claim]), new Map([[batch.root, null]]));
    expect(verdict.status).toBe("not-anchored");
    if (verdict.status === "not-anchored") expect(verdict.reasons.join(" ")).toMatch(/is not anchored in registry 0x5FbDB2315678afecb367f032d93F642f64180aa3 on chain 31337/);
  });

  it("does not count a claim naming another registry or chain, even if that registry holds the root", () => {
    const answers = new Map([[batch.root, onChain]]);
    for (const other of [{ ...claim, contractAddress: OTHER }, { ...claim, chainId: "1" }, { ...claim, contractAddress: "not an address" }]) {
      const verdict = documentVerdict(context([other]), answers);
      expect(verdict.status).toBe("not-anchored");
      expect(verdict.contractAddress).toBe(REGISTRY);
    }
  });

  it("does not count a proof that leads elsewhere, a proof for another file, or a lookup for another hash", () => {
    const answers = new Map([[batch.root, onChain]]);
    expect(documentVerdict(context([{ ...claim, proof: claim.proof.slice(1) }]), answers).status).toBe("not-anchored");
    expect(documentVerdict(context([claim], sha("another file")), answers).status).toBe("not-anchored");
    const wrongHash = { sha256: file, lookup: { sha256: sha("x"), anchors: [claim] }, contractAddress: REGISTRY, chainId: 31337n };
    expect(documentVerdict(wrongHash, answers).status).toBe("not-anchored");
  });

  it("ignores the lookup's own commitment and recomputes it", () => {
    const lying = { ...context([claim]), lookup: { sha256: file, commitment: `0x${"ab".repeat(32)}`, anchors: [claim] } };
    const verdict = documentVerdict(lying, new Map([[batch.root, onChain]]));
    expect(verdict).toMatchObject({ status: "anchored", commitment });
  });

  it("does not count an anchor by an account the site does not publish as its anchorer", () => {
    const answers = new Map([[batch.root, { ...onChain, anchorer: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" }]]);
    expect(documentVerdict({ ...context([claim]), allowedAnchorers: ["0x70997970c51812dc3a010c7d01b50e0d17dc79c8"] }, answers).status).toBe("anchored");
    const verdict = documentVerdict({ ...context([claim]), allowedAnchorers: [OTHER] }, answers);
    expect(verdict.status).toBe("not-anchored");
    if (verdict.status === "not-anchored") expect(verdict.reasons.join(" ")).toMatch(/not by a published anchorer/);
  });

  it("does not count a proof whose length cannot come from a batch of the recorded size", () => {
    expect(documentVerdict(context([claim]), new Map([[batch.root, { ...onChain, leafCount: 3 }]])).status).toBe("anchored");
    expect(documentVerdict(context([claim]), new Map([[batch.root, { ...onChain, leafCount: 64 }]])).status).toBe("not-anchored");
  });

  it("survives malformed lookups", () => {
    for (const lookup of [{}, { anchors: "x" }, { anchors: [null, 3, { root: 5, proof: "no" }] }]) {
      expect(documentVerdict({ ...context([]), lookup }, new Map()).status).toBe("not-anchored");
    }
  });

  it("takes the earliest of several genuine anchorings", () => {
    const second = buildBatch([commitment, `0x${"33".repeat(32)}`]);
    const later = { ...claim, root: second.root, proof: second.proofs.get(commitment)! };
    const verdict = documentVerdict(context([later, claim]), new Map([[batch.root, onChain], [second.root, { timestamp: onChain.timestamp + 60, blockNumber: 50 }]]));
    expect(verdict).toMatchObject({ status: "anchored", root: batch.root, blockNumber: 42 });
  });
});

const short = (hex: string) => `${hex.slice(0, 10)}…`;
const reasonsOf = (verdict: ReturnType<typeof documentVerdict>) => (verdict.status === "not-anchored" ? verdict.reasons : verdict.notes);

describe("documentVerdict: the reasons a person reads", () => {
  const answers = new Map([[batch.root, onChain]]);

  it("says the lookup answered for another hash, and counts none of its claims", () => {
    const verdict = documentVerdict({ ...context([claim]), lookup: { sha256: sha("x"), anchors: [claim] } }, answers);
    expect(verdict).toMatchObject({ status: "not-anchored", commitment, reasons: ["The lookup answered for another hash; its claims were ignored."] });
  });

  it("accepts the lookup's hash and commitment in any case, and notes a commitment that is not the file's", () => {
    const upper = documentVerdict({ ...context([claim]), lookup: { sha256: file.toUpperCase(), commitment: commitment.toUpperCase().replace("0X", "0x"), anchors: [claim] } }, answers);
    expect(upper).toMatchObject({ status: "anchored", notes: [] });
    const lying = documentVerdict({ ...context([claim]), lookup: { sha256: file, commitment: `0x${"ab".repeat(32)}`, anchors: [claim] } }, answers);
    expect(reasonsOf(lying)).toEqual(["The lookup's commitment is not this file's; the verifier computed its own."]);
  });

  it("names the registry or chain a claim was not counted for", () => {
    const cases: [unknown, string][] = [
      [{ ...claim, contractAddress: OTHER }, `A claim names registry ${OTHER}, not ${REGISTRY}: not counted.`],
      [{ ...claim, contractAddress: "not an address" }, `A claim names registry not an address, not ${REGISTRY}: not counted.`],
      [{ ...claim, contractAddress: undefined }, `A claim names registry undefined, not ${REGISTRY}: not counted.`],
      [{ ...claim, chainId: "1" }, "A claim is on chain 1, but the endpoint serves chain 31337: not counted."],
    ];
    for (const [other, reason] of cases) expect(documentVerdict(context([other]), answers)).toMatchObject({ status: "not-anchored", reasons: [reason] });
  });

  it("counts a claim naming the trusted registry in any case and its chain id as a number", () => {
    const verdict = documentVerdict(context([{ ...claim, contractAddress: REGISTRY.toLowerCase(), chainId: 31337, root: batch.root.toUpperCase().replace("0X", "0x") }]), answers);
    expect(verdict).toMatchObject({ status: "anchored", root: batch.root, notes: [] });
  });

  it("says which root's proof does not lead from this file's commitment", () => {
    const cases: [unknown, string][] = [
      [{ ...claim, proof: claim.proof.slice(1) }, `The proof for root ${short(batch.root)} does not lead from this file's commitment to that root.`],
      [{ ...claim, proof: [1, 2] }, `The proof for root ${short(batch.root)} does not lead from this file's commitment to that root.`],
      [{ ...claim, proof: "nope" }, `The proof for root ${short(batch.root)} does not lead from this file's commitment to that root.`],
      [{ ...claim, root: `${batch.root}00` }, `The proof for root ${short(batch.root)} does not lead from this file's commitment to that root.`],
      [{ ...claim, root: batch.root.slice(2) }, `The proof for root ${short(batch.root.slice(2))} does not lead from this file's commitment to that root.`],
      [{ ...claim, root: undefined }, "The proof for root ?… does not lead from this file's commitment to that root."],
    ];
    for (const [bad, reason] of cases) expect(documentVerdict(context([bad]), answers)).toMatchObject({ status: "not-anchored", reasons: [reason] });
  });

  it("says a root is not anchored in the trusted registry on the endpoint's chain", () => {
    expect(documentVerdict(context([claim]), new Map())).toMatchObject({ status: "not-anchored", reasons: [`Root ${short(batch.root)} is not anchored in registry ${REGISTRY} on chain 31337.`] });
  });

  it("says how many steps the proof has and how many leaves the registry records", () => {
    const verdict = documentVerdict(context([claim]), new Map([[batch.root, { ...onChain, leafCount: 64 }]]));
    expect(reasonsOf(verdict)).toEqual([`The proof for root ${short(batch.root)} has 1 step(s), but the registry records 64 leaves: it did not come from that batch.`]);
  });

  it("names the account that anchored a root, or says it is unknown", () => {
    const by = (anchorer?: string) => documentVerdict({ ...context([claim]), allowedAnchorers: [OTHER] }, new Map([[batch.root, { ...onChain, anchorer }]]));
    expect(reasonsOf(by(REGISTRY))).toEqual([`Root ${short(batch.root)} was anchored by ${REGISTRY}, not by a published anchorer: not counted.`]);
    expect(reasonsOf(by(undefined))).toEqual([`Root ${short(batch.root)} was anchored by an unknown account, not by a published anchorer: not counted.`]);
    // No published list: not checked.
    expect(documentVerdict({ ...context([claim]), allowedAnchorers: null }, new Map([[batch.root, { ...onChain, anchorer: REGISTRY }]])).status).toBe("anchored");
  });

  it("says no anchoring is known only when nothing else explains the answer", () => {
    expect(reasonsOf(documentVerdict(context([]), new Map()))).toEqual(["No anchoring of this file's commitment is known."]);
    expect(reasonsOf(documentVerdict({ ...context([]), lookup: { sha256: file } }, new Map()))).toEqual(["No anchoring of this file's commitment is known."]);
    expect(reasonsOf(documentVerdict(context([{ ...claim, chainId: "1" }]), answers))).toHaveLength(1);
  });

  it("keeps the reasons for the claims it did not count as notes of an anchored verdict", () => {
    const verdict = documentVerdict(context([{ ...claim, chainId: "1" }, claim, claim]), answers);
    expect(verdict).toMatchObject({ status: "anchored", notes: ["A claim is on chain 1, but the endpoint serves chain 31337: not counted."] });
  });

  it("keeps the first of two anchorings at the same time", () => {
    const second = buildBatch([commitment, `0x${"44".repeat(32)}`]);
    const other = { ...claim, root: second.root, proof: second.proofs.get(commitment)! };
    const verdict = documentVerdict(context([claim, other]), new Map([[batch.root, onChain], [second.root, { ...onChain, blockNumber: 43 }]]));
    expect(verdict).toMatchObject({ status: "anchored", root: batch.root, blockNumber: 42 });
    const reversed = documentVerdict(context([other, claim]), new Map([[batch.root, onChain], [second.root, { ...onChain, blockNumber: 43 }]]));
    expect(reversed).toMatchObject({ status: "anchored", root: second.root, blockNumber: 43 });
  });

  it("states the file's hash lower-case, and refuses to run on a hash that is not a SHA-256", () => {
    expect(documentVerdict(context([claim], file.toUpperCase()), answers)).toMatchObject({ status: "anchored", sha256: file });
    expect(() => documentVerdict(context([claim], "abc"), answers)).toThrow(new TypeError("The verifier's own hash must be a SHA-256"));
  });
});

describe("candidateRoots", () => {
  it("asks the chain about each valid root once", () => {
    const { candidates } = candidateRoots(context([claim, { ...claim }, { ...claim, chainId: "1" }]));
    expect(candidates).toEqual([{ root: batch.root, proof: claim.proof }]);
  });
});

describe("candidateRoots: only a JSON array of hex strings is a proof", () => {
  it("refuses a proof that is a string, even where walking its characters would reach the root", () => {
    const single = buildBatch([commitment]); // a one-leaf tree: its root is the leaf, its proof empty
    const asString = { ...claim, root: single.root, proof: "" };
    expect(candidateRoots(context([asString])).candidates).toEqual([]);
    expect(documentVerdict(context([asString]), new Map([[single.root, { ...onChain, leafCount: 1 }]]))).toMatchObject({
      status: "not-anchored",
      reasons: [`The proof for root ${short(single.root)} does not lead from this file's commitment to that root.`],
    });
    expect(documentVerdict(context([{ ...asString, proof: [] }]), new Map([[single.root, { ...onChain, leafCount: 1 }]])).status).toBe("anchored");
  });

  it("refuses a proof with a step that is not a string, even one that would hash right", () => {
    const four = buildBatch([commitment, `0x${"11".repeat(32)}`, `0x${"22".repeat(32)}`, `0x${"33".repeat(32)}`]);
    const [first, ...rest] = four.proofs.get(commitment)!;
    const mixed = { ...claim, root: four.root, proof: [first, ...rest.map((p) => Uint8Array.from(Buffer.from(p.slice(2), "hex")))] };
    expect(candidateRoots(context([{ ...mixed, proof: four.proofs.get(commitment)! }])).candidates).toHaveLength(1);
    expect(rest.length).toBeGreaterThan(0);
    expect(candidateRoots(context([mixed])).candidates).toEqual([]);
  });
});
