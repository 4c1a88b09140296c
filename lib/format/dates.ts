// Dates are shown in UTC with hand-made formatting, not toLocaleString: the server and the
// browser then print the same characters (no hydration mismatch), and every party to a credit,
// in whatever time zone, reads the same date as the bank's records. Browser-safe.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const pad = (n: number) => String(n).padStart(2, "0");

/** "2027-03-15" is a calendar date: read it as that day in UTC, not as local midnight. */
export function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/** A SQL DATE ("2027-03-15", an @db.Date column read by pg) as UTC midnight of that day, as Prisma reads it. */
export function fromSqlDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

/** "15 Mar 2027" */
export function formatUtcDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "15 Mar 2027, 14:05 UTC" */
export function formatUtcDateTime(date: Date): string {
  return `${formatUtcDate(date)}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/**
 * Whether `value` is a calendar date written YYYY-MM-DD that exists: "2026-02-30" does not (the
 * Date constructor would roll it over to 2 March). The one check for every date a user enters.
 */
export function isRealIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
