import { buildContext } from "./context";
import { invoiceAmountWithinCredit } from "./rules/amount";
import { documentDetailsReadable, enoughOriginals, notDatedAfterPresentation, requiredDocumentsPresent } from "./rules/documents";
import { insuranceAsRequired } from "./rules/insurance";
import { invoiceCurrency, invoiceGoodsDescription, invoiceIssuedByBeneficiary, invoiceMadeOutToApplicant } from "./rules/invoice";
import { presentedInTime, shippedByLatestShipmentDate } from "./rules/shipment";
import { billOfLadingFullSet, billOfLadingPorts, billOfLadingShippedOnBoard, partialShipmentsAsAllowed, transhipmentAsAllowed } from "./rules/transport";
import type { ExaminationInput, ExaminationResult, Rule } from "./types";

export type { ExaminationInput, ExaminationResult, Finding, PresentedDocument } from "./types";

// The automatic part of document examination (UCP 600 art. 14): each rule checks one thing the
// documents must show and cites its article. Together they make the first draft of the single
// notice of discrepancies (art. 16); the examiner adds what only a person can see and may
// dismiss a finding with a reason. Pure: no I/O, no clock.

/** Every rule, in the order its findings appear in a notice. */
export const RULES: readonly Rule[] = [
  requiredDocumentsPresent,
  enoughOriginals,
  documentDetailsReadable,
  presentedInTime,
  shippedByLatestShipmentDate,
  invoiceCurrency,
  invoiceAmountWithinCredit,
  invoiceIssuedByBeneficiary,
  invoiceMadeOutToApplicant,
  invoiceGoodsDescription,
  billOfLadingShippedOnBoard,
  billOfLadingPorts,
  billOfLadingFullSet,
  transhipmentAsAllowed,
  partialShipmentsAsAllowed,
  insuranceAsRequired,
  notDatedAfterPresentation,
];

export function examinePresentation(input: ExaminationInput): ExaminationResult {
  const context = buildContext(input);
  const findings = RULES.flatMap((rule) => rule(context));
  return { compliant: findings.length === 0, findings };
}
