import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { readSessionCookie } from "@/lib/auth/session-cookie";
import { sessionActor, startSession } from "@/lib/auth/user-sessions";
import { config, resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { CHALLENGE_MINUTES } from "@/lib/passkeys/challenges";
import { listPasskeys } from "@/lib/passkeys/list-passkeys";
import { finishPasskeyRegistration, startPasskeyRegistration } from "@/lib/passkeys/register-passkey";
import { relyingParty } from "@/lib/passkeys/relying-party";
import { revokePasskey } from "@/lib/passkeys/revoke-passkey";
import { resetMemberPasskeys } from "@/lib/passkeys/reset-passkeys";
import { startPasskeySignIn, verifyPasskeySignIn } from "@/lib/passkeys/sign-in-with-passkey";
import { SoftwareAuthenticator } from "./support/authenticator";
import { useTestDatabase } from "./support/database";
import { type World, createUser, createWorld } from "./support/world";

// Passkeys (issue 14, item 1): registration, revocation and sign-in, against real PostgreSQL,
// with a software authenticator (real P-256 signatures over hand-built authenticator data).
// The site is the embedded default's address, http://127.0.0.1:3000: passkeys live on
// http://localhost:3000 (an IP address is no RP ID).

// Sign-in goes through our signIn, as the sign-in page's action calls it: the cookies Auth.js
// sets are kept here, then read as every request reads them.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000", origin: "http://localhost:3000", "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36" }),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
    has: (name: string) => jar.has(name),
  }),
}));
process.env.AUTH_SECRET ??= "integration-test-auth-secret-0123456789abcdef";
process.env.AUTH_URL = "http://127.0.0.1:3000";
delete process.env.APP_URL;
resetConfigCache();
const { signIn } = await import("@/lib/auth");
const { passkeySignInAction, passkeySignInOptionsAction } = await import("@/app/sign-in/actions");

const ORIGIN = "http://localhost:3000";

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => jar.clear());

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "succeeded",
    (error: unknown) => (error instanceof AppError ? error.code : `crashed: ${String(error)}`),
  );

/** A user of their own, signed in (a session row), as Settings sees them. */
async function signedInUser(tag: string, organization: keyof World["orgs"] = "issuingBank"): Promise<Actor> {
  const actor = await createUser(world.orgs[organization], ["MAKER"], `passkey-${tag}-${randomUUID().slice(0, 8)}`);
  return { ...actor, sessionId: await startSession({ userId: actor.userId }) };
}

/** Registers a passkey for `actor` with a fresh software authenticator. */
async function registered(actor: Actor, name = "Work laptop") {
  const authenticator = new SoftwareAuthenticator(ORIGIN);
  const response = authenticator.register(await startPasskeyRegistration({ actor }));
  const passkey = await finishPasskeyRegistration({ actor, name, response });
  return { authenticator, passkey };
}

/** Signs in through Auth.js's passkey provider; answers the actor of the cookie it set, or the refusal. */
async function signInWithPasskey(response: object): Promise<Actor | string> {
  try {
    await signIn("passkey", { response: JSON.stringify(response), redirect: false });
  } catch (error) {
    return `refused: ${(error as { code?: string }).code ?? String(error)}`;
  }
  const claims = await readSessionCookie({ get: (name) => (jar.has(name) ? { value: jar.get(name)! } : undefined) }, config().AUTH_SECRET);
  return claims ? ((await sessionActor(claims)) ?? "no live session") : "no session cookie";
}

describe("the relying party", () => {
  it("is the configured site's host, and the origin its own", () => {
    expect(relyingParty("https://trade.example.com/")).toEqual({ id: "trade.example.com", name: "TradeTrail", origins: ["https://trade.example.com"] });
  });

  it("is localhost on the embedded default's loopback address, which no browser takes as an RP ID", () => {
    expect(relyingParty("http://127.0.0.1:3000")).toEqual({ id: "localhost", name: "TradeTrail", origins: ["http://localhost:3000"] });
    expect(relyingParty("http://[::1]:8080")).toMatchObject({ id: "localhost", origins: ["http://localhost:8080"] });
  });

  it("is unavailable without a configured address, or on an address no passkey can be scoped to", async () => {
    expect(await codeOf(Promise.resolve().then(() => relyingParty(null)))).toBe("UNAVAILABLE");
    expect(await codeOf(Promise.resolve().then(() => relyingParty("http://10.0.0.5:3000")))).toBe("UNAVAILABLE");
  });
});

