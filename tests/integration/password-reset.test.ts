import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { RESETS_PER_HOUR, requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { sessionActor, startSession } from "@/lib/auth/user-sessions";
import { db } from "@/lib/db/client";
import { MAX_ATTEMPTS, deliverDueEmails, retryDelayMs, smtpTransport } from "@/lib/email/outbox";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "./support/database";
import { type TestSmtp, linkToken, startTestSmtp, tokenFrom } from "./support/smtp";
import { createUser, createWorld } from "./support/world";

// Password reset by e-mail, and the outbox that carries it, against a real SMTP server started
// here (smtp-server): messages are read as the server received them.

useTestDatabase();

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
});

const STRONG = "copper lantern orbit meadow";
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? `${e.code}: ${e.message}` : String(e)));
const inbox = () => smtp.inbox;
const tokenOf = (email: string) => tokenFrom(smtp.inbox, email, "/reset-password");

describe("password reset by e-mailed link", () => {
  it("e-mails a single-use link; it sets a policy-abiding password, ends every session, and works once", async () => {
    const world = await createWorld();
    const user = await createUser(world.orgs.issuingBank, ["CHECKER"], "forgetful", await hashPassword("old password that works"));
    const session = await startSession({ userId: user.userId });
    await requestPasswordReset(`  ${user.email.toUpperCase()} `);
    expect(await deliverDueEmails(smtpTransport()!)).toEqual({ sent: 1, failed: 0 });
    const received = inbox().at(-1)!;
    expect(received.to).toEqual([user.email]);
    expect(received.raw).toMatch(/Subject: Set a new TradeTrail password/);
    const token = tokenOf(user.email);
    expect(await db().passwordReset.findFirst({ where: { tokenHash: token } })).toBeNull(); // only the hash is stored

    expect(await codeOf(resetPassword(token, "password1234"))).toMatch(/INVALID_REQUEST: This password is on a list of passwords exposed/);
    expect(await codeOf(resetPassword(token, "short"))).toMatch(/at least 12 characters/);
    expect(await resetPassword(token, STRONG)).toEqual({ email: user.email });
    expect(await sessionActor({ userId: user.userId, sessionId: session })).toBeNull();
    expect(await authenticate({ email: user.email, password: STRONG }, { delayMs: 0 })).toMatchObject({ ok: true });
    expect(await codeOf(resetPassword(token, "another strong passphrase here"))).toMatch(/INVALID_REQUEST: This link is not valid any more/);
  });

  it("answers an unknown address the same and sends nothing; at most three links an hour; only the newest works; links expire", async () => {
    const world = await createWorld();
    const user = await createUser(world.orgs.beneficiary, ["MAKER"], "often", await hashPassword("old password that works"));
    const before = await db().emailMessage.count();
    await requestPasswordReset("nobody-here@test.example");
    expect(await db().emailMessage.count()).toBe(before);

    const now = new Date();
    for (let i = 0; i < RESETS_PER_HOUR + 2; i++) await requestPasswordReset(user.email, new Date(now.getTime() + i * 1000));
    expect(await db().emailMessage.count({ where: { to: user.email } })).toBe(RESETS_PER_HOUR);
    await deliverDueEmails(smtpTransport()!, { now: new Date(now.getTime() + 10_000) });
    const tokens = inbox().filter((m) => m.to.includes(user.email)).map((m) => linkToken(m.raw, "/reset-password")!);
    expect(tokens).toHaveLength(RESETS_PER_HOUR);
    // The newest link is the one whose hash the latest reset row holds.
    const newestRow = await db().passwordReset.findFirstOrThrow({ where: { userId: user.userId }, orderBy: { createdAt: "desc" } });
    const newest = tokens.find((t) => createHash("sha256").update(t).digest("hex") === newestRow.tokenHash)!;
    for (const older of tokens.filter((t) => t !== newest)) expect(await codeOf(resetPassword(older, STRONG))).toMatch(/not valid any more/);
    expect(await codeOf(resetPassword(newest, STRONG, new Date(now.getTime() + 33 * 60_000)))).toMatch(/not valid any more/);
    expect(await resetPassword(newest, STRONG)).toEqual({ email: user.email });
    expect(await codeOf(resetPassword("x".repeat(43), STRONG))).toMatch(/not valid any more/);
  });

  it("two uses of one link racing each other: one sets the password, the other is refused", async () => {
    const world = await createWorld();
    const user = await createUser(world.orgs.applicant, ["MAKER"], "racer", await hashPassword("old password that works"));
    await requestPasswordReset(user.email);
    await deliverDueEmails(smtpTransport()!);
    const token = tokenOf(user.email);
    const results = await Promise.all([resetPassword(token, STRONG), resetPassword(token, "a different strong phrase of words")].map(codeOf));
    expect(results.sort()).toEqual(["INVALID_REQUEST: This link is not valid any more: it was used, replaced by a newer one, or is older than 30 minutes. Ask for a new one.", "ok"]);
  });
});

describe("the e-mail outbox", () => {
  it("keeps a message while SMTP is down, retries with a growing wait, and delivers it when SMTP is back", async () => {
    const world = await createWorld();
    const user = await createUser(world.orgs.advisingBank, ["MAKER"], "patient", await hashPassword("old password that works"));
    await requestPasswordReset(user.email);
    const row = () => db().emailMessage.findFirstOrThrow({ where: { to: user.email } });
    await smtp.stop();
    try {
      const t0 = new Date();
      expect(await deliverDueEmails(smtpTransport()!, { now: t0 })).toEqual({ sent: 0, failed: 1 });
      const first = await row();
      expect(first).toMatchObject({ status: "QUEUED", attempts: 1 });
      expect(first.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(first.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1));
      // Not due yet: nothing is tried.
      expect(await deliverDueEmails(smtpTransport()!, { now: t0 })).toEqual({ sent: 0, failed: 0 });
      const t1 = new Date(first.nextAttemptAt.getTime() + 1);
      expect(await deliverDueEmails(smtpTransport()!, { now: t1 })).toEqual({ sent: 0, failed: 1 });
      expect((await row()).nextAttemptAt.getTime()).toBe(t1.getTime() + retryDelayMs(2));
      expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
    } finally {
      await smtp.start();
    }
    const later = new Date(Date.now() + 3_600_000);
    expect(await deliverDueEmails(smtpTransport()!, { now: later })).toEqual({ sent: 1, failed: 0 });
    expect(await row()).toMatchObject({ status: "SENT", attempts: 3 });
    expect(inbox().filter((m) => m.to.includes(user.email))).toHaveLength(1);
  });

  it(`gives a message up after ${MAX_ATTEMPTS} failed attempts, keeping the last error`, async () => {
    await db().emailMessage.create({ data: { to: "never@test.example", subject: "s", text: "t", kind: "test", attempts: MAX_ATTEMPTS - 1 } });
    const failing = { sendMail: async () => Promise.reject(new Error("550 mailbox unavailable")) };
    await deliverDueEmails(failing);
    expect(await db().emailMessage.findFirstOrThrow({ where: { to: "never@test.example" } })).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, lastError: "550 mailbox unavailable" });
  });
});
