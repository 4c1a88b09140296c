import { Prisma } from "@/lib/generated/prisma/client";
import type { CreditStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { bankingDaysLeft } from "@/lib/calendar/banking-days";
import { ACTION_NAMES, type ActionName, PARTIES, PARTY_COLUMN, PARTY_LABELS, type Party, actionRule, approvalKindChecked } from "@/lib/lifecycle/definition";
import { type CreditFacts, type NextStep, nextSteps } from "./next-steps";
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
 * Credits on which this user can take an awaited step now: the most urgent examination first
 * (art. 14(b) deadline), then the rest oldest first. The SQL finds the candidates from the
 * definition; each row's exact steps are then decided by authorize.ts (nextSteps), which also
 * knows the held approvals and a presentation's open findings.
 */
export async function waitingForMe(actor: Actor, limit = 50, today = new Date()): Promise<WaitingForMe[]> {
  const steps = myAwaitedSteps(actor);
  if (steps.length === 0) return [];
  const rows = await db().$queryRaw<WaitingItem[]>`
    ${COLUMNS}
    ${FROM}
     WHERE ${visibleToSql(actor)} AND (${Prisma.join(steps.map(({ name, party }) => awaitsSql(name, party, actor)), " OR ")})
     ORDER BY c.updated_at ASC LIMIT ${limit}`;
  if (rows.length === 0) return [];
  const facts = await loadFacts(rows.map((r) => r.id));
  const holidays = await holidaysOf([...new Set([...facts.values()].map((f) => f.issuingBankId))]);
  const items = rows.flatMap((row) => {
    const fact = facts.get(row.id);
    const mine = fact ? nextSteps(actor, fact) : [];
    if (mine.length === 0) return [];
    const deadlines = mine.flatMap((s) => (s.examinationDeadline ? [s.examinationDeadline] : [])).sort((a, b) => a.getTime() - b.getTime());
    const deadline = deadlines[0];
    const left = deadline ? bankingDaysLeft(deadline, today, holidays.get(fact!.issuingBankId) ?? []) : null;
    const due = deadline && left !== null ? { deadline, bankingDaysLeft: left, overdue: left < 0 } : null;
    return [{ ...row, steps: mine.map((s) => (s.item ? `${s.item}: ${s.label}` : s.label)), nextSteps: mine, due }];
  });
  // Urgency: a deadline before no deadline, the nearest first; then the longest waiting.
  return items.sort((a, b) => {
    if (a.due && b.due) return a.due.deadline.getTime() - b.due.deadline.getTime() || a.updatedAt.getTime() - b.updatedAt.getTime();
    if (a.due || b.due) return a.due ? -1 : 1;
    return a.updatedAt.getTime() - b.updatedAt.getTime();
  });
}

/** What nextSteps needs to know of each credit, in one query. */
async function loadFacts(creditIds: string[]): Promise<Map<string, CreditFacts>> {
  const credits = await db().credit.findMany({
    where: { id: { in: creditIds } },
    select: {
      id: true,
      status: true,
      applicantId: true,
      beneficiaryId: true,
      issuingBankId: true,
      advisingBankId: true,
      confirmingBankId: true,
      approvals: { where: { status: "PENDING" }, select: { kind: true, makerId: true, subjectId: true } },
      amendments: { select: { id: true, number: true, status: true }, orderBy: { number: "asc" } },
      presentations: {
        select: { id: true, number: true, status: true, examinationDeadline: true, _count: { select: { findings: { where: { dismissed: false } } } } },
        orderBy: { number: "asc" },
      },
    },
  });
  return new Map(
    credits.map((c) => [
      c.id,
      { ...c, presentations: c.presentations.map((p) => ({ id: p.id, number: p.number, status: p.status, examinationDeadline: p.examinationDeadline, openFindings: p._count.findings })) },
    ]),
  );
}

async function holidaysOf(bankIds: string[]): Promise<Map<string, Date[]>> {
  const rows = bankIds.length ? await db().bankHoliday.findMany({ where: { bankId: { in: bankIds } }, select: { bankId: true, date: true } }) : [];
  const byBank = new Map<string, Date[]>();
  for (const row of rows) byBank.set(row.bankId, [...(byBank.get(row.bankId) ?? []), row.date]);
  return byBank;
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
