import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { queueDailyDigests, setEmailPreference } from "@/lib/email/notifications";
import { performAction } from "@/lib/lifecycle/perform";
import { useTestDatabase } from "./support/database";
import { useSiteUrl } from "./support/site";
import { type World, createWorld, creditIn } from "./support/world";

// Issue 12: a step waiting for someone reaches them by e-mail, by their preference: at once (in
// the step's own transaction), in a daily digest, or not at all; every message links to the item.

useTestDatabase();
useSiteUrl("https://trade.example");
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const mailTo = (email: string) => db().emailMessage.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });

describe("notifications by e-mail", () => {
  it("e-mails the checkers waiting for an issuance at once, with a link to the credit, and not one who chose no e-mail", async () => {
    const checker = world.users.issuingBank.CHECKER;
    const admin = world.users.issuingBank.ADMIN; // not a checker: not notified
    const quiet = world.dualIssuer; // maker and checker, chose no e-mail
    await setEmailPreference(quiet.userId, "OFF");
    const { creditId } = await creditIn(world, "SUBMITTED");
    await performAction({ actor: world.users.issuingBank.MAKER, action: "prepareIssuance", creditId, input: { creditNumber: "LC-MAIL-0001", bankConditions: "" } });

    const [message, ...more] = await mailTo(checker.email);
    expect(more).toEqual([]);
    expect(message).toMatchObject({ kind: "notification", status: "QUEUED" });
    expect(message!.text).toContain(`https://trade.example/credits/${creditId}`);
    expect(message!.subject).toMatch(/issuance|approv/i);
    expect(await mailTo(quiet.email)).toEqual([]);
    expect(await mailTo(admin.email)).toEqual([]);
    expect(await mailTo(world.users.issuingBank.MAKER.email)).toEqual([]); // not the one who acted
  });

  it("sends a daily digest of the day's notifications, once a day, with links", async () => {
    const other = await createWorld();
    const checker = other.users.issuingBank.CHECKER;
    await setEmailPreference(checker.userId, "DAILY");
    for (const n of [1, 2]) {
      const { creditId } = await creditIn(other, "SUBMITTED");
      await performAction({ actor: other.users.issuingBank.MAKER, action: "prepareIssuance", creditId, input: { creditNumber: `LC-DIGEST-000${n}`, bankConditions: "" } });
    }
    expect(await mailTo(checker.email)).toEqual([]); // nothing at once
    const now = new Date(Date.now() + 1000);
    expect(await queueDailyDigests(now)).toBeGreaterThanOrEqual(1);
    const [digest] = await mailTo(checker.email);
    expect(digest).toMatchObject({ kind: "digest", subject: "TradeTrail: 2 updates in the last day" });
    expect(digest!.text.match(/https:\/\/trade\.example\/credits\//g)).toHaveLength(2);
    // Not again within the day.
    await queueDailyDigests(new Date(now.getTime() + 3_600_000));
    expect(await mailTo(checker.email)).toHaveLength(1);
  });
});
