import { ZERO_DIGEST, milestoneDigest } from "@/lib/anchoring/digest";
import { verifyInclusion } from "@/lib/anchoring/merkle";
import {
  type ChainEvidence,
  type ChainHead,
  type MilestoneCheck,
  type MilestoneRecord,
  type TrailResult,
  type TrustPolicy,
  VERIFICATION_STATUSES,
  type VerificationStatus,
  type VerificationWarning,
} from "./types";

// The verdict on a credit's trail, from the milestones' own inputs and what the chain says.
// Pure: the caller reads the chain first (lib/verify/evidence.ts), so this runs the same on a
// server, in a browser and on the command line. Each question is its own fragment:
//
//   integrity   the inputs hash to the digest; the proof leads to the root; the proof's length
//               fits the leaf count the contract recorded                         -> altered
//   links       seq 1 starts from zero; each names its predecessor's digest        -> missing
//   anchoring   the root is on chain (at the confirmation depth)          -> pending, not-on-chain
//   trust       the anchorer is allowed; the named transaction holds the root's log -> untrusted, altered
//   heads       every head the chain published for the credit agrees with the trail -> forked;
//               the trail reaches the chain's last head                           -> truncated;
//               every anchored milestone is covered by a head                      -> not-on-chain
//   timing      recorded times only increase; anchors are not long after recording -> warnings
//
// A milestone keeps the most serious status any fragment gives it (SEVERITY below).

const short = (hex: string) => `${hex.slice(0, 10)}…`;
const lower = (hex: string) => hex.toLowerCase();

/** Most serious first: a milestone shows the first status any fragment gave it. */
const SEVERITY: readonly VerificationStatus[] = ["altered", "missing", "forked", "untrusted", "bad-signature", "unsigned", "not-on-chain", "truncated", "pending", "verified"];
const moreSerious = (a: VerificationStatus, b: VerificationStatus) => SEVERITY.indexOf(a) < SEVERITY.indexOf(b);

/** The roots a trail needs read from the chain, each once, lower-case. */
export function rootsOf(records: readonly MilestoneRecord[]): string[] {
  return [...new Set(records.flatMap((r) => (r.root ? [lower(r.root)] : [])))];
}

