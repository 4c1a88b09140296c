import type { Tx } from "@/lib/db/client";
import type { MilestoneKind } from "@/lib/generated/prisma/enums";
import { uuidv7 } from "@/lib/ids";
import { visiblePartiesOf } from "@/lib/lifecycle/authorize";
import { EVENT_TYPE_OF } from "./types";

// Records a step's milestones as feed events, with their audience and their webhook deliveries
// (the outbox), in the step's own transaction: a step that rolls back leaves no event and sends
// nothing; a step that commits has its events and deliveries committed with it.
//
// The order. Each event takes the next number from the one row of event_counter. Updating that
// row locks it until this transaction ends, so a second transaction waits for the first to commit
// (or roll back, which gives its numbers back) before it takes a number. Numbers are therefore
// handed out in commit order with no gaps, and a reader that sees event n already sees every event
// below n: walking the feed by seq never skips one (a bigserial would not do: two transactions
// take 7 and 8, the one with 8 commits first, and a reader who has moved past 8 never sees 7).
// The lock is taken last, after the step's own work, in the one statement that inserts the
// events, so it is held only for that statement and the commit.

export interface RecordedMilestone {
  seq: number;
  kind: MilestoneKind;
  subjectId: string | null;
}

export interface CreditForEvents {
  id: string;
  reference: string;
  creditNumber: string | null;
  status: string;
  applicantId: string;
  beneficiaryId: string;
  issuingBankId: string;
  advisingBankId: string;
  confirmingBankId: string | null;
  sharedAt: Date | null;
  submittedAt: Date | null;
  issuedAt: Date | null;
}

/** The credit's columns recordEvents reads: the step selects them when it updates the credit, so no second read. */
export const EVENT_CREDIT_SELECT = {
  id: true,
  reference: true,
  creditNumber: true,
  status: true,
  applicantId: true,
  beneficiaryId: true,
  issuingBankId: true,
  advisingBankId: true,
  confirmingBankId: true,
  sharedAt: true,
  submittedAt: true,
  issuedAt: true,
} as const satisfies Record<keyof CreditForEvents, true>;

/** A credit as recordEvents reads it, for callers outside a lifecycle step (tests, the events bench). */
export function loadCreditForEvents(tx: Tx, creditId: string): Promise<CreditForEvents> {
  return tx.credit.findUniqueOrThrow({ where: { id: creditId }, select: EVENT_CREDIT_SELECT });
}

/** `credit`: as the step leaves it (its update's result), in the same transaction. */
export async function recordEvents(tx: Tx, credit: CreditForEvents, milestones: readonly RecordedMilestone[], now: Date): Promise<void> {
  if (milestones.length === 0) return;
  const audience = audienceOf(credit);
  const types = milestones.map((m) => EVENT_TYPE_OF[m.kind]);
  // FOR KEY SHARE: a subscription deleted meanwhile waits for this step to commit (then takes its
  // deliveries with it) instead of failing the step's inserts on the foreign key.
  const subscriptions = await tx.$queryRaw<{ id: string; eventTypes: string[] }[]>`
    SELECT id, event_types AS "eventTypes" FROM webhook_subscriptions
     WHERE organization_id = ANY(${audience}::uuid[]) AND disabled_at IS NULL AND event_types && ${types}::text[]
     FOR KEY SHARE`;

  const events = milestones.map((m, i) => ({
    i: i + 1,
    id: uuidv7(now.getTime()),
    type: EVENT_TYPE_OF[m.kind],
    credit_id: credit.id,
    subject_id: m.subjectId,
    milestone_seq: m.seq,
    data: { credit: { reference: credit.reference, creditNumber: credit.creditNumber, status: credit.status }, milestone: { seq: m.seq, kind: m.kind } },
    created_at: now.toISOString(),
  }));
  const deliveries = events.flatMap((e) => subscriptions.filter((s) => s.eventTypes.includes(e.type)).map((s) => ({ id: uuidv7(now.getTime()), subscription_id: s.id, event_id: e.id, next_attempt_at: now.toISOString() })));

  // One statement from taking the number to the last insert: the counter row stays locked only
  // for this statement and the commit.
  const [written] = await tx.$queryRaw<{ events: number; deliveries: number }[]>`
    WITH counter AS (
      UPDATE event_counter SET last = last + ${events.length} WHERE id = 1 RETURNING last - ${events.length} AS base
    ), events AS (
      INSERT INTO feed_events (seq, id, type, credit_id, subject_id, milestone_seq, data, created_at)
      SELECT counter.base + e.i, e.id, e.type, e.credit_id, e.subject_id, e.milestone_seq, e.data, e.created_at
        FROM counter, jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
          AS e(i int, id uuid, type text, credit_id uuid, subject_id uuid, milestone_seq int, data jsonb, created_at timestamptz)
      RETURNING seq, id
    ), audience AS (
      INSERT INTO feed_event_audience (organization_id, seq)
      SELECT organization_id, events.seq FROM events CROSS JOIN unnest(${audience}::uuid[]) AS organization_id
    ), deliveries AS (
      INSERT INTO webhook_deliveries (id, subscription_id, event_seq, event_id, next_attempt_at)
      SELECT d.id, d.subscription_id, events.seq, events.id, d.next_attempt_at
        FROM events JOIN jsonb_to_recordset(${JSON.stringify(deliveries)}::jsonb)
          AS d(id uuid, subscription_id uuid, event_id uuid, next_attempt_at timestamptz) ON d.event_id = events.id
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM deliveries)::int AS deliveries`;
  if (written?.events !== events.length || written.deliveries !== deliveries.length) {
    throw new Error(`recordEvents wrote ${written?.events} events and ${written?.deliveries} deliveries of ${events.length} and ${deliveries.length} (is event_counter's row there?)`);
  }
}

/** The organisations that may see the credit now (as its pages and the API decide). */
function audienceOf(credit: CreditForEvents): string[] {
  const parties = [credit.applicantId, credit.beneficiaryId, credit.issuingBankId, credit.advisingBankId, credit.confirmingBankId].filter((id): id is string => id !== null);
  return [...new Set(parties)].filter((organizationId) => visiblePartiesOf(organizationId, credit).length > 0);
}
