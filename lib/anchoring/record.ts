import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MilestoneKind } from "@/lib/generated/prisma/enums";
import type { JsonObject } from "./json";
import { ZERO_DIGEST, milestoneDigest, newSalt } from "./digest";

// The outbox: a milestone is written in the same transaction as the state change it records,
// chained to the previous milestone of the same credit. The anchoring worker picks it up later,
// so a slow or absent chain never blocks the workflow.

export interface NewMilestone {
  creditId: string;
  kind: MilestoneKind;
  subjectId?: string | null;
  actorId?: string | null;
  actorOrgId?: string | null;
  content: JsonObject;
  documentHashes?: string[];
  /**
   * When the milestone was recorded: the time its content commits to (`content.recordedAt`), so
   * the row and the hash say the same (verifiers warn when they differ). Default: the database's clock.
   */
  recordedAt?: Date;
  /** Signatures over this milestone (lib/signing): committed to by its digest (v3). */
  signatures?: readonly object[] | null;
}

/**
 * Append a milestone to the credit's chain. The caller must hold the credit's row lock
 * (SELECT … FOR UPDATE) so that concurrent transactions cannot fork the chain; the unique
 * (credit_id, seq) index is the backstop.
 */
export async function appendMilestone(tx: Tx, milestone: NewMilestone): Promise<{ id: string; seq: number; digest: string }> {
  const last = await lastMilestone(tx, milestone.creditId);
  const seq = (last?.seq ?? 0) + 1;
  const prevDigest = last?.digest ?? ZERO_DIGEST;
  const salt = newSalt();
  const documentHashes = [...new Set(milestone.documentHashes ?? [])].sort();
  const digest = milestoneDigest({
    creditId: milestone.creditId,
    seq,
    kind: milestone.kind,
    content: milestone.content,
    documentHashes,
    prevDigest,
    salt,
    signatures: milestone.signatures ?? null,
  });
  const row = await tx.milestone.create({
    data: {
      creditId: milestone.creditId,
      seq,
      kind: milestone.kind,
      subjectId: milestone.subjectId ?? null,
      actorId: milestone.actorId ?? null,
      actorOrgId: milestone.actorOrgId ?? null,
      content: milestone.content,
      documentHashes,
      prevDigest,
      salt,
      digest,
      ...(milestone.signatures ? { signatures: milestone.signatures as unknown as Prisma.InputJsonValue[] } : {}),
      ...(milestone.recordedAt ? { createdAt: milestone.recordedAt } : {}),
    },
    select: { id: true },
  });
  return { id: row.id, seq, digest };
}

/** The credit's last milestone (seq and digest), or null: where the next one chains on. */
export async function lastMilestone(tx: Tx, creditId: string): Promise<{ seq: number; digest: string } | null> {
  return tx.milestone.findFirst({ where: { creditId }, orderBy: { seq: "desc" }, select: { seq: true, digest: true } });
}
