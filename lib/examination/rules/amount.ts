import { percentOf, sumMilli, toMilli } from "@/lib/money";
import { toleranceBounds } from "@/lib/terms/schema";
import { checkByHand, finding, money, withDetails } from "../context";
import { statesQuantity } from "../goods";
import type { Rule, RuleOutcome } from "../types";

// What the invoices claim against what the credit allows (art. 30) and what is left of it.
// Invoices in another currency cannot be compared: the currency rule reports those. An invoice
// whose amount or currency cannot be read leaves the total to the examiner.

export const invoiceAmountWithinCredit: Rule = ({ terms, invoices, drawnBefore }) => {
  const readable = withDetails(invoices, "currency", "amount");
  if (invoices.length === 0 || readable.length < invoices.length || readable.some((i) => i.data.currency !== terms.currency)) return [];
  const claimed = sumMilli(readable.map((i) => toMilli(i.data.amount)));
  const subject = invoices.length === 1 ? invoices[0]! : null;
  const { min, max } = toleranceBounds(terms);
  const about = terms.tolerance.type === "ABOUT";
  const findings: RuleOutcome[] = [];

  if (claimed > max) {
    const allowance = about ? ' including the 10% "about" tolerance' : terms.tolerance.type === "PERCENT" ? ` including the +${terms.tolerance.plus}% tolerance` : "";
    findings.push(
      finding(subject, {
        rule: "invoice-amount-exceeds-credit",
        // "About" is defined by art. 30(a); otherwise the credit amount is the limit of the undertaking.
        article: about ? "30(a)" : "18(b)",
        message: `The invoice amount is more than the credit allows${allowance}.`,
        found: money(terms.currency, claimed),
        expected: `At most ${money(terms.currency, max)}`,
      }),
    );
  } else if (claimed > max - drawnBefore) {
    findings.push(
      finding(subject, {
        rule: "invoice-amount-exceeds-balance",
        article: "18(b)",
        message: `The invoice amount is more than the undrawn balance of the credit (${money(terms.currency, drawnBefore)} already drawn).`,
        found: money(terms.currency, claimed),
        expected: `At most ${money(terms.currency, max - drawnBefore)}`,
      }),
    );
  }

  // Drawing less than the credit amount is not by itself a partial shipment: art. 31 is about the
  // goods, compared by invoiceQuantityAsAllowed. Only where the credit states no quantity to compare
  // does an invoice short of what 30(c) or the tolerance explains go to the examiner.
  if (terms.partialShipments === "NOT_ALLOWED" && drawnBefore === 0n && !statesQuantity(terms.goodsDescription)) {
    const amount = toMilli(terms.amount);
    const floor = terms.tolerance.type === "NONE" ? amount - percentOf(amount, 5) : min;
    if (claimed < floor) {
      findings.push(
        checkByHand(subject, {
          rule: "invoice-amount-below-credit",
          article: "31(a)",
          message: "Partial shipments are not allowed and the invoice is for less than the credit amount allows for the whole quantity (art. 30): check on the documents that all the goods were shipped.",
          found: money(terms.currency, claimed),
          expected: `At least ${money(terms.currency, floor)}, or the whole quantity shipped`,
        }),
      );
    }
  }
  return findings;
};
