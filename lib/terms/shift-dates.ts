import type { Terms } from "./schema";

// Terms reused later (a template, a credit cloned into a new draft) keep their shape in time:
// latest shipment and expiry move forward by the days since the terms were written, so the new
// draft is as far from its deadlines as the original was when it was drafted.

const DAY_MS = 86_400_000;
const utcDay = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The terms with 44C and 31D moved by the whole days (UTC) from `writtenAt` to `today`; never backwards. */
export function shiftTermsDates<T extends Pick<Terms, "expiryDate" | "latestShipmentDate">>(terms: T, writtenAt: Date, today: Date = new Date()): T {
  const days = Math.round((utcDay(today) - utcDay(writtenAt)) / DAY_MS);
  if (days <= 0) return terms;
  // A standby (or a 44D shipment period) has no latest shipment date to move.
  return { ...terms, expiryDate: addDays(terms.expiryDate, days), ...(terms.latestShipmentDate ? { latestShipmentDate: addDays(terms.latestShipmentDate, days) } : {}) };
}
