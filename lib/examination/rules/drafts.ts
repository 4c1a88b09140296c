import { toMilli } from "@/lib/money";
import { checkByHand, finding, money, withDetails } from "../context";
import { companyNameKey, sameCompanyName } from "../names";
import type { Rule, RuleOutcome } from "../types";

// Drafts (bills of exchange) drawn under the credit: by the beneficiary (ISBP 821 section B), on
// the drawee 42a names and never on the applicant (art. 6(c)), at the tenor of 42C, for the amount
// drawn (the invoices'), in the credit's currency.

/** A tenor read from 42C or a draft: at sight, or a number of days after an event. */
export type Tenor = { sight: true } | { sight: false; days: number; after: "sight" | "shipment" | "invoice" | "presentation" | "date" | "acceptance" };

const EVENTS: readonly [RegExp, Exclude<Tenor, { sight: true }>["after"]][] = [
  [/\bsight\b/i, "sight"],
  [/\b(?:b\/?l|bills?\s+of\s+lading|shipment|on\s*board|air\s*waybill|awb|transport\s+document)\b/i, "shipment"],
  [/\binvoice\b/i, "invoice"],
  [/\bpresentation\b/i, "presentation"],
  [/\bacceptance\b/i, "acceptance"],
  [/\b(?:date|dated)\b/i, "date"],
];

/** "AT SIGHT" -> sight; "60 DAYS AFTER B/L DATE" -> 60 days after shipment; null when it cannot be read. */
export function readTenor(text: string): Tenor | null {
  const days = /(\d{1,3})\s*(?:calendar\s+)?days?\s+(?:after|from|of)\s+(.+)/i.exec(text);
  if (days) {
    const after = EVENTS.find(([pattern]) => pattern.test(days[2]!))?.[1];
    return after ? { sight: false, days: Number(days[1]), after } : null;
  }
  return /\bsight\b/i.test(text) && !/\d/.test(text) ? { sight: true } : null;
}

const sameTenor = (a: Tenor, b: Tenor) => (a.sight && b.sight) || (!a.sight && !b.sight && a.days === b.days && a.after === b.after);

/** The first line (before a comma or line break) of 42a or a draft's drawee: the party's name. */
const partyName = (text: string) => text.split(/[\n,]/)[0]!.trim();
const BIC = /\b([A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\b/;

/** Art. 6(c), 42a: drawn on the drawee the credit names, never on the applicant. */
export const draftDrawee: Rule = ({ terms, drafts }) =>
  withDetails(drafts, "drawee").flatMap((d): RuleOutcome[] => {
    const drawee = d.data.drawee;
    if (sameCompanyName(terms.applicant.name, partyName(drawee)))
      return [finding(d, { rule: "draft-drawn-on-applicant", article: "6(c)", message: "The draft is drawn on the applicant; a credit is not available by drafts drawn on the applicant.", found: drawee, expected: terms.drawee ?? "A bank, as the credit names" })];
    if (!terms.drawee) return [];
    const bic = BIC.exec(terms.drawee)?.[1];
    const same = bic ? drawee.toUpperCase().includes(bic) || companyNameKey(partyName(terms.drawee)) === companyNameKey(partyName(drawee)) : sameCompanyName(partyName(terms.drawee), partyName(drawee));
    if (same) return [];
    const fields = { rule: "draft-drawee", article: "6(c)", found: drawee, expected: terms.drawee };
    // 42a given as a BIC alone cannot be matched with a name: the examiner looks it up.
    return bic && terms.drawee.replace(BIC, "").trim() === ""
      ? [checkByHand(d, { ...fields, message: "The credit names the drawee by its BIC; check by hand that the draft is drawn on that bank (42a)." })]
      : [finding(d, { ...fields, message: "The draft is not drawn on the drawee the credit names (42a)." })];
  });

/** 42C: the draft's tenor is the credit's; what cannot be read is the examiner's. */
export const draftTenor: Rule = ({ terms, drafts }) =>
  withDetails(drafts, "tenor").flatMap((d): RuleOutcome[] => {
    if (!terms.draftsAt) return [];
    const inCredit = readTenor(terms.draftsAt);
    const onDraft = readTenor(d.data.tenor);
    const fields = { rule: "draft-tenor", article: "6(c)", found: d.data.tenor, expected: terms.draftsAt };
    if (inCredit === null || onDraft === null) return [checkByHand(d, { ...fields, message: "The tenor of the draft or of 42C could not be read: check by hand that they agree." })];
    return sameTenor(inCredit, onDraft) ? [] : [finding(d, { ...fields, message: "The tenor of the draft is not the tenor the credit states (42C)." })];
  });

/** Drawn by the beneficiary (ISBP 821 section B), in the credit's currency, for the amount the invoices claim. */
export const draftDrawnAsInvoiced: Rule = ({ terms, drafts, invoices }) => {
  const out: RuleOutcome[] = [];
  for (const d of withDetails(drafts, "drawer").filter((d) => !sameCompanyName(terms.beneficiary.name, d.data.drawer)))
    out.push(finding(d, { rule: "draft-drawer", article: "6(c)", message: "The draft is not drawn by the beneficiary.", found: d.data.drawer, expected: terms.beneficiary.name }));
  for (const d of withDetails(drafts, "currency", "amount")) {
    if (d.data.currency !== terms.currency) {
      out.push(finding(d, { rule: "draft-amount", article: "6(c)", message: "The draft is not drawn in the currency of the credit.", found: d.data.currency, expected: terms.currency }));
      continue;
    }
    const invoiced = withDetails(invoices, "currency", "amount").filter((i) => i.data.currency === terms.currency);
    // Only when every invoice could be read: a missing amount is already the examiner's.
    if (invoiced.length === 0 || invoiced.length !== invoices.length || drafts.length > 1) continue;
    const total = invoiced.reduce((sum, i) => sum + toMilli(i.data.amount), 0n);
    if (toMilli(d.data.amount) !== total)
      out.push(finding(d, { rule: "draft-amount", article: "6(c)", message: "The amount of the draft is not the amount the invoices claim.", found: money(d.data.currency, d.data.amount), expected: money(terms.currency, total) }));
  }
  return out;
};
