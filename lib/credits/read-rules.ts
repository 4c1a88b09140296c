import type { PresentationStatus } from "@/lib/generated/prisma/enums";
import { ACTION_NAMES, type ActionName, type Party, actionRule } from "@/lib/lifecycle/definition";

// What each party reads of a credit, by stage (issue 12, L2 and L3). The lifecycle table
// (lib/lifecycle/definition.ts) says who may act; these rules say who may read what they did:
//
//   - a draft presentation, its documents and their data stay with the beneficiary until it is
//     presented; a document the beneficiary removed from a draft stays with the beneficiary;
//   - the applicant reads the documents once the bank releases them (a notice of discrepancies
//     for its waiver, or payment);
//   - the examining banks (issuing and confirming, and a nominated bank that examines the
//     presentation, issue 13 item 7) read the findings as they examine; everyone
//     else reads them once the bank has decided, and then only the discrepancies it kept, never
//     a dismissal or its reason;
//   - a bank's own workflow (a maker's prepared step waiting for its checker, a checker sending
//     it back, the findings it adds or dismisses) stays with that bank.
//
// Auditors with a grant read what the banks read, dismissals included: their work is to check
// the banks' examination and four eyes. Nobody else reads drafts.

export interface Reader {
  /** The parties the reader's organisation plays in this credit (none for an auditor). */
  parties: readonly Party[];
  auditing: boolean;
}

/** The presentation statuses in which the applicant holds the documents. */
export const RELEASED_TO_APPLICANT: readonly PresentationStatus[] = ["DISCREPANT", "WAIVED", "WAIVER_ACCEPTED", "PAYMENT_PENDING", "PAID"];
const EXAMINING: readonly Party[] = ["issuingBank", "confirmingBank"];
const BANKS: readonly Party[] = ["issuingBank", "advisingBank", "confirmingBank"];

export function readsPresentation(reader: Reader, status: PresentationStatus): boolean {
  return status !== "DRAFT" || reader.parties.includes("beneficiary");
}

/** Whether the reader reads a document: attached to a presentation in `status`, or removed from one (null). */
export function readsDocument(reader: Reader, status: PresentationStatus | null): boolean {
  if (reader.parties.includes("beneficiary")) return true;
  if (status === null || status === "DRAFT") return false;
  if (reader.auditing || reader.parties.some((p) => BANKS.includes(p))) return true;
  return reader.parties.includes("applicant") && RELEASED_TO_APPLICANT.includes(status);
}

/**
 * Which findings the reader reads: all of them (dismissals and reasons too), the kept ones, or none.
 * `examinesIt`: the reader's organisation is the presentation's examining bank (a nominated bank
 * the credit is available with examines it, issue 13 item 7).
 */
export function readsFindings(reader: Reader, status: PresentationStatus, examinesIt = false): "all" | "kept" | "none" {
  if (status === "DRAFT") return "none";
  if (examinesIt || reader.auditing || reader.parties.some((p) => EXAMINING.includes(p))) return "all";
  // Presented and not yet decided: the bank has told no one.
  return status === "PRESENTED" ? "none" : "kept";
}

/** Steps that are a bank's own workflow: a maker's step for a checker, a checker's sending back, adding or dismissing findings. */
export const INTERNAL_ACTIONS: ReadonlySet<ActionName> = new Set(
  ACTION_NAMES.filter((name) => {
    const { prepares, checks } = actionRule(name) as { prepares?: string; checks?: string };
    if (prepares) return true;
    if (checks && name.startsWith("reject")) return true;
    return name === "addFinding" || name === "dismissFinding" || name === "approveDismissal" || name === "correctDocumentData" || name === "approveCorrection";
  }),
);

/** Whether the reader reads an event: another organisation's internal steps (and any step held for a checker) are not shown. */
export function readsEvent(reader: Reader, readerOrgId: string, event: { action: string; actorOrgId: string | null; data: unknown }): boolean {
  if (reader.auditing || event.actorOrgId === readerOrgId) return true;
  const held = (event.data as { held?: unknown } | null)?.held === true;
  return !held && !INTERNAL_ACTIONS.has(event.action as ActionName);
}
