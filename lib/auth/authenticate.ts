import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { Prisma } from "@/lib/generated/prisma/client";
import { decoyHash, verifyPassword } from "./password";
import { logAdminEvent } from "@/lib/organizations/admin-log";

// Email and password sign-in, throttled three ways (issue 12, L1), in sign_in_throttles:
//
//   - an address from one network: MAX_FAILED_SIGN_INS wrong passwords in a row lock that pair
//     for LOCK_MINUTES. Someone guessing from their own network locks out only themselves;
//   - an address from anywhere: ACCOUNT_LIMIT failures within an hour lock the address, against
//     guessing spread over many networks;
//   - a network, whatever the address: NETWORK_LIMIT failures within LOCK_MINUTES stop it.
//
// Every key is an address's or a network's SHA-256, whether or not the address has an account,
// so an unknown address is answered exactly as a known one ("invalid", then "locked"), and no
// address or IP is stored in the clear. An administrator can lift an account's locks
// (unlockAccount). Every refusal takes at least FAILURE_DELAY_MS.

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
export const ACCOUNT_LIMIT = { failures: 50, windowMinutes: 60 } as const;
export const NETWORK_LIMIT = { failures: 100, windowMinutes: LOCK_MINUTES } as const;
export const FAILURE_DELAY_MS = 750;

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date }
  | { ok: false; reason: "throttled"; until: Date };

interface Throttle {
  key: string;
  max: number;
  windowMinutes: number;
  /** What a refusal by this throttle is called. */
  refusal: "locked" | "throttled";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const digest = (text: string) => createHash("sha256").update(text).digest("hex");
const addressKey = (email: string) => digest(`address:${email.trim().toLowerCase()}`);

function throttles(email: string, ip: string | null | undefined): Throttle[] {
  const address = addressKey(email);
  const network = digest(`network:${ip?.trim() || "unknown"}`);
  // A fixed order, so concurrent attempts lock the rows in the same order and never deadlock.
  return [
    { key: `pair:${address}:${network}`, max: MAX_FAILED_SIGN_INS, windowMinutes: LOCK_MINUTES, refusal: "locked" },
    { key: `account:${address}`, max: ACCOUNT_LIMIT.failures, windowMinutes: ACCOUNT_LIMIT.windowMinutes, refusal: "locked" },
    { key: `network:${network}`, max: NETWORK_LIMIT.failures, windowMinutes: NETWORK_LIMIT.windowMinutes, refusal: "throttled" },
  ];
}

class Refused extends Error {
  constructor(
    readonly throttle: Throttle,
    readonly until: Date,
  ) {
    super(throttle.refusal);
  }
}

/**
 * Counts this attempt as a failure in advance on every throttle, in one transaction: all or
 * none. One INSERT … ON CONFLICT DO UPDATE … WHERE per key takes a slot only while the key is
 * unlocked and under its limit, so parallel guesses get at most that many password checks
 * between them, whatever order they arrive in. Answers the failures counted on each key, or the
 * throttle that refused and until when.
 */
async function reserve(keys: Throttle[], now: Date): Promise<number[] | Refused> {
  try {
    return await db().$transaction(async (tx) => {
      const counts: number[] = [];
      for (const throttle of keys) {
        const windowStart = new Date(now.getTime() - throttle.windowMinutes * 60_000);
        const [row] = await tx.$queryRaw<{ failures: number }[]>(Prisma.sql`
          INSERT INTO sign_in_throttles AS t (key, failures, window_started_at) VALUES (${throttle.key}, 1, ${now})
          ON CONFLICT (key) DO UPDATE SET
            failures = CASE WHEN t.window_started_at <= ${windowStart} THEN 1 ELSE t.failures + 1 END,
            window_started_at = CASE WHEN t.window_started_at <= ${windowStart} THEN ${now} ELSE t.window_started_at END,
            locked_until = NULL
          WHERE (t.locked_until IS NULL OR t.locked_until <= ${now}) AND (t.failures < ${throttle.max} OR t.window_started_at <= ${windowStart})
          RETURNING failures`);
        if (!row) {
          const [held] = await tx.$queryRaw<{ locked_until: Date | null }[]>(Prisma.sql`SELECT locked_until FROM sign_in_throttles WHERE key = ${throttle.key}`);
          // Every allowed attempt is already being checked: the lock those attempts set, or will set.
          const until = held?.locked_until && held.locked_until > now ? held.locked_until : new Date(now.getTime() + LOCK_MINUTES * 60_000);
          throw new Refused(throttle, until);
        }
        counts.push(row.failures);
      }
      return counts;
    });
  } catch (error) {
    if (error instanceof Refused) return error;
    throw error;
  }
}

export async function authenticate(input: { email: string; password: string }, options: { now?: Date; delayMs?: number; ip?: string | null } = {}): Promise<SignInResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const refuse = async <T extends SignInResult>(result: T): Promise<T> => {
    const wait = (options.delayMs ?? FAILURE_DELAY_MS) - (Date.now() - started);
    if (wait > 0) await sleep(wait);
    return result;
  };

