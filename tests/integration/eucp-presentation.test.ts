import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { performAction } from "@/lib/lifecycle/perform";
import { milestoneDigest } from "@/lib/anchoring/digest";
import type { JsonValue } from "@/lib/anchoring/json";
import { EUCP_REFUSAL_STATEMENT } from "@/lib/presentations/eucp-rules";
import { type Terms, termsSchema } from "@/lib/terms/schema";
import { sampleTerms } from "@/lib/terms/sample";
import { attempt } from "./support/attempt";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn, invoiceData } from "./support/world";

// eUCP v2.1 (issue 15, item 5; docs/EUCP.md) against a real PostgreSQL: the beneficiary presents
// electronic records one by one, the examining bank's clock starts only with the notice of
// completeness (arts. e6(c), e7(a)(i)); a corrupted record is asked for again and the clock
// pauses until it is re-presented (art. e12); paper documents are recorded at the counter (art.
// e6(a)(ii)); the notice of discrepancies carries the eUCP words (art. e8). Each step is refused
// to everyone it does not belong to.
//
// September 2027: Wed 1, Thu 2, Fri 3, Mon 6, Tue 7, Wed 8, Thu 9, Fri 10, Mon 13, Tue 14, Wed 15,
// Thu 16, Fri 17, Mon 20, Tue 21, Wed 22, Thu 23, Fri 24, Mon 27.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
  // The examining (issuing) bank works in UTC with no cut-off and no holidays here.
  await db().organization.update({ where: { id: world.orgs.issuingBank }, data: { timeZone: "UTC", cutOffTime: null } });
});

const EUCP: Partial<Terms> = {
  applicableRules: "EUCP_LATEST_VERSION",
  eucpPresentationPlace: "https://trade.merlion.example/eucp",
  eucpRecordFormats: "PDF, XML",
  availableWith: "ISSUING_BANK",
  expiryDate: "2027-12-31",
  latestShipmentDate: "2027-08-30",
};
const at = (iso: string) => new Date(`${iso}T09:00:00Z`);
const file = (mediaType = "application/pdf") => ({ storageKey: `documents/test/${randomBytes(8).toString("hex")}`, sha256: randomBytes(32).toString("hex"), size: 2048, mediaType, fileName: "record.pdf" });
const terms = termsSchema.parse(sampleTerms(EUCP));
const PACKING = { date: "2027-08-28", packages: 12 };
const row = (id: string) => db().presentation.findUniqueOrThrow({ where: { id } });
const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

/** An advised eUCP credit with a presentation started and one electronic invoice received on Wednesday 1 September. */
async function started(extra: Partial<Terms> = {}) {
  const { creditId } = await creditIn(world, "ADVISED", { terms: { ...EUCP, ...extra } });
  const { subjectId } = await performAction({ actor: world.users.beneficiary.MAKER, action: "startPresentation", creditId, now: at("2027-09-01") });
  const presentationId = subjectId!;
  const invoice = { kind: "COMMERCIAL_INVOICE", originals: 1, copies: 0, data: invoiceData(terms), file: file() };
  const added = await performAction({ actor: world.users.beneficiary.MAKER, action: "addDocument", creditId, subjectId: presentationId, input: invoice, now: at("2027-09-01") });
  return { creditId, presentationId, invoiceId: String(added.output!.documentId) };
}

const step = (actor: keyof World["users"], action: Parameters<typeof performAction>[0]["action"], p: { creditId: string; presentationId: string }, input: unknown, when: string) =>
  attempt({ actor: world.users[actor].MAKER, action, creditId: p.creditId, subjectId: p.presentationId, input, now: at(when) });

