import { Prisma } from "@/lib/generated/prisma/client";
import type { CreditStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { db, readRows } from "@/lib/db/client";
import { CREDIT_STATES } from "@/lib/lifecycle/definition";
import { visibilityArms, visibleToSql } from "./visibility";
import { isUuid } from "@/lib/ids";

// All credits an actor may see, newest activity first, with search, filters and keyset
// pagination: each page is an index range scan from the cursor, so page 4,000 costs what
// page 1 costs (OFFSET would read and discard every earlier row).
//
// The API walks in another order (issue 15): newest created first, by id (a UUID v7, so in order
// of creation). An id never changes, so a credit updated during a walk keeps its place; in the
// pages' order of activity it would jump to the front, behind the walker, and be missed.

export interface CreditListFilters {
  /** Reference, credit number or a party's name (case-insensitive, contains). */
  q?: string;
  status?: CreditStatus;
  counterpartyId?: string;
  /** Only these credits (the API's bulk read); an id the actor may not see is simply not listed. */
  ids?: readonly string[];
  /** Only credits changed at or after this instant (the API's "changed since" for a back office's sync). */
  updatedSince?: Date;
  /** Opaque cursor from a previous page. */
  after?: string;
  before?: string;
  /** "activity" (the pages; the default): most recent activity first. "created" (the API): newest created first, by id, a key no update moves. */
  order?: CreditListOrder;
}

export type CreditListOrder = "activity" | "created";

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

type Cursor = { updatedAt: Date; id: string };

/** A cursor names the order it walks: one of the other order does not decode. */
const encodeCursor = (item: Cursor, order: CreditListOrder) =>
  Buffer.from(order === "created" ? `created|${item.id}` : `${item.updatedAt.toISOString()}|${item.id}`).toString("base64url");

/** Whether `cursor` is one listCredits issued for `order` (the API refuses any other with a 400; the pages start over). */
export const isCreditListCursor = (cursor: string, order: CreditListOrder = "activity"): boolean => decodeCursor(cursor, order) !== null;

function decodeCursor(cursor: string | undefined, order: CreditListOrder): Cursor | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!id || !isUuid(id)) return null;
  if (order === "created") return at === "created" ? { updatedAt: new Date(0), id } : null;
  const updatedAt = new Date(at ?? "");
  if (Number.isNaN(updatedAt.getTime())) return null;
  return { updatedAt, id };
}

export async function listCredits(actor: Actor, filters: CreditListFilters = {}, pageSize = 25): Promise<CreditPage> {
  const { after, before } = cursors(filters);
  const order = filters.order ?? "activity";
  const rows = await readRows<CreditListItem>(pageSql(actor, filters, pageSize, { after, before }));
  const hasMore = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (before) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  return {
    items: page,
    next: last && (before ? true : hasMore) ? encodeCursor(last, order) : null,
    previous: first && (before ? hasMore : Boolean(after)) ? encodeCursor(first, order) : null,
  };
}

/** The page's cursor: `after` wins when both are given; one that does not decode is ignored. */
function cursors(filters: CreditListFilters): { after: Cursor | null; before: Cursor | null } {
  const order = filters.order ?? "activity";
  const after = decodeCursor(filters.after, order);
  return { after, before: after ? null : decodeCursor(filters.before, order) };
}

/** The SQL of one page of listCredits, one row more than a page (to tell whether more follow). */
export function listCreditsSql(actor: Actor, filters: CreditListFilters, pageSize: number): Prisma.Sql {
  return pageSql(actor, filters, pageSize, cursors(filters));
}

