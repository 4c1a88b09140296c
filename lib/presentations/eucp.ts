import type { Tx } from "@/lib/db/client";
import { AppError, invalid } from "@/lib/errors";
import { isoDay } from "@/lib/calendar/banking-days";
import { eucpExaminationDeadline } from "@/lib/calendar/eucp-clock";
import { localDateTime } from "@/lib/calendar/presentation-day";
import { bankingHours } from "@/lib/credits/place-of-presentation";
import { formatIsoDate } from "@/lib/terms/fields";

// The examining bank's clock of an eUCP presentation, from what the database holds (docs/EUCP.md):
// the notice of completeness (presentedOn), the paper documents received at the counter and the
// e12 re-presentation requests. The rules themselves are pure: lib/calendar/eucp-clock.ts.

/**
 * The day the presentation became complete at the bank: the notice of completeness (art. e6(c)),
 * or the last paper document received at the counter after it (assumption, docs/EUCP.md: a
 * mixed presentation is complete only once its paper documents are at the bank too).
 */
export function completeOn(noticeOn: string, paperReceivedOn: readonly string[]): string {
  return paperReceivedOn.reduce((latest, day) => (day > latest ? day : latest), noticeOn);
}

/** Recomputes and stores an eUCP presentation's examination deadline; returns it ("YYYY-MM-DD"). */
export async function refreshEucpDeadline(tx: Tx, presentationId: string, examiningBankId: string): Promise<string> {
  const presentation = await tx.presentation.findUniqueOrThrow({
    where: { id: presentationId },
    select: { presentedOn: true, documents: { where: { medium: "PAPER" }, select: { receivedAtCounterOn: true } }, representationRequests: { select: { suspendedOn: true, representedOn: true, dueOn: true } } },
  });
  if (!presentation.presentedOn) throw new Error(`presentation ${presentationId}: no notice of completeness yet`);
  const hours = await bankingHours(examiningBankId, tx);
  const paper = presentation.documents.flatMap((d) => (d.receivedAtCounterOn ? [isoDay(d.receivedAtCounterOn)] : []));
  const deadline = eucpExaminationDeadline({
    noticeOn: completeOn(isoDay(presentation.presentedOn), paper),
    suspensions: presentation.representationRequests.map((r) => ({ from: isoDay(r.suspendedOn), to: r.representedOn ? isoDay(r.representedOn) : null, dueOn: isoDay(r.dueOn) })),
    holidays: hours.holidays,
  });
  await tx.presentation.update({ where: { id: presentationId }, data: { examinationDeadline: new Date(`${deadline}T00:00:00Z`) } });
  return deadline;
}

/**
 * Before the examining bank decides (complying, or a notice of discrepancies): every paper document
 * is at the counter, and no corrupted record is still awaited within its 30 days (art. e12(b)(i):
 * the time for examination is suspended; past dueOn it may be treated as not presented).
 */
export async function assertExaminationRunning(tx: Tx, presentationId: string, now: Date, timeZone: string): Promise<void> {
  const presentation = await tx.presentation.findUniqueOrThrow({
    where: { id: presentationId },
    select: {
      eucp: true,
      documents: { where: { medium: "PAPER", receivedAtCounterOn: null }, select: { fileName: true } },
      representationRequests: { where: { representedAt: null }, select: { dueOn: true, document: { select: { fileName: true } } } },
    },
  });
  if (!presentation.eucp) return;
  const paper = presentation.documents[0];
  if (paper) throw invalid(`Record the day the paper document ${paper.fileName} was received at your counter first: the presentation is examined once all of it is at the bank (eUCP art. e6(a)(ii)).`);
  const today = localDateTime(now, timeZone).date;
  const awaited = presentation.representationRequests.find((r) => isoDay(r.dueOn) >= today);
  if (awaited) {
    throw new AppError(
      "INVALID_STATE",
      `Examination is suspended until ${awaited.document.fileName} is re-presented (eUCP art. e12(b)(i)); if it is not re-presented by ${formatIsoDate(isoDay(awaited.dueOn))}, you may treat it as not presented and decide.`,
    );
  }
}
