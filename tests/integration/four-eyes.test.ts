import { beforeAll, describe, expect, it } from "vitest";
import { POST as takeAction } from "@/app/api/v1/credits/[creditId]/actions/[action]/route";
import type { Actor } from "@/lib/auth/actor";
import { getCredit } from "@/lib/credits/get-credit";
import { db } from "@/lib/db/client";
import { type PerformOptions, performAction } from "@/lib/lifecycle/perform";
import { waitingForMe, waitingForOthers } from "@/lib/credits/waiting";
import { setFourEyes } from "@/lib/organizations/four-eyes";
import { attempt } from "./support/attempt";
import { useTestDatabase } from "./support/database";
import { type World, createUser, createWorld, creditIn, snapshot } from "./support/world";
import { tokenFor } from "./support/tokens";

// Four eyes wherever money or rights move (issue 11), and the limits of a payment: steps held for
// a checker change nothing until a different checker approves; a maker never approves their own;
// a bank that turns four eyes off acts at once; a payment is made against the amount claimed.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const act = (options: PerformOptions) => performAction(options);

const NOTICE = { disposal: "HOLDING_PENDING_INSTRUCTIONS" };
const presentationStatus = async (id: string) => (await db().presentation.findUniqueOrThrow({ where: { id } })).status;

describe("payment amounts (bugs 2 and the payment limit)", () => {
  it("refuses a USD payment of 262000.005 with a field message, and changes nothing", async () => {
    // A credit large enough that only the third decimal is wrong.
    const fixture = await creditIn(world, "ADVISED", { presentation: "COMPLIANT", terms: { amount: "300000.00" } });
    const before = await snapshot(fixture.creditId);
    const outcome = await attempt({ actor: world.users.issuingBank.MAKER, action: "preparePayment", creditId: fixture.creditId, subjectId: fixture.presentationId, input: { amount: "262000.005" } });
    expect(outcome).toMatchObject({ code: "INVALID_REQUEST", fields: { amount: "USD amounts have at most 2 decimal places" } });
    expect(await snapshot(fixture.creditId)).toBe(before);
  });

  it("refuses a payment above the amount the presentation claims, even when the credit has more available", async () => {
    const fixture = await creditIn(world, "ADVISED", { presentation: "COMPLIANT" });
    await db().presentation.update({ where: { id: fixture.presentationId }, data: { claimedAmount: "50000.00" } });
    const before = await snapshot(fixture.creditId);
    const outcome = await attempt({ actor: world.users.issuingBank.MAKER, action: "preparePayment", creditId: fixture.creditId, subjectId: fixture.presentationId, input: { amount: "50000.01" } });
    expect(outcome).toMatchObject({ code: "INVALID_REQUEST", message: expect.stringMatching(/claims USD 50,000\.00: a payment cannot exceed the amount claimed/), fields: { amount: expect.stringMatching(/the amount claimed/) } });
    expect(await snapshot(fixture.creditId)).toBe(before);
    // The claimed amount itself can be paid.
    await expect(act({ actor: world.users.issuingBank.MAKER, action: "preparePayment", creditId: fixture.creditId, subjectId: fixture.presentationId, input: { amount: "50000.00" } })).resolves.toMatchObject({ subjectStatus: "PAYMENT_PENDING" });
  });

  it("refuses any payment against a presentation that claims no amount (a packing list alone)", async () => {
    const fixture = await creditIn(world, "ADVISED", { presentation: "WAIVER_ACCEPTED" });
    await db().presentation.update({ where: { id: fixture.presentationId }, data: { claimedAmount: null } });
    const before = await snapshot(fixture.creditId);
    const outcome = await attempt({ actor: world.users.issuingBank.MAKER, action: "preparePayment", creditId: fixture.creditId, subjectId: fixture.presentationId, input: { amount: "50000.00" } });
    expect(outcome).toMatchObject({ code: "INVALID_REQUEST", message: expect.stringMatching(/claims no amount/), fields: { amount: "No amount is claimed in this presentation" } });
    expect(await snapshot(fixture.creditId)).toBe(before);
  });

  it("stores what the checker will see: amount, claimed amount and the drawing before and after", async () => {
    const fixture = await creditIn(world, "ADVISED", { presentation: "COMPLIANT" });
    await act({ actor: world.users.issuingBank.MAKER, action: "preparePayment", creditId: fixture.creditId, subjectId: fixture.presentationId, input: { amount: "125000.00" } });
    const approval = await db().approval.findFirstOrThrow({ where: { creditId: fixture.creditId, kind: "PAYMENT", status: "PENDING" } });
    expect(approval.payload).toMatchObject({
      amount: "125000.000",
      claimedAmount: "125000",
      changes: expect.arrayContaining([{ label: "Drawn under the credit", before: "USD 0.00", after: "USD 125,000.00" }]),
    });
  });
});

