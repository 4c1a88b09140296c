import { nextBankingDayFrom } from "@/lib/calendar/banking-days";
import { sumMilli, toMilli } from "@/lib/money";
import { DOCUMENT_KIND_LABELS, type DocumentKind, type Terms, isIsp, toleranceBounds } from "@/lib/terms/schema";
import { checkByHand, finding, money, withDetails } from "../context";
import { describeProblems } from "./documents";
import type { RuleOutcome, StandbyRule } from "../types";

// Examination of a standby credit's presentation: a demand for payment, usually with a statement
// of default, instead of shipping documents. Under ISP98 each finding cites the ISP98 rule; a
// standby subject to UCP 600 cites the UCP article. No transport, insurance or invoice rule applies.

/** The ISP98 rule when the standby is subject to ISP98, else the UCP 600 article. */
const cite = (terms: Terms, isp: string, ucp: string) => (isIsp(terms.applicableRules) ? `ISP98 ${isp}` : ucp);

/** Where each kind of standby document is defined (ISP98 4.16 demand, 4.17 statement; 4.01 any other). */
const ISP_RULE_FOR: Partial<Record<DocumentKind, string>> = { DEMAND: "4.16", STATEMENT_OF_DEFAULT: "4.17" };

/** Each document the standby calls for (46A) is presented: the demand, and the statement of default where required. */
export const standbyDocumentsPresent: StandbyRule = ({ terms, documents }) => {
  const findings: RuleOutcome[] = [];
  for (const kind of new Set(terms.documentsRequired.map((d) => d.kind))) {
    const required = terms.documentsRequired.filter((d) => d.kind === kind).length;
    const presented = documents.filter((d) => d.kind === kind).length;
    if (presented >= required) continue;
    findings.push(
      finding(null, {
        rule: kind === "DEMAND" ? "standby-demand-missing" : kind === "STATEMENT_OF_DEFAULT" ? "standby-statement-missing" : "required-document-missing",
        article: cite(terms, ISP_RULE_FOR[kind] ?? "4.01", "14(a)"),
        message: `${DOCUMENT_KIND_LABELS[kind]} required by the standby was not presented.`,
        found: presented === 0 ? "Not presented" : `${presented} presented`,
        expected: DOCUMENT_KIND_LABELS[kind],
      }),
    );
  }
  return findings;
};

/**
 * A demand or statement whose record lacks its date, signatory or amount: the record is
 * incomplete, which does not show the document is; the examiner reads those on the document.
 */
export const standbyDocumentDetailsIncomplete: StandbyRule = ({ terms, incomplete }) =>
  incomplete.map(({ doc, problems }) =>
    checkByHand(doc, {
      rule: "document-details-incomplete",
      article: cite(terms, ISP_RULE_FOR[doc.kind] ?? "4.01", "14(a)"),
      message: `Some details recorded for this ${DOCUMENT_KIND_LABELS[doc.kind].toLowerCase()} are missing or unreadable: check on the document that it is dated and signed, and that a demand states the amount.`,
      found: describeProblems(problems),
      expected: "Complete document details",
    }),
  );

/**
 * Presented on or before expiry (ISP98 3.05; UCP 600 art. 6(e)). An expiry date on which the
 * issuer is closed moves to its next business day (ISP98 3.13; UCP 600 art. 29(a)).
 */
export const standbyPresentedBeforeExpiry: StandbyRule = ({ terms, presentedOn, holidays }) => {
  const lastDay = nextBankingDayFrom(terms.expiryDate, holidays);
  if (presentedOn <= lastDay) return [];
  const extended = lastDay === terms.expiryDate ? "" : `, extended from ${terms.expiryDate} to the next business day (${cite(terms, "3.13", "art. 29(a)")})`;
  return [
    finding(null, {
      rule: "presented-after-expiry",
      article: cite(terms, "3.05", "6(e)"),
      message: `The demand was presented after the standby expired${extended}.`,
      found: presentedOn,
      expected: `On or before ${lastDay}`,
    }),
  ];
};

/** Demands in the standby's currency (ISP98 4.01: examined against the terms on its face). */
export const demandCurrency: StandbyRule = ({ terms, demands }) =>
  withDetails(demands, "currency")
    .filter((d) => d.data.currency !== terms.currency)
    .map((d) =>
      finding(d, {
        rule: "demand-currency",
        article: cite(terms, "4.01", "14(d)"),
        message: "The demand is in another currency than the standby.",
        found: d.data.currency,
        expected: terms.currency,
      }),
    );

/**
 * The amount demanded is within what is still available (ISP98 3.08: a demand for more than is
 * available is discrepant), and, where partial drawings are not allowed, for the whole amount.
 */
export const demandWithinAvailableBalance: StandbyRule = ({ terms, demands, drawnBefore }) => {
  const readable = withDetails(demands, "currency", "amount");
  // A demand whose amount cannot be read leaves the total to the examiner.
  if (demands.length === 0 || readable.length < demands.length || readable.some((d) => d.data.currency !== terms.currency)) return [];
  const demanded = sumMilli(readable.map((d) => toMilli(d.data.amount)));
  const subject = demands.length === 1 ? demands[0]! : null;
  const { min, max } = toleranceBounds(terms);
  const available = max - drawnBefore;
  const findings: RuleOutcome[] = [];
  if (demanded > available) {
    findings.push(
      finding(subject, {
        rule: "demand-exceeds-available-balance",
        article: cite(terms, "3.08", "14(d)"),
        message: drawnBefore > 0n ? `The amount demanded is more than the available balance of the standby (${money(terms.currency, drawnBefore)} already drawn).` : "The amount demanded is more than the amount of the standby.",
        found: money(terms.currency, demanded),
        expected: `At most ${money(terms.currency, available)}`,
      }),
    );
  } else if (terms.partialShipments === "NOT_ALLOWED" && drawnBefore === 0n && demanded < min) {
    findings.push(
      finding(subject, {
        rule: "demand-partial-drawing",
        article: cite(terms, "3.08", "31(a)"),
        message: "Partial drawings are not allowed under this standby, and the demand is for less than its amount.",
        found: money(terms.currency, demanded),
        expected: `${money(terms.currency, min)}`,
      }),
    );
  }
  return findings;
};

/** A document may be dated before the standby was issued, but not after its presentation (ISP98 4.06; UCP 600 art. 14(i)). */
export const standbyNotDatedAfterPresentation: StandbyRule = ({ terms, documents, presentedOn }) =>
  documents.flatMap((doc) => {
    const value = doc.data.date;
    if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value <= presentedOn) return [];
    return [
      finding(doc, {
        rule: "dated-after-presentation",
        article: cite(terms, "4.06", "14(i)"),
        message: `The ${DOCUMENT_KIND_LABELS[doc.kind].toLowerCase()} is dated after the day it was presented.`,
        found: value,
        expected: `On or before ${presentedOn}`,
      }),
    ];
  });
