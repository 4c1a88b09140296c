import { randomUUID } from "node:crypto";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { type FeedRow, feedItem } from "@/lib/events/read-feed";
import { Prisma } from "@/lib/generated/prisma/client";
import { postWebhook } from "./post";
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signatureHeader } from "./signature";

// The webhook sender: POSTs what the outbox (webhook_deliveries, written in each event's
// transaction) holds, signed, and records every attempt in the delivery log.
//
// Several senders (processes) may run. A sender claims whole subscriptions, not single rows: it
// leases a subscription (FOR UPDATE SKIP LOCKED on the row, then lease_until and a token of its
// own), so no other sender delivers that subscription's events meanwhile, and it delivers them one
// at a time in event order. A failed event is retried with backoff before any later one is sent:
// a receiver sees each subscription's events in the feed's order. The lease is renewed before each
// POST and every write checks the token, so a sender that stalls past its lease records nothing
// over the one that took over (the receiver may then see an event twice, hence the event id to
// dedupe by). After MAX_ATTEMPTS an event is marked FAILED and the next one goes.

export const WEBHOOK_RETRY = { maxAttempts: 10, baseMs: 10_000, maxMs: 3_600_000 } as const;
/** How long a claim on a subscription lasts without renewal (well over one POST's timeout). */
export const LEASE_MS = 60_000;
export const POST_TIMEOUT_MS = 10_000;

/**
 * The wait after failed attempt `attempts`: a ceiling doubling from 10 s (10, 20, 40 s … at most
 * an hour), of which a random half is taken ("equal jitter"), so receivers that come back are not
 * hit by every sender at the same instant.
 */
export function webhookRetryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(WEBHOOK_RETRY.maxMs, WEBHOOK_RETRY.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export interface SenderOptions {
  /** The sender's clock: due times, leases and the signed timestamp (injected by tests). */
  clock?: () => Date;
  random?: () => number;
  /** Subscriptions claimed per run. */
  subscriptions?: number;
  /** Events sent per subscription per run. */
  perSubscription?: number;
  timeoutMs?: number;
  /** Send to public addresses only (lib/webhooks/post.ts); in production unless told otherwise. */
  publicOnly?: boolean;
}

interface Claimed {
  id: string;
  url: string;
  secret: string;
}

/** One run: claims due subscriptions and delivers their due events. Answers what happened. */
export async function deliverDueWebhooks(options: SenderOptions = {}): Promise<{ delivered: number; failed: number }> {
  const clock = options.clock ?? (() => new Date());
  const token = randomUUID();
  const now = clock();
  const claimed = await db().$queryRaw<Claimed[]>(Prisma.sql`
    UPDATE webhook_subscriptions SET lease_until = ${new Date(now.getTime() + LEASE_MS)}, lease_token = ${token}::uuid
     WHERE id IN (
       SELECT s.id FROM webhook_subscriptions s
        WHERE s.disabled_at IS NULL AND (s.lease_until IS NULL OR s.lease_until <= ${now})
          AND (SELECT d.next_attempt_at FROM webhook_deliveries d
                WHERE d.subscription_id = s.id AND d.status = 'PENDING' ORDER BY d.event_seq LIMIT 1) <= ${now}
        ORDER BY s.id
        FOR UPDATE SKIP LOCKED
        LIMIT ${options.subscriptions ?? 20})
    RETURNING id, url, secret`);
  const totals = { delivered: 0, failed: 0 };
  // Subscriptions are independent: one slow receiver does not hold up the others.
  await Promise.all(
    claimed.map(async (subscription) => {
      try {
        const result = await deliverSubscription(subscription, token, clock, options);
        totals.delivered += result.delivered;
        totals.failed += result.failed;
      } finally {
        await db().webhookSubscription.updateMany({ where: { id: subscription.id, leaseToken: token }, data: { leaseUntil: null, leaseToken: null } });
      }
    }),
  );
  return totals;
}

interface DueDelivery extends FeedRow {
  deliveryId: string;
  attempts: number;
  nextAttemptAt: Date;
}

async function deliverSubscription(subscription: Claimed, token: string, clock: () => Date, options: SenderOptions): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  for (let sent = 0; sent < (options.perSubscription ?? 50); sent++) {
    const [due] = await db().$queryRaw<DueDelivery[]>`
      SELECT d.id AS "deliveryId", d.attempts, d.next_attempt_at AS "nextAttemptAt",
             e.seq, e.id, e.type, e.credit_id AS "creditId", e.subject_id AS "subjectId", e.data, e.created_at AS "createdAt"
        FROM webhook_deliveries d JOIN feed_events e ON e.seq = d.event_seq
       WHERE d.subscription_id = ${subscription.id}::uuid AND d.status = 'PENDING'
       ORDER BY d.event_seq LIMIT 1`;
    // The oldest undelivered event waits for its retry: later ones wait behind it (order).
    if (!due || due.nextAttemptAt > clock()) break;
    if (!(await renewLease(subscription.id, token, clock()))) break;
    const outcome = await post(subscription, due, clock(), { timeoutMs: options.timeoutMs ?? POST_TIMEOUT_MS, publicOnly: options.publicOnly ?? config().NODE_ENV === "production" });
    const kept = await recordAttempt(subscription.id, token, due, outcome, clock(), options.random ?? Math.random);
    if (!kept) break;
    if (outcome.ok) delivered++;
    else {
      failed++;
      if (due.attempts + 1 < WEBHOOK_RETRY.maxAttempts) break;
    }
  }
  return { delivered, failed };
}

