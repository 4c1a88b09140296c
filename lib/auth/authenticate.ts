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
    // Counted and locked in one statement, so parallel guesses can neither slip past the limit
    // nor clear a lock another guess just set.
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    const [updated] = await db().$queryRaw<{ locked_until: Date | null }[]>`
      UPDATE users SET
        failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= ${MAX_FAILED_SIGN_INS} THEN 0 ELSE failed_sign_ins + 1 END,
        locked_until = CASE WHEN failed_sign_ins + 1 >= ${MAX_FAILED_SIGN_INS} THEN ${until}
                            WHEN locked_until > ${now} THEN locked_until ELSE NULL END
       WHERE id = ${user.id}::uuid RETURNING locked_until`;
    if (updated?.locked_until && updated.locked_until > now) return refuse({ ok: false, reason: "locked", until: updated.locked_until });
    return refuse({ ok: false, reason: "invalid" });
  }
  await db().user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
