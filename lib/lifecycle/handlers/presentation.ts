import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { AppError, invalid } from "@/lib/errors";
import { addBankingDays, examinationDeadline, nextBankingDayFrom } from "@/lib/calendar/banking-days";
import { parseDocumentData } from "@/lib/documents/data";
import { formatMoney, fromMilli, parseAmount, sumMilli, toMilli } from "@/lib/money";
import { type Terms, currencyDecimals, isEucp, isIsp, isStandby, toleranceBounds } from "@/lib/terms/schema";
import { DERIVED_MILESTONES } from "../definition";
import type { Handler, HandlerResult, LockedCredit } from "../perform";
import { decideApproval } from "./issuance";
import { formatRefusal, meetsRecordFormats } from "@/lib/presentations/eucp-rules";
import { DOCUMENT_DISPOSALS, assertNoticeInTime } from "@/lib/presentations/notice";
import { bankingHours } from "@/lib/credits/place-of-presentation";
import { examineAsPresented } from "@/lib/presentations/examine";
import { planCorrection, reexamine } from "@/lib/presentations/corrections";
import { loadTerms } from "./terms";
import type { JsonObject } from "@/lib/anchoring/json";
import { eucpExaminationDeadline } from "@/lib/calendar/eucp-clock";
import { assertExaminationRunning } from "@/lib/presentations/eucp";
import { EUCP_REFUSAL_STATEMENT } from "@/lib/presentations/eucp-rules";

// Presentation, examination and settlement: the beneficiary presents documents (their hashes
// are anchored), the examining bank (the nominated or confirming bank the credit is available
// with, else the issuing bank: examiningBank) examines them within five banking days of its own
// (art. 14b), finds them
// complying or sends one notice of every discrepancy (art. 16), the applicant may waive, and
// the bank records payment (its MT756, with the nominated bank's MT754 when there is one): its maker and checker, or one officer where it works without
// four eyes.

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The last day to examine: five banking days under UCP 600 (art. 14b). Under ISP98 notice is due
 * within a time not unreasonable, and three business days is never unreasonable (rule 5.01a(i)):
 * the bank's queue holds it to that.
 */
function deadlineFor(terms: Terms, presentedOn: string, holidays: string[]): string {
  if (isStandby(terms) && isIsp(terms.applicableRules)) return addBankingDays(nextBankingDayFrom(presentedOn, holidays), 3, holidays);
  return examinationDeadline(presentedOn, holidays);
}

async function presentationOf(tx: Tx, id: string) {
  return tx.presentation.findUniqueOrThrow({ where: { id }, include: { documents: { orderBy: { createdAt: "asc" } } } });
}

export const startPresentation: Handler<"startPresentation"> = async ({ tx, credit }) => {
  // An imported credit available only with its issuing bank, which does not use TradeTrail: the
  // documents go to that bank outside TradeTrail (docs/SWIFT.md, "Import").
  const issuer = await tx.organization.findUniqueOrThrow({ where: { id: credit.issuingBankId }, select: { external: true, name: true } });
  if (issuer.external) {
    const terms = await loadTerms(tx, credit.currentTermsId);
    if (terms.terms.availableWith === "ISSUING_BANK") {
      throw new AppError("INVALID_STATE", `This credit is available with ${issuer.name}, which does not use TradeTrail: present the documents to it (through your advising bank) outside TradeTrail.`);
    }
  }
  const open = await tx.presentation.findFirst({ where: { creditId: credit.id, status: "DRAFT" }, select: { number: true } });
  if (open) throw invalid(`Presentation ${open.number} is still being assembled: finish or use it first.`);
  const last = await tx.presentation.findFirst({ where: { creditId: credit.id }, orderBy: { number: "desc" }, select: { number: true } });
  const number = (last?.number ?? 0) + 1;
  // Under eUCP (40E EUCP LATEST VERSION) the presentation is made under it, whatever a later amendment says (docs/EUCP.md).
  const eucp = isEucp((await loadTerms(tx, credit.currentTermsId)).terms.applicableRules);
  const presentation = await tx.presentation.create({ data: { creditId: credit.id, number, status: "DRAFT", termsId: credit.currentTermsId, eucp }, select: { id: true } });
  return { subjectId: presentation.id, event: { presentationNumber: number, ...(eucp ? { rules: "eUCP v2.1" } : {}) } };
};

