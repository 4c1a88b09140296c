import { type ACTIONS, type ActionName, actionRule } from "./definition";
import type { AmendmentStatus, CreditStatus, PresentationStatus } from "@/lib/generated/prisma/enums";

/** How a state reads inside a sentence: "while the credit is <words>". */
export const STATUS_WORDS: {
  credit: Record<CreditStatus, string>;
  amendment: Record<AmendmentStatus, string>;
  presentation: Record<PresentationStatus, string>;
} = {
  credit: {
    DRAFT: "a draft with the applicant",
    WITH_BENEFICIARY: "with the beneficiary for review",
    WITH_APPLICANT: "with the applicant for review",
    AGREED: "agreed between the parties",
    SUBMITTED: "submitted to the issuing bank",
    ISSUANCE_PENDING: "awaiting the checker's approval",
    ISSUED: "issued",
    ADVISED: "advised",
    SETTLED: "settled",
    EXPIRED: "expired",
    CANCELLED: "cancelled",
    WITHDRAWN: "withdrawn",
  },
  amendment: {
    REQUESTED: "requested",
    ISSUANCE_PENDING: "awaiting the checker's approval",
    ISSUED: "issued",
    ADVISED: "advised to the beneficiary",
    ACCEPTED: "accepted",
    REJECTED: "rejected",
    DECLINED: "declined by the bank",
    WITHDRAWN: "withdrawn",
  },
  presentation: {
    DRAFT: "being assembled",
    PRESENTED: "under examination",
    COMPLIANT: "complying",
    DISCREPANT: "discrepant",
    WAIVED: "waived by the applicant, awaiting the bank's acceptance",
    WAIVER_ACCEPTED: "accepted despite discrepancies",
    REFUSED: "refused",
    PAYMENT_PENDING: "awaiting payment approval",
    PAID: "paid",
  },
};


/** What the actor did, for timelines and notifications: "<organisation> <phrase>". */
export const ACTION_DONE: Record<ActionName, string> = {
  createCredit: "drafted the credit",
  reviseDraft: "saved a new draft version",
  sendToBeneficiary: "sent the draft to the beneficiary",
  endorseTerms: "agreed to the terms",
  proposeChanges: "proposed changes to the terms",
  returnDraft: "returned the draft to the applicant",
  acceptChanges: "agreed to the beneficiary's version of the terms",
  counterPropose: "proposed changes to the terms",
  reopenTerms: "reopened the agreed terms",
  withdrawApplication: "withdrew the application",
  submitApplication: "submitted the application to the issuing bank",
  returnApplication: "returned the application to the applicant",
  prepareIssuance: "prepared the issuance for approval",
  approveIssuance: "approved and issued the credit",
  rejectIssuance: "sent the issuance back to the maker",
  adviseCredit: "advised the credit to the beneficiary",
  approveConfirmation: "approved adding confirmation and advised the credit",
  rejectConfirmation: "sent the confirmation back to the maker",
  expireCredit: "marked the credit expired",
  requestAmendment: "requested an amendment",
  requestCancellation: "requested cancellation of the credit",
  withdrawAmendment: "withdrew the amendment request",
  declineAmendment: "declined the amendment request",
  prepareAmendment: "prepared the amendment for approval",
  approveAmendment: "approved and issued the amendment",
  rejectAmendmentIssuance: "sent the amendment back to the maker",
  adviseAmendment: "advised the amendment to the beneficiary",
  approveConfirmationExtension: "approved extending confirmation to the amendment and advised it",
  rejectConfirmationExtension: "sent the confirmation of the amendment back to the maker",
  acceptAmendment: "accepted the amendment",
  rejectAmendment: "rejected the amendment",
  startPresentation: "started a presentation",
  addDocument: "added a document to the presentation",
  removeDocument: "removed a document from the presentation",
  presentDocuments: "presented documents",
  giveNoticeOfCompleteness: "gave notice that the eUCP presentation is complete",
  requestRepresentation: "asked for a corrupted electronic record to be re-presented (eUCP art. e12)",
  representRecord: "re-presented an electronic record (eUCP art. e12)",
  recordCounterReceipt: "recorded a paper document as received at the counter",
  addFinding: "added a discrepancy",
  dismissFinding: "dismissed a finding",
  approveDismissal: "approved dismissing a finding",
  rejectDismissal: "sent the dismissal of a finding back to the maker",
  correctDocumentData: "corrected a value captured from a document and re-ran the examination",
  approveCorrection: "approved correcting a value captured from a document",
  rejectCorrection: "sent the correction of a document's data back to the maker",
  determineCompliant: "determined the presentation complying",
  approveCompliance: "approved: the presentation complies",
  rejectCompliance: "sent the complying decision back to the maker",
  notifyDiscrepancies: "sent a notice of discrepancies",
  approveNotice: "approved and sent the notice of discrepancies",
  rejectNotice: "sent the notice of discrepancies back to the maker",
  waiveDiscrepancies: "waived the discrepancies",
  acceptWaiver: "accepted the applicant's waiver",
  approveWaiverAcceptance: "approved accepting the applicant's waiver",
  rejectWaiverAcceptance: "sent the waiver acceptance back to the maker",
  refusePresentation: "refused the presentation",
  approveRefusal: "approved refusing the presentation",
  rejectRefusal: "sent the refusal back to the maker",
  preparePayment: "prepared payment for approval",
  approvePayment: "approved and recorded payment",
  rejectPayment: "sent the payment back to the maker",
  recordPayment: "recorded payment",
  forwardDocuments: "forwarded the complying documents to the issuing bank",
};

