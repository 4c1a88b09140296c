import { beforeAll, describe, expect, it } from "vitest";
import { waitingForMe, waitingForOthers } from "@/lib/credits/waiting";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

// The dashboard's two queues, derived from the lifecycle table: what waits for me (by my
// organisation's party and my roles), and what waits for whom else.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe("waiting for you / for others", () => {
  it("puts a credit with the beneficiary in the beneficiary's queue and the applicant's 'waiting for others'", async () => {
    const { creditId } = await creditIn(world, "WITH_BENEFICIARY");
    const mine = await waitingForMe(world.users.beneficiary.MAKER);
    expect(mine.find((w) => w.id === creditId)?.steps).toEqual(["Agree to these terms"]);
    expect((await waitingForMe(world.users.applicant.MAKER)).map((w) => w.id)).not.toContain(creditId);

    const others = await waitingForOthers(world.users.applicant.MAKER);
    expect(others.find((w) => w.id === creditId)?.waitingFor).toEqual(["Beneficiary"]);
    // A viewer may not act, so nothing waits for them; the credit still waits for the beneficiary.
    expect(await waitingForMe(world.users.beneficiary.VIEWER)).toEqual([]);
  });

  it("gives a checker step only to a checker who did not prepare it", async () => {
    const { creditId } = await creditIn(world, "ISSUANCE_PENDING", { maker: world.dualIssuer });
    expect((await waitingForMe(world.users.issuingBank.CHECKER)).find((w) => w.id === creditId)?.steps).toContain("Approve and issue");
    expect((await waitingForMe(world.dualIssuer)).map((w) => w.id)).not.toContain(creditId);
  });

  it("never shows a credit to an organisation that is not yet (or never) a party", async () => {
    const { creditId } = await creditIn(world, "DRAFT");
    for (const actor of [world.users.beneficiary.MAKER, world.users.issuingBank.MAKER, world.users.otherBank.CHECKER]) {
      expect((await waitingForMe(actor)).map((w) => w.id)).not.toContain(creditId);
      expect((await waitingForOthers(actor)).map((w) => w.id)).not.toContain(creditId);
    }
  });
});