export const addDocument: Handler<"addDocument"> = async ({ tx, actor, credit, subject, input }) => {
  if (subject!.eucp && input.medium === "ELECTRONIC") {
    // eUCP art. e5: an electronic record is presented in a format the credit names (any, when none).
    const formats = (await loadTerms(tx, credit.currentTermsId)).terms.eucpRecordFormats;
    if (formats && !meetsRecordFormats(input.file.mediaType, formats)) throw invalid(formatRefusal(input.file.mediaType, formats), { file: "Not in a format the credit accepts" });
  }
  if (!subject!.eucp && input.medium === "PAPER") throw invalid("Paper documents at the counter belong to a presentation under eUCP (art. e6(a)(ii)); under UCP 600 every document is uploaded as presented.", { medium: "Only under eUCP" });
  const data = parseDocumentData(input.kind, input.data);
  if (!data.ok) throw invalid("Some document details need your attention.", Object.fromEntries(Object.entries(data.fields).map(([k, v]) => [`data.${k}`, v])));
  const document = await tx.document.create({
    data: {
      creditId: credit.id,
      presentationId: subject!.id,
      kind: input.kind,
      fileName: input.file.fileName,
      mediaType: input.file.mediaType,
      size: BigInt(input.file.size),
      sha256: input.file.sha256,
      storageKey: input.file.storageKey,
      data: data.data as Prisma.InputJsonValue,
      originals: input.originals,
      copies: input.copies,
      medium: input.medium,
      uploadedById: actor!.userId,
    },
    select: { id: true },
  });
  return { event: { documentId: document.id, kind: input.kind, sha256: input.file.sha256, ...(subject!.eucp ? { medium: input.medium } : {}) }, output: { documentId: document.id } };
};

export const removeDocument: Handler<"removeDocument"> = async ({ tx, subject, input }) => {
  const document = await tx.document.findFirst({ where: { id: input.documentId, presentationId: subject!.id } });
  if (!document) throw invalid("That document is not part of this presentation.");
  // The stored bytes stay (content-addressed audit evidence is never destroyed by a click);
  // the document simply leaves the presentation.
  await tx.document.update({ where: { id: document.id }, data: { presentationId: null } });
  return { event: { documentId: document.id, kind: document.kind, sha256: document.sha256 } };
};

export const presentDocuments: Handler<"presentDocuments"> = async ({ tx, credit, subject, now }) => presentationMade(tx, { credit, presentationId: subject!.id, now });

/**
 * The presentation is made: the documents as they are are examined automatically, and the
 * examining bank's clock starts. Under UCP 600 when the beneficiary presents documents; under
 * eUCP when it gives notice of completeness (art. e6(c)), the electronic records having arrived
 * one by one before it (art. e6(b)): the clock then counts from the notice (art. e7(a)(i)).
 */
