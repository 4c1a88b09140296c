import { cn } from "./cn";

// Times are shown in UTC with hand-made formatting, not toLocaleString: the server and the
// browser then print the same characters (no hydration mismatch), and every party to a credit,
// in whatever time zone, reads the same date as the bank's records.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const pad = (n: number) => String(n).padStart(2, "0");

/** "2027-03-15" is a calendar date: read it as that day in UTC, not as local midnight. */
export function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/** "15 Mar 2027" */
export function formatUtcDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "15 Mar 2027, 14:05 UTC" */
export function formatUtcDateTime(date: Date): string {
  return `${formatUtcDate(date)}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

const UNITS: [limitSeconds: number, unitSeconds: number, name: string][] = [
  [60 * 60, 60, "minute"],
  [24 * 60 * 60, 60 * 60, "hour"],
  [30 * 24 * 60 * 60, 24 * 60 * 60, "day"],
];

/** "just now", "5 minutes ago", "in 2 days"; past a month, the date itself reads better. */
export function formatRelative(date: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return "just now";
  for (const [limit, unit, name] of UNITS) {
    if (abs < limit) {
      const n = Math.floor(abs / unit);
      const phrase = `${n} ${name}${n === 1 ? "" : "s"}`;
      return seconds >= 0 ? `${phrase} ago` : `in ${phrase}`;
    }
  }
  return formatUtcDate(date);
}

/** The current time, read outside render so components stay pure for React's rules. */
const currentTime = () => new Date();

export function Time({ value, relative = false, dateOnly = false, className }: { value: Date | string; relative?: boolean; dateOnly?: boolean; className?: string }) {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return <span className={className}>{String(value)}</span>;
  const full = dateOnly ? formatUtcDate(date) : formatUtcDateTime(date);
  const shown = relative ? formatRelative(date, currentTime()) : full;
  return (
    // A relative time may tick over between the server's render and the browser's.
    <time dateTime={dateOnly ? date.toISOString().slice(0, 10) : date.toISOString()} title={relative ? full : undefined} className={cn("whitespace-nowrap", className)} suppressHydrationWarning>
      {shown}
    </time>
  );
}
