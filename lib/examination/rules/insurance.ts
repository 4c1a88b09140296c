import { type Milli, currencyDecimals, sumMilli, toMilli } from "@/lib/money";
import { checkByHand, finding, money, withDetails } from "../context";
import type { Rule, RuleOutcome } from "../types";
import { requirementFor } from "./requirements";

/**
 * Art. 28: the insurance document is in the credit's currency (28f(i)), covers at least 110% of
 * the CIF or CIP value, which when it cannot be read from the documents is the greater of the
 * amount claimed and the invoice value, here the invoice total (28f(ii)), and is dated no later
 * than shipment unless it shows cover from that date (28e).
 */
export const insuranceAsRequired: Rule = ({ terms, insurance, invoices, shipmentDate }) =>
  insurance.flatMap((policy) => {
    const findings: RuleOutcome[] = [];
    const { currency, amount, date, coverFrom } = policy.data;
    const readableInvoices = withDetails(invoices, "currency", "amount");
    if (currency !== undefined && currency !== terms.currency) {
      findings.push(
        finding(policy, {
          rule: "insurance-currency",
          article: "28(f)(i)",
          message: "The insurance is not in the currency of the credit.",
          found: currency,
          expected: terms.currency,
        }),
      );
    } else if (currency !== undefined && amount !== undefined && readableInvoices.length < invoices.length) {
      // The invoice value is the measure of the cover; with an invoice amount unread it is unknown.
      findings.push(
        checkByHand(policy, {
          rule: "insurance-value-unknown",
          article: "28(f)(ii)",
          message: "The insured amount could not be compared with 110% of the invoice value: an invoice's amount or currency is missing from its details.",
          found: money(terms.currency, toMilli(amount)),
          expected: "At least 110% of the invoice value",
        }),
      );
    } else if (currency !== undefined && amount !== undefined) {
      const sameCurrency = readableInvoices.filter((i) => i.data.currency === terms.currency);
      const value = sameCurrency.length > 0 ? sumMilli(sameCurrency.map((i) => toMilli(i.data.amount))) : toMilli(terms.amount);
      // The cover the credit sets in 46A, else the 110% of 28(f)(ii).
      const percent = requirementFor(terms, "INSURANCE_CERTIFICATE")?.conditions?.insurance?.coverPercent ?? 110;
      const minimum = minimumCover(terms.currency, value, percent);
      const insured = toMilli(amount);
      const measure = sameCurrency.length > 0 ? "invoice" : "credit";
      const short =
        percent === 110
          ? { rule: "insurance-under-110-percent", message: `The insured amount is less than 110% of the ${measure} value.` }
          : { rule: "insurance-under-required-cover", message: `The insured amount is less than ${percent}% of the ${measure} value, the cover the credit requires.` };
      if (insured < minimum) {
        findings.push(
          finding(policy, {
            ...short,
            article: "28(f)(ii)",
            found: money(terms.currency, insured),
            expected: `At least ${money(terms.currency, minimum)}`,
          }),
        );
      }
    }
    const coveredFromShipment = coverFrom !== undefined && shipmentDate !== null && coverFrom <= shipmentDate;
    if (shipmentDate && date !== undefined && date > shipmentDate && !coveredFromShipment) {
      findings.push(
        finding(policy, {
          rule: "insurance-dated-after-shipment",
          article: "28(e)",
          message: "The insurance document is dated after the date of shipment and does not show cover from that date.",
          found: date,
          expected: `On or before ${shipmentDate}`,
        }),
      );
    }
    return findings;
  });

/**
 * 110% (or the percentage 46A sets) of the value, rounded up to the currency's minor unit (28f(ii)
 * sets a floor: a cent less than the exact figure is short, so the least compliant amount is the
 * next whole cent up).
 */
export function minimumCover(currency: string, value: Milli, percent = 110): Milli {
  const unit = 10n ** BigInt(Math.max(0, 3 - currencyDecimals(currency))); // thousandths per minor unit (amounts never carry more than three decimals)
  const exactTimesHundred = value * BigInt(percent); // percent of value, in hundred-thousandths of the currency
  const step = unit * 100n;
  return ((exactTimesHundred + step - 1n) / step) * unit;
}
