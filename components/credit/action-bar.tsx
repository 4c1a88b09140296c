import { randomUUID } from "node:crypto";
import type { CreditDetail } from "@/lib/credits/get-credit";
import { type ActionName, actionRule } from "@/lib/lifecycle/definition";
import { actionWording } from "@/lib/lifecycle/words";
import { dateWarnings } from "@/components/terms/date-warnings";
import { LinkButton } from "@/components/ui/link-button";
import { ActionForm, type ActionInputKind } from "./action-form";

// The buttons the lifecycle allows this user now, for the credit or one of its subjects.
// Terms-editing actions open the terms editor; everything else is a button or a dialog.

const TERMS_INPUTS = new Set(["terms", "amendment"]);
const DIALOG_INPUTS = new Set<string>(["none", "comment", "reason", "issuance", "advice", "payment"]);
/** The issuance steps show the terms' date warnings before the bank acts. */
const ISSUANCE_STEPS = new Set<ActionName>(["submitApplication", "prepareIssuance", "approveIssuance"]);

export function ActionButtons({
  credit,
  actions,
  subjectId,
  extra,
  cancellation = false,
}: {
  credit: Pick<CreditDetail, "id" | "version" | "currency" | "terms">;
  actions: ActionName[];
  subjectId?: string;
  extra?: { defaultAmount?: string; needsDueDate?: boolean };
  /** The subject is a cancellation request: its steps speak of cancelling the credit. */
  cancellation?: boolean;
}) {
  const issuanceWarnings = credit.terms ? dateWarnings(credit.terms) : [];
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
            {...extra}
          />
        );
      })}
    </div>
  );
}

const rank = (tone: string | undefined) => (tone === "primary" ? 0 : tone === "danger" ? 2 : 1);