export async function presentationMade(tx: Tx, args: { credit: LockedCredit; presentationId: string; now: Date; eucp?: boolean }): Promise<HandlerResult> {
  const { credit, now } = args;
  const presentation = await presentationOf(tx, args.presentationId);
  if (presentation.documents.length === 0) throw invalid(args.eucp ? "Add at least one electronic record before giving notice of completeness." : "Add at least one document before presenting.");
  const terms = await loadTerms(tx, credit.currentTermsId);
  const { examiner, place, presentedOn, examination } = await examineAsPresented(tx, { credit, presentationId: presentation.id, terms: terms.terms, documents: presentation.documents, now });
  if (examination.findings.length > 0) {
    await tx.finding.createMany({
      data: examination.findings.map((f) => ({
        presentationId: presentation.id,
        documentId: f.documentId,
        rule: f.rule,
        article: f.article,
        message: f.message,
        found: f.found,
        expected: f.expected,
        source: "AUTOMATIC" as const,
      })),
    });
  }
  // The examining bank, where the documents are received, counts its five banking days (art.
  // 14(b)) on its own holidays; it stays the examining bank whatever later amendments say.
  const deadline = args.eucp ? eucpExaminationDeadline({ noticeOn: presentedOn, holidays: place.holidays }) : deadlineFor(terms.terms, presentedOn, place.holidays);
  // What the presentation claims: the invoices of a documentary credit, the demand of a standby.
  const claimed = claimedAmount(presentation.documents, terms.terms.currency, isStandby(terms.terms) ? "DEMAND" : "COMMERCIAL_INVOICE") ?? "";
  await tx.presentation.update({
    where: { id: presentation.id },
    data: {
      presentedAt: now,
      presentedOn: new Date(`${presentedOn}T00:00:00Z`),
      examinationDeadline: new Date(`${deadline}T00:00:00Z`),
      examiningBankId: examiner.bankId,
      termsId: terms.id,
      claimedAmount: claimed || null,
      rulesVersion: examination.rulesVersion,
      checkByHand: examination.checkByHand.map((c) => ({ documentId: c.documentId, rule: c.rule, article: c.article, message: c.message, found: c.found, expected: c.expected })),
    },
  });
  const documents = presentation.documents.map((d) => ({ kind: d.kind, sha256: d.sha256, originals: d.originals, copies: d.copies }));
  // Under eUCP each record says how it came (electronic, or paper for the counter) and when it arrived.
  const eucp = args.eucp
    ? {
        rules: "eUCP v2.1",
        noticeOfCompletenessOn: presentedOn,
        placeForPresentation: terms.terms.eucpPresentationPlace ?? null,
        records: presentation.documents.map((d) => ({ kind: d.kind, sha256: d.sha256, medium: d.medium, receivedAt: d.createdAt.toISOString() })),
      }
    : null;
  return {
    milestone: {
      content: { presentationNumber: presentation.number, presentedOn, termsHash: terms.termsHash, claimedAmount: claimed || null, currency: terms.terms.currency, documents, examinationRules: examination.rulesVersion, ...(eucp ? { eucp } : {}) },
      documentHashes: presentation.documents.map((d) => d.sha256),
    },
    // Points the automatic checks could not decide are kept on the presentation for the examiner
    // (checkByHand, read as findings are), never as findings: a notice sends every open finding.
    event: { presentationNumber: presentation.number, documents: documents.length, automaticFindings: examination.findings.length, toCheckByHand: examination.checkByHand.length, examinationDeadline: deadline },
  };
}

/**
 * What a presentation claims: the sum of its commercial invoices in the credit's currency (there
 * is no separate draft document; a draft, where one is drawn, is for the invoice amount), or for
 * a standby the sum of its demands. Null when none states an amount in that currency: nothing is
 * claimed, and nothing can be paid.
 */
export function claimedAmount(documents: { kind: string; data: unknown }[], currency: string, kind: "COMMERCIAL_INVOICE" | "DEMAND" = "COMMERCIAL_INVOICE"): string | null {
  const amounts = documents
    .filter((d) => d.kind === kind)
    .map((d) => d.data as { amount?: unknown; currency?: unknown })
    .filter((data) => data.currency === currency)
    .map((data) => parseAmount(currency, data.amount))
    .flatMap((parsed) => (parsed.ok ? [parsed.milli] : []));
  return amounts.length === 0 ? null : fromMilli(sumMilli(amounts), 3);
}

export const addFinding: Handler<"addFinding"> = async ({ tx, actor, subject, input }) => {
  if (input.documentId) {
    const document = await tx.document.findFirst({ where: { id: input.documentId, presentationId: subject!.id }, select: { id: true } });
    if (!document) throw invalid("That document is not part of this presentation.", { documentId: "Choose a document of this presentation" });
  }
  const finding = await tx.finding.create({
    data: {
      presentationId: subject!.id,
      documentId: input.documentId ?? null,
      rule: "examiner",
      article: input.article,
      message: input.message,
      found: input.found || null,
      expected: input.expected || null,
      source: "EXAMINER",
      createdById: actor!.userId,
    },
    select: { id: true },
  });
  return { event: { findingId: finding.id, article: input.article } };
};

export const dismissFinding: Handler<"dismissFinding"> = async ({ tx, actor, subject, input, now, preparedBy }) => {
  const finding = await tx.finding.findFirst({ where: { id: input.findingId, presentationId: subject!.id } });
  if (!finding) throw invalid("That finding is not part of this presentation.");
  if (finding.dismissed) throw invalid("That finding was already dismissed.");
  // Who dismissed it (the maker who proposed it, under four eyes) and when it took effect.
  await tx.finding.update({ where: { id: finding.id }, data: { dismissed: true, dismissReason: input.reason, dismissedById: preparedBy ?? actor!.userId, dismissedAt: now } });
  return { event: { findingId: finding.id, rule: finding.rule, reason: input.reason } };
};

