import { percentOf, sumMilli, toMilli } from "@/lib/money";
import { finding, money } from "../context";
import type { Finding, Rule } from "../types";

/**
 * Art. 28: the insurance document is in the credit's currency (28f(i)), covers at least 110% of
 * the CIF or CIP value, which when it cannot be read from the documents is the greater of the
 * amount claimed and the invoice value, here the invoice total (28f(ii)), and is dated no later
 * than shipment unless it shows cover from that date (28e).
 */
export const insuranceAsRequired: Rule = ({ terms, insurance, invoices, shipmentDate }) =>
  insurance.flatMap((policy) => {
    const findings: Finding[] = [];
    if (policy.data.currency !== terms.currency) {
      findings.push(
        finding(policy, {
          rule: "insurance-currency",
          article: "28(f)(i)",
          message: "The insurance is not in the currency of the credit.",
          found: policy.data.currency,
          expected: terms.currency,
        }),
      );
    } else {
      const sameCurrency = invoices.filter((i) => i.data.currency === terms.currency);
      const value = sameCurrency.length > 0 ? sumMilli(sameCurrency.map((i) => toMilli(i.data.amount))) : toMilli(terms.amount);
      const minimum = value + percentOf(value, 10);
      const insured = toMilli(policy.data.amount);
      if (insured < minimum) {
        findings.push(
          finding(policy, {
            rule: "insurance-under-110-percent",
            article: "28(f)(ii)",
            message: `The insured amount is less than 110% of the ${sameCurrency.length > 0 ? "invoice" : "credit"} value.`,
            found: money(terms.currency, insured),
            expected: `At least ${money(terms.currency, minimum)}`,
          }),
        );
      }
    }
    const coveredFromShipment = policy.data.coverFrom !== undefined && shipmentDate !== null && policy.data.coverFrom <= shipmentDate;
    if (shipmentDate && policy.data.date > shipmentDate && !coveredFromShipment) {
      findings.push(
        finding(policy, {
          rule: "insurance-dated-after-shipment",
          article: "28(e)",
          message: "The insurance document is dated after the date of shipment and does not show cover from that date.",
          found: policy.data.date,
          expected: `On or before ${shipmentDate}`,
        }),
      );
    }
    return findings;
  });
