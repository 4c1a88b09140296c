import { type TokenScope, mintApiToken } from "@/lib/api/tokens";
import type { Actor } from "@/lib/auth/actor";

/**
 * A token acting as `actor` with the given scopes, valid for a day, made without createApiToken's
 * rule that only administrators create acting tokens: tests of other rules need a maker's or a
 * checker's token (tests/integration/api-tokens.test.ts tests the creation rules themselves).
 */
export async function tokenFor(actor: Actor, scopes: readonly TokenScope[] = ["read", "act", "upload"]): Promise<string> {
  const { token } = await mintApiToken({ userId: actor.userId, organizationId: actor.organizationId, name: `test token of ${actor.email}`, scopes, expiresAt: new Date(Date.now() + 24 * 3600 * 1000) });
  return token;
}