describe("four eyes on the issuing bank's examination decisions", () => {
  it("holds a maker's 'complying' until a different checker approves; the maker's own approval is refused with 403", async () => {
    const fixture = await creditIn(world, "ADVISED", { presentation: "PRESENTED" });
    const held = await act({ actor: world.dualIssuer, action: "determineCompliant", creditId: fixture.creditId, subjectId: fixture.presentationId });
    expect(held).toMatchObject({ held: true, subjectStatus: "PRESENTED", milestoneSeqs: [] });
    expect(await presentationStatus(fixture.presentationId!)).toBe("PRESENTED");
    expect(await db().milestone.count({ where: { creditId: fixture.creditId } })).toBe(0);
    const approval = await db().approval.findFirstOrThrow({ where: { creditId: fixture.creditId, status: "PENDING" } });
    expect(approval).toMatchObject({ kind: "COMPLIANCE", makerId: world.dualIssuer.userId, subjectId: fixture.presentationId });
    expect(approval.payload).toMatchObject({ action: "determineCompliant", changes: expect.arrayContaining([{ label: "Presentation 1", before: "Under examination", after: "Complying" }]) });

    // While it waits, no other decision can be prepared on the presentation.
    expect(await attempt({ actor: world.users.issuingBank.MAKER, action: "notifyDiscrepancies", creditId: fixture.creditId, subjectId: fixture.presentationId, input: NOTICE })).toMatchObject({ code: "INVALID_STATE" });

    const before = await snapshot(fixture.creditId);
    expect(await attempt({ actor: world.dualIssuer, action: "approveCompliance", creditId: fixture.creditId, subjectId: fixture.presentationId })).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/four eyes/) });
    expect(await snapshot(fixture.creditId)).toBe(before);

    const approved = await act({ actor: world.users.issuingBank.CHECKER, action: "approveCompliance", creditId: fixture.creditId, subjectId: fixture.presentationId });
    expect(approved).toMatchObject({ subjectStatus: "COMPLIANT" });
    expect(approved.milestoneSeqs).toHaveLength(1);
    const presentation = await db().presentation.findUniqueOrThrow({ where: { id: fixture.presentationId } });
    expect(presentation.examinedById).toBe(world.dualIssuer.userId);
    expect(await db().approval.findUniqueOrThrow({ where: { id: approval.id } })).toMatchObject({ status: "APPROVED", checkerId: world.users.issuingBank.CHECKER.userId });
  });

  it("sends a held notice back: nothing is notified, and the maker can prepare again", async () => {
    const fixture = await creditIn(world, "ADVISED", { presentation: "PRESENTED", openFinding: true });
    await act({ actor: world.users.issuingBank.MAKER, action: "notifyDiscrepancies", creditId: fixture.creditId, subjectId: fixture.presentationId, input: NOTICE });
    await act({ actor: world.users.issuingBank.CHECKER, action: "rejectNotice", creditId: fixture.creditId, subjectId: fixture.presentationId, input: { reason: "Check the invoice again" } });
    expect(await presentationStatus(fixture.presentationId!)).toBe("PRESENTED");
    expect(await db().milestone.count({ where: { creditId: fixture.creditId } })).toBe(0);
    await act({ actor: world.users.issuingBank.MAKER, action: "notifyDiscrepancies", creditId: fixture.creditId, subjectId: fixture.presentationId, input: NOTICE });
    const sent = await act({ actor: world.users.issuingBank.CHECKER, action: "approveNotice", creditId: fixture.creditId, subjectId: fixture.presentationId });
    expect(sent).toMatchObject({ subjectStatus: "DISCREPANT" });
  });

  it("holds dismissing a finding, refusing and accepting a waiver the same way", async () => {
    const maker = world.users.issuingBank.MAKER;
    const checker = world.users.issuingBank.CHECKER;
    const dismissal = await creditIn(world, "ADVISED", { presentation: "PRESENTED", openFinding: true });
    await act({ actor: maker, action: "dismissFinding", creditId: dismissal.creditId, subjectId: dismissal.presentationId, input: { findingId: dismissal.findingId, reason: "Signature not required by the credit" } });
    expect((await db().finding.findUniqueOrThrow({ where: { id: dismissal.findingId } })).dismissed).toBe(false);
    await act({ actor: checker, action: "approveDismissal", creditId: dismissal.creditId, subjectId: dismissal.presentationId });
    expect(await db().finding.findUniqueOrThrow({ where: { id: dismissal.findingId } })).toMatchObject({ dismissed: true, dismissReason: "Signature not required by the credit" });

    const refusal = await creditIn(world, "ADVISED", { presentation: "DISCREPANT" });
    await act({ actor: maker, action: "refusePresentation", creditId: refusal.creditId, subjectId: refusal.presentationId, input: { reason: "Discrepancies not waived" } });
    expect(await presentationStatus(refusal.presentationId!)).toBe("DISCREPANT");
    await expect(act({ actor: checker, action: "approveRefusal", creditId: refusal.creditId, subjectId: refusal.presentationId })).resolves.toMatchObject({ subjectStatus: "REFUSED" });

    const waiver = await creditIn(world, "ADVISED", { presentation: "DISCREPANT", openFinding: true });
    await act({ actor: world.users.applicant.MAKER, action: "waiveDiscrepancies", creditId: waiver.creditId, subjectId: waiver.presentationId, input: { findingIds: [waiver.findingId] } });
    // The applicant's waiver alone does not let the bank pay (UCP 600 art. 16(b)).
    expect(await attempt({ actor: maker, action: "preparePayment", creditId: waiver.creditId, subjectId: waiver.presentationId, input: { amount: "1000.00" } })).toMatchObject({ code: "INVALID_STATE" });
    await act({ actor: maker, action: "acceptWaiver", creditId: waiver.creditId, subjectId: waiver.presentationId });
    expect(await presentationStatus(waiver.presentationId!)).toBe("WAIVED");
    await act({ actor: checker, action: "approveWaiverAcceptance", creditId: waiver.creditId, subjectId: waiver.presentationId });
    expect(await presentationStatus(waiver.presentationId!)).toBe("WAIVER_ACCEPTED");
    await expect(act({ actor: maker, action: "preparePayment", creditId: waiver.creditId, subjectId: waiver.presentationId, input: { amount: "1000.00" } })).resolves.toMatchObject({ subjectStatus: "PAYMENT_PENDING" });
  });

  it("refuses a checker's approval when nothing is waiting for one", async () => {
    const fixture = await creditIn(world, "ADVISED", { presentation: "PRESENTED" });
    const before = await snapshot(fixture.creditId);
    expect(await attempt({ actor: world.users.issuingBank.CHECKER, action: "approveCompliance", creditId: fixture.creditId, subjectId: fixture.presentationId })).toMatchObject({ code: "INVALID_STATE" });
    expect(await snapshot(fixture.creditId)).toBe(before);
  });

  it("lets a bank that turned four eyes off decide in one step, as before", async () => {
    const other = await createWorld();
    await db().organization.update({ where: { id: other.orgs.issuingBank }, data: { fourEyes: false } });
    const fixture = await creditIn(other, "ADVISED", { presentation: "PRESENTED" });
    const result = await act({ actor: other.users.issuingBank.MAKER, action: "determineCompliant", creditId: fixture.creditId, subjectId: fixture.presentationId });
    expect(result).toMatchObject({ subjectStatus: "COMPLIANT" });
    expect(result.held).toBeUndefined();
    expect(await db().approval.count({ where: { creditId: fixture.creditId } })).toBe(0);
    // Payment follows the setting too: recorded in one step (below, "payment and the four-eyes setting").
    await act({ actor: other.users.issuingBank.MAKER, action: "recordPayment", creditId: fixture.creditId, subjectId: fixture.presentationId, input: { amount: "125000.00" } });
    expect(await presentationStatus(fixture.presentationId!)).toBe("PAID");
  });
});

