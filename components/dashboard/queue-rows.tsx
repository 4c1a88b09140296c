"use client";

import { CreditCell } from "@/components/credits/credit-cell";
import { CreditStatusBadge } from "@/components/status/credit-status-badge";
import { RowLink } from "@/components/ui/row-link";
import { Td, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { CreditStatus } from "@/lib/generated/prisma/enums";

// The dashboard's queue rows, rendered from compact tuples (see components/credits/credit-list-rows.tsx
// for why a long table's rows are a client component).

/** The art. 14(b) deadline (YYYY-MM-DD), the issuing bank's banking days left (negative once passed), and whether it has passed. */
export type DueCell = [deadline: string, bankingDaysLeft: number, overdue: boolean];

export type MyQueueRow = [id: string, label: string, steps: [href: string, text: string][], parties: string, amount: string, status: CreditStatus, due: DueCell | null, updatedAt: string];

export type OthersQueueRow = [id: string, label: string, waitingFor: string, parties: string, amount: string, status: CreditStatus, updatedAt: string];

/** "Waiting for you": each step links to its exact item (the amendment, the presentation, the approval). */
export function MyQueueRows({ rows, withDue }: { rows: MyQueueRow[]; withDue: boolean }) {
  return rows.map(([id, label, steps, parties, amount, status, due, updatedAt]) => (
    <Tr key={id} data-overdue={due?.[2] ? "true" : undefined} className={due?.[2] ? "bg-danger-50" : undefined}>
      <CreditCell id={id} label={label} />
      <Td>
        <ul className="space-y-0.5">
          {steps.map(([href, text]) => (
            <li key={href + text}>
              <RowLink href={href}>{text}</RowLink>
            </li>
          ))}
        </ul>
      </Td>
      <Td>{parties}</Td>
      <Td numeric>{amount}</Td>
      <Td>
        <CreditStatusBadge status={status} />
      </Td>
      {withDue ? <Td>{due ? <ExaminationDue due={due} /> : <span className="text-slate-500">—</span>}</Td> : null}
      <Td>
        <Time value={updatedAt} relative />
      </Td>
    </Tr>
  ));
}

export function OthersQueueRows({ rows }: { rows: OthersQueueRow[] }) {
  return rows.map(([id, label, waitingFor, parties, amount, status, updatedAt]) => (
    <Tr key={id}>
      <CreditCell id={id} label={label} />
      <Td>{waitingFor}</Td>
      <Td>{parties}</Td>
      <Td numeric>{amount}</Td>
      <Td>
        <CreditStatusBadge status={status} />
      </Td>
      <Td>
        <Time value={updatedAt} relative />
      </Td>
    </Tr>
  ));
}

/** The art. 14(b) deadline and the banking days left; overdue rows say so in words, not colour alone. */
function ExaminationDue({ due: [deadline, left, overdue] }: { due: DueCell }) {
  const days = Math.abs(left);
  const plural = days === 1 ? "banking day" : "banking days";
  return (
    <span className="whitespace-nowrap">
      <Time value={deadline} dateOnly />
      <span className={`ml-2 text-sm ${overdue ? "font-semibold text-danger-700" : left <= 1 ? "font-semibold text-warning-800" : "text-slate-600"}`}>
        {overdue ? `Overdue by ${days} ${plural}` : left === 0 ? "Due today" : `${days} ${plural} left`}
      </span>
    </span>
  );
}
