import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { expireCredits } from "@/lib/jobs/expire-credits";
import { performAction } from "@/lib/lifecycle/perform";
import { getCredit } from "@/lib/credits/get-credit";
import { waitingForMe } from "@/lib/credits/waiting";
import { attempt } from "./support/attempt";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

// Issue 13, item 7 (and error 3): a nominated or confirming bank examines on its own clock and
// holidays when the credit is available with it. The advising bank is in Rotterdam (closed on
// Wednesday 8 September 2027), the issuing bank in Singapore (closed on Thursday 9 and Friday 10
// September). The examining bank dates the presentation, counts its five banking days (art.
// 14(b)), times the notice (art. 16(d)) and is the only bank whose people examine it.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
  await db().organization.update({ where: { id: world.orgs.advisingBank }, data: { timeZone: "Europe/Amsterdam", cutOffTime: "16:00" } });
  await db().organization.update({ where: { id: world.orgs.issuingBank }, data: { timeZone: "Asia/Singapore", cutOffTime: null } });
  await db().bankHoliday.createMany({
    data: [
      { bankId: world.orgs.advisingBank, date: new Date("2027-09-08"), name: "Rotterdam closed" },
      { bankId: world.orgs.issuingBank, date: new Date("2027-09-09"), name: "Singapore closed" },
      { bankId: world.orgs.issuingBank, date: new Date("2027-09-10"), name: "Singapore closed" },
    ],
  });
});

const terms = { expiryDate: "2027-12-31", latestShipmentDate: "2027-08-20" };
const HOLD = { disposal: "HOLDING_UNTIL_WAIVER" };
const FINDING = { article: "18(a)", message: "Invoice not signed as required" };

/** A credit available with `availableWith`, its documents presented on Monday 6 September 2027 at 10:00 in Rotterdam (16:00 in Singapore). */
async function presented(availableWith: "ADVISING_BANK" | "ISSUING_BANK", options: { confirmedByAdvisingBank?: boolean } = {}) {
  const fixture = await creditIn(world, "ADVISED", { presentation: "DRAFT", terms: { ...terms, availableWith }, ...options });
  const presentationId = fixture.presentationId!;
  await performAction({ actor: world.users.beneficiary.MAKER, action: "presentDocuments", creditId: fixture.creditId, subjectId: presentationId, now: new Date("2027-09-06T08:00:00Z") });
  const row = await db().presentation.findUniqueOrThrow({ where: { id: presentationId } });
  return { creditId: fixture.creditId, presentationId, deadline: row.examinationDeadline!.toISOString().slice(0, 10), examiningBankId: row.examiningBankId };
}

describe("the deadline counts on the examining bank's holidays (art. 14(b))", () => {
  it("available with the advising bank: Rotterdam's holiday, not Singapore's", async () => {
    const p = await presented("ADVISING_BANK");
    // Tue 7, (Wed 8 closed), Thu 9, Fri 10, Mon 13, Tue 14; on Singapore's holidays it would be Wednesday 15th.
    expect(p).toMatchObject({ deadline: "2027-09-14", examiningBankId: world.orgs.advisingBank });
  });

  it("available with the issuing bank: Singapore's holidays, not Rotterdam's", async () => {
    const p = await presented("ISSUING_BANK");
    // Tue 7, Wed 8, (Thu 9, Fri 10 closed), Mon 13, Tue 14, Wed 15.
    expect(p).toMatchObject({ deadline: "2027-09-15", examiningBankId: world.orgs.issuingBank });
  });

  it("a correction of the day received recounts on the examining bank's holidays", async () => {
    const p = await presented("ADVISING_BANK");
    await performAction({ actor: world.users.advisingBank.MAKER, action: "correctDocumentData", creditId: p.creditId, subjectId: p.presentationId, input: { documentId: "", field: "receivedOn", value: "2027-09-07", reason: "The courier delivered on Tuesday" }, now: new Date("2027-09-07T08:00:00Z") });
    await performAction({ actor: world.users.advisingBank.CHECKER, action: "approveCorrection", creditId: p.creditId, subjectId: p.presentationId, now: new Date("2027-09-07T09:00:00Z") });
    const row = await db().presentation.findUniqueOrThrow({ where: { id: p.presentationId } });
    // Wed 8 closed in Rotterdam: Thu 9, Fri 10, Mon 13, Tue 14, Wed 15 (on Singapore's holidays, Thursday 16th).
    expect([row.presentedOn?.toISOString().slice(0, 10), row.examinationDeadline?.toISOString().slice(0, 10)]).toEqual(["2027-09-07", "2027-09-15"]);
  });
});

