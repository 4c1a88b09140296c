import type { MemberRole, OrganizationKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";

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
}

/**
 * Load an actor fresh from the database: roles and memberships are never taken from the session
 * token or the client, so a revoked role stops working at the next request.
 */
export async function loadActor(userId: string, organizationId?: string): Promise<Actor | null> {
  const membership = await db().membership.findFirst({
    where: { userId, ...(organizationId ? { organizationId } : {}) },
    include: { user: true, organization: true },
    orderBy: { createdAt: "asc" },
  });
  if (!membership) return null;
  return {
    userId,
    name: membership.user.name,
    email: membership.user.email,
    organizationId: membership.organizationId,
    organizationName: membership.organization.name,
    organizationKind: membership.organization.kind,
    roles: membership.roles,
  };
}

export const hasRole = (actor: Actor, role: MemberRole) => actor.roles.includes(role);
