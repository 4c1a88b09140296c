import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/ids";
import { visibleToSql } from "./visibility";

/**
 * Whether the credit exists and this user may see it, and, when a presentation is named, that it
 * is one of that credit's: one indexed lookup, for a 404 before any page streams.
 */
export async function canSeeCredit(actor: Actor, creditId: string, presentationId: string | null = null): Promise<boolean> {
  if (!isUuid(creditId) || (presentationId !== null && !isUuid(presentationId))) return false;
  // A draft presentation is the beneficiary's alone (lib/credits/read-rules.ts).
  const presentation =
    presentationId === null
      ? Prisma.sql``
      : Prisma.sql`AND EXISTS (SELECT 1 FROM presentations p WHERE p.id = ${presentationId}::uuid AND p.credit_id = c.id AND (p.status <> 'DRAFT' OR c.beneficiary_id = ${actor.organizationId}::uuid))`;
  const rows = await db().$queryRaw<{ ok: boolean }[]>`SELECT EXISTS (SELECT 1 FROM credits c WHERE c.id = ${creditId}::uuid AND ${visibleToSql(actor)} ${presentation}) AS ok`;
  return rows[0]?.ok ?? false;
}