describe("the notice is timed on the examining bank's clock (art. 16(d))", () => {
  it("the nominated bank's notice at 22:30 in Rotterdam on the fifth banking day is in time, though it is already the next day in Singapore", async () => {
    const p = await presented("ADVISING_BANK");
    await performAction({ actor: world.users.advisingBank.MAKER, action: "addFinding", creditId: p.creditId, subjectId: p.presentationId, input: FINDING, now: new Date("2027-09-07T08:00:00Z") });
    await performAction({ actor: world.users.advisingBank.MAKER, action: "notifyDiscrepancies", creditId: p.creditId, subjectId: p.presentationId, input: HOLD, now: new Date("2027-09-14T08:00:00Z") });
    expect(await attempt({ actor: world.users.advisingBank.CHECKER, action: "approveNotice", creditId: p.creditId, subjectId: p.presentationId, now: new Date("2027-09-14T20:30:00Z") })).toEqual({ code: "ok" });
    expect((await db().presentation.findUniqueOrThrow({ where: { id: p.presentationId } })).status).toBe("DISCREPANT");
  });

  it("a notice on the nominated bank's sixth banking day is refused", async () => {
    const p = await presented("ADVISING_BANK");
    await performAction({ actor: world.users.advisingBank.MAKER, action: "addFinding", creditId: p.creditId, subjectId: p.presentationId, input: FINDING, now: new Date("2027-09-07T08:00:00Z") });
    // Wednesday 15th, 10:00 in Rotterdam: its sixth banking day (Singapore's fifth).
    const late = await attempt({ actor: world.users.advisingBank.MAKER, action: "notifyDiscrepancies", creditId: p.creditId, subjectId: p.presentationId, input: HOLD, now: new Date("2027-09-15T08:00:00Z") });
    expect(late).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/fifth banking day following presentation was 2027-09-14.*art\. 16\(f\)/) });
  });
});

describe("the examining bank's people examine; the other bank's do not", () => {
  it("available with the advising bank: its maker and checker examine and send the notice; the issuing bank's are refused", async () => {
    const p = await presented("ADVISING_BANK");
    const options = { creditId: p.creditId, subjectId: p.presentationId, now: new Date("2027-09-07T08:00:00Z") };
    expect(await attempt({ ...options, actor: world.users.issuingBank.MAKER, action: "addFinding", input: FINDING })).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/nominated bank/) });
    expect(await attempt({ ...options, actor: world.users.advisingBank.MAKER, action: "addFinding", input: FINDING })).toEqual({ code: "ok" });
    expect(await attempt({ ...options, actor: world.users.issuingBank.MAKER, action: "notifyDiscrepancies", input: HOLD })).toMatchObject({ code: "FORBIDDEN" });
    expect(await attempt({ ...options, actor: world.users.advisingBank.MAKER, action: "notifyDiscrepancies", input: HOLD })).toEqual({ code: "ok" });
    expect(await attempt({ ...options, actor: world.users.issuingBank.CHECKER, action: "approveNotice" })).toMatchObject({ code: "FORBIDDEN" });
    // The examining bank's checker is told of the held notice, and sees it waiting with its deadline.
    const queue = await waitingForMe(world.users.advisingBank.CHECKER, 500, new Date("2027-09-07T08:00:00Z"));
    expect(queue.find((c) => c.id === p.creditId)).toMatchObject({ due: { deadline: new Date("2027-09-14T00:00:00Z"), bankingDaysLeft: 4 } });
    expect((await waitingForMe(world.users.issuingBank.CHECKER, 500)).some((c) => c.id === p.creditId)).toBe(false);
    expect(await attempt({ ...options, actor: world.users.advisingBank.CHECKER, action: "approveNotice" })).toEqual({ code: "ok" });
  });

  it("available with the issuing bank: the issuing bank examines; the advising bank's people are refused", async () => {
    const p = await presented("ISSUING_BANK");
    const options = { creditId: p.creditId, subjectId: p.presentationId, now: new Date("2027-09-07T08:00:00Z") };
    expect(await attempt({ ...options, actor: world.users.advisingBank.MAKER, action: "addFinding", input: FINDING })).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/issuing bank/) });
    expect(await attempt({ ...options, actor: world.users.issuingBank.MAKER, action: "addFinding", input: FINDING })).toEqual({ code: "ok" });
    expect(await attempt({ ...options, actor: world.users.advisingBank.MAKER, action: "notifyDiscrepancies", input: HOLD })).toMatchObject({ code: "FORBIDDEN" });
    const queue = await waitingForMe(world.users.issuingBank.MAKER, 500, new Date("2027-09-07T08:00:00Z"));
    expect(queue.find((c) => c.id === p.creditId)).toMatchObject({ due: { deadline: new Date("2027-09-15T00:00:00Z"), bankingDaysLeft: 4 } });
    expect((await waitingForMe(world.users.advisingBank.MAKER, 500)).some((c) => c.id === p.creditId)).toBe(false);
  });

  it("a confirming bank that finds the documents complying pays; a nominated bank's compliance is paid by the issuing bank", async () => {
    for (const confirmed of [true, false]) {
      const p = await presented("ADVISING_BANK", { confirmedByAdvisingBank: confirmed });
      const options = { creditId: p.creditId, subjectId: p.presentationId, now: new Date("2027-09-07T08:00:00Z") };
      for (const f of await db().finding.findMany({ where: { presentationId: p.presentationId } })) await db().finding.update({ where: { id: f.id }, data: { dismissed: true, dismissReason: "test" } });
      await performAction({ ...options, actor: world.users.advisingBank.MAKER, action: "determineCompliant" });
      expect(await attempt({ ...options, actor: world.users.issuingBank.CHECKER, action: "approveCompliance" })).toMatchObject({ code: "FORBIDDEN" });
      await performAction({ ...options, actor: world.users.advisingBank.CHECKER, action: "approveCompliance" });
      const payment = { amount: "1.00" };
      const payer = confirmed ? world.users.advisingBank.MAKER : world.users.issuingBank.MAKER;
      const other = confirmed ? world.users.issuingBank.MAKER : world.users.advisingBank.MAKER;
      expect(await attempt({ ...options, actor: other, action: "preparePayment", input: payment })).toMatchObject({ code: "FORBIDDEN" });
      expect(await attempt({ ...options, actor: payer, action: "preparePayment", input: payment })).toEqual({ code: "ok" });
    }
  });
});

