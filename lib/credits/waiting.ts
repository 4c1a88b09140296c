import { Prisma } from "@/lib/generated/prisma/client";
import type { CreditStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { ACTION_NAMES, type ActionName, PARTIES, PARTY_COLUMN, PARTY_LABELS, type Party, actionRule, approvalKindChecked } from "@/lib/lifecycle/definition";
import { visibleToSql } from "./visibility";

// "Waiting for you" and "waiting for others", derived from the lifecycle definition: a credit
// waits for a party when that party has a primary action available in the credit's (or one of
// its amendments' or presentations') current state.

const TERMINAL: readonly CreditStatus[] = ["SETTLED", "EXPIRED", "CANCELLED", "WITHDRAWN"];

/** The primary (awaited) steps, excluding "create" steps that nobody is waiting for. */
export const AWAITED_ACTIONS: ActionName[] = ACTION_NAMES.filter((name) => {
  const rule = actionRule(name);
  return rule.tone === "primary" && rule.from !== "create" && rule.by !== "system";
});

/** SQL true when credit `c` waits for `party` to take `name` (ignoring who exactly may). */
function awaitsSql(name: ActionName, party: Party, actor: Actor | null): Prisma.Sql {
  const rule = actionRule(name);
  const states = rule.from as readonly string[];
  const parts: Prisma.Sql[] = [];
  if (actor) parts.push(Prisma.sql`c.${Prisma.raw(PARTY_COLUMN[party])} = ${actor.organizationId}::uuid`);
  else parts.push(Prisma.sql`c.${Prisma.raw(PARTY_COLUMN[party])} IS NOT NULL`);
  if (rule.creditIn) parts.push(Prisma.sql`c.status::text IN (${Prisma.join(rule.creditIn)})`);
  const onSubject = rule.subject === "credit" ? Prisma.sql` AND ap.subject_id IS NULL` : Prisma.sql` AND ap.subject_id = s.id`;
  // A checker's step waits for a checker only once something of its kind is prepared (by someone
  // else); a maker's four-eyes step no longer waits once it is prepared.
  const fourEyes = rule.checks
    ? Prisma.sql` AND EXISTS (SELECT 1 FROM approvals ap WHERE ap.credit_id = c.id AND ap.status = 'PENDING' AND ap.kind::text = ${approvalKindChecked(rule)}${actor ? Prisma.sql` AND ap.maker_id <> ${actor.userId}::uuid` : Prisma.empty}${onSubject})`
    : rule.fourEyes
      ? Prisma.sql` AND NOT EXISTS (SELECT 1 FROM approvals ap WHERE ap.credit_id = c.id AND ap.status = 'PENDING'${onSubject})`
      : Prisma.empty;
  if (rule.subject === "credit") {
    parts.push(Prisma.sql`c.status::text IN (${Prisma.join(states)})`);
    if (fourEyes !== Prisma.empty) parts.push(Prisma.sql`TRUE${fourEyes}`);
  } else {
    const table = rule.subject === "amendment" ? Prisma.raw("amendments") : Prisma.raw("presentations");
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM ${table} s WHERE s.credit_id = c.id AND s.status::text IN (${Prisma.join(states)})${fourEyes})`);
  }
  return Prisma.sql`(${Prisma.join(parts, " AND ")})`;
}

/** The awaited steps this actor could take (by their roles), as (action, party) pairs. */
function myAwaitedSteps(actor: Actor): { name: ActionName; party: Party }[] {
  return AWAITED_ACTIONS.flatMap((name) => {
    const rule = actionRule(name);
    if (!actor.roles.some((role) => rule.roles.includes(role))) return [];
    return (rule.by as readonly Party[]).map((party) => ({ name, party }));
  });
}

export interface WaitingItem {
  id: string;
  reference: string;
  creditNumber: string | null;
  status: CreditStatus;
  currency: string;
  amount: string;
  updatedAt: Date;
  applicantName: string;
  beneficiaryName: string;
}

const COLUMNS = Prisma.sql`
  SELECT c.id, c.reference, c.credit_number AS "creditNumber", c.status, c.currency, c.amount::text AS amount, c.updated_at AS "updatedAt",
         ap.name AS "applicantName", be.name AS "beneficiaryName"`;
const FROM = Prisma.sql`
    FROM credits c
    JOIN organizations ap ON ap.id = c.applicant_id
    JOIN organizations be ON be.id = c.beneficiary_id`;

/** Credits on which this user can take an awaited step now, oldest first. */
export async function waitingForMe(actor: Actor, limit = 50): Promise<(WaitingItem & { steps: string[] })[]> {
  const steps = myAwaitedSteps(actor);
  if (steps.length === 0) return [];
  const labels = steps.map(({ name, party }) => Prisma.sql`CASE WHEN ${awaitsSql(name, party, actor)} THEN ${actionRule(name).label} END`);
  return db().$queryRaw`
    SELECT * FROM (
      ${COLUMNS}, array_remove(ARRAY[${Prisma.join(labels)}]::text[], NULL) AS steps
      ${FROM}
       WHERE ${visibleToSql(actor)} AND (${Prisma.join(steps.map(({ name, party }) => awaitsSql(name, party, actor)), " OR ")})
    ) w
    ORDER BY "updatedAt" ASC LIMIT ${limit}`;
}

/** Active credits that wait for another party (and which), oldest first. */
export async function waitingForOthers(actor: Actor, limit = 20): Promise<(WaitingItem & { waitingFor: string[] })[]> {
  const mine = myAwaitedSteps(actor);
  const notMine = mine.length ? Prisma.sql`AND NOT (${Prisma.join(mine.map(({ name, party }) => awaitsSql(name, party, actor)), " OR ")})` : Prisma.empty;
  // Parties that never take an awaited step (a confirming bank) cannot be waited for.
  const whom = PARTIES.flatMap((party) => {
    const awaited = AWAITED_ACTIONS.filter((name) => (actionRule(name).by as readonly Party[]).includes(party));
    if (awaited.length === 0) return [];
    return [Prisma.sql`CASE WHEN ${Prisma.join(awaited.map((name) => awaitsSql(name, party, null)), " OR ")} THEN ${PARTY_LABELS[party]} END`];
  });
  const rows = await db().$queryRaw<(WaitingItem & { waitingFor: string[] })[]>`
    SELECT * FROM (
      ${COLUMNS}, array_remove(ARRAY[${Prisma.join(whom)}]::text[], NULL) AS "waitingFor"
      ${FROM}
       WHERE ${visibleToSql(actor)} AND c.status::text NOT IN (${Prisma.join(TERMINAL)}) ${notMine}
    ) w
    WHERE cardinality("waitingFor") > 0
    ORDER BY "updatedAt" ASC LIMIT ${limit}`;
  return rows;
}
