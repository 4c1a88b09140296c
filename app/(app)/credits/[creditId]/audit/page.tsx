import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditTrail } from "@/components/audit/audit-trail";
import { MILESTONE_KIND_LABELS } from "@/components/status/labels";
import { CreditStatusBadge } from "@/components/status/credit-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireActor } from "@/lib/auth/session";
import { appChain } from "@/lib/chain/app-chain";
import { getCredit } from "@/lib/credits/get-credit";
import { recordAuditUse } from "@/lib/audit/log";
import { isAppError } from "@/lib/errors";
import { count } from "@/lib/format/words";
import { creditPageMetadata } from "@/lib/credits/credit-title";

export async function generateMetadata({ params }: { params: Promise<{ creditId: string }> }): Promise<Metadata> {
  return creditPageMetadata((await params).creditId, "Audit trail");
}

export default async function AuditTrailPage({ params }: { params: Promise<{ creditId: string }> }) {
  const actor = await requireActor();
  const { creditId } = await params;
  const credit = await getCredit(actor, creditId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (credit.auditing) await recordAuditUse(actor, { action: "view-audit-trail", creditId });
  const head = await appChain()
    .provider.getBlockNumber()
    .catch(() => null);
  const base = `/api/v1/credits/${credit.id}`;
  return (
    <>
      <PageHeader
        title={`Audit trail — ${credit.creditNumber ?? credit.reference}`}
        breadcrumbs={[{ href: "/credits", label: "Credits" }, { href: `/credits/${credit.id}`, label: credit.creditNumber ?? credit.reference }, { href: "#", label: "Audit trail" }]}
        description={`${credit.parties.applicant.name} → ${credit.parties.beneficiary.name} · ${count(credit.milestones.length, "milestone")} · chained by digest, anchored in Merkle batches`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <CreditStatusBadge status={credit.status} />
            <a className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50" href={`${base}/proof-bundle`}>
              Download proof bundle
            </a>
            <a className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50" href={`${base}/certificate`}>
              Audit certificate (PDF)
            </a>
          </div>
        }
      />
      {head === null ? <p className="mb-4 text-sm text-warning-800">The chain does not answer right now: confirmations cannot be shown and verification will fail until it returns.</p> : null}
      <Card>
        <CardBody>
          {credit.milestones.length === 0 ? (
            <EmptyState title="No milestones yet" description="Milestones start when the parties agree the terms." />
          ) : (
            <AuditTrail
              creditId={credit.id}
              head={head}
              rows={credit.milestones.map((m) => ({
                seq: m.seq,
                kind: m.kind,
                label: MILESTONE_KIND_LABELS[m.kind],
                actor: m.actor,
                actorOrg: m.actorOrg,
                createdAt: m.createdAt.toISOString(),
                digest: m.digest,
                root: m.batch?.root ?? null,
                txHash: m.batch?.txHash ?? null,
                blockNumber: m.batch?.blockNumber ?? null,
                blockTime: m.batch?.blockTime?.toISOString() ?? null,
              }))}
            />
          )}
        </CardBody>
      </Card>
    </>
  );
}
