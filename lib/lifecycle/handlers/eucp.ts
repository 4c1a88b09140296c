import { type Prisma } from "@/lib/generated/prisma/client";
import { invalid } from "@/lib/errors";
import { isoDay } from "@/lib/calendar/banking-days";
import { representationDueOn } from "@/lib/calendar/eucp-clock";
import { localDateTime } from "@/lib/calendar/presentation-day";
import { bankingHours } from "@/lib/credits/place-of-presentation";
import { refreshEucpDeadline } from "@/lib/presentations/eucp";
import { formatRefusal, meetsRecordFormats } from "@/lib/presentations/eucp-rules";
import { formatIsoDate } from "@/lib/terms/fields";
import type { Handler } from "../perform";
import { examiningBankOf, presentationMade } from "./presentation";
import { loadTerms } from "./terms";

// eUCP v2.1 (docs/EUCP.md): the beneficiary's notice of completeness (arts. e6(c), e7(a)(i)), the
// examining bank's request to re-present a corrupted electronic record and the re-presentation
// (art. e12), and paper documents of a mixed presentation received at the counter (art. e6(a)(ii)).
// Who may take each step, and on which presentations, is in lib/lifecycle/definition.ts.

/** eUCP art. e6(c): the presentation is complete; it is made now, and examined from the banking day after. */
export const giveNoticeOfCompleteness: Handler<"giveNoticeOfCompleteness"> = async ({ tx, credit, subject, now }) =>
  presentationMade(tx, { credit, presentationId: subject!.id, now, eucp: true });

/** The examining bank's own calendar day now (its time zone), and its hours. */
async function bankToday(tx: Parameters<Handler<"requestRepresentation">>[0]["tx"], bankId: string, now: Date) {
  const hours = await bankingHours(bankId, tx);
  return { today: localDateTime(now, hours.timeZone).date, hours };
}

/** eUCP art. e12(a): the examining bank asks for a corrupted electronic record again; the clock stops (e12(b)(i)). */
export const requestRepresentation: Handler<"requestRepresentation"> = async ({ tx, actor, credit, subject, input, now }) => {
  const presentation = await tx.presentation.findUniqueOrThrow({ where: { id: subject!.id }, select: { number: true, examinationDeadline: true, representationRequests: { where: { representedAt: null }, select: { id: true } } } });
  const document = await tx.document.findFirst({ where: { id: input.documentId, presentationId: subject!.id }, select: { id: true, kind: true, sha256: true, medium: true, fileName: true } });
  if (!document) throw invalid("That record is not part of this presentation.", { documentId: "Choose a record of this presentation" });
  if (document.medium !== "ELECTRONIC") throw invalid("Only an electronic record can be asked for again for data corruption (eUCP art. e12); a paper document is not.", { documentId: "A paper document" });
  if (await tx.representationRequest.findFirst({ where: { documentId: document.id, representedAt: null }, select: { id: true } })) throw invalid(`${document.fileName} has already been asked for again.`);
  if (presentation.representationRequests.length > 0) throw invalid("A corrupted record is already awaited: wait for it (or its 30 days) before asking for another, so the suspensions of the time for examination stay one after the other.");
  const bankId = examiningBankOf(subject!, credit);
  const { today } = await bankToday(tx, bankId, now);
  if (presentation.examinationDeadline && today > isoDay(presentation.examinationDeadline)) {
    throw invalid(`The time for examination ended on ${formatIsoDate(isoDay(presentation.examinationDeadline))}: a request to re-present cannot suspend it any more (eUCP art. e12(b)).`);
  }
  const terms = (await loadTerms(tx, credit.currentTermsId)).terms;
  const dueOn = representationDueOn(today, terms.expiryDate);
  const request = await tx.representationRequest.create({
    data: { presentationId: subject!.id, documentId: document.id, reason: input.reason, requestedById: actor!.userId, requestedAt: now, suspendedOn: new Date(`${today}T00:00:00Z`), dueOn: new Date(`${dueOn}T00:00:00Z`) },
    select: { id: true },
  });
  const deadline = await refreshEucpDeadline(tx, subject!.id, bankId);
  return { event: { presentationNumber: presentation.number, requestId: request.id, documentId: document.id, kind: document.kind, sha256: document.sha256, reason: input.reason, suspendedOn: today, dueOn, examinationDeadline: deadline } };
};

