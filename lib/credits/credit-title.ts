import type { Metadata } from "next";
import { currentActor } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";
import { db } from "@/lib/db/client";
import { visibleToSql } from "./visibility";

/**
 * The <title> of a credit's page: "<credit number or reference> · <section>", so each tab and
 * page of each credit has its own (the layout appends "· TradeTrail"). Only a credit the user
 * may see is named; otherwise just the section.
 */
export async function creditPageMetadata(creditId: string, ...section: string[]): Promise<Metadata> {
  const actor = await currentActor();
  let label: string | null = null;
  if (actor && isUuid(creditId)) {
    const rows = await db().$queryRaw<{ reference: string; credit_number: string | null }[]>`
      SELECT c.reference, c.credit_number FROM credits c WHERE c.id = ${creditId}::uuid AND ${visibleToSql(actor)}`;
    if (rows[0]) label = rows[0].credit_number ?? rows[0].reference;
  }
  return { title: [label ?? "Credit", ...section].join(" · ") };
}