describe("the notice of completeness (arts. e6(c), e7(a)(i))", () => {
  it("makes the presentation under eUCP, refused to 'present documents'; the clock counts from the notice, not the first record", async () => {
    const p = await started();
    expect((await row(p.presentationId)).eucp).toBe(true);
    // Before the notice the presentation is incomplete: not presented, nothing to examine.
    expect(await row(p.presentationId)).toMatchObject({ status: "DRAFT", presentedOn: null, examinationDeadline: null });
    expect(await step("issuingBank", "addFinding", p, { article: "18(a)", message: "Not signed" }, "2027-09-02")).toMatchObject({ code: "INVALID_STATE" });
    expect(await step("beneficiary", "presentDocuments", p, {}, "2027-09-08")).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/notice of completeness \(eUCP art. e6\(c\)\)/) });
    // Only the beneficiary gives the notice: the applicant and the banks are refused.
    for (const party of ["applicant", "issuingBank", "advisingBank"] as const) expect(await step(party, "giveNoticeOfCompleteness", p, {}, "2027-09-08")).toMatchObject({ code: "FORBIDDEN" });
    expect((await row(p.presentationId)).status).toBe("DRAFT");

    expect(await step("beneficiary", "giveNoticeOfCompleteness", p, {}, "2027-09-08")).toEqual({ code: "ok" });
    const presented = await row(p.presentationId);
    // Notice on Wednesday 8: five banking days from Thursday 9 end on Wednesday 15 (from the first record, it would have been the 8th).
    expect([presented.status, day(presented.presentedOn), day(presented.examinationDeadline), presented.examiningBankId]).toEqual(["PRESENTED", "2027-09-08", "2027-09-15", world.orgs.issuingBank]);

    const milestone = await db().milestone.findFirstOrThrow({ where: { creditId: p.creditId }, orderBy: { seq: "desc" } });
    const invoice = await db().document.findUniqueOrThrow({ where: { id: p.invoiceId } });
    expect(milestone.kind).toBe("NOTICE_OF_COMPLETENESS");
    expect(milestone.documentHashes).toEqual([invoice.sha256]);
    expect(milestone.content).toMatchObject({ presentedOn: "2027-09-08", eucp: { rules: "eUCP v2.1", noticeOfCompletenessOn: "2027-09-08", placeForPresentation: EUCP.eucpPresentationPlace, records: [{ sha256: invoice.sha256, medium: "ELECTRONIC" }] } });
    // The new milestone kind is hashed as given, and chains on the credit's previous milestone like any other.
    const previous = await db().milestone.findFirst({ where: { creditId: p.creditId, seq: milestone.seq - 1 } });
    expect(milestone.prevDigest).toBe(previous?.digest ?? `0x${"0".repeat(64)}`);
    expect(milestoneDigest({ creditId: p.creditId, seq: milestone.seq, kind: milestone.kind, content: milestone.content as JsonValue, documentHashes: milestone.documentHashes, prevDigest: milestone.prevDigest, salt: milestone.salt })).toBe(milestone.digest);
    // Only once.
    expect(await step("beneficiary", "giveNoticeOfCompleteness", p, {}, "2027-09-09")).toMatchObject({ code: "INVALID_STATE" });
  });

  it("a UCP 600 presentation has no notice of completeness, and no paper for the counter", async () => {
    const { creditId } = await creditIn(world, "ADVISED", { terms: { availableWith: "ISSUING_BANK", expiryDate: "2027-12-31", latestShipmentDate: "2027-08-30" } });
    const { subjectId } = await performAction({ actor: world.users.beneficiary.MAKER, action: "startPresentation", creditId, now: at("2027-09-01") });
    expect(await step("beneficiary", "giveNoticeOfCompleteness", { creditId, presentationId: subjectId! }, {}, "2027-09-01")).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/UCP 600 alone/) });
    expect((await row(subjectId!)).eucp).toBe(false);
    const paper = { kind: "PACKING_LIST", originals: 1, copies: 0, data: PACKING, medium: "PAPER", file: file() };
    expect(await step("beneficiary", "addDocument", { creditId, presentationId: subjectId! }, paper, "2027-09-01")).toMatchObject({ code: "INVALID_REQUEST", fields: { medium: "Only under eUCP" } });
  });

  it("refuses an electronic record in a format the credit does not name (art. e5); its image as a paper document is accepted", async () => {
    const p = await started();
    const png = { kind: "PACKING_LIST", originals: 1, copies: 0, data: PACKING, file: file("image/png") };
    expect(await step("beneficiary", "addDocument", p, png, "2027-09-02")).toMatchObject({ code: "INVALID_REQUEST", message: "The credit accepts electronic records as PDF, XML (eUCP art. e5): this file is PNG." });
    // The same image as the copy of a paper document for the counter is accepted.
    expect(await step("beneficiary", "addDocument", p, { ...png, medium: "PAPER" }, "2027-09-02")).toMatchObject({ code: "ok" });
  });
});

