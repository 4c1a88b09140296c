import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { appUrl, queueEmail } from "@/lib/email/outbox";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { clearAddressThrottles } from "./authenticate";
import { hashPassword } from "./password";
import { passwordProblem } from "./password-policy";

// Password reset by e-mailed single-use link (issue 12). Asking answers the same whether or not
// the address has an account (nothing to enumerate), and sends at most RESETS_PER_HOUR links an
// hour to one address. A link works once, for RESET_MINUTES, and only the newest one works. Its
// token is 32 random bytes; only its SHA-256 is stored. A new password ends every session of the
// user (a database trigger) and lifts the address's sign-in locks.

export const RESET_MINUTES = 30;
export const RESETS_PER_HOUR = 3;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Queues a reset link for `email` if it has an account (the caller answers the same either way). */
export async function requestPasswordReset(email: string, now = new Date()): Promise<void> {
  const address = email.trim().toLowerCase();
  if (!address || address.length > 320) return;
  const user = await db().user.findUnique({ where: { email: address }, select: { id: true, name: true, email: true } });
  if (!user) return;
  const recent = await db().passwordReset.count({ where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - 3_600_000) } } });
  if (recent >= RESETS_PER_HOUR) return;
  const token = randomBytes(32).toString("base64url");
  const link = `${appUrl()}/reset-password?token=${token}`;
  await db().$transaction(async (tx) => {
    // Only the newest link works.
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.passwordReset.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000), createdAt: now } });
    await queueEmail(tx, {
      to: user.email,
      kind: "password-reset",
      subject: "Set a new TradeTrail password",
      text: [
        `Hello ${user.name},`,
        "",
        "Someone asked to set a new password for your TradeTrail account. If it was you, open this link within " + `${RESET_MINUTES} minutes:`,
        "",
        link,
        "",
        "The link works once. If you did not ask, ignore this message: your password stays as it is.",
      ].join("\n"),
    });
  });
}

/** Sets a new password with a reset link's token; refuses an unknown, used or expired token, and a weak password. */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<{ email: string }> {
  const invalidLink = () => new AppError("INVALID_REQUEST", "This link is not valid any more: it was used, replaced by a newer one, or is older than 30 minutes. Ask for a new one.");
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw invalidLink();
  const reset = await db().passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { select: { id: true, email: true, name: true } } } });
  if (!reset || reset.usedAt || reset.expiresAt <= now) throw invalidLink();
  const problem = passwordProblem(password, reset.user);
  if (problem) throw new AppError("INVALID_REQUEST", problem, { password: problem });
  const passwordHash = await hashPassword(password);
  // The token is spent in the same statement that checks it is unspent: two racing uses, one wins.
  const spent = await db().$transaction(async (tx) => {
    const claimed = await tx.$executeRaw(Prisma.sql`UPDATE password_resets SET used_at = ${now} WHERE id = ${reset.id}::uuid AND used_at IS NULL AND expires_at > ${now}`);
    if (claimed !== 1) return false;
    await tx.user.update({ where: { id: reset.user.id }, data: { passwordHash } });
    return true;
  });
  if (!spent) throw invalidLink();
  await clearAddressThrottles(reset.user.email);
  return { email: reset.user.email };
}
