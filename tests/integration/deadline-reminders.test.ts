import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setEmailPreference } from "@/lib/email/notifications";
import { remindDeadlines } from "@/lib/jobs/deadline-reminders";
import { useTestDatabase } from "./support/database";
import { useSiteUrl } from "./support/site";
import { type World, createWorld, creditIn } from "./support/world";

// Issue 12: deadlines approaching reach the people who must meet them, in the app and by e-mail:
// the examining bank's officers on the banking day before the art. 14(b) deadline (day 4 of 5),
// every party a week before the credit expires. Once each, however often the job runs.

useTestDatabase();
useSiteUrl("https://trade.example");
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const at = (day: string) => new Date(`${day}T09:00:00Z`);
const notified = (creditId: string) => db().notification.findMany({ where: { creditId }, select: { userId: true, title: true, href: true } });
const mailed = (creditId: string) => db().emailMessage.findMany({ where: { text: { contains: creditId } }, select: { to: true, text: true } });

/** A presentation under examination whose art. 14(b) deadline is `deadline`, on a credit that expires far later. */
async function underExamination(deadline: string) {
  const fixture = await creditIn(world, "ADVISED", { presentation: "PRESENTED", terms: { expiryDate: "2027-06-30" } });
  await db().presentation.update({ where: { id: fixture.presentationId! }, data: { examinationDeadline: new Date(deadline) } });
  await db().notification.deleteMany({ where: { creditId: fixture.creditId } });
  return fixture;
}

describe("the examination deadline (UCP 600 art. 14(b))", () => {
  it("reminds the examining bank's makers and checkers on day 4, once; not before, not other parties, and e-mails by preference", async () => {
    await setEmailPreference(world.dualIssuer.userId, "OFF");
    // Presented Monday 7 December 2026: the fifth banking day following is Monday 14 December.
    const { creditId, presentationId } = await underExamination("2026-12-14");
    await remindDeadlines(at("2026-12-10")); // Thursday, day 3
    expect(await notified(creditId)).toEqual([]);

    await remindDeadlines(at("2026-12-11")); // Friday, day 4
    const notes = await notified(creditId);
    const bank = world.users.issuingBank;
    expect(new Set(notes.map((n) => n.userId))).toEqual(new Set([bank.MAKER.userId, bank.CHECKER.userId, world.dualIssuer.userId]));
    expect(notes[0]!.title).toMatch(/one banking day left to examine presentation 1; the deadline is 2026-12-14 \(UCP 600 art. 14\(b\)\)/);
    expect(notes[0]!.href).toBe(`/credits/${creditId}/presentations/${presentationId}`);
    const mail = await mailed(creditId);
    expect(mail.map((m) => m.to).sort()).toEqual([bank.CHECKER.email, bank.MAKER.email].sort());
    expect(mail[0]!.text).toContain(`https://trade.example/credits/${creditId}/presentations/${presentationId}`);

    await remindDeadlines(at("2026-12-11"));
    await remindDeadlines(at("2026-12-12")); // the weekend: still one banking day left, already reminded
    expect(await notified(creditId)).toHaveLength(3);
  });

  it("counts the examining bank's holidays: with Friday a holiday, day 4 is Thursday", async () => {
    const { creditId } = await underExamination("2026-12-21");
    await db().bankHoliday.create({ data: { bankId: world.orgs.issuingBank, date: new Date("2026-12-18"), name: "Test holiday" } });
    try {
      await remindDeadlines(at("2026-12-16")); // Wednesday: Thursday and Monday left
      expect(await notified(creditId)).toEqual([]);
      await remindDeadlines(at("2026-12-17")); // Thursday: only Monday left
      expect((await notified(creditId)).length).toBeGreaterThan(0);
    } finally {
      await db().bankHoliday.deleteMany({ where: { bankId: world.orgs.issuingBank, date: new Date("2026-12-18") } });
    }
  });

  it("says so on the deadline itself when day 4 was missed, and forgets presentations already decided", async () => {
    const late = await underExamination("2026-12-14");
    await remindDeadlines(at("2026-12-14"));
    expect((await notified(late.creditId))[0]!.title).toMatch(/must be examined today, 2026-12-14/);

    const decided = await underExamination("2026-12-14");
    await db().presentation.update({ where: { id: decided.presentationId! }, data: { status: "COMPLIANT" } });
    await remindDeadlines(at("2026-12-11"));
    expect(await notified(decided.creditId)).toEqual([]);
  });
});

describe("the expiry date (UCP 600 art. 6(d))", () => {
  it("reminds every party's members seven days before, once per expiry date: an amended expiry is reminded again", async () => {
    const { creditId } = await creditIn(world, "ADVISED", { terms: { expiryDate: "2027-03-15" } });
    await db().notification.deleteMany({ where: { creditId } });
    await remindDeadlines(at("2027-03-07")); // 8 days before
    expect(await notified(creditId)).toEqual([]);

    await remindDeadlines(at("2027-03-08"));
    const notes = await notified(creditId);
    const members = await db().membership.findMany({ where: { organizationId: { in: [world.orgs.applicant, world.orgs.beneficiary, world.orgs.issuingBank, world.orgs.advisingBank, world.orgs.confirmingBank] } } });
    expect(new Set(notes.map((n) => n.userId))).toEqual(new Set(members.map((m) => m.userId)));
    expect(notes.every((n) => n.title.endsWith("expires in 7 days, on 2027-03-15: documents presented after that are refused (UCP 600 art. 6(d))"))).toBe(true);
    expect(new Set(notes.map((n) => n.userId)).size).toBe(notes.length);
    const everyone = notes.length;

    await remindDeadlines(at("2027-03-10"));
    expect(await notified(creditId)).toHaveLength(everyone);

    // An amendment extends the expiry: the new date is reminded when it comes near.
    await db().credit.update({ where: { id: creditId }, data: { expiryDate: new Date("2027-04-01") } });
    await remindDeadlines(at("2027-03-20"));
    expect(await notified(creditId)).toHaveLength(everyone);
    await remindDeadlines(at("2027-03-31"));
    const again = (await notified(creditId)).filter((n) => n.title.includes("2027-04-01"));
    expect(again).toHaveLength(everyone);
    expect(again[0]!.title).toContain("expires tomorrow");
  });

  it("leaves credits that are not operative: drafts, expired, settled, cancelled", async () => {
    for (const status of ["DRAFT", "EXPIRED", "SETTLED", "CANCELLED"] as const) {
      const { creditId } = await creditIn(world, status, { terms: { expiryDate: "2027-05-05" } });
      await db().notification.deleteMany({ where: { creditId } });
      await remindDeadlines(at("2027-05-01"));
      expect(await notified(creditId), status).toEqual([]);
    }
  });

  it("reminds once when two job runners race", async () => {
    const { creditId } = await creditIn(world, "ISSUED", { terms: { expiryDate: "2027-07-07" } });
    await db().notification.deleteMany({ where: { creditId } });
    await Promise.all(Array.from({ length: 5 }, () => remindDeadlines(at("2027-07-01"))));
    const notes = await notified(creditId);
    expect(notes.length).toBeGreaterThan(0);
    expect(new Set(notes.map((n) => n.userId)).size).toBe(notes.length);
    expect(await db().deadlineReminder.count({ where: { subjectId: creditId } })).toBe(1);
  });
});
