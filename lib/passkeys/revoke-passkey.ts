import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { logAdminEvent } from "@/lib/organizations/admin-log";
import { recordKeysRevoked } from "@/lib/signing/key-events";

/**
 * Revokes one of the acting user's passkeys: it signs nobody in from now on. The row stays (what
 * the key did stays attributable), and the revocation is logged with the credential id.
 */
export async function revokePasskey(options: { actor: Actor; passkeyId: string; now?: Date }): Promise<void> {
  const { actor, passkeyId } = options;
  const now = options.now ?? new Date();
  if (!isUuid(passkeyId)) throw new AppError("NOT_FOUND", "This passkey is already revoked, or is not one of yours.");
  await db().$transaction(async (tx) => {
    const passkey = await tx.passkey.findFirst({ where: { id: passkeyId, userId: actor.userId, revokedAt: null }, select: { credentialId: true, name: true } });
    const revoked = passkey ? await tx.passkey.updateMany({ where: { id: passkeyId, userId: actor.userId, revokedAt: null }, data: { revokedAt: now } }) : { count: 0 };
    if (!passkey || revoked.count === 0) throw new AppError("NOT_FOUND", "This passkey is already revoked, or is not one of yours.");
    await recordKeysRevoked(tx, { userId: actor.userId, credentialIds: [passkey.credentialId], reason: "revoked by its owner", now });
    await logAdminEvent(tx, { organizationId: actor.organizationId, actorId: actor.userId, action: "passkey-revoked", subject: `${actor.email}: ${passkey.name}`, data: { credentialId: passkey.credentialId, name: passkey.name } });
  });
}