/** Corrects one captured value of a presented document and re-runs the automatic examination on it. */
export const correctDocumentData: Handler<"correctDocumentData"> = async ({ tx, actor, credit, subject, input, now, preparedBy }) => {
  const plan = await planCorrection(tx, subject!.id, input, now);
  const correctedBy = preparedBy ?? actor!.userId;
  await tx.documentCorrection.create({
    data: { documentId: plan.document?.id ?? null, presentationId: subject!.id, field: input.field, before: plan.before ?? Prisma.JsonNull, after: plan.after ?? Prisma.JsonNull, reason: input.reason, correctedById: correctedBy, createdAt: now },
  });
  if (!plan.document) {
    // The day received moves the examining bank's five banking days with it (art. 14(b)).
    const presentation = await presentationOf(tx, subject!.id);
    const terms = await loadTerms(tx, presentation.termsId);
    const examiner = await bankingHours(examiningBankOf(presentation, credit), tx);
    const receivedOn = String(plan.after);
    await tx.presentation.update({ where: { id: subject!.id }, data: { presentedOn: new Date(`${receivedOn}T00:00:00Z`), examinationDeadline: new Date(`${deadlineFor(terms.terms, receivedOn, examiner.holidays)}T00:00:00Z`) } });
  }
  const because = `the correction of ${plan.what}`;
  const rerun = await reexamine(tx, { credit, presentationId: subject!.id, actorId: correctedBy, because, now });
  // The event keeps what changed as text: the log shows it, whatever the field's type.
  const shown = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return { event: { documentId: plan.document?.id ?? null, field: input.field, before: shown(plan.before), after: shown(plan.after), reason: input.reason, findingsClosed: rerun.resolved, findingsAdded: rerun.added, rulesVersion: rerun.rulesVersion } };
};

async function openFindings(tx: Tx, presentationId: string) {
  return tx.finding.findMany({ where: { presentationId, dismissed: false }, orderBy: { createdAt: "asc" }, include: { document: { select: { kind: true } } } });
}

export const determineCompliant: Handler<"determineCompliant"> = async ({ tx, actor, credit, subject, now, preparedBy }) => {
  await assertExaminationRunning(tx, subject!.id, now, await examinerTimeZone(tx, credit, subject!));
  const open = await openFindings(tx, subject!.id);
  if (open.length > 0) throw invalid(`${open.length} discrepanc${open.length === 1 ? "y is" : "ies are"} still open: dismiss each with a reason, or send a notice of discrepancies.`);
  const presentation = await tx.presentation.update({ where: { id: subject!.id }, data: { examinedById: preparedBy ?? actor!.userId, examinedAt: now }, include: { documents: true } });
  return {
    milestone: { content: { presentationNumber: presentation.number, examinedOn: isoDay(now) }, documentHashes: presentation.documents.map((d) => d.sha256) },
    event: { presentationNumber: presentation.number },
  };
};

/** The bank that examines a presented presentation: fixed at presentation (examiningBank); the issuing bank for one presented before it was recorded. */
export function examiningBankOf(presentation: { examiningBankId: string | null }, credit: Pick<LockedCredit, "issuingBankId">): string {
  return presentation.examiningBankId ?? credit.issuingBankId;
}

/** The examining bank's time zone: its calendar day decides whether a notice is in time (art. 16(d)). */
export async function examinerTimeZone(tx: Tx, credit: Pick<LockedCredit, "issuingBankId">, presentation: { examiningBankId: string | null }): Promise<string> {
  return (await tx.organization.findUniqueOrThrow({ where: { id: examiningBankOf(presentation, credit) }, select: { timeZone: true } })).timeZone;
}

