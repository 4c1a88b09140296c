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
  if (user.lockedUntil && user.lockedUntil > now) {
    return refuse({ ok: false, reason: "locked", until: user.lockedUntil });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    // Counted atomically so parallel guesses cannot slip past the limit.
    const [updated] = await db().$queryRaw<{ failed_sign_ins: number }[]>`
      UPDATE users SET failed_sign_ins = CASE WHEN locked_until IS NOT NULL AND locked_until <= ${now} THEN 1 ELSE failed_sign_ins + 1 END,
                       locked_until = NULL
       WHERE id = ${user.id}::uuid RETURNING failed_sign_ins`;
    if ((updated?.failed_sign_ins ?? 0) >= MAX_FAILED_SIGN_INS) {
      const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
      await db().user.update({ where: { id: user.id }, data: { lockedUntil: until, failedSignIns: 0 } });
      return refuse({ ok: false, reason: "locked", until });
    }
    return refuse({ ok: false, reason: "invalid" });
  }
  await db().user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
