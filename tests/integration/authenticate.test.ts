import { describe, expect, it } from "vitest";
import { ACCOUNT_LIMIT, FAILURE_DELAY_MS, LOCK_MINUTES, MAX_FAILED_SIGN_INS, NETWORK_LIMIT, authenticate, clearAddressThrottles, lockedUntil, unlockAccount } from "@/lib/auth/authenticate";
import { listMembersWithSessions } from "@/lib/auth/user-sessions";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "./support/database";
import { createUser, createWorld } from "./support/world";

useTestDatabase();

const PASSWORD = "correct horse battery staple";
async function user(email: string, password = PASSWORD) {
  return db().user.create({ data: { email, name: "Test User", passwordHash: await hashPassword(password) } });
}
const MINUTE = 60_000;

/** `n` wrong passwords for `email` from `ip`, one after another; the answers' reasons. */
async function guesses(email: string, n: number, options: { now: Date; ip: string }) {
  const reasons: string[] = [];
  for (let i = 0; i < n; i++) {
    const result = await authenticate({ email, password: `guess ${i}` }, { ...options, delayMs: 0 });
    reasons.push(result.ok ? "ok" : result.reason);
  }
  return reasons;
}

describe("sign-in with email and password", () => {
  it("signs in with the right password, case-insensitively on the email, and forgets the failures before it", async () => {
    const created = await user("maya@bank.example");
    const now = new Date("2026-11-25T10:00:00Z");
    expect(await guesses("maya@bank.example", MAX_FAILED_SIGN_INS - 1, { now, ip: "203.0.113.1" })).toEqual(Array(MAX_FAILED_SIGN_INS - 1).fill("invalid"));
    const result = await authenticate({ email: "  Maya@Bank.example ", password: PASSWORD }, { delayMs: 0, now, ip: "203.0.113.1" });
    expect(result).toEqual({ ok: true, user: { id: created.id, email: "maya@bank.example", name: "Test User" } });
    expect((await db().user.findUniqueOrThrow({ where: { id: created.id } })).lastSignInAt).toBeInstanceOf(Date);
    // The count starts again: four more wrong passwords are still only "invalid".
    expect(await guesses("maya@bank.example", MAX_FAILED_SIGN_INS - 1, { now, ip: "203.0.113.1" })).toEqual(Array(MAX_FAILED_SIGN_INS - 1).fill("invalid"));
  });

  it("refuses a wrong password after a delay, without saying whether the account exists", async () => {
    await user("daniel@bank.example");
    const started = Date.now();
    expect(await authenticate({ email: "daniel@bank.example", password: "wrong" })).toEqual({ ok: false, reason: "invalid" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(FAILURE_DELAY_MS - 5);
    expect(await authenticate({ email: "nobody@bank.example", password: "wrong" }, { delayMs: 0 })).toEqual({ ok: false, reason: "invalid" });
  });

  it("answers an unknown address exactly as a known one, lock included (no enumeration by 'locked')", async () => {
    await user("known@bank.example");
    const now = new Date("2026-11-25T10:00:00Z");
    const known = await guesses("known@bank.example", MAX_FAILED_SIGN_INS + 2, { now, ip: "198.51.100.9" });
    const unknown = await guesses("unknown@bank.example", MAX_FAILED_SIGN_INS + 2, { now, ip: "198.51.100.9" });
    expect(unknown).toEqual(known);
    expect(known).toEqual([...Array(MAX_FAILED_SIGN_INS - 1).fill("invalid"), "locked", "locked", "locked"]);
    // Nothing about either address is stored in the clear.
    const keys = (await db().signInThrottle.findMany()).map((t) => t.key).join(" ");
    expect(keys).not.toMatch(/known|unknown|bank\.example|198\.51/);
  });

  it(`locks an address from one network for ${LOCK_MINUTES} minutes after ${MAX_FAILED_SIGN_INS} failures in a row, even for the right password`, async () => {
    await user("sanne@bank.example");
    const now = new Date("2026-11-25T10:00:00Z");
    const ip = "192.0.2.10";
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
      expect(await authenticate({ email: "sanne@bank.example", password: `guess ${i}` }, { now, ip, delayMs: 0 })).toEqual({ ok: false, reason: "invalid" });
    }
    const fifth = await authenticate({ email: "sanne@bank.example", password: "guess 5" }, { now, ip, delayMs: 0 });
    expect(fifth).toEqual({ ok: false, reason: "locked", until: new Date(now.getTime() + LOCK_MINUTES * MINUTE) });
    expect(await lockedUntil("sanne@bank.example", now)).toEqual(new Date(now.getTime() + LOCK_MINUTES * MINUTE));
    const meanwhile = new Date(now.getTime() + (LOCK_MINUTES - 1) * MINUTE);
    expect(await authenticate({ email: "sanne@bank.example", password: PASSWORD }, { now: meanwhile, ip, delayMs: 0 })).toMatchObject({ ok: false, reason: "locked" });
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * MINUTE);
    expect(await authenticate({ email: "sanne@bank.example", password: PASSWORD }, { now: later, ip, delayMs: 0 })).toMatchObject({ ok: true });
  });

  it("a guesser locks out only their own network: the account holder signs in from theirs (lockout is no denial of service)", async () => {
    await user("checker@bank.example");
    const now = new Date("2026-11-25T10:00:00Z");
    expect((await guesses("checker@bank.example", MAX_FAILED_SIGN_INS + 5, { now, ip: "203.0.113.66" })).slice(-1)).toEqual(["locked"]);
    expect(await authenticate({ email: "checker@bank.example", password: PASSWORD }, { now, ip: "198.51.100.20", delayMs: 0 })).toMatchObject({ ok: true });
    // The guesser's own network stays locked for the address.
    expect(await authenticate({ email: "checker@bank.example", password: PASSWORD }, { now, ip: "203.0.113.66", delayMs: 0 })).toMatchObject({ ok: false, reason: "locked" });
  });

  it(`locks the address everywhere after ${ACCOUNT_LIMIT.failures} failures from many networks within the hour`, async () => {
    await user("spread@bank.example");
    const now = new Date("2026-11-25T10:00:00Z");
    const reasons: string[] = [];
    for (let n = 0; n < ACCOUNT_LIMIT.failures / 2; n++) reasons.push(...(await guesses("spread@bank.example", 2, { now, ip: `10.0.${n}.1` })));
    expect(reasons.slice(0, -1).every((r) => r === "invalid")).toBe(true);
    expect(reasons.at(-1)).toBe("locked");
    expect(await authenticate({ email: "spread@bank.example", password: PASSWORD }, { now, ip: "198.51.100.77", delayMs: 0 })).toMatchObject({ ok: false, reason: "locked" });
    // An administrator's unlock lifts it at once.
    expect(await clearAddressThrottles("Spread@bank.example")).toBeGreaterThan(0);
    expect(await lockedUntil("spread@bank.example", now)).toBeNull();
    expect(await authenticate({ email: "spread@bank.example", password: PASSWORD }, { now, ip: "198.51.100.77", delayMs: 0 })).toMatchObject({ ok: true });
  });

  it(`stops a network after ${NETWORK_LIMIT.failures} failures over any addresses, and not another network`, async () => {
    await user("victim@bank.example");
    const now = new Date("2026-11-25T10:00:00Z");
    const ip = "203.0.113.200";
    const reasons: string[] = [];
    for (let i = 0; i < NETWORK_LIMIT.failures / 4; i++) reasons.push(...(await guesses(`spray-${i}@bank.example`, 4, { now, ip })));
    expect(reasons.slice(0, -1).every((r) => r === "invalid")).toBe(true);
    expect(reasons.at(-1)).toBe("throttled");
    expect(await authenticate({ email: "victim@bank.example", password: PASSWORD }, { now, ip, delayMs: 0 })).toMatchObject({ ok: false, reason: "throttled" });
    expect(await authenticate({ email: "victim@bank.example", password: PASSWORD }, { now, ip: "198.51.100.1", delayMs: 0 })).toMatchObject({ ok: true });
  });

  it("counts parallel wrong guesses exactly, so they cannot slip past the limit", async () => {
    await user("pieter@bank.example");
    const now = new Date("2026-11-25T10:00:00Z");
    const results = await Promise.all(
      Array.from({ length: MAX_FAILED_SIGN_INS + 3 }, (_, i) => authenticate({ email: "pieter@bank.example", password: `guess ${i}` }, { now, delayMs: 0, ip: "192.0.2.50" })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "locked").length).toBe(4);
    expect(await lockedUntil("pieter@bank.example", now)).not.toBeNull();
  });

  it("an administrator unlocks a member of their own organisation; a non-administrator and another organisation's cannot", async () => {
    const world = await createWorld();
    const member = await createUser(world.orgs.issuingBank, ["CHECKER"], "locked-checker", await hashPassword(PASSWORD));
    const now = new Date();
    await guesses(member.email, MAX_FAILED_SIGN_INS, { now, ip: "203.0.113.5" });
    expect(await lockedUntil(member.email, now)).not.toBeNull();
    const listed = (await listMembersWithSessions(world.users.issuingBank.ADMIN)).find((m) => m.userId === member.userId);
    expect(listed?.lockedUntil).toEqual(await lockedUntil(member.email, now));

    const codeOf = (p: Promise<unknown>) => p.then(() => "unlocked", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
    expect(await codeOf(unlockAccount(world.users.issuingBank.MAKER, member.userId))).toBe("FORBIDDEN");
    expect(await codeOf(unlockAccount(world.users.advisingBank.ADMIN, member.userId))).toBe("NOT_FOUND");
    expect(await codeOf(unlockAccount(world.users.issuingBank.ADMIN, "not-a-user"))).toBe("NOT_FOUND");
    expect(await lockedUntil(member.email, now)).not.toBeNull();

    expect(await unlockAccount(world.users.issuingBank.ADMIN, member.userId)).toBeGreaterThan(0);
    expect(await lockedUntil(member.email, now)).toBeNull();
    expect(await authenticate({ email: member.email, password: PASSWORD }, { now, ip: "203.0.113.5", delayMs: 0 })).toMatchObject({ ok: true });
  });
});