export const notifyDiscrepancies: Handler<"notifyDiscrepancies"> = async ({ tx, actor, credit, subject, input, now, preparedBy }) => {
  const open = await openFindings(tx, subject!.id);
  if (open.length === 0) throw invalid("There is no open discrepancy to notify: determine the presentation complying instead.");
  // When the notice goes out (a checker's approval), not when it was prepared, is what 16(d) counts.
  const presented = await presentationOf(tx, subject!.id);
  const timeZone = await examinerTimeZone(tx, credit, presented);
  assertNoticeInTime(presented.examinationDeadline, now, timeZone);
  await assertExaminationRunning(tx, subject!.id, now, timeZone);
  const presentation = await tx.presentation.update({ where: { id: subject!.id }, data: { examinedById: preparedBy ?? actor!.userId, examinedAt: now, documentDisposal: input.disposal }, include: { documents: true } });
  const discrepancies = open.map((f) => ({ rule: f.rule, article: f.article, document: f.document?.kind ?? null, message: f.message, found: f.found, expected: f.expected }));
  const disposal = { code: input.disposal, statement: DOCUMENT_DISPOSALS[input.disposal] };
  return {
    milestone: {
      content: {
        presentationNumber: presentation.number,
        noticeDate: isoDay(now),
        examinationDeadline: presentation.examinationDeadline ? isoDay(presentation.examinationDeadline) : null,
        discrepancies,
        disposal,
        // eUCP art. e8: the notice counts from the notice of completeness and says what happens to the records.
        ...(presentation.eucp ? { eucp: { noticeOfCompletenessOn: presentation.presentedOn ? isoDay(presentation.presentedOn) : null, statement: EUCP_REFUSAL_STATEMENT } } : {}),
      },
      documentHashes: presentation.documents.map((d) => d.sha256),
    },
    event: { presentationNumber: presentation.number, discrepancies: open.length, disposal: input.disposal },
  };
};

/**
 * The applicant's waiver is itemised: it names each discrepancy of the notice it waives, and it
 * must waive them all for the bank to be able to honour (art. 16(b)); the milestone lists them.
 */
export const waiveDiscrepancies: Handler<"waiveDiscrepancies"> = async ({ tx, subject, input }) => {
  const presentation = await presentationOf(tx, subject!.id);
  const open = await openFindings(tx, subject!.id);
  const ticked = new Set(input.findingIds);
  if ([...ticked].some((id) => !open.some((f) => f.id === id))) throw invalid("Only the discrepancies of this presentation's notice can be waived.", { findingIds: "Not a discrepancy of the notice" });
  const left = open.filter((f) => !ticked.has(f.id));
  if (left.length > 0) {
    throw invalid(`Waive each discrepancy of the notice, or none: ${left.map((f) => `art. ${f.article}, ${f.message}`).join("; ")} ${left.length === 1 ? "is" : "are"} not ticked. To leave the bank to refuse the documents, do not waive.`, {
      findingIds: `${left.length} not ticked`,
    });
  }
  const waived = open.map((f) => ({ findingId: f.id, rule: f.rule, article: f.article, document: f.document?.kind ?? null, message: f.message }));
  return { milestone: { content: { presentationNumber: presentation.number, waived } }, event: { presentationNumber: presentation.number, waived: waived.length } };
};

export const acceptWaiver: Handler<"acceptWaiver"> = async ({ tx, subject }) => {
  const presentation = await presentationOf(tx, subject!.id);
  return { event: { presentationNumber: presentation.number } };
};

export const refusePresentation: Handler<"refusePresentation"> = async ({ tx, subject, input }) => {
  const presentation = await tx.presentation.update({ where: { id: subject!.id }, data: { decisionNote: input.reason }, select: { number: true, eucp: true } });
  const content: JsonObject = { presentationNumber: presentation.number, reason: input.reason };
  if (presentation.eucp) content.eucp = { statement: EUCP_REFUSAL_STATEMENT };
  return { milestone: { content }, event: { presentationNumber: presentation.number, reason: input.reason } };
};

/** How much can still be drawn under the credit (its amount plus tolerance, less what was paid). */
export function availableBalance(credit: Pick<LockedCredit, "drawnAmount">, terms: Parameters<typeof toleranceBounds>[0]) {
  return toleranceBounds(terms).max - toMilli(credit.drawnAmount);
}

/**
 * The limits of a payment: in the credit's currency with its minor units, no more than the
 * presentation claims (its draft or invoice), and no more than is still available under the
 * credit with its tolerance. Checked when the maker prepares and again when the checker approves.
 */
