import { isoDay, nextBankingDayFrom } from "@/lib/calendar/banking-days";
import { localDateTime } from "@/lib/calendar/presentation-day";
import { placeOfPresentation } from "@/lib/credits/place-of-presentation";
import { db } from "@/lib/db/client";
import type { Terms } from "@/lib/terms/schema";
import { SYSTEM } from "@/lib/lifecycle/authorize";
import { performAction } from "@/lib/lifecycle/perform";

/**
 * Marks issued and advised credits as expired once their last day for presentation has passed
 * (one milestone each). Runs on a schedule; a credit is open all of its last day. Art. 29(a): an
 * expiry date on which the bank of the place of presentation is closed (a weekend, one of its holidays) extends to
 * its next banking day, so the credit stays open until that day has passed (issue 13, error 2).
 */
export async function expireCredits(now = new Date(), log: (line: string) => void = () => {}): Promise<number> {
  const today = isoDay(now);
  const candidates = await db().credit.findMany({
    where: { status: { in: ["ISSUED", "ADVISED"] }, expiryDate: { lt: new Date(`${today}T00:00:00Z`) } },
    select: { id: true, reference: true, expiryDate: true, issuingBankId: true, advisingBankId: true, currentTerms: { select: { terms: true } } },
    orderBy: { expiryDate: "asc" },
    take: 500,
  });
  // The credit expires at the place of presentation (lib/credits/place-of-presentation.ts): its holidays extend it.
  const place = (c: (typeof candidates)[number]) => placeOfPresentation(c.currentTerms?.terms as Pick<Terms, "availableWith">, c);
  const banks = [...new Set(candidates.map(place))];
  const holidays = new Map<string, string[]>(banks.map((id) => [id, []]));
  for (const h of await db().bankHoliday.findMany({ where: { bankId: { in: banks } }, select: { bankId: true, date: true } })) holidays.get(h.bankId)!.push(isoDay(h.date));
  const zones = new Map((await db().organization.findMany({ where: { id: { in: banks } }, select: { id: true, timeZone: true } })).map((o) => [o.id, o.timeZone]));
  // Open through the whole of its last day where the bank is: the bank's calendar day, not UTC's.
  const due = candidates.filter((c) => nextBankingDayFrom(isoDay(c.expiryDate), holidays.get(place(c))) < localDateTime(now, zones.get(place(c)) ?? "UTC").date);
  let expired = 0;
  for (const credit of due) {
    try {
      await performAction({ actor: SYSTEM, action: "expireCredit", creditId: credit.id, now });
      expired++;
    } catch (error) {
      // Someone acted on it meanwhile (e.g. it settled): the next run looks again.
      log(`expiry: ${credit.reference}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (expired > 0) log(`expiry: marked ${expired} credit(s) expired`);
  return expired;
}