describe("confirmation (UCP 600 art. 8 and 10(b))", () => {
  it("holds adding confirmation for the advising bank's checker; advising without it goes at once", async () => {
    const fixture = await creditIn(world, "ISSUED", { terms: { confirmation: "MAY_ADD" } });
    await db().credit.update({ where: { id: fixture.creditId }, data: { confirmingBankId: null, confirmed: false } });
    const maker = world.users.advisingBank.MAKER;
    const held = await act({ actor: maker, action: "adviseCredit", creditId: fixture.creditId, input: { addConfirmation: true } });
    expect(held).toMatchObject({ held: true, creditStatus: "ISSUED" });
    const approval = await db().approval.findFirstOrThrow({ where: { creditId: fixture.creditId, status: "PENDING" } });
    expect(approval.payload).toMatchObject({ changes: expect.arrayContaining([{ label: "Our undertaking to honour, up to", before: "USD 0.00", after: "USD 125,000.00" }]) });
    const dual = await createUser(world.orgs.advisingBank, ["MAKER", "CHECKER"], `advising-dual-${Date.now()}`);
    expect(await attempt({ actor: maker, action: "approveConfirmation", creditId: fixture.creditId })).toMatchObject({ code: "FORBIDDEN" });
    expect(await attempt({ actor: dual, action: "approveConfirmation", creditId: fixture.creditId })).toMatchObject({ code: "ok" });
    expect(await db().credit.findUniqueOrThrow({ where: { id: fixture.creditId } })).toMatchObject({ status: "ADVISED", confirmed: true, confirmingBankId: world.orgs.advisingBank });

    const plain = await creditIn(world, "ISSUED", { terms: { confirmation: "MAY_ADD" } });
    await expect(act({ actor: maker, action: "adviseCredit", creditId: plain.creditId, input: { addConfirmation: false } })).resolves.toMatchObject({ creditStatus: "ADVISED" });
  });

  it("makes a confirming bank decide, for each amendment, whether its confirmation extends to it, and records the decision", async () => {
    const fixture = await creditIn(world, "ADVISED", { amendment: "ISSUED", terms: { confirmation: "CONFIRM" } });
    await db().credit.update({ where: { id: fixture.creditId }, data: { confirmingBankId: world.orgs.advisingBank, confirmed: true } });
    const maker = world.users.advisingBank.MAKER;
    const before = await snapshot(fixture.creditId);
    expect(await attempt({ actor: maker, action: "adviseAmendment", creditId: fixture.creditId, subjectId: fixture.amendmentId, input: {} })).toMatchObject({
      code: "INVALID_REQUEST",
      fields: { extendConfirmation: expect.any(String) },
    });
    expect(await snapshot(fixture.creditId)).toBe(before);

    // Extending is held for a checker; once approved the amendment is advised with the decision.
    await act({ actor: maker, action: "adviseAmendment", creditId: fixture.creditId, subjectId: fixture.amendmentId, input: { extendConfirmation: true } });
    expect((await db().amendment.findUniqueOrThrow({ where: { id: fixture.amendmentId } })).status).toBe("ISSUED");
    await act({ actor: world.users.advisingBank.CHECKER, action: "approveConfirmationExtension", creditId: fixture.creditId, subjectId: fixture.amendmentId });
    expect(await db().amendment.findUniqueOrThrow({ where: { id: fixture.amendmentId } })).toMatchObject({ status: "ADVISED", confirmationExtended: true });

    const declined = await creditIn(world, "ADVISED", { amendment: "ISSUED" });
    await db().credit.update({ where: { id: declined.creditId }, data: { confirmingBankId: world.orgs.advisingBank, confirmed: true } });
    await act({ actor: maker, action: "adviseAmendment", creditId: declined.creditId, subjectId: declined.amendmentId, input: { extendConfirmation: false } });
    expect(await db().amendment.findUniqueOrThrow({ where: { id: declined.amendmentId } })).toMatchObject({ status: "ADVISED", confirmationExtended: false });
    const milestone = await db().milestone.findFirstOrThrow({ where: { creditId: declined.creditId, kind: "AMENDMENT_ADVISED" } });
    expect(milestone.content).toMatchObject({ confirmationExtended: false });
  });
});

