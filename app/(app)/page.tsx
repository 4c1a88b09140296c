import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { type DueCell, type MyQueueRow, MyQueueRows, type OthersQueueRow, OthersQueueRows } from "@/components/dashboard/queue-rows";
import { SHOWN, QueueFooter, cutQueue, expandedQueue } from "@/components/dashboard/triage";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { formatMoney } from "@/components/ui/money";
import { Table, TBody, THead, Th, Tr } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/session";
import { cachedQueue } from "@/lib/credits/queue-cache";
import { type WaitingForMe, type WaitingForOthers, type WaitingItem, readMyQueue, readOthersQueue, refreshMyQueue, refreshOthersQueue } from "@/lib/credits/waiting";

export const metadata: Metadata = { title: "Dashboard" };

/** The whole "waiting for others" queue, as the dashboard always read it. */
const OTHERS_QUEUE = 20;
/** "Waiting for you" read in full (waitingForMe's default length), then sorted by urgency. */
const MY_QUEUE = 50;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ show?: string | string[] }> }) {
  const actor = await requireActor();
  // The platform operator has no credits: its home is the organisations it onboards.
  if (actor.organizationKind === "OPERATOR") redirect("/platform");
  const expanded = expandedQueue((await searchParams).show);
  // "Waiting for you" is sorted by urgency after it is read, so the whole queue is always read;
  // "waiting for others" is oldest first in SQL: one row more than shown says whether there are more.
  const othersLength = expanded === "others" ? OTHERS_QUEUE : SHOWN + 1;
  // Both from this process's cache while no change to them has committed, or brought up to date
  // from the few credits that changed since (lib/credits/queue-cache.ts).
  const [myQueue, othersQueue] = await Promise.all([
    cachedQueue(actor, "mine", MY_QUEUE, () => readMyQueue(actor, MY_QUEUE), refreshMyQueue(actor, MY_QUEUE)).then((queue) => queue.rows),
    cachedQueue(actor, "others", othersLength, () => readOthersQueue(actor, othersLength), refreshOthersQueue(actor, othersLength)).then((queue) => queue.rows),
  ]);
  const my = cutQueue(myQueue, expanded === "mine");
  const their = cutQueue(othersQueue, expanded === "others", expanded === "others");
  const mine = my.rows;
  const others = their.rows;
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
              Waiting for you <span className="ml-1 text-sm font-normal text-slate-500">({my.total})</span>
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
                  <MyQueueRows withDue={anyDue} rows={mine.map(myRow)} />
                </TBody>
              </Table>
            )}
            {my.more ? <QueueFooter queue="mine" shown={mine.length} total={my.total} expanded={expanded === "mine"} noun="waiting for you" first="most urgent" /> : null}
          </CardBody>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>
              Waiting for others <span className="ml-1 text-sm font-normal text-slate-500">({their.total ?? `${SHOWN}+`})</span>
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
                  <OthersQueueRows rows={others.map(othersRow)} />
                </TBody>
              </Table>
            )}
            {their.more ? <QueueFooter queue="others" shown={others.length} total={their.total} expanded={expanded === "others"} noun="waiting for other parties" first="waiting longest" /> : null}
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

const parties = (c: WaitingItem) => `${c.applicantName} → ${c.beneficiaryName}`;

/** A "waiting for you" row as the client rows take it (components/dashboard/queue-rows.tsx). */
function myRow(c: WaitingForMe): MyQueueRow {
  const due: DueCell | null = c.due ? [c.due.deadline.toISOString().slice(0, 10), c.due.bankingDaysLeft, c.due.overdue] : null;
  // c.steps holds each next step's text, in the same order as c.nextSteps.
  const steps = c.nextSteps.map((step, i): [string, string] => [step.href, c.steps[i]!]);
  return [c.id, c.creditNumber ?? c.reference, steps, parties(c), formatMoney(c.currency, c.amount), c.status, due, c.updatedAt.toISOString()];
}

function othersRow(c: WaitingForOthers): OthersQueueRow {
  return [c.id, c.creditNumber ?? c.reference, c.waitingFor.join(", "), parties(c), formatMoney(c.currency, c.amount), c.status, c.updatedAt.toISOString()];
}
