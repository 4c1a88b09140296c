import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { logAdminEvent } from "@/lib/organizations/admin-log";
import { recordKeysRevoked } from "@/lib/signing/key-events";

/**
 * Recovery (issue 14): an administrator resets a member's passkeys when a device is lost or
 * suspected taken. Every passkey of the member is revoked, and every session they have ends; they
 * sign in with their password and register a new passkey. The reset is logged with the
 * credential ids it revoked. An administrator resets their own passkeys in their own card.
 */
export async function resetMemberPasskeys(options: { admin: Actor; userId: string; now?: Date }): Promise<{ revoked: number }> {
  const { admin, userId } = options;
  const now = options.now ?? new Date();
  if (!admin.roles.includes("ADMIN")) throw new AppError("FORBIDDEN", "Only an administrator can reset a member's passkeys.");
  const member = isUuid(userId)
    ? await db().membership.findUnique({ where: { userId_organizationId: { userId, organizationId: admin.organizationId } }, select: { user: { select: { email: true } } } })
    : null;
  if (!member) throw new AppError("NOT_FOUND", "This person is not a member of your organisation.");
  return db().$transaction(async (tx) => {
    const active = await tx.passkey.findMany({ where: { userId, revokedAt: null }, select: { credentialId: true } });
    if (active.length === 0) throw new AppError("INVALID_STATE", `${member.user.email} has no passkey to reset.`);
    await tx.passkey.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await recordKeysRevoked(tx, { userId, credentialIds: active.map((p) => p.credentialId), reason: "reset by an administrator", now });
    await logAdminEvent(tx, { organizationId: admin.organizationId, actorId: admin.userId, action: "passkeys-reset", subject: member.user.email, data: { credentialIds: active.map((p) => p.credentialId) } });
    return { revoked: active.length };
  });
}
