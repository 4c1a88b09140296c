import { ZERO_DIGEST, milestoneDigest } from "@/lib/anchoring/digest";
import { verifyInclusion } from "@/lib/anchoring/merkle";
import { type AnchorMap, type MilestoneCheck, type MilestoneRecord, type TrailResult, VERIFICATION_STATUSES, type VerificationStatus } from "./types";

// The verdict on a credit's trail, from the milestones' own inputs and the contract's answers.
// Pure: the caller reads every batch root from the chain first (one batched read), so this
// runs the same on a server, in a browser and on the command line.
//
// Checks, most serious first:
//   altered       the inputs no longer hash to the digest, or the digest is not in the batch
//   missing       the seq before it is absent, or its prevDigest is not the previous digest
//   pending       no batch yet, or the batch's transaction is not confirmed yet
//   not-on-chain  the batch root should be anchored but the contract does not know it
//   verified      everything holds; block and time come from the contract, not from us

const short = (hex: string) => `${hex.slice(0, 10)}…`;

/** The roots a trail needs read from the chain, each once, lower-case. */
export function rootsOf(records: readonly MilestoneRecord[]): string[] {
  return [...new Set(records.flatMap((r) => (r.root ? [r.root.toLowerCase()] : [])))];
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
      }),
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function checkOne(record: MilestoneRecord, previous: MilestoneRecord | undefined, anchors: AnchorMap): MilestoneCheck {
  const { seq, kind } = record;
  const digest = record.digest.toLowerCase();

  const recomputed = recompute(record);
  if ("error" in recomputed) return { seq, kind, digest, status: "altered", reason: `Its recorded inputs cannot be hashed: ${recomputed.error}` };
  if (recomputed.digest !== digest) {
    return { seq, kind, digest, status: "altered", reason: `Its recorded inputs no longer hash to its digest (recomputed ${short(recomputed.digest)}, recorded ${short(digest)}).` };
  }
  const root = record.root?.toLowerCase() ?? null;
  if (root !== null && !verifyInclusion(root, digest, record.proof)) {
    return { seq, kind, digest, status: "altered", reason: `Its Merkle proof does not lead from its digest to batch root ${short(root)}.` };
  }

  // The chain of digests: seq 1 starts from zero, every later one names its predecessor's
  // recorded digest. A gap or a mismatch means a milestone was deleted or replaced.
  if (seq > 1 && previous?.seq !== seq - 1) {
    const first = (previous?.seq ?? 0) + 1;
    const gone = first === seq - 1 ? `Milestone ${first} before it is` : `Milestones ${first}–${seq - 1} before it are`;
    return { seq, kind, digest, status: "missing", reason: `${gone} not in the trail (deleted or left out): the chain is broken here.` };
  }
  const expectedPrev = seq === 1 ? ZERO_DIGEST : previous!.digest.toLowerCase();
  if (record.prevDigest.toLowerCase() !== expectedPrev) {
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

  if (root === null) return { seq, kind, digest, root, status: "pending", reason: "Waiting for an anchoring batch." };
  const anchor = anchors.get(root) ?? null;
  if (anchor === null) {
    // The database knows the batch is still on its way; a bundle or an anchored record claims it landed.
    if (record.dbStatus !== undefined && record.dbStatus !== "ANCHORED") {
      return { seq, kind, digest, root, status: "pending", reason: `In batch ${short(root)}, whose anchoring transaction is not confirmed yet.` };
    }
    return { seq, kind, digest, root, status: "not-on-chain", reason: `Its batch root ${short(root)} is not anchored in the contract.` };
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

/**
 * Verifies a credit's milestones against the chain's answers for their batch roots (`anchors`,
 * keyed by lower-case root). A gap in the seqs is reported once, on the milestone after it: that
 * milestone's link is what proves something was removed.
 */
export function verifyTrail(records: readonly MilestoneRecord[], anchors: AnchorMap): TrailResult {
  const sorted = [...records].sort((a, b) => a.seq - b.seq);
  const results: MilestoneCheck[] = [];
  let previous: MilestoneRecord | undefined;
  for (const record of sorted) {
    if (previous?.seq === record.seq) {
      results.push({ seq: record.seq, kind: record.kind, digest: record.digest.toLowerCase(), status: "altered", reason: `A second milestone claims seq ${record.seq}.` });
      continue;
    }
    results.push(checkOne(record, previous, anchors));
    previous = record;
  }
  const counts = Object.fromEntries(VERIFICATION_STATUSES.map((s) => [s, 0])) as Record<VerificationStatus, number>;
  for (const r of results) counts[r.status]++;
  return { ok: results.every((r) => r.status === "verified"), results, counts };
}