describe("data corruption (art. e12)", () => {
  it("the examining bank asks for a record again: the clock stops, and resumes the banking day after the re-presentation", async () => {
    const p = await started();
    await step("beneficiary", "giveNoticeOfCompleteness", p, {}, "2027-09-08");
    const ask = { documentId: p.invoiceId, reason: "The PDF does not open: its cross-reference table is damaged" };
    // Only the examining bank: not the beneficiary, the applicant or the advising bank.
    for (const party of ["beneficiary", "applicant", "advisingBank"] as const) expect(await step(party, "requestRepresentation", p, ask, "2027-09-10")).toMatchObject({ code: "FORBIDDEN" });
    expect(await step("issuingBank", "requestRepresentation", p, ask, "2027-09-10")).toEqual({ code: "ok" });
    // Thu 9 was used; suspended from Fri 10; while awaited, the deadline is as if re-presented on the last day (Sunday 10 October): Mon 11 .. Thu 14.
    const request = await db().representationRequest.findFirstOrThrow({ where: { presentationId: p.presentationId } });
    expect([day(request.suspendedOn), day(request.dueOn)]).toEqual(["2027-09-10", "2027-10-10"]);
    expect(day((await row(p.presentationId)).examinationDeadline)).toBe("2027-10-14");
    // The bank cannot decide while the record is awaited.
    expect(await step("issuingBank", "determineCompliant", p, {}, "2027-09-13")).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/suspended.*e12\(b\)\(i\)/) });
    expect(await step("issuingBank", "requestRepresentation", p, ask, "2027-09-13")).toMatchObject({ code: "INVALID_REQUEST" });

    // The beneficiary re-presents on Tuesday 14 (the same bytes are refused): four days left from Wednesday 15, to Monday 20.
    const corrupted = await db().document.findUniqueOrThrow({ where: { id: p.invoiceId } });
    expect(await step("beneficiary", "representRecord", p, { requestId: request.id, file: { ...file(), sha256: corrupted.sha256 } }, "2027-09-14")).toMatchObject({ code: "INVALID_REQUEST" });
    expect(await step("issuingBank", "representRecord", p, { requestId: request.id, file: file() }, "2027-09-14")).toMatchObject({ code: "FORBIDDEN" });
    const intact = file();
    expect(await step("beneficiary", "representRecord", p, { requestId: request.id, file: intact }, "2027-09-14")).toEqual({ code: "ok" });
    expect(day((await row(p.presentationId)).examinationDeadline)).toBe("2027-09-20");
    const milestone = await db().milestone.findFirstOrThrow({ where: { creditId: p.creditId }, orderBy: { seq: "desc" } });
    expect(milestone).toMatchObject({ kind: "RECORD_REPRESENTED", documentHashes: [intact.sha256], content: { corrupted: { sha256: corrupted.sha256 }, record: { sha256: intact.sha256 }, requestedOn: "2027-09-10", representedOn: "2027-09-14", examinationDeadline: "2027-09-20" } });
    // Both records stay in the presentation: the corrupted one as evidence.
    expect(await db().document.count({ where: { presentationId: p.presentationId } })).toBe(2);
    // Examination runs again: the bank may send its notice (held for a checker under four eyes).
    expect(await step("issuingBank", "notifyDiscrepancies", p, { disposal: "HOLDING_PENDING_INSTRUCTIONS" }, "2027-09-15")).toEqual({ code: "ok" });
  });

  it("a record not re-presented within its 30 days is refused, and the bank may then decide without it", async () => {
    const p = await started();
    await step("beneficiary", "giveNoticeOfCompleteness", p, {}, "2027-09-08");
    await step("issuingBank", "requestRepresentation", p, { documentId: p.invoiceId, reason: "Unreadable" }, "2027-09-08");
    const request = await db().representationRequest.findFirstOrThrow({ where: { presentationId: p.presentationId } });
    expect(await step("beneficiary", "representRecord", p, { requestId: request.id, file: file() }, "2027-10-09")).toMatchObject({ code: "INVALID_REQUEST", message: expect.stringMatching(/e12\(b\)\(iii\)/) });
    expect(await step("issuingBank", "addFinding", p, { documentId: p.invoiceId, article: "e12(b)(iii)", message: "Invoice not re-presented: treated as not presented" }, "2027-10-09")).toEqual({ code: "ok" });
    // Notice on Wed 8 Sep, asked the same day (nothing used): five banking days from the day after 8 October end on Friday 15 October.
    expect(day((await row(p.presentationId)).examinationDeadline)).toBe("2027-10-15");
  });
});

