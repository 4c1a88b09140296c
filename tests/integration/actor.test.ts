import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { unreadCount } from "@/lib/notifications";
import { useTestDatabase } from "./support/database";
import { type World, createUser, createWorld } from "./support/world";

// The two reads on every signed-in page (the actor, the unread badge) run as plain SQL on pg:
// they must say exactly what the Prisma models say.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe("loadActor", () => {
  it("loads the user's first membership, with the organisation and every role", async () => {
    const actor = await createUser(world.orgs.issuingBank, ["MAKER", "CHECKER"], `actor-${randomUUID().slice(0, 8)}`);
    const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId } });
    await db().membership.create({ data: { userId: actor.userId, organizationId: world.orgs.auditor, roles: ["VIEWER"] } });
    expect(await loadActor(actor.userId)).toEqual({
      userId: actor.userId,
      name: user.name,
      email: user.email,
      organizationId: world.orgs.issuingBank,
      organizationName: expect.stringMatching(/^Issuing Bank /),
      organizationKind: "BANK",
      roles: ["MAKER", "CHECKER"],
    });
    // Asked for another of its organisations, it acts there with that membership's roles.
    expect(await loadActor(actor.userId, world.orgs.auditor)).toMatchObject({ organizationId: world.orgs.auditor, organizationKind: "AUDITOR", roles: ["VIEWER"] });
  });

  it("finds nobody for an unknown user, a user without that membership, or an id that is not a UUID", async () => {
    expect(await loadActor(randomUUID())).toBeNull();
    expect(await loadActor(world.users.applicant.MAKER.userId, world.orgs.otherBank)).toBeNull();
    expect(await loadActor("not-a-uuid")).toBeNull();
  });
});

describe("unreadCount", () => {
  it("counts the user's unread notifications only", async () => {
    const actor = world.users.beneficiary.VIEWER;
    const before = await unreadCount(actor);
    await db().notification.createMany({
      data: [
        { userId: actor.userId, title: "unread 1" },
        { userId: actor.userId, title: "unread 2" },
        { userId: actor.userId, title: "read", readAt: new Date() },
        { userId: world.users.applicant.VIEWER.userId, title: "someone else's" },
      ],
    });
    expect(await unreadCount(actor)).toBe(before + 2);
  });
});
