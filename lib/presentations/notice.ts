import { isoDay } from "@/lib/calendar/banking-days";
import { localDateTime } from "@/lib/calendar/presentation-day";
import { AppError } from "@/lib/errors";

// The notice of refusal (UCP 600 art. 16): one notice, given no later than the close of the fifth
// banking day following the day of presentation (16(d)), stating each discrepancy and what the
// bank does with the documents (16(c)(iii)). A bank that gives no notice in time is precluded
// from claiming that the documents do not comply (16(f)): it must honour.

/** What the bank does with the documents, in the words of art. 16(c)(iii)(a)–(d). */
export const DOCUMENT_DISPOSALS = {
  HOLDING_PENDING_INSTRUCTIONS: "(a) We are holding the documents pending your further instructions.",
  HOLDING_UNTIL_WAIVER: "(b) We are holding the documents until we receive a waiver from the applicant and agree to accept it, or receive your further instructions before agreeing to accept a waiver.",
  RETURNING: "(c) We are returning the documents.",
  ACTING_ON_PRIOR_INSTRUCTIONS: "(d) We are acting in accordance with instructions previously received from you.",
} as const;

export type DocumentDisposal = keyof typeof DOCUMENT_DISPOSALS;
export const DOCUMENT_DISPOSAL_CODES = Object.keys(DOCUMENT_DISPOSALS) as [DocumentDisposal, ...DocumentDisposal[]];

/**
 * Refuses a notice after the examination deadline (16(d)), explaining the preclusion of 16(f).
 * The day is the examining bank's own, in its time zone.
 */
export function assertNoticeInTime(deadline: Date | null, now: Date, timeZone = "UTC"): void {
  if (!deadline) return;
  const last = isoDay(deadline);
  if (localDateTime(now, timeZone).date > last) {
    throw new AppError(
      "INVALID_STATE",
      `The notice is late: the fifth banking day following presentation was ${last} (UCP 600 art. 16(d)). A bank that gives no notice by then is precluded from claiming that the documents do not comply (art. 16(f)): it must honour the presentation.`,
    );
  }
}
