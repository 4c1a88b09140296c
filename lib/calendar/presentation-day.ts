import { type Holidays, addCalendarDays, nextBankingDayFrom } from "./banking-days";

// The day documents count as presented (issue 13, error 3). A presentation is received at a
// bank: the bank where the credit is available (field 41a), or the issuing bank. Its day is that
// bank's calendar day where the bank is, not the server's UTC day: documents received on Friday
// morning in Shanghai are presented on Friday, though it is still Thursday in UTC. Documents
// received after the bank's cut-off time, or on a day it is closed, count as received on its
// next banking day (art. 33: a bank need not accept a presentation outside its banking hours).

export interface BankingHours {
  /** IANA time zone of the bank, e.g. "Asia/Shanghai". */
  timeZone: string;
  /** Local time after which presentations count on the next banking day, "HH:MM"; null for none. */
  cutOff: string | null;
  holidays: Holidays;
}

/** The local date and time ("YYYY-MM-DD", "HH:MM") of `at` in `timeZone`. */
export function localDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The banking day on which documents received at `at` count as presented at a bank with these hours. */
export function presentationDay(at: Date, hours: BankingHours): string {
  const local = localDateTime(at, hours.timeZone);
  const day = hours.cutOff !== null && local.time >= hours.cutOff ? addCalendarDays(local.date, 1) : local.date;
  return nextBankingDayFrom(day, hours.holidays);
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(timeZone);
  } catch {
    return false;
  }
}

/** "HH:MM" on a 24-hour clock. */
export const isCutOff = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
