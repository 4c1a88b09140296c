import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";

/**
 * Logs an auditor's use of their access (viewing, verifying, exporting, downloading), attributed
 * to the grant that allowed it, so banks can see who looked at what under which grant.
 */
export async function recordAuditUse(actor: Actor, entry: { action: string; creditId?: string | null; data?: Prisma.InputJsonObject }): Promise<void> {
  const grant = entry.creditId
    ? await db().$queryRaw<{ id: string }[]>`
        SELECT g.id FROM audit_grants g JOIN credits c ON c.id = ${entry.creditId}::uuid
         WHERE g.auditor_id = ${actor.organizationId}::uuid AND g.approved_at IS NOT NULL AND g.revoked_at IS NULL AND now() >= g.valid_from AND now() < g.valid_until
           AND (g.credit_id = c.id OR (g.credit_id IS NULL AND (g.bank_id IN (c.issuing_bank_id, c.advising_bank_id, c.confirming_bank_id))))
         ORDER BY g.credit_id NULLS LAST LIMIT 1`
    : [];
  await db().auditLogEntry.create({
    data: {
      grantId: grant[0]?.id ?? null,
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action: entry.action,
      creditId: entry.creditId ?? null,
      data: entry.data ?? {},
    },
  });
}
