import { type CalendarDate, type Holidays, addBankingDays, addCalendarDays, isBankingDay, isoDay, nextBankingDayFrom } from "./banking-days";

// The examining bank's clock under eUCP v2.1 (docs/EUCP.md). Pure: the caller loads the holidays.
//
// - Art. e7(a)(i): the time for examination (UCP 600 art. 14(b), five banking days) commences on
//   the banking day following the day the beneficiary's notice of completeness (art. e6(c)) is
//   received, not the day the first electronic record arrived: before the notice the
//   presentation is incomplete and nothing is counted.
// - Art. e12(b)(i): when the bank asks for a corrupted electronic record to be re-presented, the
//   time for examination is suspended, and resumes when the record is re-presented.
//   Assumption (stated in docs/EUCP.md): the banking days strictly before the day of the request
//   are used; the day of the request and the days until re-presentation are not; counting
//   resumes on the banking day following the re-presentation, as it starts after the notice.
// - Art. e12(b)(iii): a record not re-presented within 30 calendar days, or by the expiry date if
//   that comes first, may be treated as not presented; the clock then resumes after that day.

/** UCP 600 art. 14(b): five banking days of examination. */
export const EXAMINATION_DAYS = 5;
/** Art. e12(b)(iii): thirty calendar days to re-present a corrupted record. */
export const REPRESENTATION_DAYS = 30;

export interface Suspension {
  /** The examining bank's banking day on which it asked for re-presentation. */
  from: CalendarDate;
  /** The day the record was re-presented; null while it is awaited. */
  to: CalendarDate | null;
  /** The last day for re-presentation (representationDueOn). */
  dueOn: CalendarDate;
}

/** The last day to re-present a record asked for on `requestedOn`: 30 calendar days, not after the credit's expiry (art. e12(b)(iii)). */
export function representationDueOn(requestedOn: CalendarDate, expiryDate: CalendarDate): string {
  const thirty = addCalendarDays(requestedOn, REPRESENTATION_DAYS);
  const expiry = isoDay(expiryDate);
  // A request made on or after the expiry date still leaves its day of request to re-present.
  return expiry < thirty ? (expiry < isoDay(requestedOn) ? isoDay(requestedOn) : expiry) : thirty;
}

/** Banking days in (after, upTo): after `after`, before `upTo`. */
function bankingDaysBetween(after: string, upTo: string, holidays: readonly string[]): number {
  let count = 0;
  for (let day = addCalendarDays(after, 1); day < upTo; day = addCalendarDays(day, 1)) if (isBankingDay(day, holidays)) count += 1;
  return count;
}

/**
 * The last day of examination of an eUCP presentation: the fifth banking day following the day
 * the notice of completeness was received (its banking day, when received on a closed day),
 * moved on by every e12 suspension. A suspension still awaiting its record counts as if the
 * record came on its last day (dueOn): the latest the deadline can be, so the examining bank's
 * queue never shows a day that has already gone by unnoticed.
 */
export function eucpExaminationDeadline(args: { noticeOn: CalendarDate; suspensions?: readonly Suspension[]; holidays?: Holidays }): string {
  const holidays = [...(args.holidays ?? [])].map(isoDay);
  let startAfter = nextBankingDayFrom(args.noticeOn, holidays); // counting begins the banking day after this
  let left = EXAMINATION_DAYS;
  const ordered = [...(args.suspensions ?? [])].map((s) => ({ from: isoDay(s.from), resumedOn: isoDay(s.to ?? s.dueOn) })).sort((a, b) => a.from.localeCompare(b.from));
  for (const { from, resumedOn } of ordered) {
    if (from <= startAfter) {
      // Asked before counting began (on the notice's day, or while an earlier suspension ran): nothing used.
    } else {
      const used = Math.min(left, bankingDaysBetween(startAfter, from, holidays));
      if (used >= left) break; // asked after the time for examination had run out: it is not revived
      left -= used;
    }
    startAfter = resumedOn > startAfter ? resumedOn : startAfter;
  }
  return addBankingDays(startAfter, left, holidays);
}
