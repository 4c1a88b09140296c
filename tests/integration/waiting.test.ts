import { beforeAll, describe, expect, it } from "vitest";
import { AWAITED_ACTIONS, waitingForMe, waitingForOthers } from "@/lib/credits/waiting";
import { db } from "@/lib/db/client";
import type { AmendmentStatus, CreditStatus, PresentationStatus } from "@/lib/generated/prisma/enums";
import { type ActionName, PARTY_LABELS, type Party, actionRule, approvalKindChecked } from "@/lib/lifecycle/definition";
import { actingBankId } from "@/lib/lifecycle/authorize";
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

// Each queue is a union of branches (one per awaited step and party for "you", one per role the
// viewer's organisation plays for "others"): every step of the lifecycle table must land in
// exactly its own party's queue, and the cut must keep every step of the credits it keeps.
describe("every awaited step of the lifecycle table", () => {
  const PARTIES_IN_WORLD: Party[] = ["applicant", "beneficiary", "issuingBank", "advisingBank", "confirmingBank"];

  /**
   * A credit on which `name` is awaited. A checker's step needs the maker's pending approval,
   * made here by the dual-role issuer (any user other than the checker will do).
   */
  async function creditAwaiting(name: ActionName): Promise<string> {
    const rule = actionRule(name);
    const from = (rule.from as readonly string[])[0]!;
    const status = (rule.subject === "credit" ? from : (rule.creditIn?.[0] ?? "ADVISED")) as CreditStatus;
    const subject = rule.subject === "amendment" ? { amendment: from as AmendmentStatus } : rule.subject === "presentation" ? { presentation: from as PresentationStatus } : {};
    const fixture = await creditIn(world, status, { ...subject, maker: world.dualIssuer, openFinding: name === "approveDismissal" });
    const kind = approvalKindChecked(rule);
    const subjectId = rule.subject === "amendment" ? fixture.amendmentId : rule.subject === "presentation" ? fixture.presentationId : undefined;
    const made = await db().approval.count({ where: { creditId: fixture.creditId, status: "PENDING" } });
    if (kind && made === 0) {
      await db().approval.create({ data: { creditId: fixture.creditId, kind, subjectId: subjectId ?? null, makerId: world.dualIssuer.userId, payload: { findingId: fixture.findingId ?? null } } });
    }
    return fixture.creditId;
  }

  it.each(AWAITED_ACTIONS)("%s waits for its party's users with its roles, and for nobody else", async (name) => {
    // A step offered under one four-eyes setting only (payment in one step or two) waits under it.
    const setting = actionRule(name).whenFourEyes;
    if (!setting) return awaitsItsParty(name);
    const orgs = { id: { in: Object.values(world.orgs) } };
    await db().organization.updateMany({ where: orgs, data: { fourEyes: setting === "on" } });
    try {
      await awaitsItsParty(name);
    } finally {
      await db().organization.updateMany({ where: orgs, data: { fourEyes: true } });
    }
  });

  async function awaitsItsParty(name: ActionName): Promise<void> {
    const rule = actionRule(name);
    const creditId = await creditAwaiting(name);
    // A step one bank takes per presentation (rule.bank: the examining or paying bank) waits for
    // that bank's party alone: here the issuing bank (the fixture records no examining bank).
    const credit = await db().credit.findUniqueOrThrow({ where: { id: creditId }, include: { presentations: true } });
    const acting = actingBankId(rule, { credit, examiningBankId: credit.presentations[0]?.examiningBankId });
    const by = (rule.by as readonly Party[]).filter((party) => acting === null || world.orgs[party] === acting);
    for (const party of PARTIES_IN_WORLD) {
      for (const role of ["MAKER", "CHECKER", "ADMIN", "VIEWER"] as const) {
        const actor = world.users[party][role];
        const steps = (await waitingForMe(actor, 500)).find((w) => w.id === creditId)?.nextSteps.map((step) => step.action) ?? [];
        const expected = by.includes(party) && rule.roles.includes(role);
        expect(steps.includes(name), `${party} ${role}: ${steps.join(", ")}`).toBe(expected);
      }
    }
    // Whoever sees the credit and cannot take the step is told whom it waits for: a viewer at
    // the party itself, and the applicant (who sees every credit) when the step is another's.
    const onlookers = [world.users[by[0]!].VIEWER, ...(by.includes("applicant") ? [] : [world.users.applicant.MAKER])];
    for (const onlooker of onlookers) {
      const waitingFor = (await waitingForOthers(onlooker, 300)).find((w) => w.id === creditId)?.waitingFor;
      for (const party of by) expect(waitingFor, onlooker.name).toContain(PARTY_LABELS[party]);
    }
  }

  it("asks for the payment step the issuing bank's setting allows, and never for the other", async () => {
    const steps = async (role: "MAKER" | "CHECKER", creditId: string) => (await waitingForMe(world.users.issuingBank[role], 500)).find((w) => w.id === creditId)?.nextSteps.map((step) => step.action) ?? [];
    const underFourEyes = (await creditIn(world, "ADVISED", { presentation: "COMPLIANT" })).creditId;
    expect([await steps("MAKER", underFourEyes), await steps("CHECKER", underFourEyes)]).toEqual([["preparePayment"], []]);
    const orgs = { id: { in: Object.values(world.orgs) } };
    await db().organization.updateMany({ where: orgs, data: { fourEyes: false } });
    try {
      expect([await steps("MAKER", underFourEyes), await steps("CHECKER", underFourEyes)]).toEqual([["recordPayment"], ["recordPayment"]]);
    } finally {
      await db().organization.updateMany({ where: orgs, data: { fourEyes: true } });
    }
  });

  it("keeps the oldest credits when it cuts the queue, each with all of the user's steps in the table's order", async () => {
    // Waits for the issuing bank's maker twice: an amendment to prepare and a presentation to examine.
    const { creditId } = await creditIn(world, "ADVISED", { amendment: "REQUESTED", presentation: "PRESENTED" });
    const { creditId: newer } = await creditIn(world, "SUBMITTED");
    await db().$executeRaw`UPDATE credits SET updated_at = '2000-01-01T00:00:00Z' WHERE id = ${creditId}::uuid`;
    await db().$executeRaw`UPDATE credits SET updated_at = '2000-01-02T00:00:00Z' WHERE id = ${newer}::uuid`;
    const maker = world.users.issuingBank.MAKER;
    const [first] = await waitingForMe(maker, 1);
    expect(first?.id).toBe(creditId);
    expect(first?.nextSteps.map((step) => step.action)).toEqual(["prepareAmendment", "determineCompliant"]);
    expect((await waitingForMe(maker, 2)).map((w) => w.id)).toEqual([creditId, newer]);

    const [waited] = await waitingForOthers(world.users.applicant.VIEWER, 1);
    expect(waited?.id).toBe(creditId);
    expect(waited?.waitingFor).toEqual(["Issuing bank"]);
  });

  it("does not list for others a credit that waits for the viewer", async () => {
    const { creditId } = await creditIn(world, "SUBMITTED");
    expect((await waitingForOthers(world.users.issuingBank.MAKER, 300)).map((w) => w.id)).not.toContain(creditId);
    // A viewer at the same bank cannot prepare it: for them it waits for the issuing bank.
    expect((await waitingForOthers(world.users.issuingBank.VIEWER, 300)).find((w) => w.id === creditId)?.waitingFor).toEqual(["Issuing bank"]);
  });
});
