import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { MilestoneKind } from "@/lib/generated/prisma/enums";
import { type EventType, type FeedItem, cursorSeq, eventCursor } from "./types";

// GET /api/v1/events: the events of the credits an organisation is a party to, oldest first, in
// the order they were committed (lib/events/record-events.ts). A client keeps the page's `next`
// and asks again with it: it sees every event once, including those committed while it walked.

export const EVENT_PAGE = { default: 100, min: 1, max: 500 } as const;

export interface FeedPage {
  events: FeedItem[];
  /** Pass as `after` for the events that follow; the same cursor again when there were none. */
  next: string;
  /** More events are waiting now: ask again at once rather than after your polling interval. */
  hasMore: boolean;
}

export interface FeedRow {
  seq: bigint;
  id: string;
  type: string;
  creditId: string;
  subjectId: string | null;
  data: { credit: { reference: string; creditNumber: string | null; status: string }; milestone: { seq: number; kind: MilestoneKind } };
  createdAt: Date;
}

/** An event as the feed and the webhooks show it. */
export function feedItem(row: FeedRow): FeedItem {
  return {
    id: row.id,
    type: row.type as EventType,
    cursor: eventCursor(row.seq),
    occurredAt: row.createdAt.toISOString(),
    credit: { id: row.creditId, ...row.data.credit },
    subjectId: row.subjectId,
    milestone: row.data.milestone,
  };
}

export async function readEventFeed(actor: Actor, query: { after?: string; limit?: number }): Promise<FeedPage> {
  const after = query.after ? cursorSeq(query.after) : 0n;
  const limit = query.limit ?? EVENT_PAGE.default;
  const rows = await db().$queryRaw<FeedRow[]>`
    SELECT e.seq, e.id, e.type, e.credit_id AS "creditId", e.subject_id AS "subjectId", e.data, e.created_at AS "createdAt"
      FROM feed_event_audience a JOIN feed_events e ON e.seq = a.seq
     WHERE a.organization_id = ${actor.organizationId}::uuid AND a.seq > ${after}
     ORDER BY a.seq
     LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  return { events: page.map(feedItem), next: page.length > 0 ? eventCursor(page.at(-1)!.seq) : eventCursor(after), hasMore: rows.length > limit };
}
