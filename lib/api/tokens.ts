import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";
import type { MemberRole, OrganizationKind } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, readRows } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors";
import { logAdminEvent } from "@/lib/organizations/admin-log";

// Per-organisation API tokens for bank back-office integration. A token acts as the user who
// created it, in that user's organisation and roles (so maker/checker still needs two people),
// within its scopes and until it expires. Only the SHA-256 of the secret is stored; the secret
// is shown once.

/** What a token may do: read (GET), act (lifecycle steps and other changes), upload (documents). */
export const TOKEN_SCOPES = ["read", "act", "upload"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
/** A token lives 1 to 365 days; 90 unless asked otherwise. */
export const TOKEN_DAYS = { min: 1, max: 365, default: 90 } as const;

const PREFIX = "tt_";
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const DAY_MS = 24 * 60 * 60 * 1000;

export interface TokenRequest {
  scopes: readonly string[];
  /** Whole days, TOKEN_DAYS.min to TOKEN_DAYS.max. */
  days?: number;
}

/**
 * Creates a token for the actor. Administrators, bank users and auditors may create tokens; only
 * administrators may create one that acts, since it takes lifecycle steps with nobody at a screen.
 * An auditor's token only reads, whatever the auditor's roles: an audit firm never changes a credit.
 */
export async function createApiToken(actor: Actor, name: string, request: TokenRequest = { scopes: ["read"] }, now = new Date()): Promise<{ id: string; token: string; prefix: string; expiresAt: Date }> {
  const auditor = actor.organizationKind === "AUDITOR";
  if (!actor.roles.includes("ADMIN") && actor.organizationKind !== "BANK" && !auditor) {
    throw forbidden("Only administrators, bank users and auditors can create API tokens.");
  }
  const trimmed = name.trim();
  if (trimmed.length < 3 || trimmed.length > 80) throw new AppError("INVALID_REQUEST", "Give the token a name of 3 to 80 characters.", { name: "3 to 80 characters" });
  const scopes = [...new Set(request.scopes)];
  if (scopes.length === 0 || !scopes.every((s): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s))) {
    throw new AppError("INVALID_REQUEST", `Choose what the token may do: ${TOKEN_SCOPES.join(", ")}.`, { scopes: "Choose at least one" });
  }
  if (auditor && scopes.some((s) => s !== "read")) {
    throw forbidden("An auditor's token may only read: choose the read scope alone.");
  }
  if (scopes.includes("act") && !actor.roles.includes("ADMIN")) {
    throw forbidden("Only an administrator can create a token that acts (takes lifecycle steps). Choose read or upload, or ask an administrator.");
  }
  const days = request.days ?? TOKEN_DAYS.default;
  if (!Number.isInteger(days) || days < TOKEN_DAYS.min || days > TOKEN_DAYS.max) {
    throw new AppError("INVALID_REQUEST", `A token lives ${TOKEN_DAYS.min} to ${TOKEN_DAYS.max} days.`, { days: `${TOKEN_DAYS.min} to ${TOKEN_DAYS.max} days` });
  }
  const expiresAt = new Date(now.getTime() + days * DAY_MS);
  const created = await mintApiToken({ userId: actor.userId, organizationId: actor.organizationId, name: trimmed, scopes, expiresAt });
  await logAdminEvent(db(), { organizationId: actor.organizationId, actorId: actor.userId, action: "token-created", subject: trimmed, data: { scopes, expiresAt: expiresAt.toISOString(), prefix: created.prefix } });
  return { ...created, expiresAt };
}

/**
 * Stores a token with the given scopes and expiry, without createApiToken's rules of who may
 * create what: for createApiToken itself, and for tests and benchmarks that need a given user's
 * token. Never reachable from a request.
 */
export async function mintApiToken(input: { userId: string; organizationId: string; name: string; scopes: readonly TokenScope[]; expiresAt: Date }): Promise<{ id: string; token: string; prefix: string }> {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, 10);
  const created = await db().apiToken.create({
    data: { organizationId: input.organizationId, userId: input.userId, name: input.name, prefix, tokenHash: hashToken(token), scopes: [...input.scopes], expiresAt: input.expiresAt },
  });
  return { id: created.id, token, prefix };
}

export async function revokeApiToken(actor: Actor, tokenId: string): Promise<void> {
  const token = isUuid(tokenId) ? await db().apiToken.findFirst({ where: { id: tokenId, organizationId: actor.organizationId } }) : null;
  if (!token) throw new AppError("NOT_FOUND", "That token was not found.");
  if (token.userId !== actor.userId && !actor.roles.includes("ADMIN")) throw forbidden("Only its owner or an administrator can revoke a token.");
  await db().apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
  await logAdminEvent(db(), { organizationId: actor.organizationId, actorId: actor.userId, action: "token-revoked", subject: token.name, data: { prefix: token.prefix } });
}

export async function listApiTokens(actor: Actor) {
  return db().apiToken.findMany({
    where: { organizationId: actor.organizationId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, expiresAt: true, lastUsedAt: true, user: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
}

/** The actor behind `Authorization: Bearer tt_…`, or null when the header carries no token. */
export async function actorFromBearer(header: string | null): Promise<Actor | null> {
  // The scheme is case-insensitive (RFC 7235 §2.1: bearer, BEARER); the token itself is not.
  const match = /^([A-Za-z]+)\s+(tt_[A-Za-z0-9_-]{20,})$/.exec(header?.trim() ?? "");
  if (!match || match[1]!.toLowerCase() !== "bearer") return null;
  // One round trip for token, membership, user and organisation: this runs on every API call.
  const [row] = await readRows<{ id: string; revoked: boolean; expiresAt: Date; scopes: TokenScope[] | null; lastUsedAt: Date | null; userId: string; member: boolean; name: string; email: string; organizationId: string; organizationName: string; organizationKind: OrganizationKind; roles: MemberRole[] }>(Prisma.sql`
    SELECT t.id, t.revoked_at IS NOT NULL AS revoked, t.expires_at AS "expiresAt", t.scopes, t.last_used_at AS "lastUsedAt", t.user_id AS "userId", m.id IS NOT NULL AS member,
           u.name, u.email, o.id AS "organizationId", o.name AS "organizationName", o.kind::text AS "organizationKind",
           COALESCE(m.roles::text[], '{}') AS roles
      FROM api_tokens t
      JOIN users u ON u.id = t.user_id
      JOIN organizations o ON o.id = t.organization_id
      LEFT JOIN memberships m ON m.user_id = t.user_id AND m.organization_id = t.organization_id
     WHERE t.token_hash = ${hashToken(match[2]!)}`);
  if (!row || row.revoked) throw new AppError("UNAUTHENTICATED", "This API token is not valid or was revoked.");
  if (row.expiresAt.getTime() <= Date.now()) {
    throw new AppError("UNAUTHENTICATED", `This API token expired on ${row.expiresAt.toISOString().slice(0, 10)}. Create a new one in Settings.`);
  }
  if (!row.member) throw new AppError("UNAUTHENTICATED", "This API token's user no longer belongs to the organisation.");
  // Recording every use would write on every read; once a minute is enough to show activity.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const { userId, name, email, organizationId, organizationName, organizationKind, roles } = row;
  // An audit firm's token only reads, whatever scopes its row holds (createApiToken never gives it
  // more; a row written some other way must not make an auditor's token act or upload).
  const scopes = organizationKind === "AUDITOR" ? (row.scopes ?? []).filter((s) => s === "read") : (row.scopes ?? []);
  return { userId, name, email, organizationId, organizationName, organizationKind, roles, apiTokenId: row.id, apiTokenScopes: scopes };
}
