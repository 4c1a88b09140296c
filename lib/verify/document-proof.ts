import { type ContractRunner, getAddress, isAddress } from "ethers";
import { connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { documentCommitment, normaliseSha256 } from "@/lib/anchoring/document-commitment";
import { verifyInclusion } from "@/lib/anchoring/merkle";
import { proofLengthsFor } from "./check";

// "Was this file anchored, and when?", decided without trusting our database. The lookup
// (/api/public/documents/{sha256}) only says where to look: the verifier recomputes the
// document's commitment from the hash it computed itself, follows each Merkle proof to its root,
// and counts a root only if the registry it was told to trust (the site's configured address,
// never one named in the lookup) holds it on the chain the endpoint serves. The time and block
// are the chain's. Pure except for checkDocumentAnchoring's reads; browser-safe (ethers only).

/** The lookup's answer as received: untrusted JSON. */
export interface LookupAnswer {
  sha256?: unknown;
  commitment?: unknown;
  anchors?: unknown;
}

/** What the registry says about a root (anchorOf), or null when it never anchored it. */
export interface ChainAnchor {
  /** Unix seconds of the anchoring block. */
  timestamp: number;
  blockNumber: number;
  anchorer?: string;
  /** Leaves the registry records for the root: a genuine proof has one of proofLengthsFor(leafCount) steps. */
  leafCount?: number;
}

export interface DocumentProofContext {
  /** The SHA-256 the verifier computed from the file's bytes. */
  sha256: string;
  lookup: LookupAnswer;
  /** The registry the verifier trusts: the site's configured one. */
  contractAddress: string;
  /** The chain id the endpoint answered with (eth_chainId). */
  chainId: bigint;
  /** The anchorers the site publishes; an anchor by anyone else is not counted. Null: not checked. */
  allowedAnchorers?: readonly string[] | null;
}

export type DocumentVerdict =
  | {
      status: "anchored";
      sha256: string;
      commitment: string;
      contractAddress: string;
      chainId: string;
      root: string;
      /** ISO time of the anchoring block, from the chain. */
      anchoredAt: string;
      blockNumber: number;
      /** Why other claims in the lookup were not counted, if any. */
      notes: string[];
    }
  | { status: "not-anchored"; sha256: string; commitment: string; contractAddress: string; chainId: string; reasons: string[] };

interface Candidate {
  root: string;
  proof: string[];
}

const short = (hex: string) => `${hex.slice(0, 10)}…`;

/**
 * The lookup's claims that could prove the document: proof valid from our own commitment, on the
 * trusted registry and chain. The others come back as reasons. Only these roots need a chain read.
 */
export function candidateRoots(context: DocumentProofContext): { commitment: string; candidates: Candidate[]; reasons: string[] } {
  const sha256 = normaliseSha256(context.sha256);
  if (sha256 === null) throw new TypeError("The verifier's own hash must be a SHA-256");
  const commitment = documentCommitment(sha256);
  const trusted = getAddress(context.contractAddress);
  const reasons: string[] = [];
  const { lookup } = context;
  if (typeof lookup.sha256 === "string" && normaliseSha256(lookup.sha256) !== sha256) {
    return { commitment, candidates: [], reasons: ["The lookup answered for another hash; its claims were ignored."] };
  }
  if (typeof lookup.commitment === "string" && lookup.commitment.toLowerCase() !== commitment) {
    reasons.push("The lookup's commitment is not this file's; the verifier computed its own.");
  }
  const candidates: Candidate[] = [];
  for (const raw of Array.isArray(lookup.anchors) ? lookup.anchors : []) {
    const claim = (raw ?? {}) as { chainId?: unknown; contractAddress?: unknown; root?: unknown; proof?: unknown };
    const root = typeof claim.root === "string" ? claim.root.toLowerCase() : "";
    const proof = Array.isArray(claim.proof) && claim.proof.every((p) => typeof p === "string") ? (claim.proof as string[]) : null;
    if (typeof claim.contractAddress !== "string" || !isAddress(claim.contractAddress) || getAddress(claim.contractAddress) !== trusted) {
      reasons.push(`A claim names registry ${String(claim.contractAddress)}, not ${trusted}: not counted.`);
      continue;
    }
    if (String(claim.chainId) !== context.chainId.toString()) {
      reasons.push(`A claim is on chain ${String(claim.chainId)}, but the endpoint serves chain ${context.chainId}: not counted.`);
      continue;
    }
    if (!/^0x[0-9a-f]{64}$/.test(root) || proof === null || !verifyInclusion(root, commitment, proof)) {
      reasons.push(`The proof for root ${short(root || "?")} does not lead from this file's commitment to that root.`);
      continue;
    }
    if (!candidates.some((c) => c.root === root)) candidates.push({ root, proof });
  }
  return { commitment, candidates, reasons };
}

/** The verdict from the proofs and the registry's answers (anchorOf of each candidate root). */
export function documentVerdict(context: DocumentProofContext, chain: ReadonlyMap<string, ChainAnchor | null>): DocumentVerdict {
  const { commitment, candidates, reasons } = candidateRoots(context);
  const sha256 = normaliseSha256(context.sha256)!;
  const base = { sha256, commitment, contractAddress: getAddress(context.contractAddress), chainId: context.chainId.toString() };
  const anchored: { root: string; anchor: ChainAnchor }[] = [];
  for (const { root, proof } of candidates) {
    const anchor = chain.get(root);
    const allowed = context.allowedAnchorers?.map((a) => a.toLowerCase());
    if (!anchor) reasons.push(`Root ${short(root)} is not anchored in registry ${base.contractAddress} on chain ${base.chainId}.`);
    else if (anchor.leafCount !== undefined && !proofLengthsFor(anchor.leafCount).includes(proof.length)) {
      reasons.push(`The proof for root ${short(root)} has ${proof.length} step(s), but the registry records ${anchor.leafCount} leaves: it did not come from that batch.`);
    }
    else if (allowed && !allowed.includes(String(anchor.anchorer).toLowerCase())) {
      reasons.push(`Root ${short(root)} was anchored by ${anchor.anchorer ?? "an unknown account"}, not by a published anchorer: not counted.`);
    } else anchored.push({ root, anchor });
  }
  if (anchored.length === 0) {
    if (candidates.length === 0 && reasons.length === 0) reasons.push("No anchoring of this file's commitment is known.");
    return { status: "not-anchored", ...base, reasons };
  }
  // The earliest anchoring proves the earliest time the file existed.
  const first = anchored.reduce((a, b) => (b.anchor.timestamp < a.anchor.timestamp ? b : a));
  return {
    status: "anchored",
    ...base,
    root: first.root,
    anchoredAt: new Date(first.anchor.timestamp * 1000).toISOString(),
    blockNumber: first.anchor.blockNumber,
    notes: reasons,
  };
}

/** Reads what documentVerdict needs from the chain: the endpoint's chain id and anchorOf of each candidate root. */
export async function checkDocumentAnchoring(options: {
  sha256: string;
  lookup: LookupAnswer;
  contractAddress: string;
  allowedAnchorers?: readonly string[] | null;
  /** Read the registry this many blocks deep (1: the latest block), so an anchor a reorg may still drop is not counted. */
  confirmations?: number;
  runner: ContractRunner & { send(method: string, params: unknown[]): Promise<unknown> };
}): Promise<DocumentVerdict> {
  const chainId = BigInt((await options.runner.send("eth_chainId", [])) as string);
  const depth = Math.max(1, options.confirmations ?? 1);
  const blockTag = depth === 1 ? undefined : Math.max(0, Number(BigInt((await options.runner.send("eth_blockNumber", [])) as string)) - (depth - 1));
  const context: DocumentProofContext = { sha256: options.sha256, lookup: options.lookup, contractAddress: options.contractAddress, chainId, allowedAnchorers: options.allowedAnchorers };
  const { candidates } = candidateRoots(context);
  const registry = connectAnchorRegistry(options.contractAddress, options.runner);
  const answers = await Promise.all(candidates.map((c) => registry.anchorOf(c.root, blockTag)));
  const chain = new Map(candidates.map((c, i) => [c.root, answers[i] ? { timestamp: answers[i].timestamp, blockNumber: answers[i].blockNumber, anchorer: answers[i].anchorer, leafCount: answers[i].leafCount } : null]));
  return documentVerdict(context, chain);
}