describe("a mixed presentation: paper at the counter (art. e6(a)(ii))", () => {
  it("the examining bank records the day a paper document arrived; the clock counts from the later of the notice and the paper", async () => {
    const p = await started();
    const paper = await performAction({ actor: world.users.beneficiary.MAKER, action: "addDocument", creditId: p.creditId, subjectId: p.presentationId, input: { kind: "PACKING_LIST", originals: 1, copies: 0, data: PACKING, medium: "PAPER", file: file() }, now: at("2027-09-02") });
    const paperId = String(paper.output!.documentId);
    await step("beneficiary", "giveNoticeOfCompleteness", p, {}, "2027-09-08");
    // Not examined until the paper is recorded at the counter.
    expect(await step("issuingBank", "determineCompliant", p, {}, "2027-09-09")).toMatchObject({ code: "INVALID_REQUEST", message: expect.stringMatching(/received at your counter/) });
    const receipt = { documentId: paperId, receivedOn: "2027-09-10" };
    for (const party of ["beneficiary", "applicant", "advisingBank"] as const) expect(await step(party, "recordCounterReceipt", p, receipt, "2027-09-10")).toMatchObject({ code: "FORBIDDEN" });
    expect(await step("issuingBank", "recordCounterReceipt", p, { documentId: p.invoiceId, receivedOn: "2027-09-10" }, "2027-09-10")).toMatchObject({ code: "INVALID_REQUEST" });
    expect(await step("issuingBank", "recordCounterReceipt", p, { ...receipt, receivedOn: "2027-09-11" }, "2027-09-10")).toMatchObject({ code: "INVALID_REQUEST" });
    expect(await step("issuingBank", "recordCounterReceipt", p, receipt, "2027-09-10")).toEqual({ code: "ok" });
    const document = await db().document.findUniqueOrThrow({ where: { id: paperId } });
    expect([day(document.receivedAtCounterOn), document.receivedAtCounterById]).toEqual(["2027-09-10", world.users.issuingBank.MAKER.userId]);
    // Complete on Friday 10: Mon 13 .. Fri 17.
    expect(day((await row(p.presentationId)).examinationDeadline)).toBe("2027-09-17");
    expect(await step("issuingBank", "recordCounterReceipt", p, receipt, "2027-09-10")).toMatchObject({ code: "INVALID_REQUEST" });
  });
});

describe("the notice of refusal under eUCP (art. e8)", () => {
  it("counts from the notice of completeness and states what happens to the electronic records", async () => {
    const p = await started();
    await step("beneficiary", "giveNoticeOfCompleteness", p, {}, "2027-09-08");
    await step("issuingBank", "addFinding", p, { article: "18(a)", message: "Invoice not signed" }, "2027-09-09");
    // Under four eyes the maker prepares it and a checker sends it, on the fifth banking day after the notice.
    expect(await step("issuingBank", "notifyDiscrepancies", p, { disposal: "HOLDING_PENDING_INSTRUCTIONS" }, "2027-09-15")).toEqual({ code: "ok" });
    expect(await attempt({ actor: world.users.issuingBank.CHECKER, action: "approveNotice", creditId: p.creditId, subjectId: p.presentationId, now: at("2027-09-15") })).toEqual({ code: "ok" });
    const milestone = await db().milestone.findFirstOrThrow({ where: { creditId: p.creditId }, orderBy: { seq: "desc" } });
    expect(milestone).toMatchObject({ kind: "DISCREPANCIES_NOTIFIED", content: { examinationDeadline: "2027-09-15", eucp: { noticeOfCompletenessOn: "2027-09-08", statement: EUCP_REFUSAL_STATEMENT } } });
  });

  it("a notice on the sixth banking day after the notice of completeness is late (UCP 600 art. 16(d))", async () => {
    const p = await started();
    await step("beneficiary", "giveNoticeOfCompleteness", p, {}, "2027-09-08");
    await step("issuingBank", "addFinding", p, { article: "18(a)", message: "Invoice not signed" }, "2027-09-09");
    expect(await step("issuingBank", "notifyDiscrepancies", p, { disposal: "HOLDING_PENDING_INSTRUCTIONS" }, "2027-09-16")).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/2027-09-15/) });
  });
});
