import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PortfolioCheck } from "@/components/audit/portfolio-check";
import { CreditStatusBadge } from "@/components/status/credit-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Money } from "@/components/ui/money";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/session";
import { listCredits } from "@/lib/credits/list-credits";
import { listRuns } from "@/lib/jobs/verification-runs";
import { latestReconciliation } from "@/lib/reconciliation/reconciliation";
import { ReconciliationPanel } from "@/components/reconciliation/reconciliation-panel";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ after?: string; before?: string }> }) {
  const actor = await requireActor();
  if (actor.organizationKind !== "AUDITOR") redirect("/");
  const search = await searchParams;
  const [page, runs, reconciliation] = await Promise.all([listCredits(actor, { after: search.after, before: search.before }), listRuns(actor), latestReconciliation(actor)]);
  return (
    <>
      <PageHeader title="Audit" description="Credits whose banks granted your firm access. Everything here is read-only." />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>Portfolio check</CardTitle>
          </CardHeader>
          <CardBody>
            <PortfolioCheck latestRunId={runs[0]?.id ?? null} />
          </CardBody>
        </Card>
        <ReconciliationPanel latest={reconciliation.latest} current={reconciliation.current} />
        <Card>
          <CardHeader>
            <CardTitle>Credits you may audit</CardTitle>
          </CardHeader>
          <CardBody className="p-0">
            {page.items.length === 0 ? (
              <EmptyState title="No access yet" description="A bank must grant your firm access (to one credit or all its credits) before you see anything here." />
            ) : (
              <Table aria-label="Credits you may audit">
                <THead>
                  <Tr>
                    <Th scope="col">Credit</Th>
                    <Th scope="col">Applicant → Beneficiary</Th>
                    <Th scope="col">Issuing bank</Th>
                    <Th scope="col" numeric>
                      Amount
                    </Th>
                    <Th scope="col">Status</Th>
                    <Th scope="col">&nbsp;</Th>
                  </Tr>
                </THead>
                <TBody>
                  {page.items.map((c) => (
                    <Tr key={c.id}>
                      <Td className="font-medium">{c.creditNumber ?? c.reference}</Td>
                      <Td>
                        {c.applicantName} → {c.beneficiaryName}
                      </Td>
                      <Td>{c.issuingBankName}</Td>
                      <Td numeric>
                        <Money currency={c.currency} amount={c.amount} />
                      </Td>
                      <Td>
                        <CreditStatusBadge status={c.status} />
                      </Td>
                      <Td>
                        <Link className="font-medium text-brand-700 underline underline-offset-2 hover:decoration-2" href={`/credits/${c.id}/audit`}>
                          Audit trail
                        </Link>
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </CardBody>
        </Card>
        <Pagination previousHref={page.previous ? `/audit?before=${page.previous}` : null} nextHref={page.next ? `/audit?after=${page.next}` : null} />
      </div>
    </>
  );
}
