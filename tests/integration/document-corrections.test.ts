import { beforeAll, describe, expect, it } from "vitest";
import { getCredit } from "@/lib/credits/get-credit";
import { db } from "@/lib/db/client";
import { performAction } from "@/lib/lifecycle/perform";
import { attempt } from "./support/attempt";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn, draftWithInvoice, snapshot } from "./support/world";

// Issue 13: the examining bank owns the data it examines. A value captured wrongly from a
// presented document is corrected under four eyes, with who, when and why; the automatic
// examination runs again on it; a finding that came only from the wrong value is closed with
// that reason, and one the corrected value causes is added. Bad corrections change nothing, and
// the record of corrections cannot be rewritten.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

/** A presentation of one invoice, captured with `invoice` overrides, presented and examined. */
async function presented(invoice: Record<string, unknown>) {
  // Available with the issuing bank, which examines it (the advising bank would, as nominated bank).
  const { creditId } = await creditIn(world, "ADVISED", { terms: { availableWith: "ISSUING_BANK" } });
  const { presentationId, documentId } = await draftWithInvoice(world, creditId, invoice);
  await performAction({ actor: world.users.beneficiary.MAKER, action: "presentDocuments", creditId, subjectId: presentationId });
  return { creditId, presentationId, documentId };
}

const rulesOf = async (presentationId: string) => (await db().finding.findMany({ where: { presentationId, dismissed: false } })).map((f) => f.rule).sort();

