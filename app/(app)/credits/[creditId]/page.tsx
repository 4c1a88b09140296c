import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { randomUUID } from "node:crypto";
import { ActionButtons } from "@/components/credit/action-bar";
import { ChangesTable } from "@/components/credit/changes-table";
import { NextStepsBanner } from "@/components/credit/next-steps-banner";
import { PendingApprovals } from "@/components/credit/pending-approvals";
import { MessageThread } from "@/components/credit/message-thread";
import { SwiftMessages } from "@/components/credit/swift-messages";
import { TermsView } from "@/components/credit/terms-view";
import { Timeline } from "@/components/credit/timeline";
import { timelineRows } from "@/components/credit/timeline-rows";
import { AmendmentStatusBadge } from "@/components/status/amendment-status-badge";
import { CreditStatusBadge } from "@/components/status/credit-status-badge";
import { PresentationStatusBadge } from "@/components/status/presentation-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { CloneCreditButton } from "@/components/templates/clone-credit-button";
import { SaveAsTemplate } from "@/components/templates/save-as-template";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Money } from "@/components/ui/money";
import { Tabs } from "@/components/ui/tabs";
import { Time } from "@/components/ui/time";
import { requireActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { type CreditDetail, getCredit } from "@/lib/credits/get-credit";
import { PARTY_LABELS, type Party } from "@/lib/lifecycle/definition";
import { markRead } from "@/lib/notifications";
import { findingsSummary } from "@/lib/format/words";
import { recordAuditUse } from "@/lib/audit/log";
import { isDrafter } from "@/lib/templates/access";
import { amendmentAnchor } from "@/lib/credits/links";
import { creditPageMetadata } from "@/lib/credits/credit-title";
import { listSwiftMessages } from "@/lib/credits/swift-messages";
import { mt798ApplicationFor } from "@/lib/credits/mt798-application";
import { receivedMessageOf } from "@/lib/credits/import-credit";
import { amendmentImportContext } from "@/lib/credits/import-amendment";
import { ImportAmendmentForm } from "@/components/swift/import-amendment-form";
import { importAmendmentAction } from "./import-actions";
import { ReceivedMessage } from "@/components/swift/received-message";

const TABS = ["terms", "versions", "amendments", "presentations", "timeline", "messages", "swift"] as const;
type Tab = (typeof TABS)[number];
const TAB_TITLES: Record<Tab, string> = { terms: "Terms", versions: "Versions", amendments: "Amendments", presentations: "Presentations", timeline: "Timeline", messages: "Messages", swift: "SWIFT" };

/** "<number or reference> · Terms · TradeTrail": each credit and tab has its own title, which the route announcer reads on a tab switch. */
export async function generateMetadata({ params, searchParams }: { params: Promise<{ creditId: string }>; searchParams: Promise<{ tab?: string }> }): Promise<Metadata> {
  const [{ creditId }, { tab }] = await Promise.all([params, searchParams]);
  return creditPageMetadata(creditId, TAB_TITLES[TABS.includes(tab as Tab) ? (tab as Tab) : "terms"]);
}

export default async function CreditPage({ params, searchParams }: { params: Promise<{ creditId: string }>; searchParams: Promise<{ tab?: string }> }) {
  const actor = await requireActor();
  const { creditId } = await params;
  const { tab: requested } = await searchParams;
  let credit: CreditDetail;
  try {
    credit = await getCredit(actor, creditId, { markSeen: true });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  await markRead(actor, { creditId });
  if (credit.auditing) await recordAuditUse(actor, { action: "view-credit", creditId });
  const tab: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : "terms";
  const base = `/credits/${credit.id}`;
  const title = credit.creditNumber ? `Credit ${credit.creditNumber}` : `Application ${credit.reference}`;
  // Templates and clones are the applicant's: the operations decide again on the server.
  const applicantDrafter = credit.myParties.includes("applicant") && isDrafter(actor) && credit.terms !== null;

  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[{ href: "/credits", label: "Credits" }, { href: base, label: credit.creditNumber ?? credit.reference }]}
        description={`${credit.parties.applicant.name} → ${credit.parties.beneficiary.name}`}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <CreditStatusBadge status={credit.status} />
            {applicantDrafter ? <CloneCreditButton creditId={credit.id} idempotencyKey={randomUUID()} /> : null}
            <Link href={`${base}/audit`} className="text-sm font-medium text-brand-700 underline underline-offset-2 hover:decoration-2">
              Audit trail
            </Link>
          </div>
        }
      />

      <div className="mb-6 grid gap-4 md:grid-cols-4">
        <Fact label="Amount">{credit.terms ? <Money currency={credit.currency} amount={credit.amount} /> : "—"}</Fact>
        <Fact label="Drawn">
          <Money currency={credit.currency} amount={credit.drawnAmount} />
        </Fact>
        <Fact label="Expiry">
          <Time value={credit.expiryDate} dateOnly />
          {credit.terms ? <span className="text-slate-500"> · {credit.terms.expiryPlace}</span> : null}
        </Fact>
        <Fact label="Your role">{credit.auditing ? "Auditor (read-only)" : credit.myParties.map((p) => PARTY_LABELS[p]).join(", ")}</Fact>
      </div>

      <Card className="mb-6">
        <CardBody>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-5">
            {(Object.keys(PARTY_LABELS) as Party[]).map((party) => (
              <div key={party}>
                <dt className="text-slate-500">{PARTY_LABELS[party]}</dt>
                <dd className="font-medium text-slate-900">
                  {credit.parties[party]?.name ?? "—"}
                  {credit.parties[party]?.bic ? <span className="ml-1 font-mono text-xs text-slate-500">{credit.parties[party]!.bic}</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </CardBody>
      </Card>

      {credit.returnReason && ["DRAFT", "AGREED"].includes(credit.status) ? (
        <Alert tone="warning" title="Returned with a reason" className="mb-6">
          {credit.returnReason}
        </Alert>
      ) : null}

      {credit.sinceLastSeen ? (
        <Alert tone="info" title={`Changed since you last looked (version ${credit.sinceLastSeen.fromNumber} → ${credit.currentVersion})`} className="mb-6">
          <p className="mb-3">By {credit.sinceLastSeen.by.join(", ")}.</p>
          <ChangesTable changes={credit.sinceLastSeen.changes} caption="Fields changed since you last looked" />
        </Alert>
      ) : null}

      <PendingApprovals credit={credit} />

      <NextStepsBanner credit={credit} />

      <Tabs
        label="Credit sections"
        items={TABS.map((t) => ({
          href: `${base}?tab=${t}`,
          label: TAB_TITLES[t],
          count: { terms: undefined, versions: credit.versions.length, amendments: credit.amendments.length, presentations: credit.presentations.length, timeline: timelineRows(credit).length, messages: credit.messages.length, swift: undefined }[t],
          current: t === tab,
        }))}
      />

      <div className="mt-6">
        {tab === "terms" ? (
          credit.terms ? (
            <>
              <p className="mb-4 text-sm text-slate-600">
                Version {credit.currentVersion}
                {credit.agreedVersion ? ` · agreed version ${credit.agreedVersion}` : " · not yet agreed"}
                {credit.bankConditions ? ` · bank conditions: ${credit.bankConditions}` : ""}
              </p>
              <TermsView terms={credit.terms} highlight={credit.sinceLastSeen?.changes.map((c) => c.path) ?? []} />
              {applicantDrafter ? (
                <section aria-labelledby="save-template-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
                  <h2 id="save-template-heading" className="mb-3 text-sm font-semibold text-slate-900">
                    Save these terms as a template
                  </h2>
                  <SaveAsTemplate creditId={credit.id} />
                </section>
              ) : null}
            </>
          ) : null
        ) : null}

        {tab === "versions" ? (
          <ol className="space-y-4">
            {[...credit.versions].reverse().map((v) => (
              <li key={v.id}>
                <Card>
                  <CardHeader>
                    <CardTitle>
                      Version {v.number}
                      {v.number === credit.currentVersion ? <span className="ml-2 text-xs font-normal text-brand-700">current</span> : null}
                      {v.number === credit.agreedVersion ? <span className="ml-2 text-xs font-normal text-success-700">agreed</span> : null}
                    </CardTitle>
                    <p className="text-sm text-slate-600">
                      {v.author} ({v.authorOrg}) · <Time value={v.createdAt} />
                      {v.comment ? <> · “{v.comment}”</> : null}
                    </p>
                  </CardHeader>
                  <CardBody>{v.number === 1 ? <p className="text-sm text-slate-600">First draft.</p> : <ChangesTable changes={v.changes} caption={`Changes in version ${v.number}`} />}</CardBody>
                </Card>
              </li>
            ))}
          </ol>
        ) : null}

        {tab === "amendments" ? await amendmentImportForm(actor, credit.id) : null}
        {tab === "amendments" ? (
          credit.amendments.length === 0 ? (
            <EmptyState title="No amendments" description="Once the credit is issued, the applicant can request amendments; each shows its own changes here." />
          ) : (
            <ol className="space-y-4">
              {credit.amendments.map((a) => (
                <li key={a.id} id={amendmentAnchor(a.id)} className="scroll-mt-4">
                  <Card>
                    <CardHeader className="flex flex-wrap items-center justify-between gap-2">
                      <CardTitle>
                        Amendment {a.number}
                        {a.cancellation ? " — cancellation" : ""}
                      </CardTitle>
                      <AmendmentStatusBadge status={a.status} />
                    </CardHeader>
                    <CardBody className="space-y-4">
                      <p className="text-sm text-slate-600">
                        Requested <Time value={a.createdAt} />
                        {a.note ? <> · “{a.note}”</> : null}
                        {a.reason ? <> · reason: {a.reason}</> : null}
                      </p>
                      {a.confirmationExtended !== null ? (
                        <p className="text-sm" data-testid="confirmation-extension">
                          {a.confirmationExtended
                            ? "The confirming bank extended its confirmation to this amendment (UCP 600 art. 10(b))."
                            : "The confirming bank advised this amendment without extending its confirmation to it (UCP 600 art. 10(b)): its confirmation covers the credit as it stood before."}
                        </p>
                      ) : null}
                      <PendingApprovals credit={credit} subjectId={a.id} />
                      {a.cancellation ? (
                        <p className="text-sm">Cancels the credit once the beneficiary consents.</p>
                      ) : (
                        <ChangesTable changes={a.changes} caption={`Changes in amendment ${a.number}`} />
                      )}
                      {a.actions.length > 0 ? <ActionButtons credit={credit} actions={a.actions} subjectId={a.id} cancellation={a.cancellation} /> : null}
                    </CardBody>
                  </Card>
                </li>
              ))}
            </ol>
          )
        ) : null}

        {tab === "presentations" ? (
          credit.presentations.length === 0 ? (
            <EmptyState title="No presentations" description="After shipment, the beneficiary assembles and presents documents here." />
          ) : (
            <ul className="space-y-3">
              {credit.presentations.map((p) => (
                <li key={p.id}>
                  <Link href={`${base}/presentations/${p.id}`} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 hover:border-brand-300">
                    <span className="font-medium text-slate-900">Presentation {p.number}</span>
                    <span className="text-sm text-slate-600">
                      {p.documents.length} document{p.documents.length === 1 ? "" : "s"}
                      {p.presentedAt ? (
                        <>
                          {" "}
                          · presented <Time value={p.presentedAt} dateOnly />
                        </>
                      ) : null}
                      {findingsSummary(p.status, p.findings) ? ` · ${findingsSummary(p.status, p.findings)}` : ""}
                    </span>
                    <PresentationStatusBadge status={p.status} />
                  </Link>
                </li>
              ))}
            </ul>
          )
        ) : null}

        {tab === "timeline" ? <Timeline credit={credit} /> : null}

        {tab === "swift" ? <ReceivedMessage message={await receivedMessageOf(actor, credit.id)} /> : null}
        {tab === "swift" ? <SwiftMessages creditId={credit.id} messages={(await listSwiftMessages(actor, credit.id)).messages} application={await mt798ApplicationFor(actor, credit.id)} /> : null}

        {tab === "messages" ? <MessageThread creditId={credit.id} messages={credit.messages} canPost={!credit.auditing && actor.roles.some((r) => r !== "VIEWER")} /> : null}
      </div>
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <div className="text-xs uppercase tracking-wide text-slate-500">{label}</div>
      <div className="mt-1 text-base font-semibold text-slate-900">{children}</div>
    </div>
  );
}

/** The MT707 form, for the advising bank of a credit imported from an issuing bank outside TradeTrail (else nothing). */
async function amendmentImportForm(actor: Actor, creditId: string) {
  const context = await amendmentImportContext(actor, creditId);
  return context ? <ImportAmendmentForm creditId={creditId} context={context} action={importAmendmentAction} /> : null;
}
