import { createHash, randomBytes } from "node:crypto";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors";

// Per-organisation API tokens for bank back-office integration. A token acts as the user who
// created it, in that user's organisation and roles (so maker/checker still needs two people).
// Only the SHA-256 of the secret is stored; the secret is shown once.

const PREFIX = "tt_";
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createApiToken(actor: Actor, name: string): Promise<{ id: string; token: string; prefix: string }> {
  if (!actor.roles.includes("ADMIN") && actor.organizationKind !== "BANK") {
    throw forbidden("Only administrators and bank users can create API tokens.");
  }
  const trimmed = name.trim();
  if (trimmed.length < 3 || trimmed.length > 80) throw new AppError("INVALID_REQUEST", "Give the token a name of 3 to 80 characters.", { name: "3 to 80 characters" });
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, 10);
  const created = await db().apiToken.create({
    data: { organizationId: actor.organizationId, userId: actor.userId, name: trimmed, prefix, tokenHash: hashToken(token) },
  });
  return { id: created.id, token, prefix };
}

export async function revokeApiToken(actor: Actor, tokenId: string): Promise<void> {
  const token = await db().apiToken.findFirst({ where: { id: tokenId, organizationId: actor.organizationId } });
  if (!token) throw new AppError("NOT_FOUND", "That token was not found.");
  if (token.userId !== actor.userId && !actor.roles.includes("ADMIN")) throw forbidden("Only its owner or an administrator can revoke a token.");
  await db().apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
}

export async function listApiTokens(actor: Actor) {
  return db().apiToken.findMany({
    where: { organizationId: actor.organizationId, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, user: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
}

/** The actor behind `Authorization: Bearer tt_…`, or null when the header carries no token. */
export async function actorFromBearer(header: string | null): Promise<Actor | null> {
  const match = /^Bearer\s+(tt_[A-Za-z0-9_-]{20,})$/.exec(header?.trim() ?? "");
  if (!match) return null;
  const token = await db().apiToken.findUnique({ where: { tokenHash: hashToken(match[1]!) } });
  if (!token || token.revokedAt) throw new AppError("UNAUTHENTICATED", "This API token is not valid or was revoked.");
  const actor = await loadActor(token.userId, token.organizationId);
  if (!actor) throw new AppError("UNAUTHENTICATED", "This API token's user no longer belongs to the organisation.");
  // Recording every use would write on every read; once a minute is enough to show activity.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return { ...actor, apiTokenId: token.id };
}
