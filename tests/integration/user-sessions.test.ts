import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { SESSION_MAX_HOURS, TOUCH_EVERY_MS, endMemberSessions, endOtherSessions, endSession, endSignedOutSession, listSessions, sessionActor, startSession } from "@/lib/auth/user-sessions";
import { config, resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "./support/database";
import { type World, createUser, createWorld } from "./support/world";

// Sessions end on the server (issue 12, M1): the cookie names a user_sessions row, and a row
// that was ended, is past 8 hours from sign-in or sat idle is refused, whatever the cookie says.

// currentActor reads the session cookie from the request (next/headers); here the request's
// cookie is a real one, sealed with the app's secret as sign-in seals it, so the test goes
// through the same function every page, action and API call uses.
const cookie = vi.hoisted(() => ({ value: null as string | null }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "authjs.session-token" && cookie.value ? { value: cookie.value } : undefined) }),
}));
process.env.AUTH_SECRET ??= "integration-test-auth-secret-0123456789abcdef";
resetConfigCache();
const { currentActor } = await import("@/lib/auth/session");

/** Sets the request's session cookie to one naming `session`, as Auth.js would seal it at sign-in. */
async function setCookie(session: { user: { id: string }; sessionId?: string }) {
  const salt = "authjs.session-token";
  cookie.value = await encode({ token: { sub: session.user.id, sid: session.sessionId }, secret: config().AUTH_SECRET!, salt, maxAge: SESSION_MAX_HOURS * 3600 });
}

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => {
  cookie.value = null;
});

const HOUR = 3_600_000;
const minutesAgo = (n: number, from = new Date()) => new Date(from.getTime() - n * 60_000);

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "succeeded",
    (error: unknown) => (error instanceof AppError ? error.code : `crashed: ${String(error)}`),
  );

async function signedIn(actor: Actor, options: { at?: Date; userAgent?: string } = {}) {
  const sessionId = await startSession({ userId: actor.userId, userAgent: options.userAgent ?? "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36", ip: "203.0.113.7", now: options.at });
  return { userId: actor.userId, sessionId };
}

