import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { documentCommitment } from "@/lib/anchoring/document-commitment";
import { buildBatch } from "@/lib/anchoring/merkle";
import { type ChainAnchor, type DocumentProofContext, documentVerdict } from "./document-proof";

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
