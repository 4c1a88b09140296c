import { randomUUID } from "node:crypto";
import type { CreditDetail } from "@/lib/credits/get-credit";
import { type ActionName, actionRule, approvalKindChecked, heldForChecker } from "@/lib/lifecycle/definition";
import { actionWording } from "@/lib/lifecycle/words";
import { dateWarnings } from "@/components/terms/date-warnings";
import { LinkButton } from "@/components/ui/link-button";
import { formatMoney } from "@/components/ui/money";
import { ActionForm } from "./action-form";
import { type ActionInputKind, DIALOG_INPUT_KINDS } from "./action-inputs";
import { ApprovalSummary } from "./approval-summary";

// The buttons the lifecycle allows this user now, for the credit or one of its subjects.
// Terms-editing actions open the terms editor; everything else is a button or a dialog.

const TERMS_INPUTS = new Set(["terms", "amendment"]);
const DIALOG_INPUTS = new Set<string>(DIALOG_INPUT_KINDS);
/** The issuance steps show the terms' date warnings before the bank acts. */
const ISSUANCE_STEPS = new Set<ActionName>(["submitApplication", "prepareIssuance", "approveIssuance"]);

export function ActionButtons({
  credit,
  actions,
  subjectId,
  extra,
  cancellation = false,
}: {
  credit: Pick<CreditDetail, "id" | "version" | "currency" | "amount" | "terms" | "pendingApprovals" | "fourEyes" | "parties">;
  actions: ActionName[];
  subjectId?: string;
  extra?: { defaultAmount?: string; needsDueDate?: boolean; claimedAmount?: string | null; discrepancies?: { id: string; article: string; message: string; found: string | null }[] };
  /** The subject is a cancellation request: its steps speak of cancelling the credit. */
  cancellation?: boolean;
}) {
  const issuanceWarnings = credit.terms ? dateWarnings(credit.terms) : [];
  const { claimedAmount, ...formExtra } = extra ?? {};
  // A checker's dialog shows exactly what is approved; a maker's says when it waits for a checker.
  const summaryFor = (name: ActionName) => {
    const rule = actionRule(name);
    const kind = approvalKindChecked(rule);
    if (kind) {
      const approval = credit.pendingApprovals.find((a) => a.kind === kind && a.subjectId === (subjectId ?? null));
      return approval ? <ApprovalSummary approval={approval} currency={credit.currency} claimedAmount={claimedAmount} creditAmount={credit.amount} /> : undefined;
    }
    const notes: string[] = [];
    if (rule.input === "payment") notes.push(claimedAmount ? `The presentation claims ${formatMoney(credit.currency, claimedAmount)}: the payment cannot exceed it.` : "This presentation claims no amount: nothing can be paid against it.");
    if (rule.fourEyes && credit.fourEyes) {
      notes.push(heldForChecker(rule, true) ? "Your bank works under four eyes: this is prepared for a checker and takes effect once a different user approves it." : "Under four eyes, adding confirmation is prepared for a checker and takes effect once a different user approves it.");
    }
    if (rule.prepares) notes.push("A different user with the checker role must approve it (four eyes).");
    return notes.length > 0 ? (
      <div className="space-y-1 text-sm text-slate-700">
        {notes.map((note) => (
          <p key={note}>{note}</p>
        ))}
      </div>
    ) : undefined;
  };
  const confirmsCredit = credit.parties.confirmingBank !== null && credit.parties.confirmingBank?.id === credit.parties.advisingBank.id;
  const ordered = [...actions].sort((a, b) => rank(actionRule(a).tone) - rank(actionRule(b).tone));
  return (
    <div className="flex flex-wrap items-start gap-2">
      {ordered.map((name) => {
        const rule = actionRule(name);
        const wording = actionWording(name, { cancellation });
        if (TERMS_INPUTS.has(rule.input)) {
          return (
            <LinkButton key={name} href={`/credits/${credit.id}/terms?action=${name}`} variant={rule.tone === "primary" ? "primary" : "secondary"}>
              {rule.label}
            </LinkButton>
          );
        }
        if (!DIALOG_INPUTS.has(rule.input)) return null; // document and finding actions live in the presentation view
        return (
          <ActionForm
            key={name}
            action={name}
            label={wording.label}
            tone={rule.tone}
            input={rule.input as ActionInputKind}
            confirm={wording.confirm}
            creditId={credit.id}
            subjectId={subjectId}
            version={credit.version}
            idempotencyKey={randomUUID()}
            confirmationAllowed={credit.terms ? credit.terms.confirmation !== "WITHOUT" : false}
            currency={credit.currency}
            warnings={ISSUANCE_STEPS.has(name) ? issuanceWarnings : undefined}
            confirmingAmendment={rule.input === "amendmentAdvice" && confirmsCredit}
            summary={summaryFor(name)}
            {...formExtra}
          />
        );
      })}
    </div>
  );
}

const rank = (tone: string | undefined) => (tone === "primary" ? 0 : tone === "danger" ? 2 : 1);