describe("correcting captured data", () => {
  it("under four eyes: the checker's approval records the correction, re-runs the examination and closes the finding the typo caused", async () => {
    // The invoice says USD 100,000.00; it was captured as 1,000,000.00.
    const { creditId, presentationId, documentId } = await presented({ amount: "1000000.00" });
    expect(await rulesOf(presentationId)).toContain("invoice-amount-exceeds-credit");
    const maker = world.users.issuingBank.MAKER;
    const held = await performAction({ actor: maker, action: "correctDocumentData", creditId, subjectId: presentationId, input: { documentId, field: "amount", value: "100000.00", reason: "Captured with an extra zero" } });
    expect(held.held).toBe(true);
    expect(await db().documentCorrection.count({ where: { presentationId } })).toBe(0);
    const approval = await db().approval.findFirstOrThrow({ where: { creditId, status: "PENDING" } });
    expect(approval).toMatchObject({ kind: "DATA_CORRECTION", makerId: maker.userId });
    expect(approval.payload).toMatchObject({ changes: [{ label: "Commercial invoice: Invoice amount", before: "1000000.00", after: "100000.00" }] });

    await performAction({ actor: world.users.issuingBank.CHECKER, action: "approveCorrection", creditId, subjectId: presentationId });
    expect(await db().documentCorrection.findFirstOrThrow({ where: { presentationId } })).toMatchObject({ documentId, field: "amount", before: "1000000.00", after: "100000.00", reason: "Captured with an extra zero", correctedById: maker.userId });
    expect(await rulesOf(presentationId)).not.toContain("invoice-amount-exceeds-credit");
    const closed = await db().finding.findFirstOrThrow({ where: { presentationId, rule: "invoice-amount-exceeds-credit" } });
    expect(closed).toMatchObject({ dismissed: true, dismissedById: maker.userId, dismissReason: "No longer found when re-examined after the correction of invoice amount on the commercial invoice" });
    // The document itself is untouched: the evidence stays as presented.
    expect((await db().document.findUniqueOrThrow({ where: { id: documentId } })).data).toMatchObject({ amount: "1000000.00" });

    // The examining bank reads the corrections; the beneficiary does not while the bank examines.
    const bank = (await getCredit(world.users.issuingBank.CHECKER, creditId))!.presentations[0]!;
    expect(bank.corrections).toEqual([expect.objectContaining({ field: "amount", before: "1000000.00", after: "100000.00", by: maker.name })]);
    expect((await getCredit(world.users.beneficiary.MAKER, creditId))!.presentations[0]!.corrections).toEqual([]);
  });

  it("adds the finding a corrected value causes", async () => {
    const { creditId, presentationId, documentId } = await presented({});
    expect(await rulesOf(presentationId)).not.toContain("invoice-amount-exceeds-credit");
    await db().organization.update({ where: { id: world.orgs.issuingBank }, data: { fourEyes: false } });
    try {
      await performAction({ actor: world.users.issuingBank.MAKER, action: "correctDocumentData", creditId, subjectId: presentationId, input: { documentId, field: "amount", value: "900000.00", reason: "The invoice says 900,000" } });
    } finally {
      await db().organization.update({ where: { id: world.orgs.issuingBank }, data: { fourEyes: true } });
    }
    expect(await rulesOf(presentationId)).toContain("invoice-amount-exceeds-credit");
  });

  it("refuses a detail the document does not have, a value that does not fit it, the same value, another presentation's document; nothing changes", async () => {
    const { creditId, presentationId, documentId } = await presented({});
    const other = await presented({});
    const before = await snapshot(creditId);
    const correct = (input: Record<string, string>) =>
      attempt({ actor: world.users.issuingBank.MAKER, action: "correctDocumentData", creditId, subjectId: presentationId, input: { documentId, reason: "Checking", ...input } });
    expect(await correct({ field: "vessel", value: "MSC Anna" })).toMatchObject({ code: "INVALID_REQUEST", fields: { field: "Choose a detail of this document" } });
    expect(await correct({ field: "date", value: "30 February" })).toMatchObject({ code: "INVALID_REQUEST", fields: { value: expect.any(String) } });
    expect(await correct({ field: "amount", value: "12.345" })).toMatchObject({ code: "INVALID_REQUEST", fields: { value: expect.any(String) } });
    const current = (await db().document.findUniqueOrThrow({ where: { id: documentId } })).data as { number: string };
    expect(await correct({ field: "number", value: current.number })).toMatchObject({ code: "INVALID_REQUEST", fields: { value: "The same as captured" } });
    expect(await correct({ field: "number", value: "X", documentId: other.documentId })).toMatchObject({ code: "INVALID_REQUEST", fields: { documentId: expect.any(String) } });
    // Only the examining bank's officers correct.
    expect(await attempt({ actor: world.users.beneficiary.MAKER, action: "correctDocumentData", creditId, subjectId: presentationId, input: { documentId, field: "number", value: "X-1", reason: "Mine" } })).toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot(creditId)).toBe(before);
    expect(await db().approval.count({ where: { creditId } })).toBe(0);
  });

  it("keeps the record of corrections append-only, whoever holds the app's database role", async () => {
    const { creditId, presentationId, documentId } = await presented({ number: "INV-TYPO" });
    await db().organization.update({ where: { id: world.orgs.issuingBank }, data: { fourEyes: false } });
    try {
      await performAction({ actor: world.users.issuingBank.CHECKER, action: "correctDocumentData", creditId, subjectId: presentationId, input: { documentId, field: "number", value: "INV-2026-0042", reason: "Typo" } });
    } finally {
      await db().organization.update({ where: { id: world.orgs.issuingBank }, data: { fourEyes: true } });
    }
    const row = await db().documentCorrection.findFirstOrThrow({ where: { presentationId } });
    await expect(db().documentCorrection.update({ where: { id: row.id }, data: { reason: "Rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db().documentCorrection.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
  });

  it("the day the documents were actually received moves the art. 14(b) deadline and re-runs the timing checks", async () => {
    // Presented (on TradeTrail) on Wednesday 10 March 2027, the credit's expiry date.
    const { creditId } = await creditIn(world, "ADVISED", { terms: { expiryDate: "2027-03-10", latestShipmentDate: "2027-02-20", availableWith: "ISSUING_BANK" } });
    const { presentationId } = await draftWithInvoice(world, creditId, { date: "2027-03-01" });
    await performAction({ actor: world.users.beneficiary.MAKER, action: "presentDocuments", creditId, subjectId: presentationId, now: new Date("2027-03-10T09:00:00Z") });
    expect(await rulesOf(presentationId)).not.toContain("presented-after-expiry");
    expect((await db().presentation.findUniqueOrThrow({ where: { id: presentationId } })).examinationDeadline?.toISOString().slice(0, 10)).toBe("2027-03-17");

    // The paper originals arrived on Thursday 11 March: a day after expiry.
    const receivedOn = { field: "receivedOn", value: "2027-03-11", reason: "The originals came by courier on the 11th" };
    const refused = await attempt({ actor: world.users.issuingBank.MAKER, action: "correctDocumentData", creditId, subjectId: presentationId, input: { ...receivedOn, value: "2099-01-01" }, now: new Date("2027-03-11T10:00:00Z") });
    expect(refused).toMatchObject({ code: "INVALID_REQUEST", fields: { value: "Not in the future" } });
    await performAction({ actor: world.users.issuingBank.MAKER, action: "correctDocumentData", creditId, subjectId: presentationId, input: receivedOn, now: new Date("2027-03-11T10:00:00Z") });
    await performAction({ actor: world.users.issuingBank.CHECKER, action: "approveCorrection", creditId, subjectId: presentationId, now: new Date("2027-03-11T11:00:00Z") });
    const after = await db().presentation.findUniqueOrThrow({ where: { id: presentationId } });
    expect(after.presentedOn?.toISOString().slice(0, 10)).toBe("2027-03-11");
    expect(after.examinationDeadline?.toISOString().slice(0, 10)).toBe("2027-03-18");
    expect(await rulesOf(presentationId)).toContain("presented-after-expiry");
    expect(await db().documentCorrection.findFirstOrThrow({ where: { presentationId } })).toMatchObject({ documentId: null, field: "receivedOn", before: "2027-03-10", after: "2027-03-11" });
  });
});
