import { Prisma } from "@/lib/generated/prisma/client";
import type { CreditStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { readRows } from "@/lib/db/client";
import { bankingDaysLeft } from "@/lib/calendar/banking-days";
import { ACTION_NAMES, type ActionName, type AnyActionRule, CREDIT_STATES, PARTIES, PARTY_COLUMN, PARTY_LABELS, type Party, actionRule, approvalKindChecked } from "@/lib/lifecycle/definition";
import { type CreditFacts, type NextStep, nextSteps } from "./next-steps";
import { partyArms, visibleToSql } from "./visibility";

// "Waiting for you" and "waiting for others", derived from the lifecycle definition: a credit
// waits for a party when that party has a primary action available in the credit's (or one of
// its amendments' or presentations') current state.
//
// Each queue's SQL is a UNION ALL of small branches, cut to the queue's length each, merged and
// cut again. "For you": one branch per (step, party), naming one party column and its credit or
// subject states as literals, so it is one range read of a partial index on (party, status,
// updated_at, id) or of the subject's status index. "For others": one branch per role the
// viewer's organisation plays, read oldest first and stopped when full. (One OR across every
// party column and state made PostgreSQL read and test every credit the organisation sees:
// 10,000 for a bank party to 10% of 100,000.) Both run on pg without Prisma's engine
// (readRows): the dashboard runs them on every render.

const TERMINAL: readonly CreditStatus[] = ["SETTLED", "EXPIRED", "CANCELLED", "WITHDRAWN"];

/**
 * The primary (awaited) steps, excluding "create" steps that nobody is waiting for, and the steps
 * of a presentation under eUCP (docs/EUCP.md): the queues' SQL does not yet tell an eUCP
 * presentation from a UCP one, so those steps would put the beneficiary in the queue of every
 * presentation. An eUCP presentation in DRAFT still waits for the beneficiary (presentDocuments'
 * branch); a record to re-present is shown on the presentation page, not in the queue.
 */
export const AWAITED_ACTIONS: ActionName[] = ACTION_NAMES.filter((name) => {
  const rule = actionRule(name);
  return rule.tone === "primary" && rule.from !== "create" && rule.by !== "system" && rule.presentedUnder !== "eucp";
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
 * organisation when null (then a checker's step waits for any checker but the maker).
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
  // A step offered under one four-eyes setting only (payment in two steps or one) waits only at a
  // bank with that setting: the actor's own (a one-time test), or the party's.
  if (rule.whenFourEyes) {
    const org = actor ? Prisma.sql`${actor.organizationId}::uuid` : column;
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM organizations o WHERE o.id = ${org} AND ${Prisma.raw(rule.whenFourEyes === "on" ? "o.four_eyes" : "NOT o.four_eyes")})`);
  }
  const kind = approvalKindChecked(rule);
  if (rule.checks && !kind) throw new Error(`waiting: no approval kind for ${rule.checks}`);
  const onSubject = rule.subject === "credit" ? Prisma.sql` AND ap.subject_id IS NULL` : Prisma.sql` AND ap.subject_id = s.id`;
  // A checker's step waits for a checker only once something of its kind is prepared (by someone
  // else); a maker's four-eyes step no longer waits once it is prepared.
  const fourEyes = kind
    ? Prisma.sql` AND EXISTS (SELECT 1 FROM approvals ap WHERE ap.credit_id = c.id AND ap.status = 'PENDING' AND ap.kind = ${literals([kind])}${actor ? Prisma.sql` AND ap.maker_id <> ${actor.userId}::uuid` : Prisma.empty}${onSubject})`
    : rule.fourEyes
      ? Prisma.sql` AND NOT EXISTS (SELECT 1 FROM approvals ap WHERE ap.credit_id = c.id AND ap.status = 'PENDING'${onSubject})`
      : Prisma.empty;
  if (rule.subject === "credit") {
    if (fourEyes !== Prisma.empty) parts.push(Prisma.sql`TRUE${fourEyes}`);
  } else {
    const table = rule.subject === "amendment" ? Prisma.raw("amendments") : Prisma.raw("presentations");
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM ${table} s WHERE s.credit_id = c.id AND s.status IN (${literals(states)})${actingBankSql(rule, column)}${fourEyes})`);
  }
  return Prisma.sql`(${Prisma.join(parts, " AND ")})`;
}

/**
 * For a step one bank takes per presentation (rule.bank, authorize.ts actingBankId): the party's
 * organisation is that bank. The examining bank is fixed on the presentation (the issuing bank for
 * one presented before it was); the paying bank is it when it confirmed, else the issuing bank.
 */
function actingBankSql(rule: AnyActionRule, column: Prisma.Sql): Prisma.Sql {
  if (!rule.bank) return Prisma.empty;
  const examiner = Prisma.sql`COALESCE(s.examining_bank_id, c.issuing_bank_id)`;
  const bank = rule.bank === "examining" ? examiner : Prisma.sql`(CASE WHEN ${examiner} = c.confirming_bank_id THEN ${examiner} ELSE c.issuing_bank_id END)`;
  return Prisma.sql` AND ${bank} = ${column}`;
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

/** The credits the branches (rows of id and updated_at) find, oldest first, cut to `limit`, with the `columns` computed for each. */
function queueSql(branches: Prisma.Sql[], limit: Prisma.Sql, columns: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id, c.reference, c.credit_number AS "creditNumber", c.status, c.currency, c.amount::text AS amount, c.updated_at AS "updatedAt",
           ap.name AS "applicantName", be.name AS "beneficiaryName"${columns}
      FROM (SELECT b.id, min(b.updated_at) AS updated_at
              FROM (${Prisma.join(branches, " UNION ALL ")}) b
             GROUP BY b.id
             ORDER BY 2, 1 LIMIT ${limit}) w
      JOIN credits c ON c.id = w.id
      JOIN organizations ap ON ap.id = c.applicant_id
      JOIN organizations be ON be.id = c.beneficiary_id
     ORDER BY c.updated_at, c.id`;
}

/**
 * One branch: the oldest `limit` credits meeting `where`; among the credits `only` names, when
 * given (a queue brought up to date after those credits changed, queue-cache.ts).
 */
function branchSql(where: Prisma.Sql, limit: Prisma.Sql, only?: readonly string[]): Prisma.Sql {
  const among = only ? Prisma.sql` AND c.id = ANY(${[...only]}::uuid[])` : Prisma.empty;
  return Prisma.sql`(SELECT c.id, c.updated_at FROM credits c WHERE ${where}${among} ORDER BY c.updated_at, c.id LIMIT ${limit})`;
}

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

/** The SQL of waitingForMe's candidates (among `only`, when given); null when the actor has no awaited step. */
export function waitingForMeSql(actor: Actor, limit = 50, only?: readonly string[]): Prisma.Sql | null {
  const steps = myAwaitedSteps(actor);
  if (steps.length === 0) return null;
  const cut = limitSql(limit);
  const branches = steps.map(({ name, party }) => branchSql(Prisma.sql`${awaitsSql(name, party, actor)} AND ${visibleAs(actor, party)}`, cut, only));
  // The actor's organisation's four-eyes setting rides along (for nextSteps), at no extra round trip.
  return queueSql(branches, cut, Prisma.sql`, (SELECT o.four_eyes FROM organizations o WHERE o.id = ${actor.organizationId}::uuid) AS "fourEyes"`);
}

/** The art. 14(b) deadline of a presentation the user examines, in the issuing bank's banking days. */
export interface ExaminationDue {
  deadline: Date;
  /** 0 on the deadline, negative once it has passed (lib/calendar/banking-days.ts). */
  bankingDaysLeft: number;
  overdue: boolean;
}

export interface WaitingForMe extends WaitingItem {
  /** The steps' labels (as before). */
  steps: string[];
  /** Each step with the exact item it is on and where to take it (lib/credits/next-steps.ts). */
  nextSteps: NextStep[];
  /** The earliest examination deadline among the steps, if any. */
  due: ExaminationDue | null;
}

/**
 * A queue as read: its rows, and the candidates the SQL kept (its cut, oldest first), which
 * bringQueueUpToDate needs to tell what a change to a few credits does to it.
 */
export interface QueueRead<T extends WaitingItem> {
  rows: T[];
  /** Each candidate's place in the SQL's order: updated_at (ms, as stored) and id. */
  cut: CutKey[];
  /** The length the SQL cut the candidates to: a cut this long may have left others out. */
  limit: number;
}
export type CutKey = readonly [updatedAt: number, id: string];

const byKey = (a: CutKey, b: CutKey) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
const keyOf = (row: WaitingItem): CutKey => [row.updatedAt.getTime(), row.id];

/**
 * `before` after the credits `changed` changed, given `fresh`: the same queue read among those
 * credits only (their rows and keys now). Exact, or null when it cannot be known without reading
 * the whole queue again.
 *
 * Only a changed credit can enter, leave or move in a queue (everything else a queue depends on
 * notifies "*": organisations, holidays, grants). So the queue now is the old candidates without
 * the changed ones, plus the changed ones that are candidates now, in the SQL's order, cut. When
 * the old cut was full, credits after its last were never read: the new cut is known only up to
 * that last key, and if fewer than `limit` candidates remain up to it (one of the cut moved out,
 * or after it), the queue must be read again. A credit a lifecycle step changes becomes the most
 * recent, so a change to a credit outside a full cut leaves the cut as it was.
 */
export function bringQueueUpToDate<T extends WaitingItem>(before: QueueRead<T>, changed: readonly string[], fresh: QueueRead<T>, order: (a: T, b: T) => number): QueueRead<T> | null {
  const gone = new Set(changed);
  const merged = [...before.cut.filter(([, id]) => !gone.has(id)), ...fresh.cut].sort(byKey);
  let cut: CutKey[];
  if (before.cut.length >= before.limit) {
    const last = before.cut[before.cut.length - 1]!;
    const known = merged.filter((key) => byKey(key, last) <= 0);
    if (known.length < before.limit) return null;
    cut = known.slice(0, before.limit);
  } else {
    cut = merged.slice(0, before.limit);
  }
  const kept = new Set(cut.map(([, id]) => id));
  const rows = [...before.rows.filter((row) => !gone.has(row.id)), ...fresh.rows].filter((row) => kept.has(row.id)).sort(order);
  return { rows, cut, limit: before.limit };
}

/** The length of a read among `changed`: every one of them that is a candidate now, however short the queue. */
const among = (limit: number, changed: readonly string[]) => Math.max(limit, changed.length);

/** Brings a readMyQueue(actor, limit) up to date after the credits `changed` changed (queue-cache.ts's refresh). */
export function refreshMyQueue(actor: Actor, limit: number, today = new Date()) {
  return async (before: QueueRead<WaitingForMe>, changed: readonly string[]) => bringQueueUpToDate(before, changed, await readMyQueue(actor, among(limit, changed), today, changed), urgentFirst);
}

/** Brings a readOthersQueue(actor, limit) up to date after the credits `changed` changed. */
export function refreshOthersQueue(actor: Actor, limit: number) {
  return async (before: QueueRead<WaitingForOthers>, changed: readonly string[]) => bringQueueUpToDate(before, changed, await readOthersQueue(actor, among(limit, changed), changed), oldestFirst);
}

/** The SQL's order: longest waiting first (updated_at, then id). */
export const oldestFirst = (a: WaitingItem, b: WaitingItem) => byKey(keyOf(a), keyOf(b));

/** "Waiting for you"'s order: a deadline before no deadline, the nearest first; then the longest waiting. */
export function urgentFirst(a: WaitingForMe, b: WaitingForMe): number {
  if (a.due && b.due) return a.due.deadline.getTime() - b.due.deadline.getTime() || oldestFirst(a, b);
  if (a.due || b.due) return a.due ? -1 : 1;
  return oldestFirst(a, b);
}

/**
 * Credits on which this user can take an awaited step now: the most urgent examination first
 * (art. 14(b) deadline), then the rest oldest first. The SQL finds the candidates from the
 * definition; each row's exact steps are then decided by authorize.ts (nextSteps), which also
 * knows the held approvals and a presentation's open findings.
 */
export async function waitingForMe(actor: Actor, limit = 50, today = new Date()): Promise<WaitingForMe[]> {
  return (await readMyQueue(actor, limit, today)).rows;
}

/** waitingForMe with its cut (QueueRead); among the credits `only` names, when given. */
export async function readMyQueue(actor: Actor, limit = 50, today = new Date(), only?: readonly string[]): Promise<QueueRead<WaitingForMe>> {
  const query = waitingForMeSql(actor, limit, only);
  if (!query) return { rows: [], cut: [], limit };
  const candidates = await readRows<WaitingItem & { fourEyes: boolean | null }>(query, { plan: "generic" });
  const cut = candidates.map(keyOf);
  if (candidates.length === 0) return { rows: [], cut, limit };
  const facts = await loadFacts(candidates.map((r) => r.id));
  // Each deadline is counted on the holidays of the bank that examines (issue 13, item 7).
  const examiners = new Map([...facts.values()].flatMap((f) => f.presentations.map((p) => [p.id, p.examiningBankId ?? f.issuingBankId] as const)));
  const holidays = await holidaysOf([...new Set(examiners.values())]);
  const items = candidates.flatMap(({ fourEyes, ...row }) => {
    const fact = facts.get(row.id);
    const mine = fact ? nextSteps(actor, fact, { fourEyes: fourEyes ?? true }) : [];
    if (mine.length === 0) return [];
    const deadlines = mine.flatMap((s) => (s.examinationDeadline && s.subjectId ? [{ at: s.examinationDeadline, bank: examiners.get(s.subjectId)! }] : [])).sort((a, b) => a.at.getTime() - b.at.getTime());
    const deadline = deadlines[0]?.at;
    const left = deadline ? bankingDaysLeft(deadline, today, holidays.get(deadlines[0]!.bank) ?? []) : null;
    const due = deadline && left !== null ? { deadline, bankingDaysLeft: left, overdue: left < 0 } : null;
    return [{ ...row, steps: mine.map((s) => (s.item ? `${s.item}: ${s.label}` : s.label)), nextSteps: mine, due }];
  });
  return { rows: items.sort(urgentFirst), cut, limit };
}

/**
 * What nextSteps needs to know of each credit, in one query on pg (readRows): its parties, its
 * pending approvals, its amendments and its presentations with their open findings, as JSON.
 * (Prisma's findMany with nested relations sent a query per relation.)
 */
async function loadFacts(creditIds: string[]): Promise<Map<string, CreditFacts>> {
  type Row = Omit<CreditFacts, "presentations"> & { presentations: (Omit<CreditFacts["presentations"][number], "examinationDeadline"> & { examinationDeadline: string | null })[] };
  const rows = await readRows<Row>(Prisma.sql`
    SELECT c.id, c.status, c.applicant_id AS "applicantId", c.beneficiary_id AS "beneficiaryId", c.issuing_bank_id AS "issuingBankId",
           c.advising_bank_id AS "advisingBankId", c.confirming_bank_id AS "confirmingBankId",
           COALESCE((SELECT json_agg(json_build_object('kind', ap.kind, 'makerId', ap.maker_id, 'subjectId', ap.subject_id))
                       FROM approvals ap WHERE ap.credit_id = c.id AND ap.status = 'PENDING'), '[]') AS approvals,
           COALESCE((SELECT json_agg(json_build_object('id', a.id, 'number', a.number, 'status', a.status) ORDER BY a.number)
                       FROM amendments a WHERE a.credit_id = c.id), '[]') AS amendments,
           COALESCE((SELECT json_agg(json_build_object('id', p.id, 'number', p.number, 'status', p.status, 'examinationDeadline', p.examination_deadline, 'examiningBankId', p.examining_bank_id, 'eucp', p.eucp,
                                                       'openFindings', (SELECT count(*) FROM findings f WHERE f.presentation_id = p.id AND NOT f.dismissed)) ORDER BY p.number)
                       FROM presentations p WHERE p.credit_id = c.id), '[]') AS presentations
      FROM credits c
     WHERE c.id = ANY(${creditIds}::uuid[])`);
  return new Map(
    rows.map((c) => [
      c.id,
      // A DATE as Prisma reads it: UTC midnight.
      { ...c, presentations: c.presentations.map((p) => ({ ...p, examinationDeadline: p.examinationDeadline ? new Date(`${p.examinationDeadline}T00:00:00Z`) : null })) },
    ]),
  );
}

async function holidaysOf(bankIds: string[]): Promise<Map<string, Date[]>> {
  const rows = bankIds.length ? await readRows<{ bankId: string; date: Date }>(Prisma.sql`SELECT bank_id AS "bankId", date FROM bank_holidays WHERE bank_id = ANY(${bankIds}::uuid[])`) : [];
  const byBank = new Map<string, Date[]>();
  for (const row of rows) byBank.set(row.bankId, [...(byBank.get(row.bankId) ?? []), row.date]);
  return byBank;
}

/** The SQL of waitingForOthers (among `only`, when given). */
export function waitingForOthersSql(actor: Actor, limit = 20, only?: readonly string[]): Prisma.Sql {
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
  const branches = arms.map((arm) => branchSql(Prisma.sql`${arm} AND c.status IN (${literals(active)}) AND (${anyone}) AND ${notMine}`, cut, only));
  // For whom each of the (at most `limit`) credits waits. Parties that never take an awaited
  // step (a confirming bank) cannot be waited for.
  const whom = PARTIES.flatMap((party) => {
    const awaited = AWAITED_ACTIONS.filter((name) => (actionRule(name).by as readonly Party[]).includes(party));
    if (awaited.length === 0) return [];
    return [Prisma.sql`CASE WHEN ${Prisma.join(awaited.map((name) => awaitsSql(name, party, null)), " OR ")} THEN ${PARTY_LABELS[party]} END`];
  });
  return queueSql(branches, cut, Prisma.sql`, array_remove(ARRAY[${Prisma.join(whom)}]::text[], NULL) AS "waitingFor"`);
}

export interface WaitingForOthers extends WaitingItem {
  /** The parties the credit waits for, in words. */
  waitingFor: string[];
}

/** Active credits that wait for another party (and which), oldest first. */
export async function waitingForOthers(actor: Actor, limit = 20): Promise<WaitingForOthers[]> {
  return (await readOthersQueue(actor, limit)).rows;
}

/** waitingForOthers with its cut (QueueRead): every row is a candidate; among `only`, when given. */
export async function readOthersQueue(actor: Actor, limit = 20, only?: readonly string[]): Promise<QueueRead<WaitingForOthers>> {
  const rows = await readRows<WaitingForOthers>(waitingForOthersSql(actor, limit, only), { plan: "generic" });
  return { rows, cut: rows.map(keyOf), limit };
}
