import type { MemberRole, OrganizationKind } from "@/lib/generated/prisma/enums";
import { readRows } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import { Prisma } from "@/lib/generated/prisma/client";

/** Who is acting: a signed-in user (or an API token acting as one), with their organisation and roles. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  roles: MemberRole[];
  /** Set when the request came with an API token instead of a session. */
  apiTokenId?: string;
  /** With an API token: what it may do (lib/api/tokens.ts), checked by lib/http/route.ts. */
  apiTokenScopes?: readonly ("read" | "act" | "upload")[];
  /** Set when the request came with a session cookie: its user_sessions row (lib/auth/user-sessions.ts). */
  sessionId?: string;
}

/**
 * Load an actor fresh from the database: roles and memberships are never taken from the session
 * token or the client, so a revoked role stops working at the next request.
 */
/** The actor's columns from users u, memberships m and organizations o (loadActor, sessionActor). */
export const ACTOR_COLUMNS = Prisma.sql`u.name, u.email, m.organization_id AS "organizationId", o.name AS "organizationName", o.kind::text AS "organizationKind", m.roles::text[] AS roles`;

export async function loadActor(userId: string, organizationId?: string): Promise<Actor | null> {
  if (!isUuid(userId) || (organizationId !== undefined && !isUuid(organizationId))) return null;
  // Every signed-in page and action loads the actor: one join on pg without Prisma's engine
  // (readRows), where findFirst with include cost three queries.
  const [row] = await readRows<Omit<Actor, "userId" | "apiTokenId" | "apiTokenScopes">>(Prisma.sql`
    SELECT ${ACTOR_COLUMNS}
      FROM memberships m
      JOIN users u ON u.id = m.user_id
      JOIN organizations o ON o.id = m.organization_id
     WHERE m.user_id = ${userId}::uuid${organizationId ? Prisma.sql` AND m.organization_id = ${organizationId}::uuid` : Prisma.empty}
     ORDER BY m.created_at ASC, m.id ASC
     LIMIT 1`);
  return row ? { userId, ...row } : null;
}

export const hasRole = (actor: Actor, role: MemberRole) => actor.roles.includes(role);
