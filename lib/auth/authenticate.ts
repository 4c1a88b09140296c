import { db } from "@/lib/db/client";
import { decoyHash, verifyPassword } from "./password";

// Email and password sign-in with a lockout: five wrong passwords in a row lock the account
// for LOCK_MINUTES. Every refusal takes at least FAILURE_DELAY_MS, slowing guessing down.

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
export const FAILURE_DELAY_MS = 750;

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function authenticate(input: { email: string; password: string }, options: { now?: Date; delayMs?: number } = {}): Promise<SignInResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const refuse = async <T extends SignInResult>(result: T): Promise<T> => {
    const wait = (options.delayMs ?? FAILURE_DELAY_MS) - (Date.now() - started);
    if (wait > 0) await sleep(wait);
    return result;
  };

  const email = input.email.trim().toLowerCase();
  const user = await db().user.findUnique({ where: { email } });
  if (!user) {
    await verifyPassword(await decoyHash(), input.password);
    return refuse({ ok: false, reason: "invalid" });
  }
  // An attempt is reserved before the password is verified: one statement counts it as a failure
  // in advance, and only while the account is unlocked and fewer than MAX_FAILED_SIGN_INS
  // attempts are counted. Parallel guesses therefore get at most that many verifications between
  // them, whatever order they arrive in; the right password among the reserved ones undoes its
  // count, and the rest are refused as locked without a verification.
  const [reserved] = await db().$queryRaw<{ failed_sign_ins: number }[]>`
    UPDATE users SET failed_sign_ins = failed_sign_ins + 1
     WHERE id = ${user.id}::uuid AND (locked_until IS NULL OR locked_until <= ${now}) AND failed_sign_ins < ${MAX_FAILED_SIGN_INS}
     RETURNING failed_sign_ins`;
  if (!reserved) {
    const current = await db().user.findUnique({ where: { id: user.id }, select: { lockedUntil: true } });
    // Every allowed attempt is already being verified: the lock those attempts set, or will set.
    const until = current?.lockedUntil && current.lockedUntil > now ? current.lockedUntil : new Date(now.getTime() + LOCK_MINUTES * 60_000);
    return refuse({ ok: false, reason: "locked", until });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    // The failure was counted by the reservation. The attempt that took the last allowed slot
    // locks the account and starts the count again for when the lock ends.
    if (reserved.failed_sign_ins < MAX_FAILED_SIGN_INS) return refuse({ ok: false, reason: "invalid" });
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await db().$executeRaw`UPDATE users SET failed_sign_ins = 0, locked_until = ${until} WHERE id = ${user.id}::uuid`;
    return refuse({ ok: false, reason: "locked", until });
  }
  await db().user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
