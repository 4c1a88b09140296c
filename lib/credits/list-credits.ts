import { Prisma } from "@/lib/generated/prisma/client";
import type { CreditStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { CREDIT_STATES } from "@/lib/lifecycle/definition";
import { visibleToSql } from "./visibility";

// All credits an actor may see, newest activity first, with search, filters and keyset
// pagination: each page is an index range scan from the cursor, so page 4,000 costs what
// page 1 costs (OFFSET would read and discard every earlier row).

export interface CreditListFilters {
  /** Reference, credit number or a party's name (case-insensitive, contains). */
  q?: string;
  status?: CreditStatus;
  counterpartyId?: string;
  /** Opaque cursor from a previous page. */
  after?: string;
  before?: string;
}

export interface CreditListItem {
  id: string;
  reference: string;
  creditNumber: string | null;
  status: CreditStatus;
  currency: string;
  amount: string;
  expiryDate: Date;
  updatedAt: Date;
  applicantName: string;
  beneficiaryName: string;
  issuingBankName: string;
}

export interface CreditPage {
  items: CreditListItem[];
  /** Cursors for the neighbouring pages, null at either end. */
  next: string | null;
  previous: string | null;
}

const encodeCursor = (item: { updatedAt: Date; id: string }) => Buffer.from(`${item.updatedAt.toISOString()}|${item.id}`).toString("base64url");

function decodeCursor(cursor: string | undefined): { updatedAt: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const updatedAt = new Date(at ?? "");
  if (Number.isNaN(updatedAt.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { updatedAt, id };
}

export async function listCredits(actor: Actor, filters: CreditListFilters = {}, pageSize = 25): Promise<CreditPage> {
  const conditions: Prisma.Sql[] = [visibleToSql(actor)];
  if (filters.status && CREDIT_STATES.includes(filters.status)) conditions.push(Prisma.sql`c.status = ${filters.status}::"CreditStatus"`);
  if (filters.counterpartyId && /^[0-9a-f-]{36}$/i.test(filters.counterpartyId)) {
    const id = filters.counterpartyId;
    conditions.push(
      Prisma.sql`(c.applicant_id = ${id}::uuid OR c.beneficiary_id = ${id}::uuid OR c.issuing_bank_id = ${id}::uuid OR c.advising_bank_id = ${id}::uuid OR c.confirming_bank_id = ${id}::uuid)`,
    );
  }
  const q = filters.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(Prisma.sql`(c.reference ILIKE ${like} OR c.credit_number ILIKE ${like} OR ap.name ILIKE ${like} OR be.name ILIKE ${like})`);
  }
  const after = decodeCursor(filters.after);
  const before = after ? null : decodeCursor(filters.before);
  if (after) conditions.push(Prisma.sql`(c.updated_at, c.id) < (${after.updatedAt}, ${after.id}::uuid)`);
  if (before) conditions.push(Prisma.sql`(c.updated_at, c.id) > (${before.updatedAt}, ${before.id}::uuid)`);

  const order = before ? Prisma.sql`ORDER BY c.updated_at ASC, c.id ASC` : Prisma.sql`ORDER BY c.updated_at DESC, c.id DESC`;
  const rows = await db().$queryRaw<CreditListItem[]>`
    SELECT c.id, c.reference, c.credit_number AS "creditNumber", c.status, c.currency, c.amount::text AS amount,
           c.expiry_date AS "expiryDate", c.updated_at AS "updatedAt",
           ap.name AS "applicantName", be.name AS "beneficiaryName", ib.name AS "issuingBankName"
      FROM credits c
      JOIN organizations ap ON ap.id = c.applicant_id
      JOIN organizations be ON be.id = c.beneficiary_id
      JOIN organizations ib ON ib.id = c.issuing_bank_id
     WHERE ${Prisma.join(conditions, " AND ")}
     ${order}
     LIMIT ${pageSize + 1}`;

  const hasMore = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (before) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  return {
    items: page,
    next: last && (before ? true : hasMore) ? encodeCursor(last) : null,
    previous: first && (before ? hasMore : Boolean(after)) ? encodeCursor(first) : null,
  };
}

/** Organisations that appear as a party in credits the actor sees, for the counterparty filter. */
export async function counterparties(actor: Actor): Promise<{ id: string; name: string }[]> {
  return db().$queryRaw<{ id: string; name: string }[]>`
    SELECT DISTINCT o.id, o.name FROM organizations o
     WHERE o.id <> ${actor.organizationId}::uuid AND o.kind <> 'AUDITOR'
       AND EXISTS (SELECT 1 FROM credits c WHERE ${visibleToSql(actor)}
                    AND o.id IN (c.applicant_id, c.beneficiary_id, c.issuing_bank_id, c.advising_bank_id, c.confirming_bank_id))
     ORDER BY o.name`;
}
