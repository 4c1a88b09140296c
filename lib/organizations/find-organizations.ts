import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";

// The organisation directory of the API (issue 15): a back office finds a counterparty's id by
// name, country, BIC or kind. Only what identifies an organisation is listed, never its members
// or settings, and never the platform operator (it is never a party to a credit).

/** The kinds the directory lists. */
export const DIRECTORY_KINDS = ["BANK", "CORPORATE", "AUDITOR"] as const satisfies readonly OrganizationKind[];
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

export interface OrganizationFilters {
  /** Part of the name, any case. */
  q?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  /** An 11-character BIC finds that office; an 8-character one (the head office's) finds the head office and its branches. */
  bic?: string;
  kind?: DirectoryKind;
  /** Opaque cursor from a previous page. */
  after?: string;
}

export interface DirectoryEntry {
  id: string;
  name: string;
  kind: DirectoryKind;
  country: string;
  bic: string | null;
}

type Cursor = { name: string; id: string };

const encodeCursor = (entry: Cursor) => Buffer.from(JSON.stringify([entry.name, entry.id])).toString("base64url");

function decodeCursor(cursor: string): Cursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== "string" || !isUuid(value[1])) return null;
    return { name: value[0], id: value[1] };
  } catch {
    return null;
  }
}

/** Whether `cursor` is one findOrganizations issued. */
export const isOrganizationCursor = (cursor: string): boolean => decodeCursor(cursor) !== null;

/** Organisations by name then id, `limit` a page, with the cursor of the next page (null at the end). */
export async function findOrganizations(filters: OrganizationFilters, limit: number): Promise<{ items: DirectoryEntry[]; next: string | null }> {
  // Organisations that use TradeTrail: the external parties of imported credits are not offered as anyone's counterparty.
  const where: Prisma.OrganizationWhereInput[] = [{ kind: filters.kind ?? { in: [...DIRECTORY_KINDS] }, external: false }];
  const q = filters.q?.trim();
  if (q) where.push({ name: { contains: q, mode: "insensitive" } });
  if (filters.country) where.push({ country: filters.country });
  if (filters.bic) where.push(filters.bic.length === 8 ? { bic: { startsWith: filters.bic } } : { bic: filters.bic });
  const after = filters.after ? decodeCursor(filters.after) : null;
  if (after) where.push({ OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] });
  const rows = await db().organization.findMany({
    where: { AND: where },
    select: { id: true, name: true, kind: true, country: true, bic: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const items = rows.slice(0, limit) as DirectoryEntry[];
  return { items, next: rows.length > limit ? encodeCursor(items[items.length - 1]!) : null };
}
