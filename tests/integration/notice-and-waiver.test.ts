import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { performAction } from "@/lib/lifecycle/perform";
import { DOCUMENT_DISPOSALS } from "@/lib/presentations/notice";
import { attempt } from "./support/attempt";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn, snapshot } from "./support/world";

// Issue 13, error 15: the records of a notice and a waiver. The notice is refused after the
// fifth banking day (art. 16(d)), explaining the preclusion of 16(f), whether the maker prepares
// it late or the checker would send it late; it states what the bank does with the documents
// (16(c)(iii)); the waiver milestone names the discrepancies waived; a dismissal records who
// dismissed the finding and when.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const at = (day: string) => new Date(`${day}T10:00:00Z`);
const HOLD = { disposal: "HOLDING_UNTIL_WAIVER" };

/** A presentation under examination with an open finding, its art. 14(b) deadline on Friday 11 December 2026. */
async function examined() {
  const fixture = await creditIn(world, "ADVISED", { presentation: "PRESENTED", openFinding: true });
  await db().presentation.update({ where: { id: fixture.presentationId! }, data: { examinationDeadline: new Date("2026-12-11") } });
  return { ...fixture, presentationId: fixture.presentationId! };
}

describe("the notice of discrepancies", () => {
  it("goes out on the fifth banking day, stating the discrepancies and what the bank does with the documents", async () => {
    const { creditId, presentationId } = await examined();
    await performAction({ actor: world.users.issuingBank.MAKER, action: "notifyDiscrepancies", creditId, subjectId: presentationId, input: HOLD, now: at("2026-12-10") });
    await performAction({ actor: world.users.issuingBank.CHECKER, action: "approveNotice", creditId, subjectId: presentationId, now: at("2026-12-11") });
    const milestone = await db().milestone.findFirstOrThrow({ where: { creditId, kind: "DISCREPANCIES_NOTIFIED" } });
    expect(milestone.content).toMatchObject({
      noticeDate: "2026-12-11",
      examinationDeadline: "2026-12-11",
      discrepancies: [{ article: "18(a)", message: "Invoice not signed as required" }],
      disposal: { code: "HOLDING_UNTIL_WAIVER", statement: DOCUMENT_DISPOSALS.HOLDING_UNTIL_WAIVER },
    });
    expect(await db().presentation.findUniqueOrThrow({ where: { id: presentationId } })).toMatchObject({ status: "DISCREPANT", documentDisposal: "HOLDING_UNTIL_WAIVER" });
  });

  it("is refused on the sixth banking day, explaining the preclusion of art. 16(f), and nothing changes", async () => {
    const { creditId, presentationId } = await examined();
    const before = await snapshot(creditId);
    const late = await attempt({ actor: world.users.issuingBank.MAKER, action: "notifyDiscrepancies", creditId, subjectId: presentationId, input: HOLD, now: at("2026-12-14") });
    expect(late).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/fifth banking day following presentation was 2026-12-11.*precluded.*art\. 16\(f\)/) });
    expect(await snapshot(creditId)).toBe(before);
  });

  it("prepared in time but approved late is refused too: the notice counts when it goes out", async () => {
    const { creditId, presentationId } = await examined();
    await performAction({ actor: world.users.issuingBank.MAKER, action: "notifyDiscrepancies", creditId, subjectId: presentationId, input: HOLD, now: at("2026-12-11") });
    const before = await snapshot(creditId);
    expect(await attempt({ actor: world.users.issuingBank.CHECKER, action: "approveNotice", creditId, subjectId: presentationId, now: at("2026-12-14") })).toMatchObject({ code: "INVALID_STATE" });
    expect(await snapshot(creditId)).toBe(before);
    expect(await db().milestone.count({ where: { creditId, kind: "DISCREPANCIES_NOTIFIED" } })).toBe(0);
  });

  it("must say what happens to the documents: a missing or unknown disposal is refused, naming the field", async () => {
    const { creditId, presentationId } = await examined();
    for (const input of [{}, { disposal: "BURN" }]) {
      expect(await attempt({ actor: world.users.issuingBank.MAKER, action: "notifyDiscrepancies", creditId, subjectId: presentationId, input, now: at("2026-12-10") })).toMatchObject({
        code: "INVALID_REQUEST",
        fields: { disposal: expect.stringContaining("16(c)(iii)") },
      });
    }
  });
});

describe("the waiver and dismissals", () => {
  it("the waiver milestone names each discrepancy waived, and not the ones dismissed", async () => {
    const { creditId, presentationId, findingId } = await examined();
    const kept = await db().finding.create({ data: { presentationId, rule: "examiner", article: "14(d)", message: "Data conflict between invoice and B/L", source: "EXAMINER" } });
    // The first finding is dismissed under four eyes: the maker proposes, a checker approves.
    await performAction({ actor: world.users.issuingBank.MAKER, action: "dismissFinding", creditId, subjectId: presentationId, input: { findingId, reason: "Signature is on page 2" }, now: at("2026-12-09") });
    await performAction({ actor: world.users.issuingBank.CHECKER, action: "approveDismissal", creditId, subjectId: presentationId, now: at("2026-12-10") });
    expect(await db().finding.findUniqueOrThrow({ where: { id: findingId! } })).toMatchObject({
      dismissed: true,
      dismissReason: "Signature is on page 2",
      dismissedById: world.users.issuingBank.MAKER.userId,
      dismissedAt: at("2026-12-10"),
    });

    await performAction({ actor: world.users.issuingBank.MAKER, action: "notifyDiscrepancies", creditId, subjectId: presentationId, input: HOLD, now: at("2026-12-10") });
    await performAction({ actor: world.users.issuingBank.CHECKER, action: "approveNotice", creditId, subjectId: presentationId, now: at("2026-12-10") });
    // Itemised: a waiver that leaves one out, or names a dismissed finding, is refused and changes nothing.
    const before = await snapshot(creditId);
    expect(await attempt({ actor: world.users.applicant.MAKER, action: "waiveDiscrepancies", creditId, subjectId: presentationId, input: { findingIds: [findingId] } })).toMatchObject({
      code: "INVALID_REQUEST",
      fields: { findingIds: "Not a discrepancy of the notice" },
    });
    const other = await db().finding.create({ data: { presentationId, rule: "examiner", article: "28(b)", message: "Insurance dated after shipment", source: "EXAMINER" } });
    expect(await attempt({ actor: world.users.applicant.MAKER, action: "waiveDiscrepancies", creditId, subjectId: presentationId, input: { findingIds: [kept.id] } })).toMatchObject({
      code: "INVALID_REQUEST",
      message: expect.stringContaining("art. 28(b), Insurance dated after shipment is not ticked"),
    });
    expect(await attempt({ actor: world.users.applicant.MAKER, action: "waiveDiscrepancies", creditId, subjectId: presentationId, input: { findingIds: [] } })).toMatchObject({ code: "INVALID_REQUEST" });
    await db().finding.delete({ where: { id: other.id } });
    expect(await snapshot(creditId)).toBe(before);
    await performAction({ actor: world.users.applicant.MAKER, action: "waiveDiscrepancies", creditId, subjectId: presentationId, input: { findingIds: [kept.id] }, now: at("2026-12-11") });
    const waiver = await db().milestone.findFirstOrThrow({ where: { creditId, kind: "DISCREPANCIES_WAIVED" } });
    expect((waiver.content as { waived: unknown[] }).waived).toEqual([{ findingId: kept.id, rule: "examiner", article: "14(d)", document: null, message: "Data conflict between invoice and B/L" }]);
  });
});
