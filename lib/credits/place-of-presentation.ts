import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { isoDay } from "@/lib/calendar/banking-days";
import type { BankingHours } from "@/lib/calendar/presentation-day";
import type { Terms } from "@/lib/terms/schema";

// Where documents are presented under a credit (issue 13, error 3): at the bank with which the
// credit is available (field 41a), or the issuing bank. A credit available with the advising bank,
// or with any bank, is presented on TradeTrail to the advising bank, the nominated bank here. Its
// calendar (time zone, cut-off, holidays) dates the presentation, and art. 29(a) extends an
// expiry date on which it is closed; the examining bank counts its art. 14(b) days on its own.

export function placeOfPresentation(terms: Pick<Terms, "availableWith">, credit: { issuingBankId: string; advisingBankId: string }): string {
  return terms.availableWith === "ISSUING_BANK" ? credit.issuingBankId : credit.advisingBankId;
}

/** A bank's time zone, cut-off and holidays. */
export async function bankingHours(bankId: string, client: Tx | ReturnType<typeof db> = db()): Promise<BankingHours & { holidays: string[] }> {
  const [bank, holidays] = await Promise.all([
    client.organization.findUniqueOrThrow({ where: { id: bankId }, select: { timeZone: true, cutOffTime: true } }),
    client.bankHoliday.findMany({ where: { bankId }, select: { date: true } }),
  ]);
  return { timeZone: bank.timeZone, cutOff: bank.cutOffTime, holidays: holidays.map((h) => isoDay(h.date)) };
}
