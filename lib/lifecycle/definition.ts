import type { AmendmentStatus, ApprovalKind, CreditStatus, MemberRole, MilestoneKind, PresentationStatus } from "@/lib/generated/prisma/enums";

// THE definition of a letter of credit's lifecycle. Server authorisation (lib/lifecycle/authorize.ts),
// the UI's "what can I do next", the dashboard's "waiting for you", notifications, milestones
// and the permission-matrix test are all derived from this table; nothing restates it.

/** The parties to a credit, by the role their organisation plays in it. */
export const PARTIES = ["applicant", "beneficiary", "issuingBank", "advisingBank", "confirmingBank"] as const;
export type Party = (typeof PARTIES)[number];

/** The credits table column that names each party. */
export const PARTY_COLUMN = {
  applicant: "applicant_id",
  beneficiary: "beneficiary_id",
  issuingBank: "issuing_bank_id",
  advisingBank: "advising_bank_id",
  confirmingBank: "confirming_bank_id",
} as const satisfies Record<Party, string>;

export const PARTY_LABELS: Record<Party, string> = {
  applicant: "Applicant",
  beneficiary: "Beneficiary",
  issuingBank: "Issuing bank",
  advisingBank: "Advising bank",
  confirmingBank: "Confirming bank",
};

/** What an action acts on: the credit itself, one of its amendments, or one of its presentations. */
export type Subject = "credit" | "amendment" | "presentation";
export interface SubjectStates {
  credit: CreditStatus;
  amendment: AmendmentStatus;
  presentation: PresentationStatus;
}

/**
 * The banks that may examine a presentation, and which of them does for each presentation
 * (`bank`): the nominated or confirming bank the credit is available with, else the issuing bank
 * (lib/credits/place-of-presentation.ts examiningBank, fixed on the presentation). The bank that
 * honours on it: a confirming bank that examined, else the issuing bank (arts. 7(a), 8(a)).
 */
const EXAMINING = { by: ["issuingBank", "advisingBank"], bank: "examining" } as const;
const PAYING = { by: ["issuingBank", "advisingBank"], bank: "paying" } as const;

/** A party's users with these roles act for corporates; banks split preparing and approving. */
const TRADER: readonly MemberRole[] = ["MAKER", "ADMIN"];
const BANK_MAKER: readonly MemberRole[] = ["MAKER"];
const BANK_CHECKER: readonly MemberRole[] = ["CHECKER"];
const BANK_OFFICER: readonly MemberRole[] = ["MAKER", "CHECKER"];

/** What the action's form asks for (lib/lifecycle/inputs.ts holds the schemas). */
export type InputKind =
  | "none"
  | "application"
  | "terms"
  | "comment"
  | "reason"
  | "issuance"
  | "advice"
  | "amendment"
  | "presentation"
  | "document"
  | "documentRef"
  | "finding"
  | "findingRef"
  | "notice"
  | "waiver"
  | "correction"
  | "payment"
  | "amendmentAdvice"
  | "representationRequest"
  | "representation"
  | "counterReceipt";

export interface NotifyRule {
  party: Party;
  /** Only users with one of these roles (default: everyone in the party's organisation). */
  roles?: readonly MemberRole[];
}

