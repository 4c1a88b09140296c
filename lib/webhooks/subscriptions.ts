import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { DEFAULT_WEBHOOK_EVENTS, EVENT_TYPES, isEventType } from "@/lib/events/types";
import { isUuid } from "@/lib/ids";
import { logAdminEvent } from "@/lib/organizations/admin-log";

// An organisation's webhook subscriptions: where TradeTrail POSTs the events of its credits
// (lib/webhooks/sender.ts). Only the organisation's administrators manage them, since a
// subscription sends every matching event of every credit the organisation is a party to.

/** An organisation may have this many subscriptions. */
export const MAX_SUBSCRIPTIONS = 10;

export interface NewSubscription {
  url: unknown;
  events?: unknown;
  description?: unknown;
}

function assertAdministrator(actor: Actor): void {
  if (!actor.roles.includes("ADMIN")) throw forbidden("Only your organisation's administrators can manage webhooks.");
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The subscription's address: https, or http to this machine outside production (a receiver in
 * development and tests). No credentials in the URL: the signature authenticates TradeTrail.
 */
export function webhookUrl(value: unknown, production = config().NODE_ENV === "production"): string {
  const refuse = (why: string) => new AppError("INVALID_REQUEST", `The webhook URL ${why}.`, { url: why });
  if (typeof value !== "string" || value.length > 2000) throw refuse("must be an https:// address of at most 2,000 characters");
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw refuse("is not a valid address");
  }
  if (url.username || url.password) throw refuse("must not carry a user name or password (the signature authenticates TradeTrail)");
  if (url.hash) throw refuse("must not have a #fragment");
  if (url.protocol === "https:") return url.toString();
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname) && !production) return url.toString();
  throw refuse(production ? "must use https" : "must use https (http only to localhost, in development)");
}

function eventTypes(value: unknown): string[] {
  if (value === undefined) return [...DEFAULT_WEBHOOK_EVENTS];
  const refuse = () => new AppError("INVALID_REQUEST", `Choose the events to send, from: ${EVENT_TYPES.join(", ")}.`, { events: "Unknown or missing event type" });
  if (!Array.isArray(value) || value.length === 0 || !value.every((t): t is string => typeof t === "string" && isEventType(t))) throw refuse();
  return [...new Set(value)];
}

const PUBLIC_FIELDS = { id: true, url: true, eventTypes: true, description: true, createdAt: true } as const;

/** Creates a subscription; its secret is in the answer and never shown again. */
export async function createWebhookSubscription(actor: Actor, input: NewSubscription) {
  assertAdministrator(actor);
  const url = webhookUrl(input.url);
  const events = eventTypes(input.events);
  const description = input.description === undefined ? "" : input.description;
  if (typeof description !== "string" || description.length > 200) throw new AppError("INVALID_REQUEST", "The description is at most 200 characters.", { description: "At most 200 characters" });
  if ((await db().webhookSubscription.count({ where: { organizationId: actor.organizationId } })) >= MAX_SUBSCRIPTIONS) {
    throw new AppError("CONFLICT", `An organisation can have ${MAX_SUBSCRIPTIONS} webhooks. Delete one first.`);
  }
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  const created = await db().webhookSubscription.create({
    data: { organizationId: actor.organizationId, url, eventTypes: events, secret, description: description.trim(), createdById: actor.userId },
    select: PUBLIC_FIELDS,
  });
  await logAdminEvent(db(), { organizationId: actor.organizationId, actorId: actor.userId, action: "webhook-created", subject: url, data: { events } });
  return { ...created, secret };
}

export async function listWebhookSubscriptions(actor: Actor) {
  assertAdministrator(actor);
  return db().webhookSubscription.findMany({ where: { organizationId: actor.organizationId }, select: PUBLIC_FIELDS, orderBy: { createdAt: "asc" } });
}

/** The organisation's subscription, or 404: another organisation's is not even confirmed to exist. */
async function ownSubscription(actor: Actor, id: string) {
  assertAdministrator(actor);
  const found = isUuid(id) ? await db().webhookSubscription.findFirst({ where: { id, organizationId: actor.organizationId }, select: PUBLIC_FIELDS }) : null;
  if (!found) throw notFound("The webhook");
  return found;
}

export const getWebhookSubscription = ownSubscription;

/** Deletes the subscription, its undelivered events and its delivery log. */
export async function deleteWebhookSubscription(actor: Actor, id: string): Promise<void> {
  const subscription = await ownSubscription(actor, id);
  await db().webhookSubscription.delete({ where: { id: subscription.id } });
  await logAdminEvent(db(), { organizationId: actor.organizationId, actorId: actor.userId, action: "webhook-deleted", subject: subscription.url });
}

/** The delivery log: the latest deliveries, newest event first, each with every attempt. */
export async function listWebhookDeliveries(actor: Actor, id: string, limit = 50) {
  const subscription = await ownSubscription(actor, id);
  const deliveries = await db().webhookDelivery.findMany({
    where: { subscriptionId: subscription.id },
    orderBy: { eventSeq: "desc" },
    take: limit,
    include: { log: { orderBy: { attempt: "asc" } } },
  });
  const types = new Map(
    (await db().feedEvent.findMany({ where: { seq: { in: deliveries.map((d) => d.eventSeq) } }, select: { seq: true, type: true } })).map((e) => [e.seq, e.type]),
  );
  return {
    deliveries: deliveries.map((d) => ({
      eventId: d.eventId,
      eventType: types.get(d.eventSeq) ?? null,
      status: d.status,
      attempts: d.attempts,
      nextAttemptAt: d.status === "PENDING" ? d.nextAttemptAt : null,
      deliveredAt: d.deliveredAt,
      lastError: d.lastError,
      log: d.log.map((a) => ({ attempt: a.attempt, at: a.createdAt, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
    })),
  };
}

/** The organisation's subscriptions for Settings: each with its deliveries counted by status and its last error. */
export async function webhookOverview(actor: Actor) {
  const subscriptions = await listWebhookSubscriptions(actor);
  const counts = await db().webhookDelivery.groupBy({ by: ["subscriptionId", "status"], where: { subscriptionId: { in: subscriptions.map((s) => s.id) } }, _count: { _all: true } });
  const lastErrors = await db().webhookAttempt.findMany({
    where: { subscriptionId: { in: subscriptions.map((s) => s.id) }, error: { not: null } },
    orderBy: { createdAt: "desc" },
    distinct: ["subscriptionId"],
    select: { subscriptionId: true, error: true, createdAt: true },
  });
  return subscriptions.map((s) => {
    const count = (status: "PENDING" | "DELIVERED" | "FAILED") => counts.find((c) => c.subscriptionId === s.id && c.status === status)?._count._all ?? 0;
    return { ...s, delivered: count("DELIVERED"), pending: count("PENDING"), failed: count("FAILED"), lastError: lastErrors.find((e) => e.subscriptionId === s.id) ?? null };
  });
}
