import type { Db, Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// An organisation's administrative log (issue 12): every change an administrator makes to who may
// do what — invitations, roles, deactivations, unlocks, ended sessions, API tokens, webhooks, members' passkeys, the four-eyes
// setting, and the platform operator's onboarding of the organisation. Append-only in the database; shown to the organisation's administrators in Settings.

export type AdminAction =
  | "invite"
  | "invitation-revoked"
  | "invitation-accepted"
  | "roles-changed"
  | "member-deactivated"
  | "member-unlocked"
  | "sessions-ended"
  | "token-created"
  | "token-revoked"
  | "four-eyes-changed"
  | "signed-steps-changed"
  | "banking-hours-changed"
  | "examination-rules-changed"
  | "organization-onboarded"
  | "administrator-invited"
  | "passkey-added"
  | "passkey-revoked"
  | "passkeys-reset"
  | "webhook-created"
  | "webhook-deleted";

export async function logAdminEvent(
  client: Db | Tx,
  event: { organizationId: string; actorId: string | null; action: AdminAction; subject: string; data?: Prisma.InputJsonObject },
): Promise<void> {
  await client.adminEvent.create({ data: { organizationId: event.organizationId, actorId: event.actorId, action: event.action, subject: event.subject, data: event.data ?? {} } });
}

/** The organisation's latest administrative events, newest first, with who made each. */
export async function listAdminEvents(organizationId: string, limit = 50) {
  const events = await db().adminEvent.findMany({ where: { organizationId }, orderBy: { createdAt: "desc" }, take: limit });
  const actors = await db().user.findMany({ where: { id: { in: [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))] } }, select: { id: true, name: true } });
  const name = new Map(actors.map((a) => [a.id, a.name]));
  return events.map((e) => ({ id: e.id, action: e.action as AdminAction, subject: e.subject, data: e.data, createdAt: e.createdAt, actor: e.actorId ? name.get(e.actorId) ?? "A former member" : "TradeTrail" }));
}
