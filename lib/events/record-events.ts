import type { Tx } from "@/lib/db/client";
import type { MilestoneKind } from "@/lib/generated/prisma/enums";
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
// The lock is taken last, after the step's own work, so it is held only for these inserts and
// the commit.

export interface RecordedMilestone {
  seq: number;
  kind: MilestoneKind;
  subjectId: string | null;
}

interface CreditForEvents {
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

export async function recordEvents(tx: Tx, creditId: string, milestones: readonly RecordedMilestone[], now: Date): Promise<void> {
  if (milestones.length === 0) return;
  const credit = await tx.credit.findUniqueOrThrow({
    where: { id: creditId },
    select: { id: true, reference: true, creditNumber: true, status: true, applicantId: true, beneficiaryId: true, issuingBankId: true, advisingBankId: true, confirmingBankId: true, sharedAt: true, submittedAt: true, issuedAt: true },
  });
  const audience = audienceOf(credit);
  const types = milestones.map((m) => EVENT_TYPE_OF[m.kind]);
  const subscriptions = await tx.webhookSubscription.findMany({
    where: { organizationId: { in: audience }, disabledAt: null, eventTypes: { hasSome: types } },
    select: { id: true, eventTypes: true },
  });

  const [counter] = await tx.$queryRaw<{ last: bigint }[]>`UPDATE event_counter SET last = last + ${milestones.length} WHERE id = 1 RETURNING last`;
  if (!counter) throw new Error("event_counter has no row: the webhooks migration was not applied");
  const first = counter.last - BigInt(milestones.length) + 1n;
  const rows = milestones.map((m, i) => ({
    seq: first + BigInt(i),
    type: EVENT_TYPE_OF[m.kind],
    creditId: credit.id,
    subjectId: m.subjectId,
    milestoneSeq: m.seq,
    data: { credit: { reference: credit.reference, creditNumber: credit.creditNumber, status: credit.status }, milestone: { seq: m.seq, kind: m.kind } },
    createdAt: now,
  }));
  const events = await tx.feedEvent.createManyAndReturn({ data: rows, select: { seq: true, id: true, type: true } });
  await tx.feedEventAudience.createMany({ data: events.flatMap((e) => audience.map((organizationId) => ({ organizationId, seq: e.seq }))) });
  const deliveries = events.flatMap((e) => subscriptions.filter((s) => s.eventTypes.includes(e.type)).map((s) => ({ subscriptionId: s.id, eventSeq: e.seq, eventId: e.id, nextAttemptAt: now })));
  if (deliveries.length > 0) await tx.webhookDelivery.createMany({ data: deliveries });
}

/** The organisations that may see the credit now (as its pages and the API decide). */
function audienceOf(credit: CreditForEvents): string[] {
  const parties = [credit.applicantId, credit.beneficiaryId, credit.issuingBankId, credit.advisingBankId, credit.confirmingBankId].filter((id): id is string => id !== null);
  return [...new Set(parties)].filter((organizationId) => visiblePartiesOf(organizationId, credit).length > 0);
}
