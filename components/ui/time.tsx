import { formatUtcDate, formatUtcDateTime, toDate } from "@/lib/format/dates";

import { cn } from "./cn";

// Dates in UTC, the same on server and browser (lib/format/dates.ts).
export { formatUtcDate, formatUtcDateTime, toDate };

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
