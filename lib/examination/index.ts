import { buildContext } from "./context";
import { invoiceAmountWithinCredit } from "./rules/amount";
import { documentDetailsReadable, enoughOriginals, notDatedAfterPresentation, requiredDocumentsPresent } from "./rules/documents";
import { insuranceAsRequired } from "./rules/insurance";
import { invoiceCurrency, invoiceGoodsDescription, invoiceIssuedByBeneficiary, invoiceMadeOutToApplicant } from "./rules/invoice";
import { presentedInTime, shippedByLatestShipmentDate } from "./rules/shipment";
import {
  demandCurrency,
  demandWithinAvailableBalance,
  standbyDocumentsPresent,
  standbyDocumentsReadable,
  standbyNotDatedAfterPresentation,
  standbyPresentedBeforeExpiry,
} from "./rules/standby";
import { billOfLadingFullSet, billOfLadingPorts, billOfLadingShippedOnBoard, partialShipmentsAsAllowed, transhipmentAsAllowed } from "./rules/transport";
import { type DocumentaryTerms, isStandby } from "@/lib/terms/schema";
import type { ExaminationContext, ExaminationInput, ExaminationResult, Rule, StandbyRule } from "./types";

export type { ExaminationInput, ExaminationResult, Finding, PresentedDocument } from "./types";

// The automatic part of document examination (UCP 600 art. 14): each rule checks one thing the
// documents must show and cites its article. Together they make the first draft of the single
// notice of discrepancies (art. 16); the examiner adds what only a person can see and may
// dismiss a finding with a reason. Pure: no I/O, no clock. A standby credit (ISP98 or UCP 600)
// is examined by its own rules: a demand and a statement of default, no transport documents.

/** Every rule of a documentary credit, in the order its findings appear in a notice. */
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

/** Every rule of a standby credit, in notice order. */
export const STANDBY_RULES: readonly StandbyRule[] = [
  standbyDocumentsPresent,
  standbyDocumentsReadable,
  standbyPresentedBeforeExpiry,
  demandCurrency,
  demandWithinAvailableBalance,
  standbyNotDatedAfterPresentation,
];

export function examinePresentation(input: ExaminationInput): ExaminationResult {
  const context = buildContext(input);
  const findings = isStandby(context.terms)
    ? STANDBY_RULES.flatMap((rule) => rule(context))
    : // The terms schema requires the shipment fields of every documentary credit.
      RULES.flatMap((rule) => rule(context as ExaminationContext<DocumentaryTerms>));
  return { compliant: findings.length === 0, findings };
}
