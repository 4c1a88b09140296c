import type { CreditDetail } from "@/lib/credits/get-credit";
import type { CreditPage } from "@/lib/credits/list-credits";
import { canonicalAmount } from "@/lib/money";
import { db } from "@/lib/db/client";
import { storedTermsSchema } from "@/lib/terms/schema";

// What the API returns for a credit and a page of credits: the domain's reads, with every amount
// in its one canonical form (lib/money.ts canonicalAmount) whichever table or JSON it came from.

/** A page of GET /api/v1/credits; with `terms`, each credit carries its operative terms as GET /credits/{id} does. */
export async function creditPageResource(page: CreditPage, include: { terms?: boolean } = {}) {
  const items = page.items.map((item) => ({ ...item, amount: canonicalAmount(item.currency, item.amount) }));
  if (!include.terms) return { ...page, items };
  // Only credits already on the page (which the caller may see) are read: one query for the page.
  const rows = await db().credit.findMany({ where: { id: { in: items.map((i) => i.id) } }, select: { id: true, currentTerms: { select: { terms: true } } } });
  const terms = new Map(rows.map((r) => [r.id, r.currentTerms ? withAmountInCurrency(storedTermsSchema.parse(r.currentTerms.terms)) : null]));
  return { ...page, items: items.map((item) => ({ ...item, terms: terms.get(item.id) ?? null })) };
}

/** An amount inside recorded JSON (terms, document data) with its own currency beside it, in canonical form; anything else as it is. */
function withAmountInCurrency<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  const { currency, amount } = value as { currency?: unknown; amount?: unknown };
  if (typeof currency !== "string" || typeof amount !== "string" || !/^\d+(\.\d+)?$/.test(amount)) return value;
  return { ...value, amount: canonicalAmount(currency, amount) };
}

/** An organisation as the API shows it anywhere: what identifies it, never its settings (four eyes, hours, rules checked by hand). */
export function organizationResource<O extends { id: string; name: string; kind: string; country: string; bic: string | null }>(org: O) {
  return { id: org.id, name: org.name, kind: org.kind, country: org.country, bic: org.bic };
}

/** GET /api/v1/credits/{id}: the credit without its message thread, amounts canonical. */
export function creditResource(credit: CreditDetail) {
  const { messages: _messages, ...resource } = credit;
  const amount = (value: string) => canonicalAmount(credit.currency, value);
  const { applicant, beneficiary, issuingBank, advisingBank, confirmingBank } = credit.parties;
  return {
    ...resource,
    parties: {
      applicant: organizationResource(applicant),
      beneficiary: organizationResource(beneficiary),
      issuingBank: organizationResource(issuingBank),
      advisingBank: organizationResource(advisingBank),
      confirmingBank: confirmingBank ? organizationResource(confirmingBank) : null,
    },
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
