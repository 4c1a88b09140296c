import { addCalendarDays, nextBankingDayFrom } from "@/lib/calendar/banking-days";
import { finding, withDetails } from "../context";
import type { Rule, RuleOutcome } from "../types";

// When the goods went and when the documents came: shipment by the latest shipment date (44C),
// presentation within the period after shipment (48, art. 14c) and on or before expiry (art. 6e).

/**
 * The date of shipment is the on-board date of the bill of lading (art. 20a(ii)); it must not be
 * after 44C. A bill not shown on board has no date of shipment (it is refused as not on board);
 * a copy still must not show a later one (art. 14d). A shipment period (44D) is the examiner's.
 */
export const shippedByLatestShipmentDate: Rule = ({ terms, billsOfLading }) =>
  withDetails(billsOfLading, "onBoardDate", "shippedOnBoard")
    .filter((b) => b.data.shippedOnBoard)
    .filter((b) => terms.latestShipmentDate !== undefined && b.data.onBoardDate > terms.latestShipmentDate)
    .map((b) =>
      finding(b, {
        rule: "shipped-after-latest-shipment-date",
        article: "20(a)(ii)",
        message: "The goods were shipped on board after the latest shipment date of the credit.",
        found: b.data.onBoardDate,
        expected: `On or before ${terms.latestShipmentDate}`,
      }),
    );

/**
 * Art. 14(c): presented no later than the credit's period (21 calendar days by default) after the
 * date of shipment, and in any event not after expiry (art. 6e). Art. 29(a): a last day on which
 * the bank is closed moves to its next banking day; the latest shipment date never does (29c).
 */
export const presentedInTime: Rule = ({ terms, presentedOn, shipmentDate, holidays }) => {
  const findings: RuleOutcome[] = [];
  const expiry = nextBankingDayFrom(terms.expiryDate, holidays);
  if (presentedOn > expiry) {
    findings.push(
      finding(null, {
        rule: "presented-after-expiry",
        article: "6(e)",
        message: "The documents were presented after the credit expired.",
        found: presentedOn,
        expected: `On or before ${expiry}`,
      }),
    );
  }
  if (shipmentDate) {
    const lastDay = nextBankingDayFrom(addCalendarDays(shipmentDate, terms.presentationPeriodDays), holidays);
    if (presentedOn > lastDay) {
      findings.push(
        finding(null, {
          rule: "presented-after-presentation-period",
          article: "14(c)",
          message: `The documents were presented more than ${terms.presentationPeriodDays} days after the date of shipment (${shipmentDate}).`,
          found: presentedOn,
          expected: `On or before ${lastDay}`,
        }),
      );
    }
  }
  return findings;
};
