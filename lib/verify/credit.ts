import { db } from "@/lib/db/client";
import { verifyTrail } from "./check";
import { completePolicy, readChainEvidence } from "./evidence";
import type { AnchorReader } from "./reader";
import type { ServerTrust } from "./trust";
import type { MilestoneRecord, TrailResult } from "./types";

// Verification of a credit's trail from our database against the chain: the stored milestones
// are recomputed, each batch root read from the contract (one batched eth_call for all), and the
// credit's heads on chain compared with the stored trail (one eth_getLogs).

/** The stored milestones of a credit in the shape the verifier reads (also the bundle's). */
export async function loadMilestoneRecords(creditId: string): Promise<MilestoneRecord[]> {
  // Stryker disable next-line ObjectLiteral: PostgreSQL answers through the (credit_id, seq) unique index, in seq order, even unasked; the order is stated, not relied on by luck
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
    recordedAt: m.createdAt.toISOString(),
    // A milestone stays ANCHORED through a reorg (it only moves forward); its batch, back to
    // SENDING until the root is confirmed again, says whether it is on chain.
    dbStatus: m.batch?.status === "CONFIRMED" ? "confirmed" : "unconfirmed",
  }));
}

export async function verifyCredit(creditId: string, reader: AnchorReader, trust: ServerTrust): Promise<TrailResult> {
  const records = await loadMilestoneRecords(creditId);
  const evidence = await readChainEvidence(reader, records, { creditId, confirmations: trust.confirmations, fromBlock: trust.fromBlock });
  const policy = await completePolicy(reader, evidence, { allowedAnchorers: trust.allowedAnchorers, lateAnchorSeconds: trust.lateAnchorSeconds });
  return verifyTrail(records, evidence, policy);
}
