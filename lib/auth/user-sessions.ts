import { config } from "@/lib/config";
import { db, readRows } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/ids";
import { ACTOR_COLUMNS, type Actor } from "./actor";
import { lockedUntil } from "./authenticate";
import { logAdminEvent } from "@/lib/organizations/admin-log";
import type { MemberRole } from "@/lib/generated/prisma/enums";

// Server-side sessions (issue 12, M1). The session cookie (an Auth.js JWT) names a row of
// user_sessions besides the user; every page, server action and API call loads its actor through
// sessionActor(), which refuses a row that was ended, is past its absolute limit or sat idle too
// long. Signing out, ending a session from Settings, a new password, a change of roles and an
// administrator end rows; the cookie then opens nothing, whatever its own expiry says.

/** The absolute limit, counted from sign-in; the database refuses a row that would outlive it. */
export const SESSION_MAX_HOURS = 8;
/** last_seen_at is written at most this often per session: one write a minute, not one a request. */
export const TOUCH_EVERY_MS = 60_000;



export interface SessionClock {
  now?: Date;
  /** Defaults to SESSION_IDLE_MINUTES. */
  idleMinutes?: number;
}

const idleSince = ({ now = new Date(), idleMinutes = config().SESSION_IDLE_MINUTES }: SessionClock) => new Date(now.getTime() - idleMinutes * 60_000);

/** Records a sign-in; the returned id goes into the session cookie. */
export async function startSession(input: { userId: string; userAgent?: string | null; ip?: string | null; now?: Date }): Promise<string> {
  const now = input.now ?? new Date();
  const row = await db().userSession.create({
    data: {
      userId: input.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_HOURS * 3_600_000),
      userAgent: input.userAgent?.slice(0, 512) || null,
      ip: input.ip?.slice(0, 64) || null,
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * The actor of a session cookie (user id and session id), or null when the session is unknown,
 * belongs to someone else, was ended, is past its absolute limit or idle too long. One query,
 * as loadActor (the user's first membership); last_seen_at is moved on at most once a minute.
 */
export async function sessionActor(token: { userId?: string | null; sessionId?: string | null }, clock: SessionClock = {}): Promise<Actor | null> {
  const { userId, sessionId } = token;
  if (!userId || !sessionId || !isUuid(userId) || !isUuid(sessionId)) return null;
  const now = clock.now ?? new Date();
  const [row] = await readRows<Omit<Actor, "userId" | "apiTokenId" | "sessionId"> & { lastSeenAt: Date }>(Prisma.sql`
    SELECT s.last_seen_at AS "lastSeenAt", ${ACTOR_COLUMNS}
      FROM user_sessions s
      JOIN users u ON u.id = s.user_id
      JOIN memberships m ON m.user_id = s.user_id
      JOIN organizations o ON o.id = m.organization_id
     WHERE s.id = ${sessionId}::uuid AND s.user_id = ${userId}::uuid
       AND s.revoked_at IS NULL AND s.expires_at > ${now} AND s.last_seen_at > ${idleSince({ ...clock, now })}
     ORDER BY m.created_at ASC, m.id ASC
     LIMIT 1`);
  if (!row) return null;
  const { lastSeenAt, ...actor } = row;
  if (now.getTime() - lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    // Only forward, and never on an ended row: a request racing a sign-out revives nothing.
    await db().$executeRaw`UPDATE user_sessions SET last_seen_at = ${now} WHERE id = ${sessionId}::uuid AND last_seen_at < ${now} AND revoked_at IS NULL`;
  }
  return { userId, ...actor, sessionId };
}

export interface ActiveSession {
  id: string;
  signedInAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
  /** The session this request came with. */
  current: boolean;
}

/** The acting user's live sessions (not ended, expired or idle), the most recently used first. */
export async function listSessions(actor: Actor, clock: SessionClock = {}): Promise<ActiveSession[]> {
  const now = clock.now ?? new Date();
  const rows = await db().userSession.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: idleSince({ ...clock, now }) } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ id: r.id, signedInAt: r.createdAt, lastSeenAt: r.lastSeenAt, expiresAt: r.expiresAt, userAgent: r.userAgent, ip: r.ip, current: r.id === actor.sessionId }));
}

/** Ends one of the acting user's other sessions (Settings). Someone else's session is not found. */
export async function endSession(actor: Actor, sessionId: string): Promise<void> {
  if (sessionId === actor.sessionId) throw new AppError("INVALID_REQUEST", "This is the session you are using: sign out to end it.");
  const ended = isUuid(sessionId) ? await db().userSession.updateMany({ where: { id: sessionId, userId: actor.userId, revokedAt: null }, data: { revokedAt: new Date() } }) : { count: 0 };
  if (ended.count === 0) throw new AppError("NOT_FOUND", "This session has already ended, or is not one of yours.");
}

/** Ends every session of the acting user but the one this request came with; returns how many. */
export async function endOtherSessions(actor: Actor): Promise<number> {
  const ended = await db().userSession.updateMany({
    where: { userId: actor.userId, revokedAt: null, ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return ended.count;
}

/** Sign-out: ends the session the cookie names (only if it is the user's). */
export async function endSignedOutSession(token: { userId?: string | null; sessionId?: string | null }): Promise<void> {
  const { userId, sessionId } = token;
  if (!userId || !sessionId || !isUuid(userId) || !isUuid(sessionId)) return;
  await db().userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Ends every session of a user at once: for an operator (scripts/end-sessions.ts) and any flow
 * that changes what a user may do. A new password and a change of roles or memberships do this
 * in the database as well (migration 20261201100000_user_sessions), whichever path made them.
 */
export async function endAllSessions(userId: string): Promise<number> {
  if (!isUuid(userId)) return 0;
  const ended = await db().userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return ended.count;
}

/** An organisation's administrator ends every session of one of its members (Settings). */
export async function endMemberSessions(admin: Actor, userId: string): Promise<number> {
  if (!admin.roles.includes("ADMIN")) throw new AppError("FORBIDDEN", "Only an administrator can end a member's sessions.");
  const member = isUuid(userId) ? await db().membership.findUnique({ where: { userId_organizationId: { userId, organizationId: admin.organizationId } }, select: { id: true } }) : null;
  if (!member) throw new AppError("NOT_FOUND", "This person is not a member of your organisation.");
  const ended = await endAllSessions(userId);
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true } });
  await logAdminEvent(db(), { organizationId: admin.organizationId, actorId: admin.userId, action: "sessions-ended", subject: user?.email ?? userId, data: { sessions: ended } });
  return ended;
}

/** The members of the administrator's organisation, with how many live sessions each has. */
export async function listMembersWithSessions(admin: Actor, clock: SessionClock = {}): Promise<{ userId: string; name: string; email: string; roles: MemberRole[]; liveSessions: number; passkeys: number; lockedUntil: Date | null }[]> {
  if (!admin.roles.includes("ADMIN")) return [];
  const now = clock.now ?? new Date();
  const members = await db().membership.findMany({
    where: { organizationId: admin.organizationId },
    select: { roles: true, user: { select: { id: true, name: true, email: true, _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: idleSince({ ...clock, now }) } } }, passkeys: { where: { revokedAt: null } } } } } } },
    orderBy: { user: { name: "asc" } },
  });
  return Promise.all(
    members.map(async (m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, roles: m.roles, liveSessions: m.user._count.sessions, passkeys: m.user._count.passkeys, lockedUntil: await lockedUntil(m.user.email, now) })),
  );
}