describe("the expiry date extends at the place of presentation (art. 29(a))", () => {
  it("Rotterdam's holiday extends a credit available with it; Singapore's extends one available with the issuing bank", async () => {
    // Wednesday 8 September 2027 is the expiry date: Rotterdam is closed that day; Singapore on the 9th and 10th.
    const atRotterdam = await creditIn(world, "ADVISED", { terms: { expiryDate: "2027-09-08", latestShipmentDate: "2027-08-20", availableWith: "ADVISING_BANK" } });
    const atSingapore = await creditIn(world, "ADVISED", { terms: { expiryDate: "2027-09-09", latestShipmentDate: "2027-08-20", availableWith: "ISSUING_BANK" } });
    const status = async (id: string) => (await db().credit.findUniqueOrThrow({ where: { id } })).status;
    await expireCredits(new Date("2027-09-09T12:00:00Z")); // Rotterdam's extended last day
    expect(await status(atRotterdam.creditId)).toBe("ADVISED");
    await expireCredits(new Date("2027-09-10T12:00:00Z"));
    expect(await status(atRotterdam.creditId)).toBe("EXPIRED");
    await expireCredits(new Date("2027-09-13T12:00:00Z")); // Singapore's extended last day (Monday)
    expect(await status(atSingapore.creditId)).toBe("ADVISED");
    await expireCredits(new Date("2027-09-14T12:00:00Z"));
    expect(await status(atSingapore.creditId)).toBe("EXPIRED");
  });
});