async function renewLease(subscriptionId: string, token: string, now: Date): Promise<boolean> {
  const renewed = await db().webhookSubscription.updateMany({ where: { id: subscriptionId, leaseToken: token }, data: { leaseUntil: new Date(now.getTime() + LEASE_MS) } });
  return renewed.count === 1;
}

interface Outcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

async function post(subscription: Claimed, event: DueDelivery, now: Date, options: { timeoutMs: number; publicOnly: boolean }): Promise<Outcome> {
  const body = JSON.stringify(feedItem(event));
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const headers = {
    "content-type": "application/json",
    "user-agent": "TradeTrail-Webhooks/1",
    [EVENT_ID_HEADER]: event.id,
    [EVENT_TYPE_HEADER]: event.type,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: signatureHeader(subscription.secret, timestamp, body),
  };
  try {
    const status = await postWebhook(subscription.url, headers, body, options);
    const ok = status >= 200 && status < 300;
    return { ok, statusCode: status, error: ok ? null : `HTTP ${status}${status >= 300 && status < 400 ? " (redirects are not followed)" : ""}`, durationMs: elapsed() };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, statusCode: null, error: (code && !message.includes(code) ? `${message} (${code})` : message).slice(0, 500), durationMs: elapsed() };
  }
}

/** Logs the attempt and moves the delivery on, unless another sender has taken the subscription over. */
async function recordAttempt(subscriptionId: string, token: string, due: DueDelivery, outcome: Outcome, now: Date, random: () => number): Promise<boolean> {
  const attempts = due.attempts + 1;
  return db().$transaction(async (tx) => {
    const [held] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM webhook_subscriptions WHERE id = ${subscriptionId}::uuid AND lease_token = ${token}::uuid FOR UPDATE`;
    if (!held) return false;
    await tx.webhookAttempt.create({ data: { subscriptionId, deliveryId: due.deliveryId, eventId: due.id, attempt: attempts, statusCode: outcome.statusCode, error: outcome.error, durationMs: outcome.durationMs, createdAt: now } });
    const next = outcome.ok
      ? { status: "DELIVERED" as const, deliveredAt: now, lastError: null }
      : attempts >= WEBHOOK_RETRY.maxAttempts
        ? { status: "FAILED" as const, lastError: outcome.error }
        : { lastError: outcome.error, nextAttemptAt: new Date(now.getTime() + webhookRetryDelayMs(attempts, random)) };
    await tx.webhookDelivery.update({ where: { id: due.deliveryId }, data: { attempts, ...next } });
    return true;
  });
}
