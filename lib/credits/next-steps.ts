import type { ApprovalKind, CreditStatus } from "@/lib/generated/prisma/enums";
import { type ActingUser, type CreditParties, availableCreditActions, availableSubjectActions } from "@/lib/lifecycle/authorize";
import { ACTION_NAMES, type ActionName, type Subject, actionRule } from "@/lib/lifecycle/definition";
import { itemHref } from "./links";

// "What you can do now", derived from the lifecycle definition: the steps the workflow waits for
// (the definition's primary steps) that authorize.ts allows this user on the credit and on each
// of its amendments and presentations, each linking to the exact item. Pure: the caller loads
// the facts. The dashboard's "waiting for you" and the credit page's banner both use it.

/** The steps the workflow waits for: the definition's primary steps, except starting something new. */
export const AWAITED: ReadonlySet<ActionName> = new Set(
  ACTION_NAMES.filter((name) => {
    const rule = actionRule(name);
    return rule.tone === "primary" && rule.from !== "create" && rule.by !== "system";
  }),
);

/**
 * An examined presentation has one way forward, set by its open findings: with none, the bank
 * determines it complying; with any, that step is refused (the handler says so) and the one
 * notice of every discrepancy (art. 16(c)) is what the workflow waits for instead.
 */
function fitsFindings(name: ActionName, openFindings: number): boolean {
  if (name === "determineCompliant") return openFindings === 0;
  if (name === "notifyDiscrepancies") return openFindings > 0;
  return true;
}
const EXAMINATION_STEPS: ReadonlySet<ActionName> = new Set(["determineCompliant", "notifyDiscrepancies"]);

/** Of the actions authorize.ts allows on one item, those the workflow waits for now. */
export function awaitedOf(actions: readonly ActionName[], openFindings = 0): ActionName[] {
  return actions.filter((action) => (AWAITED.has(action) || EXAMINATION_STEPS.has(action)) && fitsFindings(action, openFindings));
}

export interface PendingApprovalFact {
  kind: ApprovalKind;
  makerId: string;
  subjectId: string | null;
}

export interface CreditFacts extends CreditParties {
  id: string;
  status: CreditStatus;
  /** Approvals awaiting a checker (at most one on the credit and one per subject). */
  approvals: readonly PendingApprovalFact[];
  amendments: readonly { id: string; number: number; status: string }[];
  /** examiningBankId: the bank that examines it (fixed at presentation; null while a draft). */
  presentations: readonly { id: string; number: number; status: string; openFindings: number; examinationDeadline: Date | null; examiningBankId: string | null; eucp?: boolean }[];
}

export interface NextStep {
  action: ActionName;
  label: string;
  subject: Subject;
  subjectId: string | null;
  /** "Amendment 2", "Presentation 1", or null for the credit itself. */
  item: string | null;
  href: string;
  /** For a presentation under examination: the art. 14(b) deadline. */
  examinationDeadline: Date | null;
}

const pendingOn = (facts: CreditFacts, subjectId: string | null) => {
  const approval = facts.approvals.find((a) => a.subjectId === subjectId);
  return approval ? { kind: approval.kind, makerId: approval.makerId } : null;
};

/**
 * The awaited steps this user can take now on the credit and its items, credit first.
 * `fourEyes`: the user's organisation's setting (a bank with it off records a payment in one step).
 */
export function nextSteps(actor: ActingUser, facts: CreditFacts, { fourEyes }: { fourEyes: boolean }): NextStep[] {
  const steps: NextStep[] = [];
  const credit = facts;
  for (const action of awaitedOf(availableCreditActions(actor, { credit, pending: pendingOn(facts, null), fourEyes }))) {
    steps.push({ action, label: actionRule(action).label, subject: "credit", subjectId: null, item: null, href: itemHref(facts.id, "credit", null), examinationDeadline: null });
  }
  for (const amendment of facts.amendments) {
    for (const action of awaitedOf(availableSubjectActions(actor, "amendment", { credit, subjectState: amendment.status, pending: pendingOn(facts, amendment.id), fourEyes }))) {
      steps.push({ action, label: actionRule(action).label, subject: "amendment", subjectId: amendment.id, item: `Amendment ${amendment.number}`, href: itemHref(facts.id, "amendment", amendment.id), examinationDeadline: null });
    }
  }
  for (const presentation of facts.presentations) {
    const allowed = availableSubjectActions(actor, "presentation", { credit, subjectState: presentation.status, pending: pendingOn(facts, presentation.id), fourEyes, examiningBankId: presentation.examiningBankId, eucp: presentation.eucp ?? false });
    for (const action of awaitedOf(allowed, presentation.openFindings)) {
      const examining = presentation.status === "PRESENTED";
      steps.push({
        action,
        label: actionRule(action).label,
        subject: "presentation",
        subjectId: presentation.id,
        item: `Presentation ${presentation.number}`,
        href: itemHref(facts.id, "presentation", presentation.id),
        examinationDeadline: examining ? presentation.examinationDeadline : null,
      });
    }
  }
  return steps;
}
