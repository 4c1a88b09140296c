import type { CreditDetail } from "@/lib/credits/get-credit";
import type { Party } from "@/lib/lifecycle/definition";
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
        // A region, not an alert: it is the page's standing state, not news to interrupt with.
        <section key={approval.id} aria-labelledby={`approval-${approval.id}`} className="mb-6 rounded-lg border border-info-200 bg-info-50 px-4 py-3 text-sm text-slate-800">
          <h2 id={`approval-${approval.id}`} className="mb-2 font-semibold text-info-900">
            {approvalTitle(approval)}
          </h2>
          <ApprovalSummary approval={approval} currency={credit.currency} claimedAmount={claimedAmount} creditAmount={credit.amount} />
          <p className="mt-2 text-slate-700">A different user with the checker role approves it or sends it back (four eyes).</p>
        </section>
      ))}
    </>
  );
}