export interface ActionRule<S extends Subject> {
  subject: S;
  label: string;
  /** Subject states in which the action may be taken; "create" actions start a new subject. */
  from: readonly SubjectStates[S][] | "create";
  /** The subject's state afterwards: a state, unchanged (null), or back to where the maker found it. */
  to: SubjectStates[S] | null | "previous";
  /** Credit states the credit must be in (for amendment and presentation actions). */
  creditIn?: readonly CreditStatus[];
  /** Which parties' users may act, with which roles; "system" = scheduled jobs only. */
  by: readonly Party[] | "system";
  /**
   * One bank of `by` acts on each presentation (issue 13, item 7): "examining", the bank that
   * examines it (the presentation's examining bank); "paying", the bank that honours it (that bank
   * when it is the confirming bank, else the issuing bank). A `notify` entry naming the issuing
   * bank with roles (the bank's own makers or checkers) then means that bank's.
   */
  bank?: "examining" | "paying";
  roles: readonly MemberRole[];
  /** Two people: this maker's step only prepares an approval of this kind (issuance, amendment; payment under four eyes). */
  prepares?: ApprovalKind;
  /**
   * Four eyes where the acting bank has it on (Organization.fourEyes, on by default): the step is
   * held as a pending approval of this kind, changing nothing, until a different user with the
   * checker role takes the step whose `checks` names this action; with it off, the step takes
   * effect at once. `onlyIf`: held only when this flag of the input is true (adding confirmation).
   */
  fourEyes?: { approval: ApprovalKind; onlyIf?: "addConfirmation" | "extendConfirmation" };
  /**
   * Offered only where the acting bank's four-eyes setting is this (Organization.fourEyes): a
   * payment is prepared for a checker under four eyes (preparePayment) and recorded by one
   * officer in one step without (recordPayment). authorize.ts refuses it under the other setting.
   */
  whenFourEyes?: "on" | "off";
  /**
   * Offered only for a presentation made under these rules (Presentation.eucp, fixed when it
   * starts): an eUCP presentation is complete with the notice of completeness, a UCP 600 one by
   * presenting documents; the e12 and counter steps exist only under eUCP (docs/EUCP.md).
   */
  presentedUnder?: "eucp" | "ucp";
  /** The checker step of maker/checker: names the maker's action; the actor must not be its maker. */
  checks?: string;
  /** A checker's step on a held (four-eyes) step: approve it (it takes effect) or send it back. */
  decides?: "approve" | "sendBack";
  milestone?: MilestoneKind;
  notify: readonly (Party | NotifyRule)[];
  input: InputKind;
  /** Irreversible: the UI asks for confirmation with this sentence. */
  confirm?: string;
  /**
   * "primary": the step the workflow waits for (the main button, and the party's "waiting for
   * you" list); "secondary" and "danger" are optional moves shown beside it.
   */
  tone?: "primary" | "secondary" | "danger";
}

export type AnyActionRule = ActionRule<"credit"> | ActionRule<"amendment"> | ActionRule<"presentation">;

const NEGOTIATING: readonly CreditStatus[] = ["DRAFT", "WITH_BENEFICIARY", "WITH_APPLICANT", "AGREED"];
const OPERATIVE: readonly CreditStatus[] = ["ISSUED", "ADVISED"];
/** A presentation made in time is examined and honoured even if the credit expires meanwhile. */
const PRESENTED_UNDER: readonly CreditStatus[] = ["ADVISED", "EXPIRED"];