describe("adding a passkey", () => {
  it("stores its public key, counter, transports and name, and logs it with the credential id", async () => {
    const actor = await signedInUser("add");
    const options = await startPasskeyRegistration({ actor });
    expect(options.rp).toEqual({ id: "localhost", name: "TradeTrail" });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const response = authenticator.register(options);
    const added = await finishPasskeyRegistration({ actor, name: "  Work laptop ", response });

    const row = await db().passkey.findUniqueOrThrow({ where: { id: added.id } });
    expect(row).toMatchObject({ userId: actor.userId, credentialId: response.id, counter: BigInt(0), transports: ["internal"], name: "Work laptop", revokedAt: null, lastUsedAt: null });
    expect(row.publicKey.length).toBeGreaterThan(80);
    expect(await listPasskeys(actor)).toEqual([expect.objectContaining({ id: added.id, name: "Work laptop", lastUsedAt: null })]);
    const [event] = await db().adminEvent.findMany({ where: { organizationId: actor.organizationId, action: "passkey-added", actorId: actor.userId } });
    expect(event?.data).toMatchObject({ credentialId: response.id, name: "Work laptop", publicKey: row.publicKey });
  });

  it("refuses a challenge used once already", async () => {
    const actor = await signedInUser("replay");
    const options = await startPasskeyRegistration({ actor });
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    await finishPasskeyRegistration({ actor, name: "First", response: authenticator.register(options) });
    expect(await codeOf(finishPasskeyRegistration({ actor, name: "Replayed", response: authenticator.register(options) }))).toBe("INVALID_REQUEST");
    expect(await listPasskeys(actor)).toHaveLength(1);
  });

  it("refuses another user's challenge, and another session's, without using it up", async () => {
    const victim = await signedInUser("victim");
    const attacker = await signedInUser("attacker");
    const options = await startPasskeyRegistration({ actor: victim });
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    expect(await codeOf(finishPasskeyRegistration({ actor: attacker, name: "Theirs", response: authenticator.register(options) }))).toBe("INVALID_REQUEST");
    const otherSession = { ...victim, sessionId: await startSession({ userId: victim.userId }) };
    expect(await codeOf(finishPasskeyRegistration({ actor: otherSession, name: "Other tab", response: authenticator.register(options) }))).toBe("INVALID_REQUEST");
    expect(await db().passkey.count({ where: { userId: { in: [victim.userId, attacker.userId] } } })).toBe(0);
    // The victim's own session can still finish what it started.
    expect(await codeOf(finishPasskeyRegistration({ actor: victim, name: "Mine", response: authenticator.register(options) }))).toBe("succeeded");
  });

  it(`refuses a challenge older than ${CHALLENGE_MINUTES} minutes`, async () => {
    const actor = await signedInUser("stale");
    const options = await startPasskeyRegistration({ actor });
    const later = new Date(Date.now() + (CHALLENGE_MINUTES * 60 + 1) * 1000);
    expect(await codeOf(finishPasskeyRegistration({ actor, name: "Late", response: new SoftwareAuthenticator(ORIGIN).register(options), now: later }))).toBe("INVALID_REQUEST");
  });

  it("refuses a response from another origin or for another RP ID, and one without user verification", async () => {
    const actor = await signedInUser("origin");
    for (const overrides of [{ origin: "https://evil.example" }, { origin: "http://127.0.0.1:3000" }, { rpId: "evil.example" }, { userVerified: false }]) {
      const options = await startPasskeyRegistration({ actor });
      expect(await codeOf(finishPasskeyRegistration({ actor, name: "Phished", response: new SoftwareAuthenticator(ORIGIN).register(options, overrides) })), JSON.stringify(overrides)).toBe("INVALID_REQUEST");
    }
    expect(await listPasskeys(actor)).toEqual([]);
  });

  it("needs a signed-in session (an API token has no browser) and a name", async () => {
    const actor = await signedInUser("token");
    expect(await codeOf(startPasskeyRegistration({ actor: { ...actor, sessionId: undefined, apiTokenId: randomUUID() } }))).toBe("FORBIDDEN");
    const options = await startPasskeyRegistration({ actor });
    expect(await codeOf(finishPasskeyRegistration({ actor, name: "   ", response: new SoftwareAuthenticator(ORIGIN).register(options) }))).toBe("INVALID_REQUEST");
  });
});