describe("the four-eyes setting and the work queues", () => {
  it("is changed only by the bank's administrator", async () => {
    const other = await createWorld();
    await expect(setFourEyes(other.users.issuingBank.CHECKER, false)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setFourEyes(other.users.applicant.ADMIN, false)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db().organization.findUniqueOrThrow({ where: { id: other.orgs.issuingBank } })).fourEyes).toBe(true);
    await setFourEyes(other.users.issuingBank.ADMIN, false);
    expect((await db().organization.findUniqueOrThrow({ where: { id: other.orgs.issuingBank } })).fourEyes).toBe(false);
  });

  it("puts a held step in another checker's queue, not the maker's", async () => {
    const other = await createWorld();
    const fixture = await creditIn(other, "ADVISED", { presentation: "PRESENTED" });
    const steps = async (actor: typeof other.dualIssuer) => (await waitingForMe(actor)).find((w) => w.id === fixture.creditId)?.steps ?? [];
    expect(await steps(other.users.issuingBank.CHECKER)).not.toContain("Presentation 1: Approve: complying");
    await act({ actor: other.dualIssuer, action: "determineCompliant", creditId: fixture.creditId, subjectId: fixture.presentationId });
    expect(await steps(other.users.issuingBank.CHECKER)).toContain("Presentation 1: Approve: complying");
    expect(await steps(other.dualIssuer)).not.toContain("Presentation 1: Approve: complying");
    expect(await steps(other.users.issuingBank.MAKER)).not.toContain("Presentation 1: Determine complying");
  });
});