/** eUCP art. e12(b): the beneficiary re-presents the record asked for; the clock resumes the banking day after. */
export const representRecord: Handler<"representRecord"> = async ({ tx, actor, credit, subject, input, now }) => {
  const request = await tx.representationRequest.findFirst({ where: { id: input.requestId, presentationId: subject!.id }, include: { document: true } });
  if (!request) throw invalid("The bank has not asked for that record again on this presentation.", { requestId: "Not a request of this presentation" });
  if (request.representedAt) throw invalid("That record has already been re-presented.");
  const bankId = examiningBankOf(subject!, credit);
  const { today } = await bankToday(tx, bankId, now);
  const dueOn = isoDay(request.dueOn);
  if (today > dueOn) {
    throw invalid(`The time to re-present ${request.document.fileName} ended on ${formatIsoDate(dueOn)} (30 calendar days, or the expiry date if earlier): the bank may treat it as not presented (eUCP art. e12(b)(iii)).`);
  }
  const formats = (await loadTerms(tx, credit.currentTermsId)).terms.eucpRecordFormats;
  if (formats && !meetsRecordFormats(input.file.mediaType, formats)) throw invalid(formatRefusal(input.file.mediaType, formats), { file: "Not in a format the credit accepts" });
  if (input.file.sha256 === request.document.sha256) throw invalid("This file is the same, byte for byte, as the record the bank found corrupted: re-present an intact copy.", { file: "Same as the corrupted record" });
  const old = request.document;
  // The re-presented record takes the corrupted one's place in the presentation; the corrupted one stays as evidence.
  const replacement = await tx.document.create({
    data: {
      creditId: credit.id,
      presentationId: subject!.id,
      kind: old.kind,
      fileName: input.file.fileName,
      mediaType: input.file.mediaType,
      size: BigInt(input.file.size),
      sha256: input.file.sha256,
      storageKey: input.file.storageKey,
      data: old.data as Prisma.InputJsonValue,
      originals: old.originals,
      copies: old.copies,
      medium: "ELECTRONIC",
      uploadedById: actor!.userId,
    },
    select: { id: true },
  });
  await tx.representationRequest.update({ where: { id: request.id }, data: { representedAt: now, representedOn: new Date(`${today}T00:00:00Z`), replacementId: replacement.id } });
  const deadline = await refreshEucpDeadline(tx, subject!.id, bankId);
  const presentation = await tx.presentation.findUniqueOrThrow({ where: { id: subject!.id }, select: { number: true } });
  return {
    milestone: {
      content: {
        presentationNumber: presentation.number,
        requestedOn: isoDay(request.suspendedOn),
        representedOn: today,
        corrupted: { kind: old.kind, sha256: old.sha256 },
        record: { kind: old.kind, sha256: input.file.sha256 },
        examinationDeadline: deadline,
      },
      documentHashes: [input.file.sha256],
    },
    event: { presentationNumber: presentation.number, requestId: request.id, documentId: replacement.id, replaces: old.id, sha256: input.file.sha256, examinationDeadline: deadline },
    output: { documentId: replacement.id },
  };
};

/** eUCP art. e6(a)(ii): a paper document of a mixed presentation, received at the examining bank's counter. */
export const recordCounterReceipt: Handler<"recordCounterReceipt"> = async ({ tx, actor, credit, subject, input, now }) => {
  const document = await tx.document.findFirst({ where: { id: input.documentId, presentationId: subject!.id }, select: { id: true, kind: true, fileName: true, medium: true, receivedAtCounterOn: true } });
  if (!document) throw invalid("That document is not part of this presentation.", { documentId: "Choose a document of this presentation" });
  if (document.medium !== "PAPER") throw invalid(`${document.fileName} is an electronic record: it was received when the beneficiary presented it.`, { documentId: "An electronic record" });
  if (document.receivedAtCounterOn) throw invalid(`${document.fileName} was already recorded as received on ${formatIsoDate(isoDay(document.receivedAtCounterOn))}.`);
  const bankId = examiningBankOf(subject!, credit);
  const { today } = await bankToday(tx, bankId, now);
  if (input.receivedOn > today) throw invalid("A paper document cannot be received at the counter on a day still to come.", { receivedOn: `On or before ${formatIsoDate(today)}` });
  const presentation = await tx.presentation.findUniqueOrThrow({ where: { id: subject!.id }, select: { number: true } });
  await tx.document.update({ where: { id: document.id }, data: { receivedAtCounterOn: new Date(`${input.receivedOn}T00:00:00Z`), receivedAtCounterById: actor!.userId } });
  // Paper arriving after the expiry date is a late presentation (UCP 600 art. 6(d)(i)): one finding, for the notice.
  const expiry = (await loadTerms(tx, credit.currentTermsId)).terms.expiryDate;
  if (input.receivedOn > expiry) {
    await tx.finding.create({
      data: {
        presentationId: subject!.id,
        documentId: document.id,
        rule: "eucp.paperAfterExpiry",
        article: "6(d)(i)",
        message: "A paper document of the presentation was received at the counter after the expiry date: the presentation was not complete by expiry.",
        found: input.receivedOn,
        expected: `On or before ${expiry}`,
        source: "AUTOMATIC",
      },
    });
  }
  const deadline = await refreshEucpDeadline(tx, subject!.id, bankId);
  return { event: { presentationNumber: presentation.number, documentId: document.id, kind: document.kind, receivedOn: input.receivedOn, examinationDeadline: deadline } };
};
