import { describe, expect, it, vi } from "vitest";
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS, authenticate, lockedUntil } from "@/lib/auth/authenticate";
import type * as Passwords from "@/lib/auth/password";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "./support/database";

// Issue 12, M2: twenty simultaneous sign-ins, nineteen wrong, let the right one in, because each
// attempt read the lock before its password was verified and counted its failure after. Here 50
// attempts race, and the verifier counts how many passwords were actually checked (argon2 itself
// runs; the spy only counts).
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof Passwords>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

useTestDatabase();

const PASSWORD = "correct horse battery staple";

describe("sign-in attempts racing each other (issue 12, M2)", () => {
  it(`50 parallel attempts, 49 wrong and the right one last, get at most ${MAX_FAILED_SIGN_INS} password checks between them`, async () => {
    await db().user.create({ data: { email: "race@bank.example", name: "Race Target", passwordHash: await hashPassword(PASSWORD) } });
    const verify = vi.mocked(verifyPassword);
    verify.mockClear();
    const now = new Date("2026-11-25T10:00:00Z");
    const attempts = Array.from({ length: 50 }, (_, i) => (i === 49 ? PASSWORD : `guess ${i}`));
    const results = await Promise.all(attempts.map((password) => authenticate({ email: "race@bank.example", password }, { now, delayMs: 0 })));

    expect(verify.mock.calls.length).toBeLessThanOrEqual(MAX_FAILED_SIGN_INS);
    const refusedUnchecked = results.filter((r) => !r.ok && r.reason === "locked").length;
    expect(refusedUnchecked).toBeGreaterThanOrEqual(50 - MAX_FAILED_SIGN_INS);
    // Whatever got through was checked: the right password only signs in if it was among the checked ones.
    const checked = new Set(verify.mock.calls.map(([, password]) => password));
    if (results[49]!.ok) expect(checked.has(PASSWORD)).toBe(true);
    else {
      expect(results[49]).toMatchObject({ ok: false, reason: "locked" });
      expect((await lockedUntil("race@bank.example", now))?.getTime()).toBe(now.getTime() + LOCK_MINUTES * 60_000);
    }
  });

  it("50 parallel wrong guesses lock the account after exactly the allowed number of checks", async () => {
    await db().user.create({ data: { email: "race2@bank.example", name: "Race Target", passwordHash: await hashPassword(PASSWORD) } });
    const verify = vi.mocked(verifyPassword);
    verify.mockClear();
    const now = new Date("2026-11-25T10:00:00Z");
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => authenticate({ email: "race2@bank.example", password: `guess ${i}` }, { now, delayMs: 0 })));
    expect(verify.mock.calls.length).toBe(MAX_FAILED_SIGN_INS);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(MAX_FAILED_SIGN_INS - 1);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(50 - (MAX_FAILED_SIGN_INS - 1));
    // The right password is refused until the lock ends, and then works.
    expect(await authenticate({ email: "race2@bank.example", password: PASSWORD }, { now, delayMs: 0 })).toMatchObject({ ok: false, reason: "locked" });
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    expect(await authenticate({ email: "race2@bank.example", password: PASSWORD }, { now: later, delayMs: 0 })).toMatchObject({ ok: true });
  });
});
