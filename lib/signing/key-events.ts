import type { Tx } from "@/lib/db/client";
import { ZERO_DIGEST, newSalt } from "@/lib/anchoring/digest";
import { keyEventDigest } from "@/lib/anchoring/key-event";
import type { JsonObject } from "@/lib/anchoring/json";
import type { KeyEventKind, MemberRole } from "@/lib/generated/prisma/enums";
import type { SigningKey } from "./webauthn";

// Each organisation's key trail (issue 14): a key registered to a member (KEY_ADDED, with its
// public key, the member and their roles then) and a key no longer valid (KEY_REVOKED). Written
// in the same transaction as the change, chained like milestones and anchored by the same worker
// under the organisation's key on chain; a verifier reads who could sign for the organisation at
// any moment from it, without trusting our database.

export interface KeyAddedContent extends JsonObject {
  credentialId: string;
  publicKey: string;
  algorithm: string;
  /** The relying party the key signs for (WebAuthn RP ID); "api" for an API key. */
  rpId: string;
  userId: string;
  userName: string;
  roles: string[];
  recordedAt: string;
}

export interface KeyRevokedContent extends JsonObject {
  credentialId: string;
  userId: string;
  reason: string;
  recordedAt: string;
}

async function appendKeyEvent(tx: Tx, organizationId: string, kind: KeyEventKind, content: JsonObject, now: Date): Promise<{ seq: number; digest: string }> {
  // One writer per organisation's trail at a time: the organisation's row lock orders them.
  await tx.$executeRaw`SELECT 1 FROM organizations WHERE id = ${organizationId}::uuid FOR UPDATE`;
  const last = await tx.keyEvent.findFirst({ where: { organizationId }, orderBy: { seq: "desc" }, select: { seq: true, digest: true } });
  const seq = (last?.seq ?? 0) + 1;
  const prevDigest = last?.digest ?? ZERO_DIGEST;
  const salt = newSalt();
  const digest = keyEventDigest({ organizationId, seq, kind, content, prevDigest, salt });
  await tx.keyEvent.create({ data: { organizationId, seq, kind, content, prevDigest, salt, digest, createdAt: now } });
  return { seq, digest };
}

/** Records a key added for a user in every organisation the user is a member of, with their roles there. */
export async function recordKeyAdded(
  tx: Tx,
  args: { userId: string; userName: string; credentialId: string; key: SigningKey; rpId: string; now: Date },
): Promise<void> {
  const memberships = await tx.membership.findMany({ where: { userId: args.userId }, select: { organizationId: true, roles: true }, orderBy: { createdAt: "asc" } });
  for (const membership of memberships) {
    const content: KeyAddedContent = {
      credentialId: args.credentialId,
      publicKey: args.key.spki,
      algorithm: args.key.algorithm,
      rpId: args.rpId,
      userId: args.userId,
      userName: args.userName,
      roles: [...(membership.roles as MemberRole[])].sort(),
      recordedAt: args.now.toISOString(),
    };
    await appendKeyEvent(tx, membership.organizationId, "KEY_ADDED", content, args.now);
  }
}

/** The KEY_ADDED events of these keys (in one organisation's trail, or in all). */
async function addedEvents(tx: Tx, credentialIds: readonly string[], organizationId?: string) {
  return tx.keyEvent.findMany({
    where: { kind: "KEY_ADDED", ...(organizationId ? { organizationId } : {}), OR: credentialIds.map((credentialId) => ({ content: { path: ["credentialId"], equals: credentialId } })) },
    select: { organizationId: true, content: true },
    orderBy: [{ organizationId: "asc" }, { seq: "asc" }],
  });
}

/** Records keys revoked, in every organisation whose trail added them (or in one: a member removed from it). */
export async function recordKeysRevoked(tx: Tx, args: { userId: string; credentialIds: readonly string[]; reason: string; now: Date; organizationId?: string }): Promise<void> {
  if (args.credentialIds.length === 0) return;
  const added = await addedEvents(tx, args.credentialIds, args.organizationId);
  for (const event of added) {
    const { credentialId } = event.content as KeyAddedContent;
    const content: KeyRevokedContent = { credentialId, userId: args.userId, reason: args.reason, recordedAt: args.now.toISOString() };
    await appendKeyEvent(tx, event.organizationId, "KEY_REVOKED", content, args.now);
  }
}

/** A member's live keys, and the roles they now sign with in this organisation (roles changed, or the member removed). */
export async function recordMemberChange(tx: Tx, args: { userId: string; organizationId: string; roles: readonly MemberRole[] | null; now: Date }): Promise<void> {
  const live = await tx.passkey.findMany({ where: { userId: args.userId, revokedAt: null }, select: { credentialId: true } });
  if (live.length === 0) return;
  const credentialIds = live.map((p) => p.credentialId);
  if (args.roles === null) {
    await recordKeysRevoked(tx, { userId: args.userId, credentialIds, reason: "member removed from the organisation", now: args.now, organizationId: args.organizationId });
    return;
  }
  for (const event of await addedEvents(tx, credentialIds, args.organizationId)) {
    const { credentialId } = event.content as KeyAddedContent;
    await appendKeyEvent(tx, args.organizationId, "KEY_ROLES_CHANGED", { credentialId, userId: args.userId, roles: [...args.roles].sort(), recordedAt: args.now.toISOString() }, args.now);
  }
}