// Who may *read* what each step produced, by stage, is in lib/credits/read-rules.ts.
export const ACTIONS = {
  // ---- Application and co-drafting -----------------------------------------------------
  createCredit: {
    subject: "credit", label: "Draft a new credit", from: "create", to: "DRAFT",
    by: ["applicant"], roles: TRADER, notify: [], input: "application", tone: "primary",
  },
  reviseDraft: {
    subject: "credit", label: "Save a new draft version", from: ["DRAFT"], to: null,
    by: ["applicant"], roles: TRADER, notify: [], input: "terms",
  },
  sendToBeneficiary: {
    subject: "credit", label: "Send to beneficiary", from: ["DRAFT"], to: "WITH_BENEFICIARY",
    by: ["applicant"], roles: TRADER, notify: ["beneficiary"], input: "comment", tone: "primary",
  },
  endorseTerms: {
    subject: "credit", label: "Agree to these terms", from: ["WITH_BENEFICIARY"], to: "AGREED",
    by: ["beneficiary"], roles: TRADER, milestone: "TERMS_AGREED", notify: ["applicant"], input: "none", tone: "primary",
    confirm: "You agree to exactly this version of the terms. The agreement is anchored on chain.",
  },
  proposeChanges: {
    subject: "credit", label: "Propose changes", from: ["WITH_BENEFICIARY"], to: "WITH_APPLICANT",
    by: ["beneficiary"], roles: TRADER, notify: ["applicant"], input: "terms",
  },
  returnDraft: {
    subject: "credit", label: "Return to applicant", from: ["WITH_BENEFICIARY"], to: "DRAFT",
    by: ["beneficiary"], roles: TRADER, notify: ["applicant"], input: "reason", tone: "secondary",
  },
  acceptChanges: {
    subject: "credit", label: "Agree to the beneficiary's version", from: ["WITH_APPLICANT"], to: "AGREED",
    by: ["applicant"], roles: TRADER, milestone: "TERMS_AGREED", notify: ["beneficiary"], input: "none", tone: "primary",
    confirm: "You agree to exactly this version of the terms. The agreement is anchored on chain.",
  },
  counterPropose: {
    subject: "credit", label: "Propose changes", from: ["WITH_APPLICANT"], to: "WITH_BENEFICIARY",
    by: ["applicant"], roles: TRADER, notify: ["beneficiary"], input: "terms",
  },
  reopenTerms: {
    subject: "credit", label: "Reopen the terms", from: ["AGREED"], to: "DRAFT",
    by: ["applicant"], roles: TRADER, notify: ["beneficiary"], input: "reason", tone: "secondary",
    confirm: "The agreement lapses; both parties will have to agree again before the bank can issue.",
  },
  withdrawApplication: {
    subject: "credit", label: "Withdraw the application", from: NEGOTIATING, to: "WITHDRAWN",
    by: ["applicant"], roles: TRADER, notify: ["beneficiary"], input: "reason", tone: "danger",
    confirm: "The application is withdrawn for good. This cannot be undone.",
  },

  // ---- Issuance (maker/checker) -------------------------------------------------------------
  submitApplication: {
    subject: "credit", label: "Submit to issuing bank", from: ["AGREED"], to: "SUBMITTED",
    by: ["applicant"], roles: TRADER, notify: ["beneficiary", { party: "issuingBank", roles: BANK_OFFICER }], input: "comment", tone: "primary",
  },
  returnApplication: {
    subject: "credit", label: "Return to applicant", from: ["SUBMITTED"], to: "AGREED",
    by: ["issuingBank"], roles: BANK_OFFICER, notify: ["applicant"], input: "reason", tone: "secondary",
  },
  prepareIssuance: {
    subject: "credit", label: "Prepare issuance", from: ["SUBMITTED"], to: "ISSUANCE_PENDING",
    by: ["issuingBank"], roles: BANK_MAKER, prepares: "ISSUANCE", notify: [{ party: "issuingBank", roles: BANK_CHECKER }], input: "issuance", tone: "primary",
  },
  approveIssuance: {
    subject: "credit", label: "Approve and issue", from: ["ISSUANCE_PENDING"], to: "ISSUED",
    by: ["issuingBank"], roles: BANK_CHECKER, checks: "prepareIssuance", milestone: "CREDIT_ISSUED",
    notify: ["applicant", "beneficiary", "advisingBank", { party: "issuingBank", roles: BANK_MAKER }], input: "none", tone: "primary",
    confirm: "The bank irrevocably undertakes to honour a complying presentation (MT700). This cannot be undone.",
  },
  rejectIssuance: {
    subject: "credit", label: "Send back to maker", from: ["ISSUANCE_PENDING"], to: "SUBMITTED",
    by: ["issuingBank"], roles: BANK_CHECKER, checks: "prepareIssuance", notify: [{ party: "issuingBank", roles: BANK_MAKER }], input: "reason", tone: "secondary",
  },

  // ---- Advising ---------------------------------------------------------------------------
  adviseCredit: {
    subject: "credit", label: "Advise to beneficiary", from: ["ISSUED"], to: "ADVISED",
    by: ["advisingBank"], roles: BANK_OFFICER, fourEyes: { approval: "CONFIRMATION", onlyIf: "addConfirmation" },
    milestone: "CREDIT_ADVISED", notify: ["beneficiary", "applicant", "issuingBank"], input: "advice", tone: "primary",
    confirm: "You confirm the credit's apparent authenticity to the beneficiary (UCP 600 art. 9).",
  },
  approveConfirmation: {
    subject: "credit", label: "Approve confirmation and advise", from: ["ISSUED"], to: "ADVISED",
    by: ["advisingBank"], roles: BANK_CHECKER, checks: "adviseCredit", decides: "approve", milestone: "CREDIT_ADVISED",
    notify: ["beneficiary", "applicant", "issuingBank", { party: "advisingBank", roles: BANK_MAKER }], input: "none", tone: "primary",
    confirm: "Your bank adds its confirmation: it undertakes to honour a complying presentation itself (UCP 600 art. 8). This cannot be undone.",
  },
  rejectConfirmation: {
    subject: "credit", label: "Send back to maker", from: ["ISSUED"], to: null,
    by: ["advisingBank"], roles: BANK_CHECKER, checks: "adviseCredit", decides: "sendBack", notify: [{ party: "advisingBank", roles: BANK_MAKER }], input: "reason", tone: "secondary",
  },
  expireCredit: {
    subject: "credit", label: "Mark expired", from: OPERATIVE, to: "EXPIRED",
    by: "system", roles: [], milestone: "CREDIT_EXPIRED", notify: ["applicant", "beneficiary", "issuingBank", "advisingBank", "confirmingBank"], input: "none",
  },

  // ---- Amendments (UCP 600 art. 10) -----------------------------------------------------------
  requestAmendment: {
    subject: "amendment", label: "Request an amendment", from: "create", to: "REQUESTED", creditIn: OPERATIVE,
    by: ["applicant"], roles: TRADER, notify: ["beneficiary", { party: "issuingBank", roles: BANK_OFFICER }], input: "amendment",
  },
  requestCancellation: {
    subject: "amendment", label: "Request cancellation", from: "create", to: "REQUESTED", creditIn: OPERATIVE,
    by: ["applicant"], roles: TRADER, notify: ["beneficiary", { party: "issuingBank", roles: BANK_OFFICER }], input: "reason", tone: "danger",
    confirm: "The credit is cancelled only if the issuing bank agrees and the beneficiary consents.",
  },
  withdrawAmendment: {
    subject: "amendment", label: "Withdraw request", from: ["REQUESTED"], to: "WITHDRAWN", creditIn: OPERATIVE,
    by: ["applicant"], roles: TRADER, notify: ["beneficiary", "issuingBank"], input: "none", tone: "secondary",
  },
  declineAmendment: {
    subject: "amendment", label: "Decline request", from: ["REQUESTED"], to: "DECLINED", creditIn: OPERATIVE,
    by: ["issuingBank"], roles: BANK_OFFICER, notify: ["applicant", "beneficiary"], input: "reason", tone: "danger",
  },
  prepareAmendment: {
    subject: "amendment", label: "Prepare amendment", from: ["REQUESTED"], to: "ISSUANCE_PENDING", creditIn: OPERATIVE,
    by: ["issuingBank"], roles: BANK_MAKER, prepares: "AMENDMENT", notify: [{ party: "issuingBank", roles: BANK_CHECKER }], input: "comment", tone: "primary",
  },
  approveAmendment: {
    subject: "amendment", label: "Approve and issue amendment", from: ["ISSUANCE_PENDING"], to: "ISSUED", creditIn: OPERATIVE,
    by: ["issuingBank"], roles: BANK_CHECKER, checks: "prepareAmendment", milestone: "AMENDMENT_ISSUED",
    notify: ["applicant", "beneficiary", "advisingBank", { party: "issuingBank", roles: BANK_MAKER }], input: "none", tone: "primary",
    confirm: "The bank is irrevocably bound by the amendment from now on (MT707), even before the beneficiary accepts.",
  },
  rejectAmendmentIssuance: {
    subject: "amendment", label: "Send back to maker", from: ["ISSUANCE_PENDING"], to: "REQUESTED", creditIn: OPERATIVE,
    by: ["issuingBank"], roles: BANK_CHECKER, checks: "prepareAmendment", notify: [{ party: "issuingBank", roles: BANK_MAKER }], input: "reason", tone: "secondary",
  },
  adviseAmendment: {
    subject: "amendment", label: "Advise amendment", from: ["ISSUED"], to: "ADVISED", creditIn: OPERATIVE,
    by: ["advisingBank"], roles: BANK_OFFICER, fourEyes: { approval: "CONFIRMATION", onlyIf: "extendConfirmation" },
    milestone: "AMENDMENT_ADVISED", notify: ["beneficiary", "applicant", "issuingBank"], input: "amendmentAdvice", tone: "primary",
  },
  approveConfirmationExtension: {
    subject: "amendment", label: "Approve extending confirmation and advise", from: ["ISSUED"], to: "ADVISED", creditIn: OPERATIVE,
    by: ["advisingBank"], roles: BANK_CHECKER, checks: "adviseAmendment", decides: "approve", milestone: "AMENDMENT_ADVISED",
    notify: ["beneficiary", "applicant", "issuingBank", { party: "advisingBank", roles: BANK_MAKER }], input: "none", tone: "primary",
    confirm: "Your bank's confirmation extends to this amendment: it is irrevocably bound by it from now on (UCP 600 art. 10(b)).",
  },
  rejectConfirmationExtension: {
    subject: "amendment", label: "Send back to maker", from: ["ISSUED"], to: null, creditIn: OPERATIVE,
    by: ["advisingBank"], roles: BANK_CHECKER, checks: "adviseAmendment", decides: "sendBack", notify: [{ party: "advisingBank", roles: BANK_MAKER }], input: "reason", tone: "secondary",
  },
  acceptAmendment: {
    subject: "amendment", label: "Accept amendment", from: ["ADVISED"], to: "ACCEPTED", creditIn: OPERATIVE,
    by: ["beneficiary"], roles: TRADER, milestone: "AMENDMENT_ACCEPTED", notify: ["applicant", "issuingBank", "advisingBank"], input: "none", tone: "primary",
    confirm: "You accept the amendment as a whole (partial acceptance is not allowed). The credit's terms change now.",
  },
  rejectAmendment: {
    subject: "amendment", label: "Reject amendment", from: ["ADVISED"], to: "REJECTED", creditIn: OPERATIVE,
    by: ["beneficiary"], roles: TRADER, milestone: "AMENDMENT_REJECTED", notify: ["applicant", "issuingBank", "advisingBank"], input: "reason", tone: "danger",
    confirm: "You reject the amendment as a whole. The credit's terms stay as they are.",
  },

  // ---- Presentation, examination, settlement ---------------------------------------------------
  startPresentation: {
    subject: "presentation", label: "Start a presentation", from: "create", to: "DRAFT", creditIn: ["ADVISED"],
    by: ["beneficiary"], roles: TRADER, notify: [], input: "none", tone: "primary",
  },
  addDocument: {
    subject: "presentation", label: "Add a document", from: ["DRAFT"], to: null, creditIn: ["ADVISED"],
    by: ["beneficiary"], roles: TRADER, notify: [], input: "document",
  },
  removeDocument: {
    subject: "presentation", label: "Remove document", from: ["DRAFT"], to: null, creditIn: ["ADVISED"],
    by: ["beneficiary"], roles: TRADER, notify: [], input: "documentRef", tone: "secondary",
  },
  presentDocuments: {
    subject: "presentation", label: "Present documents", from: ["DRAFT"], to: "PRESENTED", creditIn: ["ADVISED"], presentedUnder: "ucp",
    by: ["beneficiary"], roles: TRADER, milestone: "DOCUMENTS_PRESENTED", notify: ["issuingBank", "advisingBank", "applicant"], input: "none", tone: "primary",
    confirm: "The documents are presented to the bank as they are; their hashes are anchored on chain.",
  },
  // eUCP v2.1 (docs/EUCP.md): electronic records arrive one by one (art. e6(b)) as the beneficiary
  // adds them; the presentation is made, and the examining bank's clock starts, only with the
  // beneficiary's notice of completeness (arts. e6(c), e7(a)(i)).
  giveNoticeOfCompleteness: {
    subject: "presentation", label: "Give notice of completeness", from: ["DRAFT"], to: "PRESENTED", creditIn: ["ADVISED"], presentedUnder: "eucp",
    by: ["beneficiary"], roles: TRADER, milestone: "NOTICE_OF_COMPLETENESS", notify: ["issuingBank", "advisingBank", "applicant"], input: "none", tone: "primary",
    confirm: "You tell the bank that this eUCP presentation is complete (eUCP art. e6(c)): its five banking days of examination start the banking day after this notice (art. e7(a)(i)). The records' hashes are anchored on chain.",
  },
  // eUCP art. e12: a record that reached the examining bank corrupted is asked for again; the time
  // for examination is suspended until it is re-presented (within 30 calendar days).
  requestRepresentation: {
    subject: "presentation", label: "Ask to re-present a corrupted record", from: ["PRESENTED"], to: null, creditIn: PRESENTED_UNDER, presentedUnder: "eucp",
    ...EXAMINING, roles: BANK_OFFICER, notify: ["beneficiary", "issuingBank", "confirmingBank"], input: "representationRequest", tone: "secondary",
    confirm: "The time for examination is suspended until the beneficiary re-presents the record (eUCP art. e12(b)(i)). If it is not re-presented within 30 calendar days, or by the expiry date if earlier, the bank may treat it as not presented.",
  },
  representRecord: {
    subject: "presentation", label: "Re-present the record", from: ["PRESENTED"], to: null, creditIn: PRESENTED_UNDER, presentedUnder: "eucp",
    by: ["beneficiary"], roles: TRADER, milestone: "RECORD_REPRESENTED", notify: ["issuingBank", "advisingBank"], input: "representation", tone: "primary",
  },
  // A mixed presentation (art. e6(a)(ii)): the examining bank records the day each paper document
  // was received at its counter; the presentation is complete only once all of it is at the bank.
  recordCounterReceipt: {
    subject: "presentation", label: "Record paper received at the counter", from: ["PRESENTED"], to: null, creditIn: PRESENTED_UNDER, presentedUnder: "eucp",
    ...EXAMINING, roles: BANK_OFFICER, notify: ["beneficiary"], input: "counterReceipt", tone: "secondary",
  },
  addFinding: {
    subject: "presentation", label: "Add a discrepancy", from: ["PRESENTED"], to: null, creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_OFFICER, notify: [], input: "finding", tone: "secondary",
  },
  dismissFinding: {
    subject: "presentation", label: "Dismiss", from: ["PRESENTED"], to: null, creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_OFFICER, fourEyes: { approval: "FINDING_DISMISSAL" }, notify: [], input: "findingRef", tone: "secondary",
  },
  approveDismissal: {
    subject: "presentation", label: "Approve dismissal", from: ["PRESENTED"], to: null, creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_CHECKER, checks: "dismissFinding", decides: "approve", notify: [{ party: "issuingBank", roles: BANK_MAKER }], input: "none", tone: "primary",
    confirm: "The finding is dismissed: it will not be a discrepancy of this presentation.",
  },
  rejectDismissal: {
    subject: "presentation", label: "Send back to maker", from: ["PRESENTED"], to: null, creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_CHECKER, checks: "dismissFinding", decides: "sendBack", notify: [{ party: "issuingBank", roles: BANK_MAKER }], input: "reason", tone: "secondary",
  },
  // The examining bank owns the data it examines: a value captured wrongly from a presented
  // document is corrected (and logged), and the automatic examination runs again (issue 13).
  correctDocumentData: {
    subject: "presentation", label: "Correct captured data", from: ["PRESENTED"], to: null, creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_OFFICER, fourEyes: { approval: "DATA_CORRECTION" }, notify: [], input: "correction", tone: "secondary",
  },
  approveCorrection: {
    subject: "presentation", label: "Approve the correction", from: ["PRESENTED"], to: null, creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_CHECKER, checks: "correctDocumentData", decides: "approve", notify: [{ party: "issuingBank", roles: BANK_MAKER }], input: "none", tone: "primary",
    confirm: "The corrected value replaces the captured one, and the automatic examination runs again on it.",
  },
  rejectCorrection: {
    subject: "presentation", label: "Send back to maker", from: ["PRESENTED"], to: null, creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_CHECKER, checks: "correctDocumentData", decides: "sendBack", notify: [{ party: "issuingBank", roles: BANK_MAKER }], input: "reason", tone: "secondary",
  },
  determineCompliant: {
    subject: "presentation", label: "Determine complying", from: ["PRESENTED"], to: "COMPLIANT", creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_OFFICER, fourEyes: { approval: "COMPLIANCE" }, milestone: "PRESENTATION_COMPLIANT",
    notify: ["beneficiary", "applicant", "advisingBank"], input: "none", tone: "primary",
    confirm: "The presentation complies: the bank must honour it (UCP 600 art. 15).",
  },
  approveCompliance: {
    subject: "presentation", label: "Approve: complying", from: ["PRESENTED"], to: "COMPLIANT", creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_CHECKER, checks: "determineCompliant", decides: "approve", milestone: "PRESENTATION_COMPLIANT",
    notify: ["beneficiary", "applicant", "advisingBank", { party: "issuingBank", roles: BANK_MAKER }], input: "none", tone: "primary",
    confirm: "The presentation complies: the bank must honour it (UCP 600 art. 15). This cannot be undone.",
  },
  rejectCompliance: {
    subject: "presentation", label: "Send back to maker", from: ["PRESENTED"], to: null, creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_CHECKER, checks: "determineCompliant", decides: "sendBack", notify: [{ party: "issuingBank", roles: BANK_MAKER }], input: "reason", tone: "secondary",
  },
  notifyDiscrepancies: {
    subject: "presentation", label: "Send discrepancy notice", from: ["PRESENTED"], to: "DISCREPANT", creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_OFFICER, fourEyes: { approval: "DISCREPANCY_NOTICE" }, milestone: "DISCREPANCIES_NOTIFIED",
    notify: ["beneficiary", "applicant", "advisingBank"], input: "notice", tone: "danger",
    confirm: "One notice lists every discrepancy (UCP 600 art. 16(c)); none can be added later.",
  },
  approveNotice: {
    subject: "presentation", label: "Approve and send notice", from: ["PRESENTED"], to: "DISCREPANT", creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_CHECKER, checks: "notifyDiscrepancies", decides: "approve", milestone: "DISCREPANCIES_NOTIFIED",
    notify: ["beneficiary", "applicant", "advisingBank", { party: "issuingBank", roles: BANK_MAKER }], input: "none", tone: "primary",
    confirm: "One notice lists every discrepancy (UCP 600 art. 16(c)); none can be added later.",
  },
  rejectNotice: {
    subject: "presentation", label: "Send back to maker", from: ["PRESENTED"], to: null, creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_CHECKER, checks: "notifyDiscrepancies", decides: "sendBack", notify: [{ party: "issuingBank", roles: BANK_MAKER }], input: "reason", tone: "secondary",
  },
  waiveDiscrepancies: {
    subject: "presentation", label: "Waive discrepancies", from: ["DISCREPANT"], to: "WAIVED", creditIn: PRESENTED_UNDER,
    by: ["applicant"], roles: TRADER, milestone: "DISCREPANCIES_WAIVED", notify: ["issuingBank", "beneficiary"], input: "waiver", tone: "primary",
    confirm: "You accept the documents despite the discrepancies; the bank decides whether to accept your waiver and pay (UCP 600 art. 16(b)).",
  },
  acceptWaiver: {
    subject: "presentation", label: "Accept the waiver", from: ["WAIVED"], to: "WAIVER_ACCEPTED", creditIn: PRESENTED_UNDER,
    by: ["issuingBank"], roles: BANK_OFFICER, fourEyes: { approval: "WAIVER_ACCEPTANCE" }, notify: ["applicant", "beneficiary"], input: "none", tone: "primary",
    confirm: "The bank accepts the applicant's waiver: it will honour the presentation despite the discrepancies (UCP 600 art. 16(b)).",
  },
  approveWaiverAcceptance: {
    subject: "presentation", label: "Approve accepting the waiver", from: ["WAIVED"], to: "WAIVER_ACCEPTED", creditIn: PRESENTED_UNDER,
    by: ["issuingBank"], roles: BANK_CHECKER, checks: "acceptWaiver", decides: "approve",
    notify: ["applicant", "beneficiary", { party: "issuingBank", roles: BANK_MAKER }], input: "none", tone: "primary",
    confirm: "The bank accepts the applicant's waiver: it will honour the presentation despite the discrepancies (UCP 600 art. 16(b)).",
  },
  rejectWaiverAcceptance: {
    subject: "presentation", label: "Send back to maker", from: ["WAIVED"], to: null, creditIn: PRESENTED_UNDER,
    by: ["issuingBank"], roles: BANK_CHECKER, checks: "acceptWaiver", decides: "sendBack", notify: [{ party: "issuingBank", roles: BANK_MAKER }], input: "reason", tone: "secondary",
  },
  refusePresentation: {
    subject: "presentation", label: "Refuse and return documents", from: ["DISCREPANT", "WAIVED"], to: "REFUSED", creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_OFFICER, fourEyes: { approval: "REFUSAL" }, milestone: "PRESENTATION_REFUSED",
    notify: ["beneficiary", "applicant", "advisingBank"], input: "reason", tone: "danger",
    confirm: "The bank refuses the presentation and returns the documents. This cannot be undone.",
  },
  approveRefusal: {
    subject: "presentation", label: "Approve refusal", from: ["DISCREPANT", "WAIVED"], to: "REFUSED", creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_CHECKER, checks: "refusePresentation", decides: "approve", milestone: "PRESENTATION_REFUSED",
    notify: ["beneficiary", "applicant", "advisingBank", { party: "issuingBank", roles: BANK_MAKER }], input: "none", tone: "danger",
    confirm: "The bank refuses the presentation and returns the documents. This cannot be undone.",
  },
  rejectRefusal: {
    subject: "presentation", label: "Send back to maker", from: ["DISCREPANT", "WAIVED"], to: null, creditIn: PRESENTED_UNDER,
    ...EXAMINING, roles: BANK_CHECKER, checks: "refusePresentation", decides: "sendBack", notify: [{ party: "issuingBank", roles: BANK_MAKER }], input: "reason", tone: "secondary",
  },
  preparePayment: {
    subject: "presentation", label: "Prepare payment", from: ["COMPLIANT", "WAIVER_ACCEPTED"], to: "PAYMENT_PENDING", creditIn: PRESENTED_UNDER,
    ...PAYING, roles: BANK_MAKER, prepares: "PAYMENT", whenFourEyes: "on", notify: [{ party: "issuingBank", roles: BANK_CHECKER }], input: "payment", tone: "primary",
  },
  approvePayment: {
    subject: "presentation", label: "Approve payment", from: ["PAYMENT_PENDING"], to: "PAID", creditIn: PRESENTED_UNDER,
    ...PAYING, roles: BANK_CHECKER, checks: "preparePayment", milestone: "PAYMENT_RECORDED",
    notify: ["beneficiary", "applicant", "advisingBank", { party: "issuingBank", roles: BANK_MAKER }], input: "none", tone: "primary",
    confirm: "Payment is recorded (MT756) and the documents are released to the applicant. This cannot be undone.",
  },
  rejectPayment: {
    subject: "presentation", label: "Send back to maker", from: ["PAYMENT_PENDING"], to: "previous", creditIn: PRESENTED_UNDER,
    ...PAYING, roles: BANK_CHECKER, checks: "preparePayment", notify: [{ party: "issuingBank", roles: BANK_MAKER }], input: "reason", tone: "secondary",
  },
  // A bank with four eyes off pays in one step: one officer is the payment's maker and checker.
  // (A payment prepared before the bank turned four eyes off is still approved or sent back above.)
  recordPayment: {
    subject: "presentation", label: "Record payment", from: ["COMPLIANT", "WAIVER_ACCEPTED"], to: "PAID", creditIn: PRESENTED_UNDER,
    ...PAYING, roles: BANK_OFFICER, whenFourEyes: "off", milestone: "PAYMENT_RECORDED",
    notify: ["beneficiary", "applicant", "advisingBank"], input: "payment", tone: "primary",
    confirm: "Payment is recorded (MT756) and the documents are released to the applicant. Your bank works without four eyes: no checker approves it, and this cannot be undone.",
  },
  // Art. 15(c): a nominated or confirming bank that determined the documents complying forwards
  // them to the issuing bank, which examines them within five banking days of its own following
  // receipt (art. 14(b)). Once per presentation (the handler refuses a second forwarding); only
  // where the documents were examined by the bank at the place of presentation, not the issuing bank.
  forwardDocuments: {
    subject: "presentation", label: "Forward documents to the issuing bank", from: ["COMPLIANT", "PAYMENT_PENDING", "PAID"], to: null, creditIn: PRESENTED_UNDER,
    by: ["advisingBank"], bank: "examining", roles: BANK_OFFICER, milestone: "DOCUMENTS_FORWARDED",
    notify: ["issuingBank", "beneficiary"], input: "none", tone: "secondary",
    confirm: "The documents go to the issuing bank, which has five banking days of its own following receipt to examine them (UCP 600 arts. 15(c), 14(b)). This cannot be undone.",
  },
} as const satisfies Record<string, AnyActionRule>;