  const email = input.email.trim().toLowerCase();
  const keys = throttles(email, options.ip);
  const reserved = await reserve(keys, now);
  if (reserved instanceof Refused) return refuse({ ok: false, reason: reserved.throttle.refusal, until: reserved.until });

  const user = await db().user.findUnique({ where: { email } });
  // An unknown address costs a password check too (a decoy hash), and is counted the same way.
  const right = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await decoyHash(), input.password), false);
  if (!right || !user) {
    // The failure was counted by the reservation. The attempt that took a key's last slot locks
    // it, and its count starts again for when the lock ends.
    const full = keys.filter((throttle, i) => reserved[i]! >= throttle.max);
    if (full.length === 0) return refuse({ ok: false, reason: "invalid" });
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await db().$executeRaw(Prisma.sql`UPDATE sign_in_throttles SET failures = 0, window_started_at = ${now}, locked_until = ${until} WHERE key IN (${Prisma.join(full.map((t) => t.key))})`);
    return refuse({ ok: false, reason: full.some((t) => t.refusal === "locked") ? "locked" : "throttled", until });
  }
  // The right password: the address's failures in a row start again, and the network gets back
  // the slot this attempt took.
  await db().$transaction([
    db().$executeRaw(Prisma.sql`DELETE FROM sign_in_throttles WHERE key IN (${keys[0]!.key}, ${keys[1]!.key})`),
    db().$executeRaw(Prisma.sql`UPDATE sign_in_throttles SET failures = GREATEST(failures - 1, 0) WHERE key = ${keys[2]!.key}`),
    db().user.update({ where: { id: user.id }, data: { lastSignInAt: now } }),
  ]);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/** Until when an address is locked from some or every network, or null. */
export async function lockedUntil(email: string, now = new Date()): Promise<Date | null> {
  const address = addressKey(email);
  const [row] = await db().$queryRaw<{ until: Date | null }[]>(Prisma.sql`
    SELECT max(locked_until) AS until FROM sign_in_throttles
     WHERE (key = ${`account:${address}`} OR key LIKE ${`pair:${address}:%`}) AND locked_until > ${now}`);
  return row?.until ?? null;
}

/** Lifts every lock on an address, and forgets its failures (an administrator's unlock). */
export async function clearAddressThrottles(email: string): Promise<number> {
  const address = addressKey(email);
  return db().$executeRaw(Prisma.sql`DELETE FROM sign_in_throttles WHERE key = ${`account:${address}`} OR key LIKE ${`pair:${address}:%`}`);
}

/**
 * An administrator lifts the sign-in locks of a member of their organisation (a checker locked
 * out before a deadline, say). Answers how many locks and counts were cleared.
 */
export async function unlockAccount(admin: Actor, userId: string): Promise<number> {
  if (!admin.roles.includes("ADMIN")) throw new AppError("FORBIDDEN", "Only an administrator can unlock a member's sign-in.");
  const member = isUuid(userId)
    ? await db().membership.findUnique({ where: { userId_organizationId: { userId, organizationId: admin.organizationId } }, select: { user: { select: { email: true } } } })
    : null;
  if (!member) throw new AppError("NOT_FOUND", "This person is not a member of your organisation.");
  const cleared = await clearAddressThrottles(member.user.email);
  await logAdminEvent(db(), { organizationId: admin.organizationId, actorId: admin.userId, action: "member-unlocked", subject: member.user.email });
  return cleared;
}
