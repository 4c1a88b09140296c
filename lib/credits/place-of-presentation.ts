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

/** The capacity in which a bank examines a presentation (UCP 600 arts. 7, 8, 12). */
export type ExaminingCapacity = "ISSUING" | "NOMINATED" | "CONFIRMING";

export interface ExaminingBank {
  bankId: string;
  /** The credit party that bank plays: the issuing bank, or the advising bank (nominated, and confirming where it added confirmation). */
  party: "issuingBank" | "advisingBank";
  capacity: ExaminingCapacity;
}

/**
 * The bank that examines a presentation, on its own clock, cut-off and holidays (issue 13, item 7):
 * the bank at the place of presentation when it is a nominated bank acting on its nomination
 * (the credit is available with it, 41a) or a confirming bank, else the issuing bank. Each of
 * them has five banking days of its own (art. 14(b)); a nominated or confirming bank that finds
 * the documents complying honours or negotiates (arts. 8(a), 12(a), 15(b)/(c)). On TradeTrail a
 * nominated bank acts on its nomination: it is the only bank the documents are presented to.
 * The one rule for every deadline, holiday set, notice's timing and permission that depends on it.
 */
export function examiningBank(credit: { issuingBankId: string; advisingBankId: string; confirmingBankId?: string | null }, terms: Pick<Terms, "availableWith">): ExaminingBank {
  const place = placeOfPresentation(terms, credit);
  if (place === credit.issuingBankId) return { bankId: credit.issuingBankId, party: "issuingBank", capacity: "ISSUING" };
  const confirming = credit.confirmingBankId === place;
  return { bankId: place, party: "advisingBank", capacity: confirming ? "CONFIRMING" : "NOMINATED" };
}

/** A bank's time zone, cut-off and holidays. */
export async function bankingHours(bankId: string, client: Tx | ReturnType<typeof db> = db()): Promise<BankingHours & { holidays: string[] }> {
  const [bank, holidays] = await Promise.all([
    client.organization.findUniqueOrThrow({ where: { id: bankId }, select: { timeZone: true, cutOffTime: true } }),
    client.bankHoliday.findMany({ where: { bankId }, select: { date: true } }),
  ]);
  return { timeZone: bank.timeZone, cutOff: bank.cutOffTime, holidays: holidays.map((h) => isoDay(h.date)) };
}
