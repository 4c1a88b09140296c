import type { PresentationStatus } from "@/lib/generated/prisma/enums";
import { formatUtcDate, toDate } from "./dates";

// Counted nouns and the short sentences built from them: "1 finding", "2 findings", never
// "finding(s)". Pure and client-safe.

/** "1 finding", "3 findings", "2 hashes" (give the plural when adding "s" is wrong). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? singular : plural}`;
}

/**
 * What a presentation's findings amount to now, for its line in the credit's list. Findings are
 * open only while the bank examines (PRESENTED); after the notice they are discrepancies
 * notified, then waived or the ground for refusal. A paid presentation has none open.
 */
export function findingsSummary(status: PresentationStatus, findings: readonly { dismissed: boolean }[]): string | null {
  const n = findings.filter((f) => !f.dismissed).length;
  if (n === 0) return null;
  switch (status) {
    case "PRESENTED":
      return `${count(n, "open finding")}`;
    case "DISCREPANT":
      return `${count(n, "discrepancy", "discrepancies")} notified`;
    case "WAIVED":
    case "PAYMENT_PENDING":
    case "PAID":
      return `${count(n, "discrepancy", "discrepancies")} waived`;
    case "REFUSED":
      return `refused for ${count(n, "discrepancy", "discrepancies")}`;
    default:
      return null;
  }
}

/** The art. 14(b) countdown under the presentation's heading, in the app's one date format. */
export function examinationCountdown(days: number, deadline: Date | string): string {
  const on = formatUtcDate(toDate(deadline));
  return days < 0
    ? `Overdue by ${count(-days, "banking day")}: the deadline was ${on}.`
    : `${count(days, "banking day")} left: decide by ${on} (the fifth banking day after presentation).`;
}