describe("payment and the four-eyes setting (issue 11)", () => {
  /** A world whose issuing bank works without four eyes (the setting as its administrator leaves it). */
  async function withoutFourEyes(): Promise<World> {
    const other = await createWorld();
    await setFourEyes(other.users.issuingBank.ADMIN, false);
    return other;
  }

  /** The action over the API, as a bank's back office takes it: the status and the error, if any. */
  async function overApi(actor: Actor, action: string, creditId: string, body: Record<string, unknown>) {
    const token = await tokenFor(actor);
    const request = new Request(`http://localhost/api/v1/credits/${creditId}/actions/${action}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const response = await takeAction(request, { params: Promise.resolve({ creditId, action }) });
    const json = (await response.json()) as { error?: { code: string; message: string; fields?: Record<string, string> }; subjectStatus?: string };
    return { status: response.status, error: json.error ?? null, subjectStatus: json.subjectStatus ?? null };
  }

  const milestoneKinds = async (creditId: string) => (await db().milestone.findMany({ where: { creditId }, orderBy: { seq: "asc" } })).map((m) => m.kind);

  it("lets one officer of a bank without four eyes record a payment in one step: PAYMENT_RECORDED, the credit settled when fully drawn", async () => {
    const other = await withoutFourEyes();
    const fixture = await creditIn(other, "ADVISED", { presentation: "COMPLIANT" });
    const maker = other.users.issuingBank.MAKER;
    const result = await overApi(maker, "recordPayment", fixture.creditId, { subjectId: fixture.presentationId, input: { amount: "125000.00" } });
    expect(result).toEqual({ status: 200, error: null, subjectStatus: "PAID" });

    const payment = await db().payment.findFirstOrThrow({ where: { presentationId: fixture.presentationId } });
    expect(payment).toMatchObject({ kind: "SIGHT", currency: "USD", makerId: maker.userId, checkerId: maker.userId, dueDate: null });
    expect(payment.amount.toString()).toBe("125000");
    expect(await db().approval.count({ where: { creditId: fixture.creditId } })).toBe(0);
    expect(await db().credit.findUniqueOrThrow({ where: { id: fixture.creditId } })).toMatchObject({ status: "SETTLED" });
    expect((await db().credit.findUniqueOrThrow({ where: { id: fixture.creditId } })).drawnAmount.toString()).toBe("125000");
    expect(await milestoneKinds(fixture.creditId)).toEqual(["PAYMENT_RECORDED", "CREDIT_SETTLED"]);
    const recorded = await db().milestone.findFirstOrThrow({ where: { creditId: fixture.creditId, kind: "PAYMENT_RECORDED" } });
    expect(recorded).toMatchObject({ actorId: maker.userId, subjectId: fixture.presentationId });
    expect(recorded.content).toMatchObject({ presentationNumber: 1, amount: "125000.000", currency: "USD", kind: "SIGHT", dueDate: null });
    // The beneficiary is told, as when a checker approves a payment.
    expect(await db().notification.count({ where: { creditId: fixture.creditId, userId: other.users.beneficiary.MAKER.userId } })).toBe(1);
  });

  it("lets the checker record one too, after an accepted waiver; a part payment leaves the credit open when it allows more drawings", async () => {
    const other = await withoutFourEyes();
    const fixture = await creditIn(other, "ADVISED", { presentation: "WAIVER_ACCEPTED", terms: { partialShipments: "ALLOWED" } });
    await db().presentation.update({ where: { id: fixture.presentationId }, data: { claimedAmount: "50000.00" } });
    const checker = other.users.issuingBank.CHECKER;
    await expect(act({ actor: checker, action: "recordPayment", creditId: fixture.creditId, subjectId: fixture.presentationId, input: { amount: "50000.00" } })).resolves.toMatchObject({
      subjectStatus: "PAID",
      creditStatus: "ADVISED",
    });
    expect(await db().payment.findFirstOrThrow({ where: { presentationId: fixture.presentationId } })).toMatchObject({ makerId: checker.userId, checkerId: checker.userId });
    expect(await milestoneKinds(fixture.creditId)).toEqual(["PAYMENT_RECORDED"]);
  });

  it("refuses an amount above the amount claimed with a 400 that names it, and changes nothing", async () => {
    const other = await withoutFourEyes();
    const fixture = await creditIn(other, "ADVISED", { presentation: "COMPLIANT" });
    await db().presentation.update({ where: { id: fixture.presentationId }, data: { claimedAmount: "50000.00" } });
    const before = await snapshot(fixture.creditId);
    const result = await overApi(other.users.issuingBank.MAKER, "recordPayment", fixture.creditId, { subjectId: fixture.presentationId, input: { amount: "50000.01" } });
    expect(result).toMatchObject({
      status: 400,
      error: { code: "INVALID_REQUEST", message: expect.stringMatching(/claims USD 50,000\.00: a payment cannot exceed the amount claimed/), fields: { amount: expect.stringMatching(/the amount claimed/) } },
    });
    expect(await snapshot(fixture.creditId)).toBe(before);
    // A deferred payment needs its maturity date, as when it is prepared.
    const deferred = await creditIn(other, "ADVISED", { presentation: "COMPLIANT", terms: { availableBy: "DEFERRED_PAYMENT", tenorDays: 90 } });
    const deferredBefore = await snapshot(deferred.creditId);
    expect(await attempt({ actor: other.users.issuingBank.MAKER, action: "recordPayment", creditId: deferred.creditId, subjectId: deferred.presentationId, input: { amount: "1000.00" } })).toMatchObject({
      code: "INVALID_REQUEST",
      fields: { dueDate: "Enter the due date" },
    });
    expect(await snapshot(deferred.creditId)).toBe(deferredBefore);
  });

  it("refuses preparing a payment for a checker at a bank without four eyes, with a 403 that says to record it, and changes nothing", async () => {
    const other = await withoutFourEyes();
    const fixture = await creditIn(other, "ADVISED", { presentation: "COMPLIANT" });
    const before = await snapshot(fixture.creditId);
    const result = await overApi(other.users.issuingBank.MAKER, "preparePayment", fixture.creditId, { subjectId: fixture.presentationId, input: { amount: "1000.00" } });
    expect(result).toMatchObject({ status: 403, error: { code: "FORBIDDEN", message: expect.stringMatching(/^Your bank works without four eyes: record the payment yourself in one step/) } });
    expect(await snapshot(fixture.creditId)).toBe(before);
  });

  it("refuses recording a payment in one step at a bank under four eyes, to its maker and its checker, with a 403 that says to prepare it, and changes nothing", async () => {
    const fixture = await creditIn(world, "ADVISED", { presentation: "COMPLIANT" });
    const before = await snapshot(fixture.creditId);
    for (const actor of [world.users.issuingBank.MAKER, world.users.issuingBank.CHECKER, world.dualIssuer]) {
      const result = await overApi(actor, "recordPayment", fixture.creditId, { subjectId: fixture.presentationId, input: { amount: "1000.00" } });
      expect([actor.name, result]).toMatchObject([actor.name, { status: 403, error: { code: "FORBIDDEN", message: expect.stringMatching(/^Your bank works under four eyes: prepare the payment for a checker/) } }]);
    }
    expect(await snapshot(fixture.creditId)).toBe(before);
  });

  it("still lets the checker approve a payment prepared before the bank turned four eyes off", async () => {
    const other = await createWorld();
    const fixture = await creditIn(other, "ADVISED", { presentation: "COMPLIANT" });
    await act({ actor: other.users.issuingBank.MAKER, action: "preparePayment", creditId: fixture.creditId, subjectId: fixture.presentationId, input: { amount: "125000.00" } });
    await setFourEyes(other.users.issuingBank.ADMIN, false);
    await expect(act({ actor: other.users.issuingBank.CHECKER, action: "approvePayment", creditId: fixture.creditId, subjectId: fixture.presentationId })).resolves.toMatchObject({ subjectStatus: "PAID" });
    expect(await db().payment.findFirstOrThrow({ where: { presentationId: fixture.presentationId } })).toMatchObject({ makerId: other.users.issuingBank.MAKER.userId, checkerId: other.users.issuingBank.CHECKER.userId });
  });

  it("shows each bank the payment step its setting allows: on the presentation and in the work queue", async () => {
    const other = await withoutFourEyes();
    const off = await creditIn(other, "ADVISED", { presentation: "COMPLIANT" });
    const on = await creditIn(world, "ADVISED", { presentation: "COMPLIANT" });
    const paymentActions = async (actor: Actor, creditId: string) => (await getCredit(actor, creditId)).presentations[0]!.actions.filter((a) => a === "preparePayment" || a === "recordPayment");
    const queued = async (actor: Actor, creditId: string) => (await waitingForMe(actor)).find((w) => w.id === creditId)?.steps ?? [];

    for (const actor of [other.users.issuingBank.MAKER, other.users.issuingBank.CHECKER, other.dualIssuer]) {
      expect([actor.name, await paymentActions(actor, off.creditId)]).toEqual([actor.name, ["recordPayment"]]);
      expect([actor.name, await queued(actor, off.creditId)]).toEqual([actor.name, ["Presentation 1: Record payment"]]);
    }
    expect(await paymentActions(world.users.issuingBank.MAKER, on.creditId)).toEqual(["preparePayment"]);
    expect(await queued(world.users.issuingBank.MAKER, on.creditId)).toEqual(["Presentation 1: Prepare payment"]);
    expect(await paymentActions(world.users.issuingBank.CHECKER, on.creditId)).toEqual([]);
    expect(await queued(world.users.issuingBank.CHECKER, on.creditId)).toEqual([]);
    // Whoever cannot pay is told the credit waits for the issuing bank, whatever its setting.
    for (const [viewer, creditId] of [[other.users.applicant.MAKER, off.creditId], [world.users.applicant.MAKER, on.creditId]] as const) {
      expect((await waitingForOthers(viewer, 300)).find((w) => w.id === creditId)?.waitingFor).toEqual(["Issuing bank"]);
    }
    expect((await waitingForOthers(world.users.issuingBank.CHECKER, 300)).find((w) => w.id === on.creditId)?.waitingFor).toEqual(["Issuing bank"]);
    expect((await waitingForOthers(other.users.issuingBank.CHECKER, 300)).map((w) => w.id)).not.toContain(off.creditId);
  });

  it("has the database refuse a payment made and approved by one user unless the issuing bank works without four eyes", async () => {
    const fixture = await creditIn(world, "ADVISED", { presentation: "COMPLIANT" });
    const maker = world.users.issuingBank.MAKER.userId;
    const row = { creditId: fixture.creditId, presentationId: fixture.presentationId!, kind: "SIGHT" as const, currency: "USD", amount: "1000.00", makerId: maker, checkerId: maker };
    await expect(db().payment.create({ data: row })).rejects.toThrow(/payments need four eyes/);
    const paid = await db().payment.create({ data: { ...row, checkerId: world.users.issuingBank.CHECKER.userId } });
    await expect(db().payment.update({ where: { id: paid.id }, data: { checkerId: maker } })).rejects.toThrow(/payments need four eyes/);

    const other = await withoutFourEyes();
    const off = await creditIn(other, "ADVISED", { presentation: "COMPLIANT" });
    const officer = other.users.issuingBank.CHECKER.userId;
    await expect(db().payment.create({ data: { ...row, creditId: off.creditId, presentationId: off.presentationId!, makerId: officer, checkerId: officer } })).resolves.toMatchObject({ makerId: officer });
  });
});
