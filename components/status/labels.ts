import type { AmendmentStatus, AnchorStatus, CreditStatus, MemberRole, MilestoneKind, OrganizationKind, PresentationStatus } from "@/lib/generated/prisma/enums";

// Badge and heading words for every state, in trade-finance English. Sentence forms ("while the
// credit is ...") live in lib/lifecycle/words.ts. Type-only imports: client components use this.

export const CREDIT_STATUS_LABELS: Record<CreditStatus, string> = {
  DRAFT: "Draft",
  WITH_BENEFICIARY: "With beneficiary",
  WITH_APPLICANT: "With applicant",
  AGREED: "Terms agreed",
  SUBMITTED: "Submitted to bank",
  ISSUANCE_PENDING: "Issuance awaiting approval",
  ISSUED: "Issued",
  ADVISED: "Advised",
  SETTLED: "Settled",
  EXPIRED: "Expired",
  CANCELLED: "Cancelled",
  WITHDRAWN: "Withdrawn",
};

export const AMENDMENT_STATUS_LABELS: Record<AmendmentStatus, string> = {
  REQUESTED: "Requested",
  ISSUANCE_PENDING: "Awaiting approval",
  ISSUED: "Issued",
  ADVISED: "Advised to beneficiary",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
  DECLINED: "Declined by bank",
  WITHDRAWN: "Withdrawn",
};

export const PRESENTATION_STATUS_LABELS: Record<PresentationStatus, string> = {
  DRAFT: "Being assembled",
  PRESENTED: "Under examination",
  COMPLIANT: "Complying",
  DISCREPANT: "Discrepant",
  WAIVED: "Waived, awaiting the bank",
  WAIVER_ACCEPTED: "Waiver accepted",
  REFUSED: "Refused",
  PAYMENT_PENDING: "Payment awaiting approval",
  PAID: "Paid",
};

export const MILESTONE_KIND_LABELS: Record<MilestoneKind, string> = {
  TERMS_AGREED: "Terms agreed",
  CREDIT_ISSUED: "Credit issued",
  CREDIT_ADVISED: "Credit advised",
  AMENDMENT_ISSUED: "Amendment issued",
  AMENDMENT_ADVISED: "Amendment advised",
  AMENDMENT_ACCEPTED: "Amendment accepted",
  AMENDMENT_REJECTED: "Amendment rejected",
  DOCUMENTS_PRESENTED: "Documents presented",
  NOTICE_OF_COMPLETENESS: "Notice of completeness (eUCP)",
  RECORD_REPRESENTED: "Electronic record re-presented (eUCP e12)",
  PRESENTATION_COMPLIANT: "Presentation complying",
  DISCREPANCIES_NOTIFIED: "Notice of discrepancies",
  DISCREPANCIES_WAIVED: "Discrepancies waived",
  PRESENTATION_REFUSED: "Presentation refused",
  PAYMENT_RECORDED: "Payment recorded",
  CREDIT_SETTLED: "Credit settled",
  CREDIT_EXPIRED: "Credit expired",
  CREDIT_CANCELLED: "Credit cancelled",
  DOCUMENTS_FORWARDED: "Documents forwarded to the issuing bank",
};

/** Where a milestone is on its way to the chain. */
export const ANCHOR_STATUS_LABELS: Record<AnchorStatus, string> = {
  PENDING: "Waiting to be anchored",
  BATCHED: "Being anchored",
  ANCHORED: "Anchored on chain",
};

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  MAKER: "Maker",
  CHECKER: "Checker",
  ADMIN: "Admin",
  VIEWER: "Viewer",
};

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  BANK: "Bank",
  CORPORATE: "Trader",
  AUDITOR: "Audit firm",
  OPERATOR: "Platform operator",
};