const revokedAt = async (sessionId: string) => (await db().userSession.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt;

describe("currentActor and a session's row", () => {
  it("acts as the user while the session is live, with the session named", async () => {
    const maker = world.users.issuingBank.MAKER;
    const token = await signedIn(maker);
    await setCookie({ user: { id: maker.userId }, sessionId: token.sessionId });
    expect(await currentActor()).toEqual({ ...maker, sessionId: token.sessionId });
  });

  it("refuses a token whose session was signed out", async () => {
    const maker = world.users.advisingBank.MAKER;
    const token = await signedIn(maker);
    await setCookie({ user: { id: maker.userId }, sessionId: token.sessionId });
    expect(await currentActor()).not.toBeNull();
    await endSignedOutSession(token);
    expect(await currentActor()).toBeNull();
    expect(await sessionActor(token)).toBeNull();
  });

  it("refuses a token without a session, with an unknown session, or with another user's session", async () => {
    const maker = world.users.applicant.MAKER;
    const other = world.users.beneficiary.MAKER;
    // A cookie issued before sessions had rows carries only the user.
    await setCookie({ user: { id: maker.userId } });
    expect(await currentActor()).toBeNull();
    await setCookie({ user: { id: maker.userId }, sessionId: randomUUID() });
    expect(await currentActor()).toBeNull();
    const othersSession = await signedIn(other);
    await setCookie({ user: { id: maker.userId }, sessionId: othersSession.sessionId });
    expect(await currentActor()).toBeNull();
    expect(await sessionActor({ userId: maker.userId, sessionId: "not-a-uuid" })).toBeNull();
  });

  it("refuses a session 8 hours after sign-in even when it was used (and its cookie renewed) a minute ago", async () => {
    const maker = world.users.confirmingBank.MAKER;
    const signIn = new Date(Date.now() - SESSION_MAX_HOURS * HOUR - 60_000);
    const token = await signedIn(maker, { at: signIn });
    await db().userSession.update({ where: { id: token.sessionId }, data: { lastSeenAt: minutesAgo(1) } });
    await setCookie({ user: { id: maker.userId }, sessionId: token.sessionId });
    expect(await currentActor()).toBeNull();
    // A minute before the limit it still works.
    expect(await sessionActor(token, { now: new Date(signIn.getTime() + SESSION_MAX_HOURS * HOUR - 60_000) })).not.toBeNull();
    // Nothing moves the limit: the database refuses an end later than 8 hours after sign-in.
    await expect(db().userSession.update({ where: { id: token.sessionId }, data: { expiresAt: new Date() } })).rejects.toThrow(/user_sessions_absolute_limit/);
  });

  it("refuses a session idle longer than the idle timeout, and keeps a used one alive", async () => {
    const viewer = world.users.issuingBank.VIEWER;
    const token = await signedIn(viewer, { at: minutesAgo(90) });
    expect(await sessionActor(token, { idleMinutes: 60 })).toBeNull();
    expect(await sessionActor(token, { idleMinutes: 120 })).not.toBeNull();

    const busy = await signedIn(viewer, { at: minutesAgo(50) });
    const now = new Date();
    expect(await sessionActor(busy, { idleMinutes: 60, now })).not.toBeNull();
    // That use counts: forty minutes later it is 40 minutes idle, not 90.
    expect((await db().userSession.findUniqueOrThrow({ where: { id: busy.sessionId } })).lastSeenAt).toEqual(now);
    expect(await sessionActor(busy, { idleMinutes: 60, now: new Date(now.getTime() + 40 * 60_000) })).not.toBeNull();
  });

  it("writes last_seen_at at most once a minute, and never on an ended session", async () => {
    const viewer = world.users.advisingBank.VIEWER;
    const start = new Date();
    const token = await signedIn(viewer, { at: start });
    await sessionActor(token, { now: new Date(start.getTime() + TOUCH_EVERY_MS / 2) });
    expect((await db().userSession.findUniqueOrThrow({ where: { id: token.sessionId } })).lastSeenAt).toEqual(start);
    await endSignedOutSession(token);
    expect(await sessionActor(token, { now: new Date(start.getTime() + 2 * TOUCH_EVERY_MS) })).toBeNull();
    expect((await db().userSession.findUniqueOrThrow({ where: { id: token.sessionId } })).lastSeenAt).toEqual(start);
  });
});

describe("ending sessions from Settings", () => {
  it("lists the user's live sessions only, marking the current one", async () => {
    const user = await createUser(world.orgs.applicant, ["MAKER"], `sessions-${randomUUID().slice(0, 8)}`);
    const here = await signedIn(user);
    const phone = await signedIn(user, { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1" });
    const ended = await signedIn(user);
    await endSignedOutSession(ended);
    await signedIn(user, { at: new Date(Date.now() - 9 * HOUR) }); // expired
    await signedIn(world.users.applicant.ADMIN); // someone else's
    const actor = (await sessionActor(here))!;
    const listed = await listSessions(actor);
    expect(listed.map((s) => [s.id, s.current]).sort()).toEqual(
      [
        [here.sessionId, true],
        [phone.sessionId, false],
      ].sort(),
    );
    expect(listed.find((s) => s.id === phone.sessionId)).toMatchObject({ ip: "203.0.113.7", userAgent: expect.stringContaining("iPhone") });
  });

  it("ends one of the user's other sessions, which then opens nothing", async () => {
    const user = await createUser(world.orgs.beneficiary, ["MAKER"], `sessions-${randomUUID().slice(0, 8)}`);
    const here = await signedIn(user);
    const there = await signedIn(user);
    const actor = (await sessionActor(here))!;
    await endSession(actor, there.sessionId);
    expect(await sessionActor(there)).toBeNull();
    expect(await sessionActor(here)).not.toBeNull();
    // Already ended, or the session this request came with: refused.
    expect(await codeOf(endSession(actor, there.sessionId))).toBe("NOT_FOUND");
    expect(await codeOf(endSession(actor, here.sessionId))).toBe("INVALID_REQUEST");
  });

  it("refuses someone else's session id and changes nothing", async () => {
    const victim = await createUser(world.orgs.issuingBank, ["CHECKER"], `victim-${randomUUID().slice(0, 8)}`);
    const attacker = await createUser(world.orgs.issuingBank, ["ADMIN"], `attacker-${randomUUID().slice(0, 8)}`);
    const victims = await signedIn(victim);
    const attackerActor = (await sessionActor(await signedIn(attacker)))!;
    expect(await codeOf(endSession(attackerActor, victims.sessionId))).toBe("NOT_FOUND");
    expect(await codeOf(endSession(attackerActor, "not-a-uuid"))).toBe("NOT_FOUND");
    expect(await revokedAt(victims.sessionId)).toBeNull();
    expect(await sessionActor(victims)).not.toBeNull();
    // "End all other sessions" ends only the acting user's own.
    await endOtherSessions(attackerActor);
    expect(await sessionActor(victims)).not.toBeNull();
  });

  it("ends all other sessions at once and keeps the current one", async () => {
    const user = await createUser(world.orgs.advisingBank, ["MAKER"], `sessions-${randomUUID().slice(0, 8)}`);
    const here = await signedIn(user);
    const others = [await signedIn(user), await signedIn(user)];
    expect(await endOtherSessions((await sessionActor(here))!)).toBe(2);
    for (const other of others) expect(await sessionActor(other)).toBeNull();
    expect(await sessionActor(here)).not.toBeNull();
  });
});

describe("changes that end every session of a user", () => {
  it("a change of roles, in any way it is made", async () => {
    const user = await createUser(world.orgs.confirmingBank, ["MAKER"], `roles-${randomUUID().slice(0, 8)}`);
    const [a, b] = [await signedIn(user), await signedIn(user)];
    await db().membership.updateMany({ where: { userId: user.userId }, data: { roles: ["MAKER", "CHECKER"] } });
    expect(await sessionActor(a)).toBeNull();
    expect(await sessionActor(b)).toBeNull();
    // Signing in again works, with the new roles; saving the same roles ends nothing.
    const again = await signedIn(user);
    expect((await sessionActor(again))?.roles).toEqual(["MAKER", "CHECKER"]);
    await db().membership.updateMany({ where: { userId: user.userId }, data: { roles: ["MAKER", "CHECKER"] } });
    expect(await sessionActor(again)).not.toBeNull();
  });

  it("leaving an organisation, and a new password", async () => {
    const user = await createUser(world.orgs.otherBank, ["MAKER"], `member-${randomUUID().slice(0, 8)}`);
    await db().membership.create({ data: { userId: user.userId, organizationId: world.orgs.auditor, roles: ["VIEWER"] } });
    const first = await signedIn(user);
    await db().membership.delete({ where: { userId_organizationId: { userId: user.userId, organizationId: world.orgs.auditor } } });
    expect(await sessionActor(first)).toBeNull();

    const second = await signedIn(user);
    await db().user.update({ where: { id: user.userId }, data: { name: "Renamed Member", lastSignInAt: new Date() } });
    expect(await sessionActor(second)).not.toBeNull(); // other changes to the user end nothing
    await db().user.update({ where: { id: user.userId }, data: { passwordHash: "another-hash" } });
    expect(await sessionActor(second)).toBeNull();
  });

  it("an administrator of the member's organisation, and no one else", async () => {
    const member = await createUser(world.orgs.issuingBank, ["MAKER"], `member-${randomUUID().slice(0, 8)}`);
    const sessions = [await signedIn(member), await signedIn(member)];
    const outsider = world.users.otherBank.ADMIN;
    expect(await codeOf(endMemberSessions(outsider, member.userId))).toBe("NOT_FOUND");
    expect(await codeOf(endMemberSessions(world.users.issuingBank.CHECKER, member.userId))).toBe("FORBIDDEN");
    for (const s of sessions) expect(await sessionActor(s)).not.toBeNull();

    expect(await endMemberSessions(world.users.issuingBank.ADMIN, member.userId)).toBe(2);
    for (const s of sessions) {
      expect(await sessionActor(s)).toBeNull();
      expect(await revokedAt(s.sessionId)).not.toBeNull();
    }
  });
});
