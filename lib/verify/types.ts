import type { JsonValue } from "@/lib/anchoring/json";

// Shapes shared by every verifier: the database check (lib/verify/credit.ts), the proof bundle
// check in the browser and on the command line (lib/verify/bundle.ts). Browser-safe: types only.

/** One milestone as a verifier sees it: the inputs of its digest, and where it was anchored. */
export interface MilestoneRecord {
  creditId: string;
  seq: number;
  kind: string;
  content: JsonValue;
  /** SHA-256 of each document, hex with or without 0x; order does not matter. */
  documentHashes: string[];
  prevDigest: string;
  salt: string;
  /** The digest as recorded (database or bundle); the verifier recomputes it from the inputs above. */
  digest: string;
  /** Merkle inclusion proof of `digest` against `root`; empty until batched (and for one-leaf batches). */
  proof: string[];
  /** The anchoring batch's Merkle root; null while the milestone waits for a batch. */
  root: string | null;
  txHash: string | null;
  blockNumber: number | null;
  /** The database's anchoring status (PENDING, BATCHED, ANCHORED); absent in a bundle. */
  dbStatus?: string;
}

/** What the contract holds for an anchored root. */
export interface OnChainAnchor {
  /** Unix seconds of the anchoring block. */
  timestamp: number;
  blockNumber: number;
  leafCount: number;
  anchorer: string;
}

/** The contract's answer for each root asked about (lower-case hex keys); null: never anchored. */
export type AnchorMap = ReadonlyMap<string, OnChainAnchor | null>;

export const VERIFICATION_STATUSES = ["verified", "pending", "altered", "missing", "not-on-chain"] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

interface CheckBase {
  seq: number;
  /** The milestone kind; "unknown" for a milestone that is absent from the trail. */
  kind: string;
  /** One sentence a person can act on, for every status (verified ones say where and when). */
  reason: string;
}

/** The verdict on one milestone. */
export type MilestoneCheck =
  | (CheckBase & {
      status: "verified";
      digest: string;
      root: string;
      blockNumber: number;
      /** ISO time of the anchoring block. */
      anchoredAt: string;
      anchorer: string;
    })
  /** Not anchored yet: waiting for a batch, or the batch's transaction is not on chain yet. */
  | (CheckBase & { status: "pending"; digest: string; root: string | null })
  /** Its inputs no longer produce its digest, or its digest is not in the anchored batch. */
  | (CheckBase & { status: "altered"; digest: string })
  /** A link of the chain is gone: this milestone is absent, or the one before it is. */
  | (CheckBase & { status: "missing"; digest: string | null })
  /** Its batch root should be on chain but the contract does not know it. */
  | (CheckBase & { status: "not-on-chain"; digest: string; root: string });

export interface TrailResult {
  /** True when every milestone is verified. */
  ok: boolean;
  /** One entry per milestone, in seq order, including entries for seqs absent from the trail. */
  results: MilestoneCheck[];
  counts: Record<VerificationStatus, number>;
}
