import { beforeAll, describe, expect, it } from "vitest";
import { actorFromBearer, createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "./support/database";
import { type World, createWorld } from "./support/world";

// Per-organisation API tokens: a token acts as its creator, in its organisation, with the roles
// the membership has now (not when the token was made); revoked or orphaned tokens are refused.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "succeeded",
    (error: unknown) => (error instanceof AppError ? error.code : `crashed: ${String(error)}`),
  );

describe("API tokens", () => {
  it("acts as the token's user in its organisation, with current roles", async () => {
    const maker = world.users.issuingBank.MAKER;
    const { token } = await createApiToken(maker, "Back office");
    expect(await actorFromBearer(`Bearer ${token}`)).toMatchObject({ userId: maker.userId, organizationId: maker.organizationId, roles: ["MAKER"], organizationKind: "BANK" });
    await db().membership.updateMany({ where: { userId: maker.userId }, data: { roles: ["MAKER", "VIEWER"] } });
    expect((await actorFromBearer(`Bearer ${token}`))?.roles).toEqual(["MAKER", "VIEWER"]);
  });

  it("ignores requests without a bearer token and refuses unknown, revoked or orphaned tokens", async () => {
    expect(await actorFromBearer(null)).toBeNull();
    expect(await actorFromBearer("Basic abc")).toBeNull();
    expect(await codeOf(actorFromBearer(`Bearer tt_${"x".repeat(43)}`))).toBe("UNAUTHENTICATED");

    const checker = world.users.issuingBank.CHECKER;
    const revoked = await createApiToken(checker, "To revoke");
    await revokeApiToken(checker, revoked.id);
    expect(await codeOf(actorFromBearer(`Bearer ${revoked.token}`))).toBe("UNAUTHENTICATED");

    const admin = world.users.beneficiary.ADMIN;
    const orphan = await createApiToken(admin, "Orphaned");
    await db().membership.deleteMany({ where: { userId: admin.userId } });
    expect(await codeOf(actorFromBearer(`Bearer ${orphan.token}`))).toBe("UNAUTHENTICATED");
  });
});
