import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CreditStatusBadge } from "@/components/status/credit-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { Money } from "@/components/ui/money";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { requireActor } from "@/lib/auth/session";
import { type ExaminationDue as Due, waitingForMe, waitingForOthers } from "@/lib/credits/waiting";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requireActor();
  // The platform operator has no credits: its home is the organisations it onboards.
  if (actor.organizationKind === "OPERATOR") redirect("/platform");
  const [mine, others] = await Promise.all([waitingForMe(actor), waitingForOthers(actor)]);
  const anyDue = mine.some((c) => c.due !== null);
  const canDraft = actor.organizationKind === "CORPORATE" && actor.roles.some((r) => r === "MAKER" || r === "ADMIN");
  return (
    <>
      <PageHeader
        title={`Good day, ${actor.name.split(" ")[0]}`}
        description={`${actor.organizationName} — what needs you, and what you are waiting for.`}
        actions={canDraft ? <LinkButton href="/credits/new">Draft a new credit</LinkButton> : undefined}
      />
      <div className="space-y-8">
        <Card>
          <CardHeader>
            <CardTitle>
              Waiting for you <span className="ml-1 text-sm font-normal text-slate-500">({mine.length})</span>
            </CardTitle>
          </CardHeader>
          <CardBody className="p-0">
            {mine.length === 0 ? (
              <EmptyState title="Nothing is waiting for you" description="When a credit needs your action, it appears here, oldest first." />
            ) : (
              <Table aria-label="Credits waiting for you">
                <THead>
                  <Tr>
                    <Th scope="col">Credit</Th>
                    <Th scope="col">Your next step</Th>
                    <Th scope="col">Applicant → Beneficiary</Th>
                    <Th scope="col" numeric>
                      Amount
                    </Th>
                    <Th scope="col">Status</Th>
                    {anyDue ? <Th scope="col">Examination deadline (art. 14(b))</Th> : null}
                    <Th scope="col">Waiting since</Th>
                  </Tr>
                </THead>
                <TBody>
                  {mine.map((c) => (
                    <Tr key={c.id} data-overdue={c.due?.overdue ? "true" : undefined} className={c.due?.overdue ? "bg-danger-50" : undefined}>
                      <Td>
                        <Link href={`/credits/${c.id}`} className="font-medium text-brand-700 underline underline-offset-2 hover:decoration-2">
                          {c.creditNumber ?? c.reference}
                        </Link>
                      </Td>
                      <Td>
                        {/* Each step links to its exact item: the amendment, the presentation, the approval. */}
                        <ul className="space-y-0.5">
                          {c.nextSteps.map((step) => (
                            <li key={`${step.subjectId ?? "credit"}-${step.action}`}>
                              <Link href={step.href} className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
                                {step.item ? `${step.item}: ${step.label}` : step.label}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      </Td>
                      <Td>
                        {c.applicantName} → {c.beneficiaryName}
                      </Td>
                      <Td numeric>
                        <Money currency={c.currency} amount={c.amount} />
                      </Td>
                      <Td>
                        <CreditStatusBadge status={c.status} />
                      </Td>
                      {anyDue ? <Td>{c.due ? <ExaminationDue due={c.due} /> : <span className="text-slate-500">—</span>}</Td> : null}
                      <Td>
                        <Time value={c.updatedAt} relative />
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </CardBody>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>
              Waiting for others <span className="ml-1 text-sm font-normal text-slate-500">({others.length})</span>
            </CardTitle>
          </CardHeader>
          <CardBody className="p-0">
            {others.length === 0 ? (
              <EmptyState title="Nothing is pending with other parties" description="Credits you are waiting on, and for whom, appear here." />
            ) : (
              <Table aria-label="Credits waiting for other parties">
                <THead>
                  <Tr>
                    <Th scope="col">Credit</Th>
                    <Th scope="col">Waiting for</Th>
                    <Th scope="col">Applicant → Beneficiary</Th>
                    <Th scope="col" numeric>
                      Amount
                    </Th>
                    <Th scope="col">Status</Th>
                    <Th scope="col">Since</Th>
                  </Tr>
                </THead>
                <TBody>
                  {others.map((c) => (
                    <Tr key={c.id}>
                      <Td>
                        <Link href={`/credits/${c.id}`} className="font-medium text-brand-700 underline underline-offset-2 hover:decoration-2">
                          {c.creditNumber ?? c.reference}
                        </Link>
                      </Td>
                      <Td>{c.waitingFor.join(", ")}</Td>
                      <Td>
                        {c.applicantName} → {c.beneficiaryName}
                      </Td>
                      <Td numeric>
                        <Money currency={c.currency} amount={c.amount} />
                      </Td>
                      <Td>
                        <CreditStatusBadge status={c.status} />
                      </Td>
                      <Td>
                        <Time value={c.updatedAt} relative />
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </CardBody>
        </Card>
        <p className="text-sm text-slate-600">
          <Link href="/credits" className="font-medium text-brand-700 underline underline-offset-2 hover:decoration-2">
            All credits
          </Link>{" "}
          — search by reference, credit number or party, filter by status and counterparty.
        </p>
      </div>
    </>
  );
}

/** The art. 14(b) deadline and the issuing bank's banking days left; overdue rows say so in words, not colour alone. */
function ExaminationDue({ due }: { due: Due }) {
  const days = Math.abs(due.bankingDaysLeft);
  const plural = days === 1 ? "banking day" : "banking days";
  return (
    <span className="whitespace-nowrap">
      <Time value={due.deadline} dateOnly />
      <span className={`ml-2 text-sm ${due.overdue ? "font-semibold text-danger-700" : due.bankingDaysLeft <= 1 ? "font-semibold text-warning-800" : "text-slate-600"}`}>
        {due.overdue ? `Overdue by ${days} ${plural}` : due.bankingDaysLeft === 0 ? "Due today" : `${days} ${plural} left`}
      </span>
    </span>
  );
}