describe("the nominated bank forwards complying documents to the issuing bank (art. 15(c))", () => {
  /** Presented Monday 6 September 2027 and determined complying on Tuesday the 7th by the examining bank's maker and checker. */
  async function complying(availableWith: "ADVISING_BANK" | "ISSUING_BANK", options: { confirmedByAdvisingBank?: boolean } = {}) {
    const p = await presented(availableWith, options);
    const step = { creditId: p.creditId, subjectId: p.presentationId, now: new Date("2027-09-07T08:00:00Z") };
    for (const f of await db().finding.findMany({ where: { presentationId: p.presentationId } })) await db().finding.update({ where: { id: f.id }, data: { dismissed: true, dismissReason: "test" } });
    const examiner = availableWith === "ADVISING_BANK" ? world.users.advisingBank : world.users.issuingBank;
    await performAction({ ...step, actor: examiner.MAKER, action: "determineCompliant" });
    await performAction({ ...step, actor: examiner.CHECKER, action: "approveCompliance" });
    return { ...p, step };
  }
  const offered = async (actor: (typeof world.users.advisingBank)["MAKER"], creditId: string, presentationId: string) =>
    (await getCredit(actor, creditId)).presentations.find((p) => p.id === presentationId)!.actions.includes("forwardDocuments");

  it("records the forwarding as a milestone, with the issuing bank's day of receipt and five banking days of its own, on its holidays", async () => {
    const p = await complying("ADVISING_BANK");
    expect(await offered(world.users.advisingBank.MAKER, p.creditId, p.presentationId)).toBe(true);
    // Tuesday 7th, 10:00 in Rotterdam, 16:00 in Singapore (no cut-off): received by the issuing bank on the 7th.
    await performAction({ ...p.step, actor: world.users.advisingBank.MAKER, action: "forwardDocuments" });
    const row = await db().presentation.findUniqueOrThrow({ where: { id: p.presentationId } });
    // Singapore counts Wed 8, (Thu 9, Fri 10 closed), Mon 13, Tue 14, Wed 15, Thu 16: its own deadline; the nominated bank's was Tue 14th.
    expect([row.forwardedAt, row.forwardedOn?.toISOString().slice(0, 10), row.issuerExaminationDeadline?.toISOString().slice(0, 10), row.examinationDeadline?.toISOString().slice(0, 10)]).toEqual([
      new Date("2027-09-07T08:00:00Z"),
      "2027-09-07",
      "2027-09-16",
      "2027-09-14",
    ]);
    expect(row.status).toBe("COMPLIANT");
    const milestone = await db().milestone.findFirstOrThrow({ where: { creditId: p.creditId, kind: "DOCUMENTS_FORWARDED" } });
    expect(milestone.content).toMatchObject({ forwardedBy: "NOMINATED", receivedByIssuingBankOn: "2027-09-07", issuingBankExaminationDeadline: "2027-09-16" });
    expect(milestone.documentHashes.length).toBeGreaterThan(0);
    expect(await db().creditEvent.count({ where: { creditId: p.creditId, action: "forwardDocuments" } })).toBe(1);
    // Forwarded once: the step is no longer offered, and a second forwarding is refused.
    expect(await offered(world.users.advisingBank.MAKER, p.creditId, p.presentationId)).toBe(false);
    const again = await attempt({ ...p.step, actor: world.users.advisingBank.CHECKER, action: "forwardDocuments" });
    expect(again).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/already forwarded.*2027-09-07/) });
    expect(await db().milestone.count({ where: { creditId: p.creditId, kind: "DOCUMENTS_FORWARDED" } })).toBe(1);
  });

  it("a confirming bank forwards in its capacity; the issuing bank's cut-off moves the day of receipt", async () => {
    await db().organization.update({ where: { id: world.orgs.issuingBank }, data: { cutOffTime: "15:00" } });
    try {
      const p = await complying("ADVISING_BANK", { confirmedByAdvisingBank: true });
      // 16:00 in Singapore is after its 15:00 cut-off: received Wednesday 8th; (Thu 9, Fri 10 closed) Mon 13 to Fri 17 is its fifth banking day.
      await performAction({ ...p.step, actor: world.users.advisingBank.CHECKER, action: "forwardDocuments" });
      const row = await db().presentation.findUniqueOrThrow({ where: { id: p.presentationId } });
      expect([row.forwardedOn?.toISOString().slice(0, 10), row.issuerExaminationDeadline?.toISOString().slice(0, 10)]).toEqual(["2027-09-08", "2027-09-17"]);
      expect((await db().milestone.findFirstOrThrow({ where: { creditId: p.creditId, kind: "DOCUMENTS_FORWARDED" } })).content).toMatchObject({ forwardedBy: "CONFIRMING" });
    } finally {
      await db().organization.update({ where: { id: world.orgs.issuingBank }, data: { cutOffTime: null } });
    }
  });

  it("refuses the issuing bank, the beneficiary and the applicant, and documents not yet determined complying; nothing changes", async () => {
    const p = await complying("ADVISING_BANK");
    for (const actor of [world.users.issuingBank.MAKER, world.users.issuingBank.CHECKER, world.users.beneficiary.MAKER, world.users.applicant.MAKER]) {
      expect(await attempt({ ...p.step, actor, action: "forwardDocuments" })).toMatchObject({ code: "FORBIDDEN" });
    }
    const pending = await presented("ADVISING_BANK");
    const early = await attempt({ actor: world.users.advisingBank.MAKER, action: "forwardDocuments", creditId: pending.creditId, subjectId: pending.presentationId, now: new Date("2027-09-07T08:00:00Z") });
    expect(early.code).not.toBe("ok");
    for (const id of [p.presentationId, pending.presentationId]) expect((await db().presentation.findUniqueOrThrow({ where: { id } })).forwardedAt).toBeNull();
    expect(await db().milestone.count({ where: { creditId: { in: [p.creditId, pending.creditId] }, kind: "DOCUMENTS_FORWARDED" } })).toBe(0);
  });

  it("available with the issuing bank: it examined the documents itself, so there is nothing to forward", async () => {
    const p = await complying("ISSUING_BANK");
    expect(await attempt({ ...p.step, actor: world.users.advisingBank.MAKER, action: "forwardDocuments" })).toMatchObject({ code: "FORBIDDEN" });
    expect(await attempt({ ...p.step, actor: world.users.issuingBank.MAKER, action: "forwardDocuments" })).toMatchObject({ code: "FORBIDDEN" });
    expect(await offered(world.users.issuingBank.MAKER, p.creditId, p.presentationId)).toBe(false);
    expect(await offered(world.users.advisingBank.MAKER, p.creditId, p.presentationId)).toBe(false);
  });
});
