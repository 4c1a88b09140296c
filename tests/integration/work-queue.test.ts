import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { waitingForMe } from "@/lib/credits/waiting";
import { performAction } from "@/lib/lifecycle/perform";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

// The work queue: "waiting for you" rows name the exact item and step (derived from the lifecycle
// definition through authorize.ts), the bank's examinations come first by art. 14(b) deadline in
// its own banking days, overdue ones marked; notifications open the item acted on.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const rowOf = async (actor: World["dualIssuer"], creditId: string, today?: Date) => (await waitingForMe(actor, 50, today)).find((r) => r.id === creditId);

describe("the bank's queue", () => {
  it("never says 'Determine complying' for a presentation with open discrepancies: the notice is the next step", async () => {
    const clean = await creditIn(world, "ADVISED", { presentation: "PRESENTED" });
    const flawed = await creditIn(world, "ADVISED", { presentation: "PRESENTED", openFinding: true });
    const maker = world.users.issuingBank.MAKER;
    expect((await rowOf(maker, clean.creditId))?.steps).toEqual(["Presentation 1: Determine complying"]);
    expect((await rowOf(maker, flawed.creditId))?.steps).toEqual(["Presentation 1: Send discrepancy notice"]);
    expect((await rowOf(maker, flawed.creditId))?.nextSteps[0]).toMatchObject({ action: "notifyDiscrepancies", subjectId: flawed.presentationId, href: `/credits/${flawed.creditId}/presentations/${flawed.presentationId}` });
  });

  it("puts examinations first, the nearest art. 14(b) deadline first, counts the bank's own banking days and marks overdue ones", async () => {
    const maker = world.users.issuingBank.MAKER;
    const later = await creditIn(world, "ADVISED", { presentation: "PRESENTED" });
    const sooner = await creditIn(world, "ADVISED", { presentation: "PRESENTED" });
    const overdue = await creditIn(world, "ADVISED", { presentation: "PRESENTED" });
    const other = await creditIn(world, "SUBMITTED"); // waiting for the maker too, no deadline
    // Monday 7 December 2026 is "today"; the bank is closed on Wednesday the 9th.
    await db().bankHoliday.create({ data: { bankId: world.orgs.issuingBank, date: day("2026-12-09"), name: "Bank closure" } });
    await db().presentation.update({ where: { id: later.presentationId }, data: { examinationDeadline: day("2026-12-11") } });
    await db().presentation.update({ where: { id: sooner.presentationId }, data: { examinationDeadline: day("2026-12-10") } });
    await db().presentation.update({ where: { id: overdue.presentationId }, data: { examinationDeadline: day("2026-12-03") } });
    const today = new Date("2026-12-07T09:00:00Z");
    const rows = (await waitingForMe(maker, 50, today)).filter((r) => [later, sooner, overdue, other].some((f) => f.creditId === r.id));
    expect(rows.map((r) => r.id)).toEqual([overdue.creditId, sooner.creditId, later.creditId, other.creditId]);
    // Tue 8, (Wed 9 closed), Thu 10: two banking days to the 10th; Fri 11 is three.
    expect(rows.map((r) => r.due && { left: r.due.bankingDaysLeft, overdue: r.due.overdue })).toEqual([{ left: -2, overdue: true }, { left: 2, overdue: false }, { left: 3, overdue: false }, null]);
    expect(rows[3]!.steps).toEqual(["Prepare issuance"]);
  });

  it("sends the checker to the held step to approve, and no longer lists the maker once the step waits for the checker", async () => {
    const fixture = await creditIn(world, "ADVISED", { presentation: "PRESENTED" });
    const maker = world.users.issuingBank.MAKER;
    const checker = world.users.issuingBank.CHECKER;
    const held = await performAction({ actor: maker, action: "determineCompliant", creditId: fixture.creditId, subjectId: fixture.presentationId });
    expect(held.subjectStatus).toBe("PRESENTED");
    expect(await rowOf(maker, fixture.creditId)).toBeUndefined();
    expect((await rowOf(checker, fixture.creditId))?.steps).toEqual(["Presentation 1: Approve: complying"]);
  });

  it("links an amendment waiting for the bank to the amendment itself", async () => {
    const fixture = await creditIn(world, "ADVISED", { amendment: "REQUESTED" });
    const row = await rowOf(world.users.issuingBank.MAKER, fixture.creditId);
    expect(row?.nextSteps.map((s) => s.href)).toEqual([`/credits/${fixture.creditId}?tab=amendments#amendment-${fixture.amendmentId}`]);
  });
});

describe("notifications", () => {
  it("open the item acted on: the amendment, the presentation, or the credit's steps", async () => {
    const advised = await creditIn(world, "ADVISED");
    const requested = await performAction({ actor: world.users.applicant.MAKER, action: "requestAmendment", creditId: advised.creditId, input: { terms: (await import("@/lib/terms/sample")).sampleTerms({ amount: "130000.00" }), note: "More pumps" } });
    const discrepant = await creditIn(world, "ADVISED", { presentation: "DISCREPANT", openFinding: true });
    await performAction({ actor: world.users.applicant.MAKER, action: "waiveDiscrepancies", creditId: discrepant.creditId, subjectId: discrepant.presentationId, input: { findingIds: [discrepant.findingId] } });
    const submitted = await creditIn(world, "AGREED");
    await performAction({ actor: world.users.applicant.MAKER, action: "submitApplication", creditId: submitted.creditId, input: {} });
    const hrefs = async (creditId: string) => [...new Set((await db().notification.findMany({ where: { creditId } })).map((n) => n.href))];
    expect(await hrefs(advised.creditId)).toEqual([`/credits/${advised.creditId}?tab=amendments#amendment-${requested.subjectId}`]);
    expect(await hrefs(discrepant.creditId)).toEqual([`/credits/${discrepant.creditId}/presentations/${discrepant.presentationId}`]);
    expect(await hrefs(submitted.creditId)).toEqual([`/credits/${submitted.creditId}#what-you-can-do-now`]);
  });
});