function recompute(record: MilestoneRecord): { digest: string } | { error: string } {
  try {
    return {
      digest: milestoneDigest({
        creditId: record.creditId,
        seq: record.seq,
        kind: record.kind,
        content: record.content,
        documentHashes: record.documentHashes,
        prevDigest: record.prevDigest,
        salt: record.salt,
        signatures: record.signatures ?? null,
      }),
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The proof lengths a leaf can have in an OpenZeppelin tree of `leafCount` leaves (array layout:
 * leaves sit at depth floor(log2 n) or ceil(log2 n)). A proof of another length does not come
 * from a batch of that size.
 */
export function proofLengthsFor(leafCount: number): number[] {
  if (!Number.isInteger(leafCount) || leafCount < 1) return [];
  const low = Math.floor(Math.log2(leafCount));
  return 2 ** low === leafCount ? [low] : [low, low + 1];
}

function checkOne(record: MilestoneRecord, previous: MilestoneRecord | undefined, evidence: ChainEvidence, policy: TrustPolicy): MilestoneCheck {
  const { seq, kind } = record;
  const digest = lower(record.digest);

  // integrity
  const recomputed = recompute(record);
  if ("error" in recomputed) return { seq, kind, digest, status: "altered", reason: `Its recorded inputs cannot be hashed: ${recomputed.error}` };
  if (recomputed.digest !== digest) {
    return { seq, kind, digest, status: "altered", reason: `Its recorded inputs no longer hash to its digest (recomputed ${short(recomputed.digest)}, recorded ${short(digest)}).` };
  }
  const root = record.root ? lower(record.root) : null;
  if (root !== null && !verifyInclusion(root, digest, record.proof.map(lower))) {
    return { seq, kind, digest, status: "altered", reason: `Its Merkle proof does not lead from its digest to batch root ${short(root)}.` };
  }

  // links: a gap or a mismatch means a milestone was deleted or replaced
  if (seq > 1 && previous?.seq !== seq - 1) {
    const first = (previous?.seq ?? 0) + 1;
    const gone = first === seq - 1 ? `Milestone ${first} before it is` : `Milestones ${first}–${seq - 1} before it are`;
    return { seq, kind, digest, status: "missing", reason: `${gone} not in the trail (deleted or left out): the chain is broken here.` };
  }
  const expectedPrev = seq === 1 ? ZERO_DIGEST : lower(previous!.digest);
  if (lower(record.prevDigest) !== expectedPrev) {
    return {
      seq,
      kind,
      digest,
      status: "missing",
      reason:
        seq === 1
          ? "It is recorded as the first milestone but points to an earlier one: the start of the trail is missing."
          : `It follows a milestone with digest ${short(record.prevDigest)}, but milestone ${seq - 1} has digest ${short(expectedPrev)}: a link is missing or was replaced.`,
    };
  }

  // anchoring
  if (root === null) return { seq, kind, digest, root, status: "pending", reason: "Waiting for an anchoring batch." };
  const anchor = evidence.anchors.get(root) ?? null;
  if (anchor === null) {
    // The database knows the batch is still on its way; a bundle or a confirmed batch claims it landed.
    const recent = evidence.recentRoots?.get(root);
    if (recent !== undefined) {
      return { seq, kind, digest, root, status: "pending", reason: `Anchored in block ${recent}, not yet ${evidence.confirmations ?? 1} block(s) deep.` };
    }
    if (record.dbStatus === "unconfirmed") {
      return { seq, kind, digest, root, status: "pending", reason: `In batch ${short(root)}, whose anchoring transaction is not confirmed yet.` };
    }
    return { seq, kind, digest, root, status: "not-on-chain", reason: `Its batch root ${short(root)} is not anchored in registry ${evidence.contractAddress} (read at block ${evidence.atBlock}).` };
  }
  const lengths = proofLengthsFor(anchor.leafCount);
  if (!lengths.includes(record.proof.length)) {
    return {
      seq,
      kind,
      digest,
      status: "altered",
      reason: `Its proof has ${record.proof.length} step(s), but the contract records ${anchor.leafCount} leaves for root ${short(root)}, whose proofs have ${lengths.join(" or ")}.`,
    };
  }

  // trust: a false transaction (altered) outranks an unknown anchorer (untrusted)
  const transactions = evidence.rootTransactions?.get(root);
  if (record.txHash && transactions && !transactions.includes(lower(record.txHash))) {
    return {
      seq,
      kind,
      digest,
      status: "altered",
      reason: `The transaction it names (${short(record.txHash)}) holds no RootAnchored log of its root; the root was anchored in ${transactions.map(short).join(", ") || "no transaction found"}.`,
    };
  }

  const allowed = policy.allowedAnchorers ?? policy.currentAnchorers ?? null;
  if (allowed !== null && !allowed.some((a) => lower(a) === lower(anchor.anchorer))) {
    return {
      seq,
      kind,
      digest,
      root,
      anchorer: anchor.anchorer,
      status: "untrusted",
      reason:
        policy.allowedAnchorers !== null
          ? `Its root was anchored by ${anchor.anchorer}, which is not an allowed anchorer (${allowed.join(", ") || "none"}).`
          : `Its root was anchored by ${anchor.anchorer}, which no longer holds the registry's anchorer role.`,
    };
  }
  const anchoredAt = new Date(anchor.timestamp * 1000).toISOString();
  return {
    seq,
    kind,
    digest,
    root,
    status: "verified",
    blockNumber: anchor.blockNumber,
    anchoredAt,
    anchorer: anchor.anchorer,
    reason: `Anchored in block ${anchor.blockNumber} at ${anchoredAt.replace("T", " ").slice(0, 19)} UTC.`,
  };
}

function override(results: MilestoneCheck[], index: number, status: "forked" | "not-on-chain", reason: string): void {
  const current = results[index]!;
  if (!moreSerious(status, current.status)) return;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: every result that reaches here (checkOne's) carries its digest; only the synthetic truncated entry has none, and it is never overridden
  const digest = "digest" in current && current.digest ? current.digest : "";
  results[index] = status === "forked" ? { seq: current.seq, kind: current.kind, digest, status, reason } : { seq: current.seq, kind: current.kind, digest, root: null, status, reason };
}

interface HeadsVerdict {
  status: "complete" | "truncated" | "forked";
  reason: string;
  chainHeadSeq: number | null;
}

/** The heads fragment: compares the credit's heads on chain with the trail; marks milestones in place. */
function checkHeads(sorted: readonly MilestoneRecord[], results: MilestoneCheck[], heads: readonly ChainHead[], duplicates: number[]): { verdict: HeadsVerdict; truncated: MilestoneCheck | null } {
  const digestAt = new Map<number, string>();
  for (const r of sorted) if (!digestAt.has(r.seq)) digestAt.set(r.seq, lower(r.digest));
  const indexOf = new Map<number, number>();
  results.forEach((r, i) => {
    if (!indexOf.has(r.seq)) indexOf.set(r.seq, i);
  });
  const lastSeq = sorted.at(-1)?.seq ?? 0;
  const agreeing = heads.filter((h) => digestAt.get(h.seq) === lower(h.digest)).map((h) => h.seq);
  // A head that names another digest than the trail's milestone at its seq is a second history,
  // unless that milestone is already altered or missing: then the alteration explains it.
  const conflicts = heads.filter((h) => {
    if (h.seq > lastSeq || !digestAt.has(h.seq) || digestAt.get(h.seq) === lower(h.digest)) return false;
    const status = results[indexOf.get(h.seq)!]!.status;
    return status !== "altered" && status !== "missing";
  });

  for (const head of conflicts) {
    // The two histories agree up to the last head below this one that matches the trail.
    const from = Math.max(0, ...agreeing.filter((s) => s < head.seq)) + 1;
    for (let seq = from; seq <= head.seq; seq++) {
      const index = indexOf.get(seq);
      if (index === undefined) continue;
      override(
        results,
        index,
        "forked",
        `The chain published another milestone ${head.seq} for this credit (digest ${short(head.digest)}, block ${head.blockNumber}): this trail and another history disagree from milestone ${from} on.`,
      );
    }
  }

  // Every anchored milestone must be covered by a head at or after it: the chain must know the
  // credit reached it. (A head that contradicts the trail was dealt with above.)
  const covered = Math.max(0, ...heads.map((h) => h.seq));
  results.forEach((r, i) => {
    if (r.status === "verified" && r.seq > covered) {
      override(results, i, "not-on-chain", `Its root is anchored, but the chain never published this credit's head at or after milestone ${r.seq} (its last head: ${covered || "none"}).`);
    }
  });

  const chainHead = heads.reduce<ChainHead | null>((top, h) => (!top || h.seq > top.seq ? h : top), null);
  const chainHeadSeq = chainHead?.seq ?? null;
  let truncated: MilestoneCheck | null = null;
  if (chainHead && chainHead.seq > lastSeq) {
    const first = lastSeq + 1;
    const range = first === chainHead.seq ? `milestone ${first} is` : `milestones ${first}–${chainHead.seq} are`;
    truncated = {
      seq: first,
      kind: "unknown",
      digest: null,
      status: "truncated",
      reason: `The chain shows this credit reached milestone ${chainHead.seq} (block ${chainHead.blockNumber}), but this trail ends at ${lastSeq}: ${range} missing.`,
    };
  }

  if (conflicts.length > 0 || duplicates.length > 0) {
    const at = conflicts.length > 0 ? Math.min(...conflicts.map((h) => h.seq)) : Math.min(...duplicates);
    return {
      verdict: { status: "forked", chainHeadSeq, reason: `Two histories of this credit exist: the chain or the trail holds two different milestones ${at}. Neither can be relied on until the operator explains it.` },
      truncated,
    };
  }
  if (truncated) return { verdict: { status: "truncated", chainHeadSeq, reason: truncated.reason }, truncated };
  return {
    verdict: {
      status: "complete",
      chainHeadSeq,
      reason: chainHeadSeq === null ? "No milestone of this credit is anchored yet." : `The trail reaches the credit's last head on chain (milestone ${chainHeadSeq}) and agrees with every head published.`,
    },
    truncated,
  };
}

/** The recording time the milestone's content commits to (`content.recordedAt`), if any. */
function committedTime(record: MilestoneRecord): string | null {
  const content = record.content;
  if (content === null || typeof content !== "object" || Array.isArray(content)) return null;
  const value = content.recordedAt;
  return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** Seconds as a person reads them: minutes under two hours, hours under two days, else days. */
export function duration(seconds: number): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  if (seconds < 7_200) return `${round(seconds / 60)} min`;
  if (seconds < 172_800) return `${round(seconds / 3_600)} h`;
  return `${round(seconds / 86_400)} days`;
}

function timingWarnings(sorted: readonly MilestoneRecord[], results: readonly MilestoneCheck[], evidence: ChainEvidence, policy: TrustPolicy): VerificationWarning[] {
  const warnings: VerificationWarning[] = [];
  // Each seq's first result, as results.find would give it, without a scan per milestone.
  const resultOf = new Map<number, MilestoneCheck>();
  for (const r of results) if (!resultOf.has(r.seq)) resultOf.set(r.seq, r);
  let previous: { seq: number; at: number } | null = null;
  for (const record of sorted) {
    // The time in the content is hashed into the digest; the record's own recordedAt is not.
    const committed = committedTime(record);
    if (committed && record.recordedAt && Date.parse(record.recordedAt) !== Date.parse(committed)) {
      warnings.push({ seq: record.seq, code: "recorded-time-mismatch", message: `Milestone ${record.seq} states it was recorded at ${record.recordedAt}, but its hashed content says ${committed}: the hashed time is used.` });
    }
    const stated = committed ?? record.recordedAt;
    const at = stated ? Date.parse(stated) : Number.NaN;
    if (Number.isNaN(at)) continue;
    if (previous && at < previous.at) {
      warnings.push({ seq: record.seq, code: "recorded-out-of-order", message: `Milestone ${record.seq} is recorded at ${record.recordedAt}, before milestone ${previous.seq}.` });
    }
    previous = { seq: record.seq, at };
    const check = resultOf.get(record.seq);
    const anchor = record.root ? evidence.anchors.get(lower(record.root)) : null;
    // Stryker disable next-line OptionalChaining: every record has a result of its seq, so check is never undefined
    if (check?.status === "verified" && anchor) {
      const delay = anchor.timestamp - Math.floor(at / 1000);
      if (delay > policy.lateAnchorSeconds) {
        warnings.push({
          seq: record.seq,
          code: "late-anchor",
          message: `Milestone ${record.seq} was anchored ${duration(delay)} after it was recorded (threshold ${duration(policy.lateAnchorSeconds)}): ask why it waited.`,
        });
      }
    }
  }
  return warnings;
}

/**
 * Verifies a credit's milestones against the chain's evidence (`anchors` keyed by lower-case
 * root, the credit's published heads) under a trust policy. A gap in the seqs is reported once,
 * on the milestone after it: that milestone's link is what proves something was removed.
 */
export function verifyTrail(records: readonly MilestoneRecord[], evidence: ChainEvidence, policy: TrustPolicy): TrailResult {
  const sorted = [...records].sort((a, b) => a.seq - b.seq);
  const results: MilestoneCheck[] = [];
  const duplicates: number[] = [];
  let previous: MilestoneRecord | undefined;
  for (const record of sorted) {
    if (previous?.seq === record.seq) {
      duplicates.push(record.seq);
      results.push({ seq: record.seq, kind: record.kind, digest: lower(record.digest), status: "forked", reason: `A second milestone claims seq ${record.seq}: the trail holds two histories.` });
      continue;
    }
    results.push(checkOne(record, previous, evidence, policy));
    previous = record;
  }

  const warnings: VerificationWarning[] = [];
  let trail: TrailResult["trail"];
  if (evidence.heads === null) {
    trail = { status: "unchecked", chainHeadSeq: null, reason: "This registry (version 1) publishes no credit heads: the trail's end and uniqueness cannot be checked on chain." };
    warnings.push({ code: "no-heads", message: trail.reason });
    if (duplicates.length > 0) trail = { status: "forked", chainHeadSeq: null, reason: `The trail holds two milestones ${duplicates[0]}.` };
  } else {
    const { verdict, truncated } = checkHeads(sorted, results, evidence.heads, duplicates);
    trail = verdict;
    if (truncated) results.push(truncated);
  }
  if (policy.allowedAnchorers === null) {
    warnings.push({ code: "anchorers-not-pinned", message: "No list of allowed anchorers was given: any account holding the registry's anchorer role was accepted. Pin the published anchorers." });
  }
  warnings.push(...timingWarnings(sorted, results, evidence, policy));

  const counts = Object.fromEntries(VERIFICATION_STATUSES.map((s) => [s, 0])) as Record<VerificationStatus, number>;
  for (const r of results) counts[r.status]++;
  const allVerified = results.every((r) => r.status === "verified");
  return {
    ok: allVerified && (trail.status === "complete" || trail.status === "unchecked") && results.length > 0,
    results,
    counts,
    trail,
    warnings,
    checkedAgainst: {
      chainId: evidence.chainId,
      contractAddress: evidence.contractAddress,
      registryVersion: evidence.registryVersion,
      atBlock: evidence.atBlock,
      anchorers: policy.allowedAnchorers ? [...policy.allowedAnchorers] : policy.currentAnchorers ? [...policy.currentAnchorers] : null,
    },
  };
}