export type ActionName = keyof typeof ACTIONS;
export type Action = (typeof ACTIONS)[ActionName];
export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

export const actionRule = (name: ActionName): AnyActionRule => ACTIONS[name];

/** The kind of approval a checker's step decides on (from the maker's step it `checks`). */
export function approvalKindChecked(rule: AnyActionRule): ApprovalKind | null {
  if (!rule.checks) return null;
  const maker = actionRule(rule.checks as ActionName);
  return maker.prepares ?? maker.fourEyes?.approval ?? null;
}

/** Is this step held for a checker when the acting bank works under four eyes (for this input)? */
export function heldForChecker(rule: AnyActionRule, fourEyesOn: boolean, input?: unknown): boolean {
  if (!rule.fourEyes || !fourEyesOn) return false;
  const flag = rule.fourEyes.onlyIf;
  return !flag || (typeof input === "object" && input !== null && (input as Record<string, unknown>)[flag] === true);
}

/** Milestones written by the system rather than by an action (on top of the actions' own). */
export const DERIVED_MILESTONES = {
  /** When an accepted amendment was a cancellation. */
  cancellation: "CREDIT_CANCELLED",
  /** When a payment draws the credit fully (or no further drawing is possible). */
  settlement: "CREDIT_SETTLED",
} as const satisfies Record<string, MilestoneKind>;

export const CREDIT_STATES: readonly CreditStatus[] = [
  "DRAFT", "WITH_BENEFICIARY", "WITH_APPLICANT", "AGREED", "SUBMITTED", "ISSUANCE_PENDING", "ISSUED", "ADVISED", "SETTLED", "EXPIRED", "CANCELLED", "WITHDRAWN",
];
export const AMENDMENT_STATES: readonly AmendmentStatus[] = ["REQUESTED", "ISSUANCE_PENDING", "ISSUED", "ADVISED", "ACCEPTED", "REJECTED", "DECLINED", "WITHDRAWN"];
export const PRESENTATION_STATES: readonly PresentationStatus[] = ["DRAFT", "PRESENTED", "COMPLIANT", "DISCREPANT", "WAIVED", "WAIVER_ACCEPTED", "REFUSED", "PAYMENT_PENDING", "PAID"];
export const STATES: { [S in Subject]: readonly SubjectStates[S][] } = { credit: CREDIT_STATES, amendment: AMENDMENT_STATES, presentation: PRESENTATION_STATES };