export function checkPaymentAmount(args: { currency: string; amount: bigint; claimed: string | null; available: bigint }): bigint {
  const { currency, claimed, available } = args;
  const decimals = currencyDecimals(currency);
  const parsed = { milli: args.amount };
  if (claimed === null) {
    throw invalid("This presentation claims no amount: it holds no commercial invoice in the credit's currency. A payment is made against the amount claimed, so nothing can be paid until the beneficiary presents a document that claims one.", {
      amount: "No amount is claimed in this presentation",
    });
  }
  if (parsed.milli > toMilli(claimed)) {
    throw invalid(`The presentation claims ${formatMoney(currency, toMilli(claimed), decimals)}: a payment cannot exceed the amount claimed.`, { amount: `At most ${formatMoney(currency, toMilli(claimed), decimals)}, the amount claimed` });
  }
  if (parsed.milli > available) {
    throw invalid(`Only ${currency} ${fromMilli(available > 0n ? available : 0n, decimals)} is available under the credit.`, { amount: "More than the available balance" });
  }
  return parsed.milli;
}

type PaymentKind = "SIGHT" | "DEFERRED" | "ACCEPTANCE" | "NEGOTIATION";
type PaymentInput = { amount: string; dueDate?: string };

/**
 * A payment as the officer enters it, checked against the presentation and the credit now: the
 * amount (checkPaymentAmount), its kind from how the credit is available (41a), and a due date
 * for a deferred payment or an acceptance. Shared by preparePayment and recordPayment.
 */
async function paymentFromInput(tx: Tx, credit: LockedCredit, presentationId: string, input: PaymentInput) {
  const terms = (await loadTerms(tx, credit.currentTermsId)).terms;
  const presentation = await presentationOf(tx, presentationId);
  const claimed = presentation.claimedAmount?.toString() ?? null;
  const available = availableBalance(credit, terms);
  const parsed = parseAmount(terms.currency, input.amount);
  if (!parsed.ok) throw invalid(`The payment amount is not valid: ${parsed.message}.`, { amount: parsed.message });
  const amount = checkPaymentAmount({ currency: terms.currency, amount: parsed.milli, claimed, available });
  const kind = ({ PAYMENT: "SIGHT", DEFERRED_PAYMENT: "DEFERRED", ACCEPTANCE: "ACCEPTANCE", NEGOTIATION: "NEGOTIATION" } as const)[terms.availableBy] satisfies PaymentKind;
  if ((kind === "DEFERRED" || kind === "ACCEPTANCE") && !input.dueDate) throw invalid("Give the maturity date for a deferred payment or acceptance.", { dueDate: "Enter the due date" });
  return { terms, presentation, claimed, available, amount, kind, dueDate: input.dueDate ?? null };
}

/**
 * Records a payment (MT756) whose limits were just checked: the payment row with its maker and
 * checker (one officer is both where the bank works without four eyes), the drawing on the
 * credit, the PAYMENT_RECORDED milestone and, when nothing more can be drawn, the settlement.
 * Shared by approvePayment (maker and checker) and recordPayment (one step).
 */
async function recordPaymentOf(
  tx: Tx,
  args: { credit: LockedCredit; terms: Terms; presentation: Awaited<ReturnType<typeof presentationOf>>; amount: string; kind: PaymentKind; dueDate: string | null; makerId: string; checkerId: string; now: Date },
): Promise<HandlerResult> {
  const { credit, terms, presentation, amount, kind, dueDate, now } = args;
  await tx.payment.create({
    data: {
      creditId: credit.id,
      presentationId: presentation.id,
      kind,
      currency: credit.currency,
      amount,
      dueDate: dueDate ? new Date(`${dueDate}T00:00:00Z`) : null,
      makerId: args.makerId,
      checkerId: args.checkerId,
      recordedAt: now,
    },
  });
  const drawn = sumMilli([toMilli(credit.drawnAmount), toMilli(amount)]);
  // Settled when nothing more can be drawn: fully drawn, or a single drawing was all the credit allowed.
  const settled = drawn >= toleranceBounds(terms).min || terms.partialShipments === "NOT_ALLOWED";
  const drawnAmount = fromMilli(drawn, 3);
  const hashes = presentation.documents.map((d) => d.sha256);
  return {
    creditData: { drawnAmount, ...(settled ? { status: "SETTLED" as const } : {}) },
    milestone: { content: { presentationNumber: presentation.number, amount, currency: credit.currency, kind, dueDate, valueDate: isoDay(now) }, documentHashes: hashes },
    extraMilestones: settled ? [{ kind: DERIVED_MILESTONES.settlement, content: { drawnAmount, currency: credit.currency, creditAmount: credit.amount } }] : [],
    event: { presentationNumber: presentation.number, amount, kind, ...(settled ? { settled: true } : {}) },
  };
}

