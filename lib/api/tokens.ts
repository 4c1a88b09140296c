import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";
import type { MemberRole, OrganizationKind } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, readRows } from "@/lib/db/client";
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
  const token = isUuid(tokenId) ? await db().apiToken.findFirst({ where: { id: tokenId, organizationId: actor.organizationId } }) : null;
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
  // One round trip for token, membership, user and organisation: this runs on every API call.
  const [row] = await readRows<{ id: string; revoked: boolean; lastUsedAt: Date | null; userId: string; member: boolean; name: string; email: string; organizationId: string; organizationName: string; organizationKind: OrganizationKind; roles: MemberRole[] }>(Prisma.sql`
    SELECT t.id, t.revoked_at IS NOT NULL AS revoked, t.last_used_at AS "lastUsedAt", t.user_id AS "userId", m.id IS NOT NULL AS member,
           u.name, u.email, o.id AS "organizationId", o.name AS "organizationName", o.kind::text AS "organizationKind",
           COALESCE(m.roles::text[], '{}') AS roles
      FROM api_tokens t
      JOIN users u ON u.id = t.user_id
      JOIN organizations o ON o.id = t.organization_id
      LEFT JOIN memberships m ON m.user_id = t.user_id AND m.organization_id = t.organization_id
     WHERE t.token_hash = ${hashToken(match[1]!)}`);
  if (!row || row.revoked) throw new AppError("UNAUTHENTICATED", "This API token is not valid or was revoked.");
  if (!row.member) throw new AppError("UNAUTHENTICATED", "This API token's user no longer belongs to the organisation.");
  // Recording every use would write on every read; once a minute is enough to show activity.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const { userId, name, email, organizationId, organizationName, organizationKind, roles } = row;
  return { userId, name, email, organizationId, organizationName, organizationKind, roles, apiTokenId: row.id };
}