function pageSql(actor: Actor, filters: CreditListFilters, pageSize: number, { after, before }: ReturnType<typeof cursors>): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.status && CREDIT_STATES.includes(filters.status)) conditions.push(Prisma.sql`c.status = ${filters.status}::"CreditStatus"`);
  if (filters.counterpartyId && isUuid(filters.counterpartyId)) {
    const id = filters.counterpartyId;
    conditions.push(
      Prisma.sql`(c.applicant_id = ${id}::uuid OR c.beneficiary_id = ${id}::uuid OR c.issuing_bank_id = ${id}::uuid OR c.advising_bank_id = ${id}::uuid OR c.confirming_bank_id = ${id}::uuid)`,
    );
  }
  if (filters.ids) {
    const ids = filters.ids.filter(isUuid);
    conditions.push(ids.length > 0 ? Prisma.sql`c.id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.sql`FALSE`);
  }
  if (filters.updatedSince) conditions.push(Prisma.sql`c.updated_at >= ${filters.updatedSince}::timestamptz`);
  const q = filters.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(
      Prisma.sql`(c.reference ILIKE ${like} OR c.credit_number ILIKE ${like}
        OR EXISTS (SELECT 1 FROM organizations o WHERE o.id IN (c.applicant_id, c.beneficiary_id) AND o.name ILIKE ${like}))`,
    );
  }
  // The cursor's values go in through sub-selects: the planner then costs the first and every
  // later page alike and keeps one generic plan. As plain parameters their real values made each
  // later page look cheaper to plan afresh, and planning the joins cost more than the page itself.
  const created = filters.order === "created";
  const cursor = (at: Cursor) => (created ? Prisma.sql`(SELECT ${at.id}::uuid)` : Prisma.sql`((SELECT ${at.updatedAt}::timestamptz), (SELECT ${at.id}::uuid))`);
  const key = created ? Prisma.sql`c.id` : Prisma.sql`(c.updated_at, c.id)`;
  if (after) conditions.push(Prisma.sql`${key} < ${cursor(after)}`);
  if (before) conditions.push(Prisma.sql`${key} > ${cursor(before)}`);

  // The limit is written into the text, not bound: with LIMIT $n PostgreSQL cannot cost a generic
  // plan, so it would plan every execution of the prepared statement again (0.9 ms of 1.2).
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) throw new RangeError(`listCredits: page size ${pageSize} is not 1–500`);
  const limit = Prisma.raw(String(pageSize + 1));
  const direction = before ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const order = (alias: Prisma.Sql) => (created ? Prisma.sql`ORDER BY ${alias}.id ${direction}` : Prisma.sql`ORDER BY ${alias}.updated_at ${direction}, ${alias}.id ${direction}`);
  const where = (visible: Prisma.Sql) => Prisma.join([visible, ...conditions], " AND ");
  // A party's credits: each role it plays is one index range read in (updated_at, id) order,
  // at most a page long; the union of those (a bank can advise and confirm the same credit) is
  // merged and cut to a page. An auditor's credits come from grants: one filtered scan.
  const pageIds =
    actor.organizationKind === "AUDITOR"
      ? Prisma.sql`SELECT c.id, c.updated_at FROM credits c WHERE ${where(visibleToSql(actor))} ${order(Prisma.sql`c`)} LIMIT ${limit}`
      : Prisma.sql`SELECT p.id, p.updated_at FROM (${Prisma.join(
          visibilityArms(actor).map((arm) => Prisma.sql`(SELECT c.id, c.updated_at FROM credits c WHERE ${where(arm)} ${order(Prisma.sql`c`)} LIMIT ${limit})`),
          " UNION ",
        )}) p ${order(Prisma.sql`p`)} LIMIT ${limit}`;
  return Prisma.sql`
    SELECT c.id, c.reference, c.credit_number AS "creditNumber", c.status, c.currency, c.amount::text AS amount,
           c.expiry_date AS "expiryDate", c.updated_at AS "updatedAt",
           ap.name AS "applicantName", be.name AS "beneficiaryName", ib.name AS "issuingBankName"
      FROM (${pageIds}) p
      JOIN credits c ON c.id = p.id
      JOIN organizations ap ON ap.id = c.applicant_id
      JOIN organizations be ON be.id = c.beneficiary_id
      JOIN organizations ib ON ib.id = c.issuing_bank_id
     ${order(Prisma.sql`c`)}`;
}

/** How long an organisation's counterparty list is reused: a new counterparty shows in the filter within this. */
export const COUNTERPARTIES_TTL_MS = 60_000;
const counterpartyCache = new Map<string, { until: number; list: Promise<{ id: string; name: string }[]> }>();

/**
 * Organisations that appear as a party in credits the actor sees, for the counterparty filter.
 * Finding them reads every credit the organisation sees (20 ms for a bank party to 10,000), on
 * every render of the credit list, so a party's list is reused for a minute: it only offers
 * filter choices, and the list itself is still filtered by visibleToSql. An auditor's is not
 * (a revoked grant must take its counterparties with it at once), and is small.
 */
export async function counterparties(actor: Actor): Promise<{ id: string; name: string }[]> {
  if (actor.organizationKind === "AUDITOR") return counterpartiesNow(actor);
  const key = actor.organizationId;
  const now = Date.now();
  const hit = counterpartyCache.get(key);
  if (hit && hit.until > now) return hit.list;
  if (counterpartyCache.size >= 1_000) counterpartyCache.clear();
  const list = counterpartiesNow(actor);
  counterpartyCache.set(key, { until: now + COUNTERPARTIES_TTL_MS, list });
  // A failed read is not kept: the next render asks again.
  list.catch(() => counterpartyCache.delete(key));
  return list;
}

async function counterpartiesNow(actor: Actor): Promise<{ id: string; name: string }[]> {
  return db().$queryRaw<{ id: string; name: string }[]>`
    SELECT DISTINCT o.id, o.name FROM organizations o
     WHERE o.id <> ${actor.organizationId}::uuid AND o.kind <> 'AUDITOR'
       AND EXISTS (SELECT 1 FROM credits c WHERE ${visibleToSql(actor)}
                    AND o.id IN (c.applicant_id, c.beneficiary_id, c.issuing_bank_id, c.advising_bank_id, c.confirming_bank_id))
     ORDER BY o.name`;
}
