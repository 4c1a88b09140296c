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
  /** The anchoring batch's Merkle root; null while the milestone waits for a confirmed batch. */
  root: string | null;
  /** The anchoring transaction as recorded; checked against the chain's RootAnchored log. */
  txHash: string | null;
  blockNumber: number | null;
  /** When the milestone was recorded (ISO 8601), as the exporter states it. Not part of the digest. */
  recordedAt?: string | null;
  /** The database's view: "confirmed" when its batch is confirmed, "unconfirmed" otherwise; absent in a bundle. */
  dbStatus?: "confirmed" | "unconfirmed";
  /** The signatures its digest commits to (digest v3, issue 14); absent or null: an unsigned milestone (digest v1). */
  signatures?: SignatureRecord[] | null;
}

/** A person's signature on a milestone (lib/signing/sign-step.ts MilestoneSignature), as verifiers read it. */
export interface SignatureRecord {
  role: "actor" | "maker";
  credentialId: string;
  authenticatorData: string;
  clientDataJSON: string;
  signature: string;
  /** For the actor's signature: the seqs its statement covers (this step's milestones). */
  covers?: { from: number; to: number };
}

/** One event of an organisation's key trail (lib/signing/key-events.ts), as verifiers read it. */
export interface KeyEventRecord {
  seq: number;
  kind: string;
  content: JsonValue;
  prevDigest: string;
  salt: string;
  digest: string;
  proof: string[];
  root: string | null;
}

/** An organisation's key trail: every key event, in seq order. */
export interface KeyTrail {
  organizationId: string;
  events: KeyEventRecord[];
}

/** Who signed a milestone, as the audit page and certificate show it. */
export interface Signer {
  role: "actor" | "maker";
  userId: string;
  userName: string;
  organizationId: string;
  roles: string[];
  credentialId: string;
  fingerprint: string;
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

/** A credit head published on chain (AnchorRegistryV2's CreditAdvanced log). */
export interface ChainHead {
  seq: number;
  digest: string;
  blockNumber: number;
  txHash: string;
}

/**
 * Everything the chain says that bears on one credit's trail, read at one block (`atBlock`, a
 * confirmation depth below the head). Version 1 registries publish no heads and `heads` is null.
 */
export interface ChainEvidence {
  chainId: string;
  contractAddress: string;
  /** The registry's version: 1 (roots only) or 2 (roots and credit heads). */
  registryVersion: number;
  atBlock: number;
  anchors: AnchorMap;
  /** Every head published for the credit's key up to `atBlock`, in chain order; null for version 1. */
  heads: ChainHead[] | null;
  /** The transaction of each root's RootAnchored log (lower-case root -> tx hashes); null when not read. */
  rootTransactions: ReadonlyMap<string, readonly string[]> | null;
  /** Roots anchored after `atBlock` (not yet deep enough), with the block that holds them. */
  recentRoots?: ReadonlyMap<string, number>;
  /** How many confirmations `atBlock` is below the head the verifier saw. */
  confirmations?: number;
}

/** Who the verifier accepts as anchorer, and how late an anchor may come before it is worth a warning. */
export interface TrustPolicy {
  /**
   * Accounts allowed to anchor (any case). Null: every account that holds the registry's
   * anchorer role at `atBlock` (the verifier then warns that the list was not pinned).
   */
  allowedAnchorers: readonly string[] | null;
  /** Current holders of the anchorer role, when `allowedAnchorers` is null. */
  currentAnchorers?: readonly string[];
  /** A milestone anchored more than this many seconds after it was recorded gets a warning. */
  lateAnchorSeconds: number;
}

export const DEFAULT_LATE_ANCHOR_SECONDS = 24 * 60 * 60;

export const VERIFICATION_STATUSES = ["verified", "pending", "altered", "missing", "not-on-chain", "untrusted", "forked", "truncated", "unsigned", "bad-signature"] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

interface CheckBase {
  /** Who signed it (issue 14), for signed milestones whose signatures verified. */
  signers?: Signer[];
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
  /** Its batch root should be on chain but the contract does not know it, or no head covers it. */
  | (CheckBase & { status: "not-on-chain"; digest: string; root: string | null })
  /** Anchored, but by an account that is not an allowed anchorer, or not in the transaction named. */
  | (CheckBase & { status: "untrusted"; digest: string; root: string; anchorer: string })
  /** The chain published another digest for this credit at or after this position: two histories. */
  | (CheckBase & { status: "forked"; digest: string })
  /** Absent here, but the chain shows the credit's trail went on to this seq (the tail was cut off). */
  | (CheckBase & { status: "truncated"; digest: string | null })
  /** A person's step on a credit whose milestones must be signed (issue 14), with no signature. */
  | (CheckBase & { status: "unsigned"; digest: string })
  /** Signed, but a signature does not verify, or its key was not the signer's party's, not valid then, or its role could not take the step. */
  | (CheckBase & { status: "bad-signature"; digest: string });

export const TRAIL_STATUSES = ["complete", "truncated", "forked", "unchecked"] as const;
/**
 * The trail as a whole against the credit's heads on chain: complete (it ends where the chain's
 * last head does, and agrees with every head), truncated (the chain shows later milestones),
 * forked (a head on chain contradicts it), unchecked (version 1 registry: no heads to compare).
 */
export type TrailStatus = (typeof TRAIL_STATUSES)[number];

export const WARNING_CODES = ["registry-mismatch", "anchorers-not-pinned", "late-anchor", "recorded-out-of-order", "recorded-time-mismatch", "no-heads", "reference-unverified"] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface VerificationWarning {
  code: WarningCode;
  message: string;
  seq?: number;
}

export interface TrailResult {
  /** True when every milestone is verified and the trail is complete. */
  ok: boolean;
  /** One entry per milestone, in seq order, including entries for seqs absent from the trail. */
  results: MilestoneCheck[];
  counts: Record<VerificationStatus, number>;
  trail: { status: TrailStatus; reason: string; chainHeadSeq: number | null };
  warnings: VerificationWarning[];
  /**
   * Whether the trail's first milestone requires every person's step to be signed (issue 14). Not
   * required: who agreed to each step rests on the platform's word, not on the parties' signatures.
   * Absent when signatures were not checked (verifyTrail alone).
   */
  signing?: { required: boolean };
  /** What the verdict was checked against: show it to the person verifying. */
  checkedAgainst: { chainId: string; contractAddress: string; registryVersion: number; atBlock: number; anchorers: string[] | null };
}
