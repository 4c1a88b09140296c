import { db } from "@/lib/db/client";
import { verifyTrail } from "./check";
import type { AnchorReader } from "./reader";
import type { MilestoneRecord, TrailResult } from "./types";

// Verification of a credit's trail from our database against the chain: the stored milestones
// are recomputed and each batch root is read from the contract (one batched eth_call for all).

/** The stored milestones of a credit in the shape the verifier reads (also the bundle's). */
export async function loadMilestoneRecords(creditId: string): Promise<MilestoneRecord[]> {
  const milestones = await db().milestone.findMany({ where: { creditId }, orderBy: { seq: "asc" }, include: { batch: true } });
  return milestones.map((m) => ({
    seq: m.seq,
    kind: m.kind,
    creditId: m.creditId,
    content: m.content as MilestoneRecord["content"],
    documentHashes: m.documentHashes,
    prevDigest: m.prevDigest,
    salt: m.salt,
    digest: m.digest,
    proof: m.proof,
    root: m.batch?.root ?? null,
    txHash: m.batch?.txHash ?? null,
    blockNumber: m.batch?.blockNumber != null ? Number(m.batch.blockNumber) : null,
    // A milestone stays ANCHORED through a reorg (it only moves forward); its batch, back to
    // SENDING until the root is confirmed again, says it is on its way.
    dbStatus: m.status === "ANCHORED" && m.batch?.status !== "CONFIRMED" ? "BATCHED" : m.status,
  }));
}

export async function verifyCredit(creditId: string, reader: AnchorReader): Promise<TrailResult> {
  const records = await loadMilestoneRecords(creditId);
  const roots = [...new Set(records.map((r) => r.root).filter((r): r is string => r !== null))];
  const anchors = await reader.anchorsOf(roots);
  return verifyTrail(records, anchors);
}
