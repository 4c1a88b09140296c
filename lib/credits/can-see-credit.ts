import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import { visibleToSql } from "./visibility";

/** Whether the credit exists and this user may see it: one indexed lookup, for a 404 before any page streams. */
export async function canSeeCredit(actor: Actor, creditId: string): Promise<boolean> {
  if (!isUuid(creditId)) return false;
  const rows = await db().$queryRaw<{ ok: boolean }[]>`SELECT EXISTS (SELECT 1 FROM credits c WHERE c.id = ${creditId}::uuid AND ${visibleToSql(actor)}) AS ok`;
  return rows[0]?.ok ?? false;
}
