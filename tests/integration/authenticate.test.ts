import { describe, expect, it } from "vitest";
import { FAILURE_DELAY_MS, LOCK_MINUTES, MAX_FAILED_SIGN_INS, authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "./support/database";

useTestDatabase();

async function user(email: string, password = "correct horse battery staple") {
  return db().user.create({ data: { email, name: "Test User", passwordHash: await hashPassword(password) } });
}

describe("sign-in with email and password", () => {
  it("signs in with the right password, case-insensitively on the email, and resets the failure count", async () => {
    const created = await user("maya@bank.example");
    await db().user.update({ where: { id: created.id }, data: { failedSignIns: 3 } });
    const result = await authenticate({ email: "  Maya@Bank.example ", password: "correct horse battery staple" }, { delayMs: 0 });
    expect(result).toEqual({ ok: true, user: { id: created.id, email: "maya@bank.example", name: "Test User" } });
    const after = await db().user.findUniqueOrThrow({ where: { id: created.id } });
    expect(after.failedSignIns).toBe(0);
    expect(after.lastSignInAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong password after a delay, without saying whether the account exists", async () => {
    await user("daniel@bank.example");
    const started = Date.now();
    expect(await authenticate({ email: "daniel@bank.example", password: "wrong" })).toEqual({ ok: false, reason: "invalid" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(FAILURE_DELAY_MS - 5);
    expect(await authenticate({ email: "nobody@bank.example", password: "wrong" }, { delayMs: 0 })).toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_SIGN_INS} failures in a row, even for the right password`, async () => {
    await user("sanne@bank.example");
    const now = new Date("2026-11-25T10:00:00Z");
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
      expect(await authenticate({ email: "sanne@bank.example", password: `guess ${i}` }, { now, delayMs: 0 })).toEqual({ ok: false, reason: "invalid" });
    }
    const fifth = await authenticate({ email: "sanne@bank.example", password: "guess 5" }, { now, delayMs: 0 });
    expect(fifth).toEqual({ ok: false, reason: "locked", until: new Date(now.getTime() + LOCK_MINUTES * 60_000) });
    const meanwhile = new Date(now.getTime() + (LOCK_MINUTES - 1) * 60_000);
    expect(await authenticate({ email: "sanne@bank.example", password: "correct horse battery staple" }, { now: meanwhile, delayMs: 0 })).toMatchObject({ ok: false, reason: "locked" });
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    expect(await authenticate({ email: "sanne@bank.example", password: "correct horse battery staple" }, { now: later, delayMs: 0 })).toMatchObject({ ok: true });
  });

  it("counts parallel wrong guesses exactly, so they cannot slip past the limit", async () => {
    await user("pieter@bank.example");
    const now = new Date("2026-11-25T10:00:00Z");
    const results = await Promise.all(
      Array.from({ length: MAX_FAILED_SIGN_INS + 3 }, (_, i) => authenticate({ email: "pieter@bank.example", password: `guess ${i}` }, { now, delayMs: 0 })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "locked").length).toBeGreaterThanOrEqual(1);
    const stored = await db().user.findUniqueOrThrow({ where: { email: "pieter@bank.example" } });
    expect(stored.lockedUntil).not.toBeNull();
  });
});
