import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { visibleToSql } from "./visibility";

/** Whether an auditor holds a live grant covering this credit (lib/credits/visibility.ts decides). */
export async function canAuditorSee(actor: Actor, creditId: string): Promise<boolean> {
  if (actor.organizationKind !== "AUDITOR") return false;
  const rows = await db().$queryRaw<{ ok: boolean }[]>`SELECT EXISTS (SELECT 1 FROM credits c WHERE c.id = ${creditId}::uuid AND ${visibleToSql(actor)}) AS ok`;
  return rows[0]?.ok ?? false;
}