describe("signing in with a passkey", () => {
  it("starts a session exactly as a password does: a user_sessions row named by the cookie", async () => {
    const actor = await signedInUser("sign-in");
    const { authenticator, passkey } = await registered(actor);
    const signedIn = await signInWithPasskey(authenticator.authenticate(await startPasskeySignIn()));
    expect(signedIn).toMatchObject({ userId: actor.userId, organizationId: actor.organizationId, roles: ["MAKER"] });
    const session = await db().userSession.findUniqueOrThrow({ where: { id: (signedIn as Actor).sessionId! } });
    expect(session).toMatchObject({ userId: actor.userId, revokedAt: null });
    expect(session.userAgent).toContain("Chrome/156.0");
    const row = await db().passkey.findUniqueOrThrow({ where: { id: passkey.id } });
    expect(row.counter).toBe(BigInt(1));
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("refuses a sign-in challenge used once already", async () => {
    const actor = await signedInUser("sign-in-replay");
    const { authenticator } = await registered(actor);
    const options = await startPasskeySignIn();
    expect(await signInWithPasskey(authenticator.authenticate(options))).toMatchObject({ userId: actor.userId });
    // The same challenge answered again, even with a higher counter, is refused.
    expect(await verifyPasskeySignIn({ response: authenticator.authenticate(options) })).toEqual({ ok: false, reason: "challenge" });
  });

  it("refuses a response from another origin, and uses its challenge up", async () => {
    const actor = await signedInUser("sign-in-origin");
    const { authenticator } = await registered(actor);
    const options = await startPasskeySignIn();
    expect(await verifyPasskeySignIn({ response: authenticator.authenticate(options, { origin: "https://evil.example" }) })).toEqual({ ok: false, reason: "not-verified" });
    expect(await verifyPasskeySignIn({ response: authenticator.authenticate(options) })).toEqual({ ok: false, reason: "challenge" });
  });

  it("refuses a challenge that was never issued, or has expired", async () => {
    const actor = await signedInUser("sign-in-unissued");
    const { authenticator } = await registered(actor);
    const options = await startPasskeySignIn();
    expect(await verifyPasskeySignIn({ response: authenticator.authenticate(options, { challenge: Buffer.from("made up").toString("base64url") }) })).toEqual({ ok: false, reason: "challenge" });
    const later = new Date(Date.now() + (CHALLENGE_MINUTES * 60 + 1) * 1000);
    expect(await verifyPasskeySignIn({ response: authenticator.authenticate(options), now: later })).toEqual({ ok: false, reason: "challenge" });
  });

  it("refuses a revoked passkey, and logs the revocation with the credential id", async () => {
    const actor = await signedInUser("revoked");
    const { authenticator, passkey } = await registered(actor);
    await revokePasskey({ actor, passkeyId: passkey.id });
    expect(await listPasskeys(actor)).toEqual([]);
    expect(await signInWithPasskey(authenticator.authenticate(await startPasskeySignIn()))).toBe("refused: passkey");
    expect(await verifyPasskeySignIn({ response: authenticator.authenticate(await startPasskeySignIn()) })).toEqual({ ok: false, reason: "revoked" });
    const [event] = await db().adminEvent.findMany({ where: { organizationId: actor.organizationId, action: "passkey-revoked", actorId: actor.userId } });
    expect(event?.data).toMatchObject({ credentialId: passkey.credentialId, name: "Work laptop" });
    expect(await codeOf(revokePasskey({ actor, passkeyId: passkey.id }))).toBe("NOT_FOUND");
  });

  it("lets nobody revoke another user's passkey", async () => {
    const owner = await signedInUser("owner");
    const other = await signedInUser("other", "advisingBank");
    const { passkey } = await registered(owner);
    expect(await codeOf(revokePasskey({ actor: other, passkeyId: passkey.id }))).toBe("NOT_FOUND");
    expect(await codeOf(revokePasskey({ actor: other, passkeyId: "not-a-uuid" }))).toBe("NOT_FOUND");
    expect(await listPasskeys(owner)).toHaveLength(1);
  });

  it("refuses a cloned authenticator's counter at or below the one stored", async () => {
    const actor = await signedInUser("clone");
    const { authenticator } = await registered(actor);
    expect(await verifyPasskeySignIn({ response: authenticator.authenticate(await startPasskeySignIn(), { counter: 5 }) })).toMatchObject({ ok: true });
    expect(await verifyPasskeySignIn({ response: authenticator.authenticate(await startPasskeySignIn(), { counter: 3 }) })).toEqual({ ok: false, reason: "counter" });
    expect(await verifyPasskeySignIn({ response: authenticator.authenticate(await startPasskeySignIn(), { counter: 5 }) })).toEqual({ ok: false, reason: "counter" });
    expect(await verifyPasskeySignIn({ response: authenticator.authenticate(await startPasskeySignIn(), { counter: 6 }) })).toMatchObject({ ok: true });
  });

  it("refuses an unknown credential, and a response whose user handle names someone else", async () => {
    const actor = await signedInUser("unknown");
    const stranger = new SoftwareAuthenticator(ORIGIN);
    stranger.register(await startPasskeyRegistration({ actor })); // never sent to the server
    expect(await verifyPasskeySignIn({ response: stranger.authenticate(await startPasskeySignIn()) })).toEqual({ ok: false, reason: "unknown-passkey" });

    const { authenticator } = await registered(actor);
    const response = authenticator.authenticate(await startPasskeySignIn());
    response.response.userHandle = Buffer.from(randomUUID()).toString("base64url");
    expect(await verifyPasskeySignIn({ response })).toEqual({ ok: false, reason: "not-verified" });
    expect(await signInWithPasskey({ not: "a response" })).toBe("refused: passkey");
  });
});

describe("the sign-in page's passkey actions", () => {
  it("send the browser to the path asked for on its own address, not to AUTH_URL's host", async () => {
    const actor = await signedInUser("page");
    const { authenticator } = await registered(actor);
    const started = await passkeySignInOptionsAction();
    if (started.status !== "ready") throw new Error(started.error);
    const redirected = await passkeySignInAction(authenticator.authenticate(started.options), "/credits").then(
      () => "no redirect",
      (error: unknown) => String((error as { digest?: string }).digest ?? error),
    );
    expect(redirected).toMatch(/^NEXT_REDIRECT;[a-z]+;\/credits;/);
    expect(await passkeySignInAction(authenticator.authenticate(started.options), "/")).toEqual({ error: expect.stringContaining("did not sign you in") });
  });

  it("hand out sign-in challenges at a bounded rate per network", async () => {
    const answers = [];
    for (let i = 0; i < 25; i++) answers.push((await passkeySignInOptionsAction()).status);
    expect(answers.filter((a) => a === "ready").length).toBeLessThanOrEqual(20);
    expect(answers.at(-1)).toBe("error");
  });
});

describe("recovery by an administrator", () => {
  it("revokes every passkey of a member and ends their sessions, logged with the credential ids; a revoked key signs nobody in", async () => {
    const member = await signedInUser("recover");
    const { authenticator, passkey } = await registered(member, "Lost phone");
    await registered(member, "Old laptop");
    const admin = world.users.issuingBank.ADMIN;
    expect(await resetMemberPasskeys({ admin, userId: member.userId })).toEqual({ revoked: 2 });
    expect(await listPasskeys(member)).toEqual([]);
    expect(await db().userSession.count({ where: { userId: member.userId, revokedAt: null } })).toBe(0);
    const [event] = await db().adminEvent.findMany({ where: { organizationId: world.orgs.issuingBank, action: "passkeys-reset" }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(event).toMatchObject({ actorId: admin.userId, subject: member.email, data: { credentialIds: expect.arrayContaining([passkey.credentialId]) } });
    const options = await startPasskeySignIn();
    expect(await signInWithPasskey(authenticator.authenticate(options))).toMatch(/^refused/);
  });

  it("is for administrators of the member's own organisation only, and says when there is nothing to reset", async () => {
    const member = await signedInUser("recover-guard");
    await registered(member);
    expect(await codeOf(resetMemberPasskeys({ admin: world.users.issuingBank.CHECKER, userId: member.userId }))).toBe("FORBIDDEN");
    expect(await codeOf(resetMemberPasskeys({ admin: world.users.advisingBank.ADMIN, userId: member.userId }))).toBe("NOT_FOUND");
    expect(await codeOf(resetMemberPasskeys({ admin: world.users.issuingBank.ADMIN, userId: "junk" }))).toBe("NOT_FOUND");
    expect(await listPasskeys(member)).toHaveLength(1);
    const without = await signedInUser("recover-none");
    expect(await codeOf(resetMemberPasskeys({ admin: world.users.issuingBank.ADMIN, userId: without.userId }))).toBe("INVALID_STATE");
  });
});
