import type { CreditDetail } from "@/lib/credits/get-credit";
import type { CreditPage } from "@/lib/credits/list-credits";
import { canonicalAmount } from "@/lib/money";

// What the API returns for a credit and a page of credits: the domain's reads, with every amount
// in its one canonical form (lib/money.ts canonicalAmount) whichever table or JSON it came from.

/** A page of GET /api/v1/credits. */
export function creditPageResource(page: CreditPage) {
  return { ...page, items: page.items.map((item) => ({ ...item, amount: canonicalAmount(item.currency, item.amount) })) };
}

/** An amount inside recorded JSON (terms, document data) with its own currency beside it, in canonical form; anything else as it is. */
function withAmountInCurrency<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  const { currency, amount } = value as { currency?: unknown; amount?: unknown };
  if (typeof currency !== "string" || typeof amount !== "string" || !/^\d+(\.\d+)?$/.test(amount)) return value;
  return { ...value, amount: canonicalAmount(currency, amount) };
}

/** GET /api/v1/credits/{id}: the credit without its message thread, amounts canonical. */
export function creditResource(credit: CreditDetail) {
  const { messages: _messages, ...resource } = credit;
  const amount = (value: string) => canonicalAmount(credit.currency, value);
  return {
    ...resource,
    amount: amount(credit.amount),
    drawnAmount: amount(credit.drawnAmount),
    terms: withAmountInCurrency(credit.terms),
    presentations: credit.presentations.map((p) => ({
      ...p,
      claimedAmount: p.claimedAmount === null ? null : amount(p.claimedAmount),
      documents: p.documents.map((d) => ({ ...d, data: withAmountInCurrency(d.data) })),
      payments: p.payments.map((pay) => ({ ...pay, amount: canonicalAmount(pay.currency, pay.amount) })),
    })),
  };
}
