import { Prisma } from "@/lib/generated/prisma/client";
import type { CreditStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { readRows } from "@/lib/db/client";
import { ACTION_NAMES, type ActionName, CREDIT_STATES, PARTIES, PARTY_COLUMN, PARTY_LABELS, type Party, actionRule } from "@/lib/lifecycle/definition";
import { partyArms, visibleToSql } from "./visibility";

// "Waiting for you" and "waiting for others", derived from the lifecycle definition: a credit
// waits for a party when that party has a primary action available in the credit's (or one of
// its amendments' or presentations') current state.
//
// Each queue is a UNION ALL of small branches, one per (step, party) and, for "others", per
// role the viewer's organisation plays. Every branch names one party column and its credit or
// subject states as literals, so it is one range read of an index on (party, status, updated_at,
// id) or of the subject's status index, cut to the queue's length; the branches are then merged
// and cut again. They run on pg without Prisma's engine (readRows): the dashboard runs both on
// every render. (One OR across every party column and state made PostgreSQL read and test
// every credit the organisation sees: 10,000 for a bank party to 10% of 100,000.) A credit in
// the final cut is also in the cut of every branch it qualifies for, so its steps are complete.

const APPROVAL_KIND: Partial<Record<string, string>> = { prepareIssuance: "ISSUANCE", prepareAmendment: "AMENDMENT", preparePayment: "PAYMENT" };
const TERMINAL: readonly CreditStatus[] = ["SETTLED", "EXPIRED", "CANCELLED", "WITHDRAWN"];

/** The primary (awaited) steps, excluding "create" steps that nobody is waiting for. */
export const AWAITED_ACTIONS: ActionName[] = ACTION_NAMES.filter((name) => {
  const rule = actionRule(name);
  return rule.tone === "primary" && rule.from !== "create" && rule.by !== "system";
});

/**
 * States and kinds are constants of the lifecycle table, written into the SQL as literals: a
 * literal enum comparison can use the status indexes (the old `status::text IN ($n)` could not),
 * and the planner sees how rare each state is.
 */
function literals(values: readonly string[]): Prisma.Sql {
  for (const value of values) if (!/^[A-Z_]+$/.test(value)) throw new Error(`waiting: ${value} is not a state name`);
  return Prisma.raw(values.map((value) => `'${value}'`).join(", "));
}

/** The literal queue length (a bound LIMIT would make PostgreSQL re-plan every run, see list-credits.ts). */
function limitSql(limit: number): Prisma.Sql {
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new RangeError(`waiting: limit ${limit} is not 1–500`);
  return Prisma.raw(String(limit));
}

/**
 * SQL true when credit `c` waits for `party` to take `name`: `actor`'s organisation, or any
 * organisation when null (then the four-eyes rule, which depends on who asks, is not applied).
 * `creditStates` narrows the credit states the condition is asked for (null: any).
 */
function awaitsSql(name: ActionName, party: Party, actor: Actor | null, creditStates: readonly string[] | null = null): Prisma.Sql {
  const rule = actionRule(name);
  const states = rule.from as readonly string[];
  const parts: Prisma.Sql[] = [];
  const column = Prisma.raw(`c.${PARTY_COLUMN[party]}`);
  parts.push(actor ? Prisma.sql`${column} = ${actor.organizationId}::uuid` : Prisma.sql`${column} IS NOT NULL`);
  const credit = rule.subject === "credit" ? states : (rule.creditIn ?? null);
  const allowed = credit && creditStates ? credit.filter((s) => creditStates.includes(s)) : (credit ?? creditStates);
  if (allowed) parts.push(allowed.length ? Prisma.sql`c.status IN (${literals(allowed)})` : Prisma.sql`FALSE`);
  const kind = rule.checks ? APPROVAL_KIND[rule.checks] : undefined;
  if (rule.checks && !kind) throw new Error(`waiting: no approval kind for ${rule.checks}`);
  const fourEyes =
    kind && actor
      ? Prisma.sql` AND EXISTS (SELECT 1 FROM approvals ap WHERE ap.credit_id = c.id AND ap.status = 'PENDING' AND ap.kind = ${literals([kind])} AND ap.maker_id <> ${actor.userId}::uuid${rule.subject === "credit" ? Prisma.empty : Prisma.sql` AND ap.subject_id = s.id`})`
      : Prisma.empty;
  if (rule.subject === "credit") {
    if (fourEyes !== Prisma.empty) parts.push(Prisma.sql`TRUE${fourEyes}`);
  } else {
    const table = rule.subject === "amendment" ? Prisma.raw("amendments") : Prisma.raw("presentations");
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM ${table} s WHERE s.credit_id = c.id AND s.status IN (${literals(states)})${fourEyes})`);
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

/**
 * The credits the branches (rows of id, updated_at and an ordinal n) find, oldest first, cut to
 * `limit`, each with the array of its ordinals and the `columns` computed for it.
 */
function queueSql(branches: Prisma.Sql[], limit: Prisma.Sql, columns: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id, c.reference, c.credit_number AS "creditNumber", c.status, c.currency, c.amount::text AS amount, c.updated_at AS "updatedAt",
           ap.name AS "applicantName", be.name AS "beneficiaryName", w.ordinals${columns}
      FROM (SELECT b.id, min(b.updated_at) AS updated_at, array_agg(b.n ORDER BY b.n) AS ordinals
              FROM (${Prisma.join(branches, " UNION ALL ")}) b
             GROUP BY b.id
             ORDER BY 2, 1 LIMIT ${limit}) w
      JOIN credits c ON c.id = w.id
      JOIN organizations ap ON ap.id = c.applicant_id
      JOIN organizations be ON be.id = c.beneficiary_id
     ORDER BY c.updated_at, c.id`;
}

/** One branch: the oldest `limit` credits meeting `where`, tagged with ordinal `n`. */
const branchSql = (n: number, where: Prisma.Sql, limit: Prisma.Sql) =>
  Prisma.sql`(SELECT c.id, c.updated_at, ${Prisma.raw(String(n))} AS n FROM credits c WHERE ${where} ORDER BY c.updated_at, c.id LIMIT ${limit})`;

type Row<T> = WaitingItem & T & { ordinals: number[] };

/**
 * visibleToSql(actor) for credits whose `party` column is the actor's organisation: that party's
 * arm reduces to its extra condition. The same rows, but PostgreSQL no longer reads the arm's
 * repeated column test as a filter that drops most of the index range (it then sorted the whole
 * range instead of reading the first rows in order).
 */
function visibleAs(actor: Actor, party: Party): Prisma.Sql {
  if (actor.organizationKind === "AUDITOR") return visibleToSql(actor);
  const arms = partyArms(actor);
  const own = arms.find((arm) => arm.party === party);
  if (!own) return visibleToSql(actor);
  if (!own.when) return Prisma.sql`TRUE`;
  return Prisma.sql`(${Prisma.join([own.when, ...arms.filter((arm) => arm !== own).map((arm) => arm.sql)], " OR ")})`;
}

/** The SQL of waitingForMe, and the step labels its ordinals index; null when the actor has no awaited step. */
export function waitingForMeSql(actor: Actor, limit = 50): { sql: Prisma.Sql; labels: string[] } | null {
  const steps = myAwaitedSteps(actor);
  if (steps.length === 0) return null;
  const cut = limitSql(limit);
  const branches = steps.map(({ name, party }, n) => branchSql(n, Prisma.sql`${awaitsSql(name, party, actor)} AND ${visibleAs(actor, party)}`, cut));
  return { sql: queueSql(branches, cut), labels: steps.map(({ name }) => actionRule(name).label) };
}

/** Credits on which this user can take an awaited step now, oldest first. */
export async function waitingForMe(actor: Actor, limit = 50): Promise<(WaitingItem & { steps: string[] })[]> {
  const query = waitingForMeSql(actor, limit);
  if (!query) return [];
  const rows = await readRows<Row<object>>(query.sql);
  return rows.map(({ ordinals, ...item }) => ({ ...item, steps: ordinals.map((n) => query.labels[n]!) }));
}

/** The SQL of waitingForOthers. */
export function waitingForOthersSql(actor: Actor, limit = 20): Prisma.Sql {
  const mine = myAwaitedSteps(actor);
  const cut = limitSql(limit);
  const active: readonly string[] = CREDIT_STATES.filter((s) => !TERMINAL.includes(s));
  const notMine = mine.length ? Prisma.sql`NOT (${Prisma.join(mine.map(({ name, party }) => awaitsSql(name, party, actor)), " OR ")})` : Prisma.sql`TRUE`;
  const steps = AWAITED_ACTIONS.flatMap((name) => (actionRule(name).by as readonly Party[]).map((party) => ({ name, party })));
  const anyone = Prisma.join(steps.map(({ name, party }) => awaitsSql(name, party, null)), " OR ");
  // One branch per role the viewer's organisation plays (an auditor's credits come from
  // grants): its credits oldest first from the (party, updated_at, id) index, tested one by one
  // until the queue is full. Most active credits wait for someone, so this stops early; a
  // branch per state (exact index ranges) read more in all, its amendment and presentation
  // tests running over every credit of the party in an operative state.
  const arms = actor.organizationKind === "AUDITOR" ? [visibleToSql(actor)] : partyArms(actor).map((arm) => arm.sql);
  const branches = arms.map((arm) => branchSql(0, Prisma.sql`${arm} AND c.status IN (${literals(active)}) AND (${anyone}) AND ${notMine}`, cut));
  // For whom each of the (at most `limit`) credits waits. Parties that never take an awaited
  // step (a confirming bank) cannot be waited for.
  const whom = PARTIES.flatMap((party) => {
    const awaited = AWAITED_ACTIONS.filter((name) => (actionRule(name).by as readonly Party[]).includes(party));
    if (awaited.length === 0) return [];
    return [Prisma.sql`CASE WHEN ${Prisma.join(awaited.map((name) => awaitsSql(name, party, null)), " OR ")} THEN ${PARTY_LABELS[party]} END`];
  });
  return queueSql(branches, cut, Prisma.sql`, array_remove(ARRAY[${Prisma.join(whom)}]::text[], NULL) AS "waitingFor"`);
}

/** Active credits that wait for another party (and which), oldest first. */
export async function waitingForOthers(actor: Actor, limit = 20): Promise<(WaitingItem & { waitingFor: string[] })[]> {
  const rows = await readRows<Row<{ waitingFor: string[] }>>(waitingForOthersSql(actor, limit));
  return rows.map(({ ordinals: _ordinals, ...item }) => item);
}
