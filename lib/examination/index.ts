import { buildContext } from "./context";
import { certificateConsigneeConsistent, marksConsistent, originConsistent, packagesConsistent, portsConsistent, transportApplicantAddress, weightsConsistent } from "./rules/consistency";
import { invoiceAmountWithinCredit } from "./rules/amount";
import { documentDetailsIncomplete, enoughOriginals, notDatedAfterPresentation, requiredDocumentsPresent } from "./rules/documents";
import { insuranceAsRequired } from "./rules/insurance";
import {
  documentIssuerAsRequired,
  insuranceCoverPlaces,
  insuranceRisksAsRequired,
  requirementTextByHand,
  transportConsigneeAsRequired,
  transportFreightAsRequired,
  transportNotifyPartyAsRequired,
  transportOnBoardAsRequired,
} from "./rules/requirements";
import { goodsConsistentAcrossDocuments, invoiceCurrency, invoiceGoodsDescription, invoiceIssuedByBeneficiary, invoiceMadeOutToApplicant, invoiceQuantityAsAllowed } from "./rules/invoice";
import { presentedInTime, shippedByLatestShipmentDate } from "./rules/shipment";
import { beneficiaryCertificateAsRequired, inspectionResultFavourable } from "./rules/certificates";
import { draftDrawee, draftDrawnAsInvoiced, draftTenor } from "./rules/drafts";
import { invoiceQuantityWithinTolerance, invoiceUnitPriceAsCredit } from "./rules/invoice-lines";
import {
  seaWaybillTranshipment,
  transportDocumentFace,
  transportDocumentForConsignor,
  transportDocumentFullSet,
  transportDocumentPlaces,
  transportDocumentShipped,
  transportDocumentShippedInTime,
  transportDocumentSigned,
} from "./rules/transport-documents";
import {
  demandCurrency,
  demandWithinAvailableBalance,
  standbyDocumentsPresent,
  standbyDocumentDetailsIncomplete,
  standbyNotDatedAfterPresentation,
  standbyPresentedBeforeExpiry,
} from "./rules/standby";
import {
  billOfLadingClean,
  billOfLadingFullSet,
  billOfLadingNoCharterParty,
  billOfLadingNotOnDeck,
  billOfLadingPorts,
  billOfLadingShippedOnBoard,
  billOfLadingSigned,
  partialShipmentsAsAllowed,
  transhipmentAsAllowed,
} from "./rules/transport";
import { type DocumentaryTerms, isStandby } from "@/lib/terms/schema";
import type { ExaminationContext, ExaminationInput, ExaminationResult, Finding, Rule, RuleOutcome, StandbyRule } from "./types";

export type { ExaminationInput, ExaminationResult, Finding, PresentedDocument } from "./types";

// The automatic part of document examination (UCP 600 art. 14): each rule checks one thing the
// documents must show and cites its article. Together they make the first draft of the single
// notice of discrepancies (art. 16); what they cannot decide (details missing or unreadable) is
// listed apart for the examiner to check by hand and never goes into a notice. The examiner adds
// what only a person can see and may dismiss a finding with a reason. Pure: no I/O, no clock. A
// standby credit (ISP98 or UCP 600) is examined by its own rules: a demand and a statement of
// default, no transport documents. Every rule, its article and its limits: README.md.

/** Every rule of a documentary credit, in the order its findings appear in a notice. */
export const RULES: readonly Rule[] = [
  requiredDocumentsPresent,
  enoughOriginals,
  documentDetailsIncomplete,
  presentedInTime,
  shippedByLatestShipmentDate,
  transportDocumentShippedInTime,
  invoiceCurrency,
  invoiceAmountWithinCredit,
  invoiceIssuedByBeneficiary,
  invoiceMadeOutToApplicant,
  invoiceGoodsDescription,
  goodsConsistentAcrossDocuments,
  weightsConsistent,
  packagesConsistent,
  marksConsistent,
  originConsistent,
  portsConsistent,
  transportApplicantAddress,
  certificateConsigneeConsistent,
  invoiceQuantityAsAllowed,
  invoiceQuantityWithinTolerance,
  invoiceUnitPriceAsCredit,
  billOfLadingShippedOnBoard,
  billOfLadingSigned,
  billOfLadingClean,
  billOfLadingNotOnDeck,
  billOfLadingNoCharterParty,
  billOfLadingPorts,
  billOfLadingFullSet,
  transhipmentAsAllowed,
  transportDocumentShipped,
  transportDocumentSigned,
  transportDocumentFace,
  transportDocumentPlaces,
  transportDocumentFullSet,
  transportDocumentForConsignor,
  seaWaybillTranshipment,
  transportConsigneeAsRequired,
  transportNotifyPartyAsRequired,
  transportFreightAsRequired,
  transportOnBoardAsRequired,
  partialShipmentsAsAllowed,
  insuranceAsRequired,
  insuranceRisksAsRequired,
  insuranceCoverPlaces,
  documentIssuerAsRequired,
  draftDrawee,
  draftTenor,
  draftDrawnAsInvoiced,
  beneficiaryCertificateAsRequired,
  inspectionResultFavourable,
  notDatedAfterPresentation,
  requirementTextByHand,
];

/** Every rule of a standby credit, in notice order. */
export const STANDBY_RULES: readonly StandbyRule[] = [
  standbyDocumentsPresent,
  standbyDocumentDetailsIncomplete,
  standbyPresentedBeforeExpiry,
  demandCurrency,
  demandWithinAvailableBalance,
  standbyNotDatedAfterPresentation,
];

/**
 * The rule set's version: recorded with every examination and anchored in the presentation's
 * milestone, so a past examination can be reproduced with the rules that made it. Change it with
 * any change to a rule's outcome (see README.md).
 */
export const RULES_VERSION = "2026-12-01.8";

export function examinePresentation(input: ExaminationInput): ExaminationResult {
  const context = buildContext(input);
  const outcomes = isStandby(context.terms)
    ? STANDBY_RULES.flatMap((rule) => rule(context))
    : // The terms schema requires the shipment fields of every documentary credit.
      RULES.flatMap((rule) => rule(context as ExaminationContext<DocumentaryTerms>));
  // A rule the bank checks by hand hands its discrepancies to the examiner.
  const manual = new Set(input.manualRules ?? []);
  const byHand = (o: RuleOutcome) => o.outcome === "check-by-hand" || manual.has(o.rule);
  const findings = outcomes.filter((o) => !byHand(o)).map(asFinding);
  const checkByHand = outcomes.filter(byHand).map(asFinding);
  return { compliant: findings.length === 0, findings, checkByHand, rulesVersion: RULES_VERSION };
}

/** The outcome as a consumer reads it: which list it is in says what it is. */
const asFinding = ({ outcome: _outcome, ...finding }: RuleOutcome): Finding => finding;
