import { toMilli } from "@/lib/money";
import { checkByHand, finding, money, withDetails } from "../context";
import { type StatedQuantity, statedQuantities, unitName } from "../goods";
import type { Rule, RuleOutcome } from "../types";

// The invoice line against the credit: the quantity within the credit's and its tolerance (art.
// 30(a): "about" allows 10% more; 30(b): 5% more for goods not counted in packing units or
// individual items), the unit price not above the credit's (30(a) for an "about" price).

/** Units of individual items or packing units: 30(b)'s 5% does not apply to them. */
const COUNTED = new Set(["piece", "unit", "set", "pair", "dozen", "carton", "box", "bag", "drum", "bale", "roll", "pallet", "crate"]);
/** Weights, in kg, so a credit in MT and an invoice in kg compare. */
const KG: Readonly<Record<string, number>> = { kg: 1, mt: 1000, ton: 1000, lb: 0.45359237 };

/** The credit's quantity in the invoice's unit, or converted between weights. */
function inCreditUnit(credit: StatedQuantity[], unit: string): { quantity: StatedQuantity; factor: number } | null {
  // Pieces and units are both individual items.
  const items = (u: string) => (u === "piece" ? "unit" : u);
  const same = credit.find((q) => items(q.unit) === items(unit));
  if (same) return { quantity: same, factor: 1 };
  const weight = unit in KG ? credit.find((q) => q.unit in KG) : undefined;
  return weight ? { quantity: weight, factor: KG[unit]! / KG[weight.unit]! } : null;
}

const number = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 3 });

export const invoiceQuantityWithinTolerance: Rule = ({ terms, invoices }) => {
  const credit = statedQuantities(terms.goodsDescription);
  if (credit.length === 0) return [];
  return withDetails(invoices, "quantity", "unit").flatMap((i): RuleOutcome[] => {
    const unit = unitName(i.data.unit);
    const match = unit ? inCreditUnit(credit, unit) : null;
    const fields = { rule: "invoice-quantity-exceeds-credit", found: `${number(i.data.quantity)} ${i.data.unit}` };
    if (!match) return [checkByHand(i, { ...fields, article: "30(b)", expected: credit.map((q) => `${number(q.value)} ${q.unit}`).join(", "), message: "The invoice's quantity is in a unit the credit's quantity cannot be compared with: check it by hand." })];
    const { quantity, factor } = match;
    const percent = quantity.about ? 10 : COUNTED.has(quantity.unit) ? 0 : 5;
    const most = quantity.value * (1 + percent / 100);
    if (i.data.quantity * factor <= most + 1e-9 * most) return [];
    return [
      finding(i, {
        ...fields,
        article: quantity.about ? "30(a)" : "30(b)",
        expected: `At most ${number(most / factor)} ${i.data.unit} (${number(quantity.value)} ${quantity.unit}${percent > 0 ? ` + ${percent}%` : ""})`,
        message:
          percent === 10
            ? "The invoice's quantity is more than 10% above the quantity the credit states as 'about'."
            : percent === 5
              ? "The invoice's quantity is more than 5% above the quantity the credit states (art. 30(b))."
              : "The invoice's quantity is more than the credit states; no tolerance applies to a quantity in packing units or individual items (art. 30(b)).",
      }),
    ];
  });
};

/** "USD 5,208.33 per unit", "at about EUR 12.50/kg", "unit price USD 5,208.33": the credit's unit price. */
export function unitPriceInCredit(description: string): { currency: string; price: string; about: boolean } | null {
  const priced = /(\b(?:about|approximately|approx\.?|circa)\s+)?\b([A-Z]{3})\s*([\d,]+(?:\.\d+)?)\s*(?:per|\/|each\b)/.exec(description) ?? /unit\s+price\s*(?:of|:)?\s*(\b(?:about|approximately|approx\.?|circa)\s+)?([A-Z]{3})\s*([\d,]+(?:\.\d+)?)/i.exec(description);
  if (!priced) return null;
  const price = priced[3]!.replace(/,/g, "");
  return /^\d+(\.\d{1,3})?$/.test(price) ? { currency: priced[2]!, price, about: priced[1] !== undefined } : null;
}

export const invoiceUnitPriceAsCredit: Rule = ({ terms, invoices }) => {
  const inCredit = unitPriceInCredit(terms.goodsDescription);
  if (!inCredit) return [];
  return withDetails(invoices, "unitPrice").flatMap((i): RuleOutcome[] => {
    const fields = { rule: "invoice-unit-price-exceeds-credit", found: money(i.data.currency ?? inCredit.currency, i.data.unitPrice) };
    if (!/^\d+(\.\d{1,3})?$/.test(i.data.unitPrice) || (i.data.currency !== undefined && i.data.currency !== inCredit.currency))
      return [checkByHand(i, { ...fields, article: "14(d)", expected: money(inCredit.currency, inCredit.price), message: "The invoice's unit price could not be compared with the credit's (another currency, or more than three decimals): check it by hand." })];
    const most = inCredit.about ? (toMilli(inCredit.price) * 110n) / 100n : toMilli(inCredit.price);
    if (toMilli(i.data.unitPrice) <= most) return [];
    return [
      finding(i, {
        ...fields,
        article: inCredit.about ? "30(a)" : "14(d)",
        expected: `At most ${money(inCredit.currency, most)}`,
        message: inCredit.about ? "The invoice's unit price is more than 10% above the unit price the credit states as 'about'." : "The invoice's unit price is above the unit price the credit states.",
      }),
    ];
  });
};
