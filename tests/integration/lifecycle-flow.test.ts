import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type PerformOptions, performAction } from "@/lib/lifecycle/perform";
import { sampleTerms } from "@/lib/terms/sample";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const act = (options: PerformOptions) => performAction(options);

describe("a credit from first draft to settlement", () => {
  it("records every agreed milestone, chained, and moves every state as the lifecycle says", async () => {
    const { applicant, beneficiary, issuingBank, advisingBank } = world.users;
    const terms = sampleTerms();
    // The beneficiary asks for ten more days to ship (relative to today: issuance refuses past dates).
    const laterShipment = new Date(Date.parse(`${terms.latestShipmentDate}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    const created = await act({
      actor: applicant.MAKER,
      action: "createCredit",
      input: { beneficiaryId: world.orgs.beneficiary, issuingBankId: world.orgs.issuingBank, advisingBankId: world.orgs.advisingBank, terms },
    });
    expect(created.creditStatus).toBe("DRAFT");
    const creditId = created.creditId;
    const step = (actor: PerformOptions["actor"], action: PerformOptions["action"], input?: unknown, subjectId?: string) =>
      act({ actor, action, creditId, input, subjectId });

    await step(applicant.MAKER, "sendToBeneficiary", { comment: "Please review" });
    await step(beneficiary.MAKER, "proposeChanges", { terms: { ...terms, latestShipmentDate: laterShipment }, comment: "Need more time to ship" });
    expect((await step(applicant.MAKER, "acceptChanges")).creditStatus).toBe("AGREED");
    await step(applicant.MAKER, "submitApplication", {});
    await step(issuingBank.MAKER, "prepareIssuance", { creditNumber: "MTB/LC/2026/0042", bankConditions: "Reimbursement by MT740" });
    const issued = await step(issuingBank.CHECKER, "approveIssuance");
    expect(issued.creditStatus).toBe("ISSUED");
    expect((await step(advisingBank.CHECKER, "adviseCredit", { addConfirmation: false })).creditStatus).toBe("ADVISED");

    // Amendment 1: the amount goes up; the terms change only when the beneficiary accepts.
    const a1 = await step(applicant.MAKER, "requestAmendment", { terms: { ...terms, latestShipmentDate: laterShipment, amount: "150000.00" }, note: "Larger order" });
    await step(issuingBank.MAKER, "prepareAmendment", {}, a1.subjectId!);
    await step(issuingBank.CHECKER, "approveAmendment", {}, a1.subjectId!);
    await step(advisingBank.MAKER, "adviseAmendment", {}, a1.subjectId!);
    expect((await db().credit.findUniqueOrThrow({ where: { id: creditId } })).amount.toString()).toBe("125000");
    await step(beneficiary.MAKER, "acceptAmendment", {}, a1.subjectId!);
    expect((await db().credit.findUniqueOrThrow({ where: { id: creditId } })).amount.toString()).toBe("150000");

    // Amendment 2: rejected as a whole, the terms stay.
    const a2 = await step(applicant.MAKER, "requestAmendment", { terms: { ...terms, latestShipmentDate: laterShipment, amount: "150000.00", portOfDischarge: "Port Klang, Malaysia" } });
    await step(issuingBank.MAKER, "prepareAmendment", {}, a2.subjectId!);
    await step(issuingBank.CHECKER, "approveAmendment", {}, a2.subjectId!);
    await step(advisingBank.MAKER, "adviseAmendment", {}, a2.subjectId!);
    expect((await step(beneficiary.MAKER, "rejectAmendment", { reason: "Port change not agreed" }, a2.subjectId!)).subjectStatus).toBe("REJECTED");
    const current = await db().credit.findUniqueOrThrow({ where: { id: creditId }, include: { currentTerms: true } });
    expect((current.currentTerms!.terms as { portOfDischarge: string }).portOfDischarge).toBe(terms.portOfDischarge);

    const milestones = await db().milestone.findMany({ where: { creditId }, orderBy: { seq: "asc" } });
    expect(milestones.map((m) => m.kind)).toEqual([
      "TERMS_AGREED",
      "CREDIT_ISSUED",
      "CREDIT_ADVISED",
      "AMENDMENT_ISSUED",
      "AMENDMENT_ADVISED",
      "AMENDMENT_ACCEPTED",
      "AMENDMENT_ISSUED",
      "AMENDMENT_ADVISED",
      "AMENDMENT_REJECTED",
    ]);
    expect(milestones[0]!.prevDigest).toBe(`0x${"0".repeat(64)}`);
    for (let i = 1; i < milestones.length; i++) expect(milestones[i]!.prevDigest).toBe(milestones[i - 1]!.digest);
    expect(milestones.every((m) => m.status === "PENDING")).toBe(true);

    const events = await db().creditEvent.count({ where: { creditId } });
    expect(events).toBe(18);
    const notified = await db().notification.count({ where: { creditId, userId: beneficiary.MAKER.userId } });
    expect(notified).toBeGreaterThan(5);
  });
});

describe("maker/checker", () => {
  it("never lets the user who prepared an issuance approve it, whatever their roles", async () => {
    const fixture = await creditIn(world, "ISSUANCE_PENDING", { maker: world.dualIssuer });
    const attempt = act({ actor: world.dualIssuer, action: "approveIssuance", creditId: fixture.creditId });
    await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/four eyes/) });
    await expect(act({ actor: world.users.issuingBank.CHECKER, action: "approveIssuance", creditId: fixture.creditId })).resolves.toMatchObject({ creditStatus: "ISSUED" });
  });

  it("is also enforced by the database: an approval whose checker is its maker cannot be stored", async () => {
    const fixture = await creditIn(world, "ISSUANCE_PENDING");
    const approval = await db().approval.findFirstOrThrow({ where: { creditId: fixture.creditId } });
    await expect(db().approval.update({ where: { id: approval.id }, data: { checkerId: approval.makerId, status: "APPROVED" } })).rejects.toThrow(/approvals_four_eyes/);
  });
});

describe("concurrency", () => {
  it("lets exactly one of two checkers approving at once succeed; the other is told the credit changed", async () => {
    const second = await (await import("./support/world")).createUser(world.orgs.issuingBank, ["CHECKER"], `checker-two-${Date.now()}`);
    const fixture = await creditIn(world, "ISSUANCE_PENDING");
    const { version } = await db().credit.findUniqueOrThrow({ where: { id: fixture.creditId } });
    const results = await Promise.allSettled([
      act({ actor: world.users.issuingBank.CHECKER, action: "approveIssuance", creditId: fixture.creditId, expectedVersion: version }),
      act({ actor: second, action: "approveIssuance", creditId: fixture.creditId, expectedVersion: version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(AppError);
    expect(loser.reason).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/changed since you opened it.*Reload/) });
    expect(await db().milestone.count({ where: { creditId: fixture.creditId, kind: "CREDIT_ISSUED" } })).toBe(1);
    expect(await db().approval.count({ where: { creditId: fixture.creditId, status: "APPROVED" } })).toBe(1);
  });

  it("without a version, the second approval finds the credit already issued and changes nothing", async () => {
    const fixture = await creditIn(world, "ISSUANCE_PENDING");
    const results = await Promise.allSettled([
      act({ actor: world.users.issuingBank.CHECKER, action: "approveIssuance", creditId: fixture.creditId }),
      act({ actor: world.users.issuingBank.CHECKER, action: "approveIssuance", creditId: fixture.creditId }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "INVALID_STATE" });
    expect(await db().milestone.count({ where: { creditId: fixture.creditId } })).toBe(1);
  });

  it("treats a double-submitted action (same idempotency key) as one: same result, one milestone, one event", async () => {
    const fixture = await creditIn(world, "WITH_BENEFICIARY");
    const { version } = await db().credit.findUniqueOrThrow({ where: { id: fixture.creditId } });
    const submit = () => act({ actor: world.users.beneficiary.MAKER, action: "endorseTerms", creditId: fixture.creditId, expectedVersion: version, idempotencyKey: "form-7f3a9c21" });
    const [first, second] = await Promise.all([submit(), submit()]);
    expect(second.version).toBe(first.version);
    expect([first.replayed, second.replayed].filter(Boolean)).toHaveLength(1);
    const third = await submit();
    expect(third).toMatchObject({ creditStatus: "AGREED", version: first.version, replayed: true });
    expect(await db().milestone.count({ where: { creditId: fixture.creditId, kind: "TERMS_AGREED" } })).toBe(1);
    expect(await db().creditEvent.count({ where: { creditId: fixture.creditId, action: "endorseTerms" } })).toBe(1);
  });
});
