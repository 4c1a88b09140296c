import type { Terms } from "./schema";

// Dates that make sense for a credit, judged against "today". Pure and browser-safe.
//
// Today is the UTC calendar date. The bank's records, the @db.Date columns (expiry stored at UTC
// midnight), the MT700 date of issue (31C) and every date the app displays are UTC calendar
// dates, so "in the past" is judged on the same calendar the parties read. A bank east of UTC
// (Singapore, UTC+8) therefore starts its new day up to eight hours before this check does:
// an expiry of "yesterday, Singapore time" stays issuable until UTC midnight, never the other
// way round (a credit is never refused while its expiry is still ahead in UTC).

const DAY_MS = 86_400_000;

/** The business day `now` falls on, as YYYY-MM-DD in UTC. Pass `now` to test any moment. */
export function businessDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whole calendar days from one ISO date to another (negative when `to` comes first). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

type DatedTerms = Pick<Terms, "expiryDate" | "latestShipmentDate"> & { presentationPeriodDays?: number };

/**
 * Errors that stop a credit (or an amendment to its dates) from being issued today: the expiry
 * date (31D) or the latest shipment date (44C) already past. Keyed by terms field.
 */
export function pastDateErrors(terms: DatedTerms, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (terms.expiryDate < today) errors.expiryDate = `The expiry date (31D) ${terms.expiryDate} is in the past (today is ${today}, UTC)`;
  // A standby credit, or a shipment period (44D), has no latest shipment date.
  if (terms.latestShipmentDate !== undefined && terms.latestShipmentDate < today) errors.latestShipmentDate = `The latest shipment date (44C) ${terms.latestShipmentDate} is in the past (today is ${today}, UTC)`;
  return errors;
}

/**
 * Warnings, not errors: terms a bank may still issue but the parties should see. Documents must
 * be presented within the presentation period (48, 21 days by default) after shipment and never
 * after expiry (UCP 600 art. 14(c), 29): if shipment on the last allowed day leaves less than the
 * period before expiry, the period cannot be used in full.
 */
export function termsDateWarnings(terms: DatedTerms): string[] {
  const warnings: string[] = [];
  const period = terms.presentationPeriodDays ?? 21;
  if (terms.latestShipmentDate === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(terms.expiryDate) || !/^\d{4}-\d{2}-\d{2}$/.test(terms.latestShipmentDate)) return warnings;
  const room = daysBetween(terms.latestShipmentDate, terms.expiryDate);
  if (room >= 0 && room < period) {
    warnings.push(
      `The presentation period does not fit before expiry: goods shipped on the latest shipment date (${terms.latestShipmentDate}) leave ${room} day${room === 1 ? "" : "s"} to present documents before the expiry date (${terms.expiryDate}), not the ${period} days of field 48 (UCP 600 art. 14(c)).`,
    );
  }
  return warnings;
}
