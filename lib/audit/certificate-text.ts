import type { CreditStatus, MilestoneKind } from "@/lib/generated/prisma/enums";
import { CREDIT_STATUS_LABELS, MILESTONE_KIND_LABELS } from "@/components/status/labels";
import { formatUtcDateTime } from "@/lib/format/dates";
import { formatMoney } from "@/lib/money";
import { currencyDecimals } from "@/lib/terms/schema";

// The certificate's sentences, in the words and formats the app shows (no enum names, money with
// the currency's minor units, dates as "15 Mar 2027, 14:05 UTC"). Pure, so tests read them
// without unpacking a PDF.

export function certificateStatusLine(credit: { status: CreditStatus; currency: string; amount: string; drawnAmount: string }): string {
  const money = (amount: string) => formatMoney(credit.currency, amount, currencyDecimals(credit.currency));
  return `Status: ${CREDIT_STATUS_LABELS[credit.status]}    Amount: ${money(credit.amount)}    Drawn: ${money(credit.drawnAmount)}`;
}

export function certificateMilestoneLine(
  result: { seq: number; kind: string; status: string },
  recorded?: { createdAt: Date; actorOrg: string | null },
): string {
  const when = recorded ? ` - recorded ${formatUtcDateTime(recorded.createdAt)} by ${recorded.actorOrg ?? "TradeTrail"}` : "";
  return `${result.seq}. ${MILESTONE_KIND_LABELS[result.kind as MilestoneKind] ?? result.kind} - ${result.status.toUpperCase()}${when}`;
}
