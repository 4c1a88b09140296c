import type { ApprovalKind } from "@/lib/generated/prisma/enums";
import type { CreditDetail } from "@/lib/credits/get-credit";
import { type ActionName, actionRule } from "@/lib/lifecycle/definition";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { formatMoney } from "@/components/ui/money";
import { formatUtcDateTime } from "@/components/ui/time";

// What a checker approves (four eyes): who prepared it and when, the amounts, and each thing the
// step changes from what to what. The same block is shown in the "waiting for a checker" panel
// and inside the checker's confirm dialog, so nobody approves blind.

export type PendingApproval = CreditDetail["pendingApprovals"][number];

interface Change {
  label: string;
  before: string;
  after: string;
}

const KIND_TITLES: Record<ApprovalKind, string> = {
  ISSUANCE: "Issuance",
  AMENDMENT: "Amendment",
  PAYMENT: "Payment",
  CONFIRMATION: "Adding confirmation",
  COMPLIANCE: "Declaring the presentation complying",
  DISCREPANCY_NOTICE: "Notice of discrepancies",
  FINDING_DISMISSAL: "Dismissing a finding",
  DATA_CORRECTION: "Correcting captured document data",
  REFUSAL: "Refusal",
  WAIVER_ACCEPTANCE: "Accepting the applicant's waiver",
};

/** "Payment prepared by Ana Maker" as a panel's title. */
export function approvalTitle(approval: PendingApproval): string {
  const payload = approval.payload as { action?: string };
  const label = payload.action ? actionRule(payload.action as ActionName).label : KIND_TITLES[approval.kind as ApprovalKind] ?? approval.kind;
  return `${label}: prepared by ${approval.maker}, waiting for a checker`;
}

export function ApprovalSummary({ approval, currency, claimedAmount, creditAmount }: { approval: PendingApproval; currency: string; claimedAmount?: string | null; creditAmount?: string }) {
  const payload = (approval.payload ?? {}) as { summary?: string; changes?: Change[]; amount?: string; creditNumber?: string; bankConditions?: string; dueDate?: string | null };
  const money = (amount: string) => formatMoney(currency, amount);
  return (
    <div className="space-y-3 text-sm" data-testid="approval-summary">
      {payload.summary ? <p className="font-medium text-slate-900">{payload.summary}</p> : null}
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
        <dt className="text-slate-600">Prepared by</dt>
        <dd className="font-medium text-slate-900" data-testid="approval-maker">
          {approval.maker}
        </dd>
        <dt className="text-slate-600">Prepared on</dt>
        <dd className="text-slate-900">
          <time dateTime={new Date(approval.createdAt).toISOString()}>{formatUtcDateTime(new Date(approval.createdAt))}</time>
        </dd>
        {approval.kind === "PAYMENT" && payload.amount ? (
          <>
            <dt className="text-slate-600">Amount to pay</dt>
            <dd className="font-semibold tabular-nums text-slate-900" data-testid="approval-amount">
              {money(payload.amount)}
            </dd>
            <dt className="text-slate-600">Amount claimed in the presentation</dt>
            <dd className="tabular-nums text-slate-900" data-testid="approval-claimed">
              {claimedAmount ? money(claimedAmount) : "Nothing claimed"}
            </dd>
            {payload.dueDate ? (
              <>
                <dt className="text-slate-600">Due date</dt>
                <dd className="text-slate-900">{payload.dueDate}</dd>
              </>
            ) : null}
          </>
        ) : null}
        {approval.kind === "ISSUANCE" && payload.creditNumber ? (
          <>
            <dt className="text-slate-600">Credit number (20)</dt>
            <dd className="font-mono font-semibold text-slate-900">{payload.creditNumber}</dd>
            {creditAmount ? (
              <>
                <dt className="text-slate-600">Amount undertaken (32B)</dt>
                <dd className="font-semibold tabular-nums text-slate-900">{money(creditAmount)}</dd>
              </>
            ) : null}
            {payload.bankConditions ? (
              <>
                <dt className="text-slate-600">Bank conditions</dt>
                <dd className="text-slate-900">{payload.bankConditions}</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      {payload.changes && payload.changes.length > 0 ? (
        <Table aria-label="What changes when approved">
          <THead>
            <Tr>
              <Th scope="col">What</Th>
              <Th scope="col">Before</Th>
              <Th scope="col">After approval</Th>
            </Tr>
          </THead>
          <TBody>
            {payload.changes.map((change, index) => (
              <Tr key={`${change.label}-${index}`}>
                <Td className="font-medium">{change.label}</Td>
                <Td className="whitespace-pre-line text-slate-600">{change.before}</Td>
                <Td className="whitespace-pre-line bg-warning-50 font-medium text-slate-900">{change.after}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : null}
    </div>
  );
}
