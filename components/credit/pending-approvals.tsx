import type { CreditDetail } from "@/lib/credits/get-credit";
import type { Party } from "@/lib/lifecycle/definition";
import { Alert } from "@/components/ui/alert";
import { ApprovalSummary, approvalTitle } from "./approval-summary";

// The "waiting for a checker" panel: every approval pending on the credit itself or on one of
// its amendments or presentations, shown to the bank whose maker prepared it.

/** The bank whose users prepare and approve each kind of approval. */
const OWNER: Record<string, Party> = { CONFIRMATION: "advisingBank" };

export function PendingApprovals({ credit, subjectId = null, claimedAmount }: { credit: CreditDetail; subjectId?: string | null; claimedAmount?: string | null }) {
  const pending = credit.pendingApprovals.filter((a) => a.subjectId === subjectId && credit.myParties.includes(OWNER[a.kind] ?? "issuingBank"));
  if (pending.length === 0) return null;
  return (
    <>
      {pending.map((approval) => (
        <Alert key={approval.id} tone="info" title={approvalTitle(approval)} className="mb-6">
          <ApprovalSummary approval={approval} currency={credit.currency} claimedAmount={claimedAmount} />
          <p className="mt-2 text-slate-700">A different user with the checker role approves it or sends it back (four eyes).</p>
        </Alert>
      ))}
    </>
  );
}