/** The steps offered under one four-eyes setting only (the definition's `whenFourEyes`). */
type SettingBound = { [N in ActionName]: (typeof ACTIONS)[N] extends { whenFourEyes: string } ? N : never }[ActionName];

/** Why such a step is refused under the acting bank's other setting, and what to do instead. */
export const FOUR_EYES_REFUSAL: Record<SettingBound, string> = {
  preparePayment: "Your bank works without four eyes: record the payment yourself in one step (“Record payment”); there is no checker to prepare it for.",
  recordPayment: "Your bank works under four eyes: prepare the payment for a checker (“Prepare payment”), and a different user with the checker role approves it.",
};

/**
 * A cancellation is an amendment (UCP 600 art. 10(a)), but its steps are said in words of
 * cancelling the credit: the beneficiary who accepts it consents to the credit ending.
 */
export const CANCELLATION_WORDING: Partial<Record<ActionName, { label: string; confirm: string }>> = {
  approveAmendment: {
    label: "Approve and issue cancellation",
    confirm: "The bank agrees to cancel the credit (MT707). The credit ends only when the beneficiary consents.",
  },
  acceptAmendment: {
    label: "Consent to cancellation",
    confirm: "You consent to cancelling the credit. It ends now and no presentation can be made under it any more. This cannot be undone.",
  },
  rejectAmendment: {
    label: "Refuse cancellation",
    confirm: "You refuse to cancel the credit. It stays in force on its current terms.",
  },
};

/** The button label and confirmation sentence of an action, for an ordinary amendment or a cancellation. */
export function actionWording(name: ActionName, options: { cancellation?: boolean } = {}): { label: string; confirm?: string } {
  const rule = actionRule(name);
  const special = options.cancellation ? CANCELLATION_WORDING[name] : undefined;
  return { label: special?.label ?? rule.label, confirm: special?.confirm ?? ("confirm" in rule ? rule.confirm : undefined) };
}

/** A maker's step held for a checker (four eyes): "prepared “Determine complying” for approval". */
export const heldPhrase = (action: ActionName): string => `prepared “${actionRule(action).label}” for a checker's approval`;

/** Events written by operations outside the lifecycle table: the SWIFT imports (lib/credits/import-credit.ts, import-amendment.ts). */
const OTHER_EVENTS: Readonly<Record<string, string>> = {
  importCredit: "imported the credit from the issuing bank's SWIFT message",
  importAmendment: "applied the issuing bank's MT707 as an amendment awaiting advice",
};

/** How a timeline reads an event: held steps say they await a checker. */
export const eventPhrase = (action: ActionName, data?: Record<string, unknown>): string =>
  data?.held === true ? heldPhrase(action) : (ACTION_DONE[action] ?? OTHER_EVENTS[action] ?? action);
