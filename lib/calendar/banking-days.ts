// Banking-day arithmetic on UTC calendar dates ("YYYY-MM-DD"). A banking day is a weekday that
// is not one of the bank's holidays. Pure functions: the caller loads the holidays.

export type CalendarDate = Date | string;
export type Holidays = Iterable<CalendarDate>;

const DAY_MS = 86_400_000;

/** The UTC calendar day of a Date, or a "YYYY-MM-DD" string checked to be a real date. */
export function isoDay(value: CalendarDate): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError("Not a valid date");
    return value.toISOString().slice(0, 10);
  }
  const day = value.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(day)) {
    throw new RangeError(`Not a calendar date: "${value}"`);
  }
  return day;
}

/** `days` calendar days after (or before, when negative) the given day. */
export function addCalendarDays(day: CalendarDate, days: number): string {
  return new Date(Date.parse(`${isoDay(day)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${isoDay(to)}T00:00:00Z`) - Date.parse(`${isoDay(from)}T00:00:00Z`)) / DAY_MS);
}

const holidaySet = (holidays: Holidays): ReadonlySet<string> => new Set([...holidays].map(isoDay));

function isBankingDayIn(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

export function isBankingDay(day: CalendarDate, holidays: Holidays = []): boolean {
  return isBankingDayIn(isoDay(day), holidaySet(holidays));
}

/** The day itself when it is a banking day, otherwise the first banking day after it. */
export function nextBankingDayFrom(day: CalendarDate, holidays: Holidays = []): string {
  const closed = holidaySet(holidays);
  let current = isoDay(day);
  while (!isBankingDayIn(current, closed)) current = addCalendarDays(current, 1);
  return current;
}

/** The `count`-th banking day after `day` (the day itself never counts). */
export function addBankingDays(day: CalendarDate, count: number, holidays: Holidays = []): string {
  const closed = holidaySet(holidays);
  let current = isoDay(day);
  for (let counted = 0; counted < count; ) {
    current = addCalendarDays(current, 1);
    if (isBankingDayIn(current, closed)) counted += 1;
  }
  return current;
}

/**
 * UCP 600 art. 14(b): the bank has a maximum of five banking days following the day of
 * presentation to determine whether it complies. Documents handed in on a day the bank is
 * closed are treated as presented on its next banking day (art. 33: no obligation to accept
 * a presentation outside banking hours), so counting starts after that day.
 */
export function examinationDeadline(presentedOn: CalendarDate, holidays: Holidays = []): string {
  const closed = [...holidaySet(holidays)];
  return addBankingDays(nextBankingDayFrom(presentedOn, closed), 5, closed);
}

/**
 * Banking days left until the deadline: 0 on the deadline itself, 1 the banking day before.
 * Once the deadline has passed, the banking days elapsed since it, as a negative number
 * (at least -1, even when only a weekend has passed).
 */
export function bankingDaysLeft(deadline: CalendarDate, today: CalendarDate, holidays: Holidays = []): number {
  const closed = holidaySet(holidays);
  const end = isoDay(deadline);
  const now = isoDay(today);
  if (now === end) return 0;
  const [from, to, sign] = now < end ? [now, end, 1] : [end, now, -1];
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (isBankingDayIn(day, closed)) count += 1;
  }
  return sign < 0 ? -Math.max(1, count) : count;
}