export const preparePayment: Handler<"preparePayment"> = async ({ tx, actor, credit, subject, input }) => {
  const { terms, presentation, claimed, available, amount, kind, dueDate } = await paymentFromInput(tx, credit, subject!.id, input);
  const decimals = currencyDecimals(terms.currency);
  const money = (value: bigint) => formatMoney(terms.currency, value, decimals);
  const drawnBefore = toMilli(credit.drawnAmount);
  await tx.approval.create({
    data: {
      creditId: credit.id,
      kind: "PAYMENT",
      subjectId: presentation.id,
      makerId: actor!.userId,
      payload: {
        amount: fromMilli(amount, 3),
        currency: terms.currency,
        kind,
        dueDate,
        previousStatus: presentation.status,
        claimedAmount: claimed,
        availableBefore: fromMilli(available, 3),
        summary: `Pay ${money(amount)} against presentation ${presentation.number}`,
        changes: [
          { label: `Presentation ${presentation.number}`, before: presentation.status === "COMPLIANT" ? "Complying" : "Waiver accepted", after: "Paid" },
          { label: "Amount claimed in the presentation", before: money(toMilli(claimed!)), after: money(toMilli(claimed!)) },
          { label: "Drawn under the credit", before: money(drawnBefore), after: money(drawnBefore + amount) },
          { label: "Available under the credit", before: money(available), after: money(available - amount) },
        ],
      },
    },
  });
  return { event: { presentationNumber: presentation.number, amount: fromMilli(amount, decimals), kind } };
};

export const approvePayment: Handler<"approvePayment"> = async ({ tx, actor, credit, subject, now }) => {
  const approval = await tx.approval.findFirstOrThrow({ where: { creditId: credit.id, kind: "PAYMENT", subjectId: subject!.id, status: "PENDING" } });
  const payload = await decideApproval(tx, { creditId: credit.id, kind: "PAYMENT", subjectId: subject!.id }, { checkerId: actor!.userId, status: "APPROVED", now });
  const presentation = await presentationOf(tx, subject!.id);
  const amount = String(payload.amount);
  // The limits hold at approval too: another payment may have drawn the credit meanwhile.
  const terms = (await loadTerms(tx, credit.currentTermsId)).terms;
  checkPaymentAmount({ currency: credit.currency, amount: toMilli(amount), claimed: presentation.claimedAmount?.toString() ?? null, available: availableBalance(credit, terms) });
  const kind = payload.kind as PaymentKind;
  const dueDate = (payload.dueDate as string | null) ?? null;
  return recordPaymentOf(tx, { credit, terms, presentation, amount, kind, dueDate, makerId: approval.makerId, checkerId: actor!.userId, now });
};

/** A bank with four eyes off: one officer records the payment in one step, as its maker and its checker. */
export const recordPayment: Handler<"recordPayment"> = async ({ tx, actor, credit, subject, input, now }) => {
  const { terms, presentation, amount, kind, dueDate } = await paymentFromInput(tx, credit, subject!.id, input);
  return recordPaymentOf(tx, { credit, terms, presentation, amount: fromMilli(amount, 3), kind, dueDate, makerId: actor!.userId, checkerId: actor!.userId, now });
};

export const rejectPayment: Handler<"rejectPayment"> = async ({ tx, actor, credit, subject, input, now }) => {
  const payload = await decideApproval(tx, { creditId: credit.id, kind: "PAYMENT", subjectId: subject!.id }, { checkerId: actor!.userId, status: "REJECTED", reason: input.reason, now });
  return { subjectStatus: String(payload.previousStatus), event: { reason: input.reason } };
};
