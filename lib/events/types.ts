import type { MilestoneKind } from "@/lib/generated/prisma/enums";

// The events of the feed and the webhooks (issue 15, item 6): one per milestone, named for what a
// bank's systems react to. The names are part of the public API: never rename one.

export const EVENT_TYPE_OF = {
  TERMS_AGREED: "terms.agreed",
  CREDIT_ISSUED: "credit.issued",
  CREDIT_ADVISED: "credit.advised",
  AMENDMENT_ISSUED: "amendment.issued",
  AMENDMENT_ADVISED: "amendment.advised",
  // The credit's terms change when the beneficiary accepts (UCP 600 art. 10(b)).
  AMENDMENT_ACCEPTED: "credit.amended",
  AMENDMENT_REJECTED: "amendment.rejected",
  DOCUMENTS_PRESENTED: "documents.presented",
  PRESENTATION_COMPLIANT: "presentation.compliant",
  DISCREPANCIES_NOTIFIED: "presentation.discrepant",
  DISCREPANCIES_WAIVED: "discrepancies.waived",
  PRESENTATION_REFUSED: "presentation.refused",
  PAYMENT_RECORDED: "presentation.paid",
  CREDIT_SETTLED: "credit.settled",
  CREDIT_EXPIRED: "credit.expired",
  CREDIT_CANCELLED: "credit.cancelled",
  // eUCP (docs/EUCP.md): the notice of completeness is when an eUCP presentation is made (art.
  // e6(c)), so a back office hears "documents.presented" as for UCP; the milestone kind tells them apart.
  NOTICE_OF_COMPLETENESS: "documents.presented",
  RECORD_REPRESENTED: "record.represented",
  DOCUMENTS_FORWARDED: "documents.forwarded",
} as const satisfies Record<MilestoneKind, string>;

export type EventType = (typeof EVENT_TYPE_OF)[MilestoneKind];
export const EVENT_TYPES = [...new Set(Object.values(EVENT_TYPE_OF))] as EventType[];

/** What a subscription gets unless it names its own: the events issue 15 names. */
export const DEFAULT_WEBHOOK_EVENTS: readonly EventType[] = ["credit.issued", "credit.amended", "documents.presented", "presentation.discrepant", "presentation.paid"];

export const isEventType = (value: string): value is EventType => (EVENT_TYPES as string[]).includes(value);

// The feed's cursor: opaque to clients (they pass back what they were given), the event's seq inside.
const CURSOR = /^ev1_(0|[1-9]\d{0,17})$/;

export const eventCursor = (seq: bigint): string => `ev1_${seq}`;
export const isEventCursor = (value: string): boolean => CURSOR.test(value);
/** The seq of a cursor this API issued; call isEventCursor first. */
export const cursorSeq = (cursor: string): bigint => BigInt(CURSOR.exec(cursor)![1]!);

/** One event, as the feed lists it and as a webhook's body carries it. */
export interface FeedItem {
  id: string;
  type: EventType;
  cursor: string;
  occurredAt: string;
  credit: { id: string; reference: string; creditNumber: string | null; status: string };
  subjectId: string | null;
  milestone: { seq: number; kind: MilestoneKind };
}
