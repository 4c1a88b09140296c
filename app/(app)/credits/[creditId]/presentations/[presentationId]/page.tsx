import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionButtons } from "@/components/credit/action-bar";
import { PendingApprovals } from "@/components/credit/pending-approvals";
import { AddFinding, CorrectDocumentData, DismissFinding, RemoveDocument } from "@/components/presentation/inline-action";
import { DocumentUpload } from "@/components/presentation/document-upload";
import { DocumentViewer } from "@/components/presentation/document-viewer";
import { PreCheck } from "@/components/presentation/pre-check";
import { EucpPanel } from "@/components/presentation/eucp-panel";
import { EUCP_REFUSAL_STATEMENT } from "@/lib/presentations/eucp-rules";
import { PresentationStatusBadge } from "@/components/status/presentation-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Hash } from "@/components/ui/hash";
import { Money } from "@/components/ui/money";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { DOCUMENT_DISPOSALS, type DocumentDisposal } from "@/lib/presentations/notice";
import { requireActor } from "@/lib/auth/session";
import { bankingDaysLeft } from "@/lib/calendar/banking-days";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { getCredit } from "@/lib/credits/get-credit";
import { markRead } from "@/lib/notifications";
import { isAppError } from "@/lib/errors";
import { creditPageMetadata } from "@/lib/credits/credit-title";
import { DOCUMENT_KIND_LABELS } from "@/lib/terms/schema";
import { TERMS_FIELDS } from "@/lib/terms/fields";
import { DOCUMENT_DATA_FIELDS } from "@/lib/documents/data";
import { RECEIVED_ON } from "@/lib/presentations/corrections";
import { formatUtcDate } from "@/lib/format/dates";
import { count, examinationCountdown } from "@/lib/format/words";

export async function generateMetadata({ params }: { params: Promise<{ creditId: string; presentationId: string }> }): Promise<Metadata> {
  const { creditId, presentationId } = await params;
  const credit = await creditPageMetadata(creditId);
  const presentation = credit.title === "Credit" ? null : await db().presentation.findFirst({ where: { id: presentationId, creditId }, select: { number: true } }).catch(() => null);
  return { title: `${String(credit.title)} · Presentation${presentation ? ` ${presentation.number}` : ""}` };
}

const KEY_TERMS = ["amount", "tolerance", "latestShipmentDate", "expiryDate", "presentationPeriodDays", "portOfLoading", "portOfDischarge", "partialShipments", "transhipment", "goodsDescription", "documentsRequired", "incoterm"];

export default async function PresentationPage({ params }: { params: Promise<{ creditId: string; presentationId: string }> }) {
  const actor = await requireActor();
  const { creditId, presentationId } = await params;
  const credit = await getCredit(actor, creditId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const presentation = credit.presentations.find((p) => p.id === presentationId);
  if (!presentation || !credit.terms) notFound();
  // Notifications about this credit open here or on the credit page: either way they are read.
  await markRead(actor, { creditId });
  const terms = credit.terms;
  const common = { creditId, presentationId, version: credit.version };
  const isBank = credit.myParties.some((p) => p === "issuingBank" || p === "advisingBank" || p === "confirmingBank");
  const building = presentation.status === "DRAFT";
  const canBuild = presentation.actions.includes("addDocument");
  const canExamine = presentation.actions.includes("addFinding");
  const openFindings = presentation.findings.filter((f) => !f.dismissed);
  const docLabel = (id: string | null) => {
    const doc = presentation.documents.find((d) => d.id === id);
    return doc ? DOCUMENT_KIND_LABELS[doc.kind] : "Presentation";
  };

  const fieldLabel = (documentId: string | null, key: string) => {
    if (key === RECEIVED_ON.field) return RECEIVED_ON.label;
    const doc = presentation.documents.find((d) => d.id === documentId);
    return (doc ? DOCUMENT_DATA_FIELDS[doc.kind].find((f) => f.key === key)?.label : undefined) ?? key;
  };
  // What the examiner sees as captured: the stored data with the corrections so far applied.
  const correctedValues = new Map(presentation.documents.map((d) => [d.id, { ...d.data }]));
  for (const c of presentation.corrections) if (c.documentId) correctedValues.get(c.documentId)![c.field] = c.after;
  const correctable = [
    ...presentation.documents.map((d) => ({
      id: d.id,
      label: `${DOCUMENT_KIND_LABELS[d.kind]} — ${d.fileName}`,
      fields: DOCUMENT_DATA_FIELDS[d.kind].map((f) => ({ key: f.key, label: f.label, value: shownValue(correctedValues.get(d.id)![f.key]) })),
    })),
    // The presentation's own detail: the day the documents were actually received (art. 14(b) counts from it).
    { id: "", label: "The presentation itself", fields: [{ key: RECEIVED_ON.field, label: RECEIVED_ON.label, value: presentation.presentedOn ? formatIsoDay(presentation.presentedOn) : "" }] },
  ];

  let countdown: { days: number; deadline: Date } | null = null;
  if (presentation.examinationDeadline && presentation.status === "PRESENTED") {
    // Counted on the examining bank's holidays (the nominated bank the credit is available with, else the issuing bank).
    const { examiningBankId } = await db().presentation.findUniqueOrThrow({ where: { id: presentation.id }, select: { examiningBankId: true } });
    const holidays = await db().bankHoliday.findMany({ where: { bankId: examiningBankId ?? credit.parties.issuingBank.id }, select: { date: true } });
    const today = new Date().toISOString().slice(0, 10);
    countdown = {
      deadline: presentation.examinationDeadline,
      days: bankingDaysLeft(presentation.examinationDeadline.toISOString().slice(0, 10), today, holidays.map((h) => h.date.toISOString().slice(0, 10))),
    };
  }
  const missing = terms.documentsRequired.filter((req) => !presentation.documents.some((d) => d.kind === req.kind));
  const applicantView = credit.myParties.includes("applicant") && !isBank;

  return (
    <>
      <PageHeader
        title={`Presentation ${presentation.number}`}
        breadcrumbs={[
          { href: "/credits", label: "Credits" },
          { href: `/credits/${creditId}?tab=presentations`, label: credit.creditNumber ?? credit.reference },
          { href: "#", label: `Presentation ${presentation.number}` },
        ]}
        description={
          presentation.presentedAt
            ? `${presentation.eucp ? "Notice of completeness given" : "Presented"} ${formatUtcDate(presentation.presentedAt)}`
            : presentation.eucp
              ? "Electronic records being presented under eUCP: incomplete until the notice of completeness"
              : "Being assembled by the beneficiary"
        }
        actions={<PresentationStatusBadge status={presentation.status} />}
      />

      {countdown ? (
        <Alert tone={countdown.days < 0 ? "danger" : countdown.days <= 1 ? "warning" : "info"} title={presentation.eucp ? "Examination deadline (UCP 600 art. 14(b), counted from the notice of completeness: eUCP art. e7(a)(i))" : "Examination deadline (UCP 600 art. 14b)"} className="mb-6">
          {examinationCountdown(countdown.days, countdown.deadline)}
        </Alert>
      ) : null}

      {presentation.eucp ? <EucpPanel credit={credit} presentation={presentation} today={new Date().toISOString().slice(0, 10)} /> : null}
      {presentation.forwardedAt ? (
        <Alert tone="info" title="Forwarded to the issuing bank (UCP 600 art. 15(c))" className="mb-6">
          The nominated bank forwarded the complying documents on {formatUtcDate(presentation.forwardedAt)}. The issuing bank examines them on its own clock
          {presentation.issuerExaminationDeadline ? <>: its fifth banking day following receipt is {formatUtcDate(presentation.issuerExaminationDeadline)} (art. 14(b)).</> : "."}
        </Alert>
      ) : null}

      <PendingApprovals credit={credit} subjectId={presentation.id} claimedAmount={presentation.claimedAmount} />

      {presentation.actions.length > 0 ? (
        <section aria-label="What you can do now" className="mb-6 rounded-lg border border-brand-200 bg-brand-50/40 p-4">
          <h2 className="mb-3 text-sm font-semibold text-brand-900">What you can do now</h2>
          {building && missing.length > 0 ? (
            <p className="mb-3 text-sm text-warning-800">Still missing from what the credit requires: {missing.map((m) => DOCUMENT_KIND_LABELS[m.kind]).join(", ")}.</p>
          ) : null}
          {presentation.status === "PRESENTED" && openFindings.length > 0 && canExamine ? (
            <p className="mb-3 text-sm text-slate-700">
              {count(openFindings.length, "open discrepancy", "open discrepancies")}: dismiss each one that is not a discrepancy (with a reason), or send one notice listing them all.
            </p>
          ) : null}
          <ActionButtons
            credit={credit}
            actions={presentation.actions}
            subjectId={presentation.id}
            extra={{
              defaultAmount: presentation.claimedAmount ?? undefined,
              claimedAmount: presentation.claimedAmount,
              discrepancies: openFindings.map((f) => ({ id: f.id, article: f.article, message: f.message, found: f.found })),
              needsDueDate: terms.availableBy === "DEFERRED_PAYMENT" || terms.availableBy === "ACCEPTANCE",
            }}
          />
        </section>
      ) : null}

      {building && canBuild && presentation.documents.length > 0 ? <PreCheck creditId={creditId} presentationId={presentation.id} /> : null}

      {applicantView && presentation.status === "DISCREPANT" ? (
        <Alert tone="warning" title="The bank found discrepancies" className="mb-6">
          You may waive them so the bank can pay, or leave the bank to refuse the documents. Review the notice below and the documents before deciding.
        </Alert>
      ) : null}

      <div className={presentation.documents.length > 0 && !building ? "grid gap-6 xl:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)]" : ""}>
        {presentation.documents.length > 0 && !building ? (
          <Card>
            <CardHeader>
              <CardTitle>Documents</CardTitle>
            </CardHeader>
            <CardBody>
              <DocumentViewer documents={presentation.documents} />
            </CardBody>
          </Card>
        ) : null}

        <div className="space-y-6">
          {!building ? (
            <Card>
              <CardHeader>
                <CardTitle>Findings {presentation.status === "PRESENTED" ? "" : "(notice)"}</CardTitle>
                {presentation.documentDisposal && presentation.documentDisposal in DOCUMENT_DISPOSALS ? (
                  <p className="mt-1 text-sm text-slate-700">
                    The notice says what the bank does with the documents (art. 16(c)(iii)): {DOCUMENT_DISPOSALS[presentation.documentDisposal as DocumentDisposal]}
                  </p>
                ) : null}
                {presentation.eucp && (presentation.status === "DISCREPANT" || presentation.status === "REFUSED" || presentation.status === "WAIVED") ? (
                  <p className="mt-1 text-sm text-slate-700" data-testid="eucp-refusal">
                    {EUCP_REFUSAL_STATEMENT}
                  </p>
                ) : null}
              </CardHeader>
              <CardBody className="space-y-3">
                {presentation.findings.length === 0 ? (
                  <p className="text-sm text-slate-600">No discrepancy was found.</p>
                ) : (
                  <ul className="space-y-3" aria-label="Findings">
                    {presentation.findings.map((f) => (
                      <li key={f.id} className={`rounded-md border px-3 py-2 text-sm ${f.dismissed ? "border-slate-200 bg-slate-50 text-slate-500" : "border-danger-200 bg-danger-50/40"}`}>
                        <div className="flex flex-wrap items-center gap-2">
                          <Badge tone={f.dismissed ? "neutral" : "danger"}>{f.dismissed ? "Dismissed" : "Discrepancy"}</Badge>
                          <span className="font-mono text-xs">{f.article.startsWith("ISP98 ") ? `ISP98 rule ${f.article.slice(6)}` : `Art. ${f.article}`}</span>
                          <span className="text-xs text-slate-500">
                            {docLabel(f.documentId)} · {f.source === "AUTOMATIC" ? "automatic check" : "examiner"}
                          </span>
                        </div>
                        <p className="mt-1 font-medium text-slate-900">{f.message}</p>
                        {f.found || f.expected ? (
                          <p className="mt-1 text-slate-700">
                            Found: <span className="font-medium">{f.found ?? "—"}</span> · Expected: <span className="font-medium">{f.expected ?? "—"}</span>
                          </p>
                        ) : null}
                        {f.dismissed && f.dismissReason ? (
                          <p className="mt-1">
                            Dismissed{f.dismissedBy ? ` by ${f.dismissedBy}` : ""}
                            {f.dismissedAt ? (
                              <>
                                {" "}
                                on <Time value={f.dismissedAt} />
                              </>
                            ) : null}
                            : {f.dismissReason}
                          </p>
                        ) : null}
                        {!f.dismissed && presentation.actions.includes("dismissFinding") ? <DismissFinding {...common} findingId={f.id} /> : null}
                      </li>
                    ))}
                  </ul>
                )}
                {presentation.checkByHand.length > 0 ? (
                  <section aria-labelledby="check-by-hand" className="rounded-md border border-info-200 bg-info-50 p-3 text-sm">
                    <h3 id="check-by-hand" className="font-medium text-info-800">
                      Check by hand: the automatic checks could not decide {presentation.checkByHand.length === 1 ? "this point" : `these ${presentation.checkByHand.length} points`}
                    </h3>
                    <p className="mt-1 text-slate-700">Not discrepancies and never in a notice: look at the documents, and add a discrepancy above if one is there.</p>
                    <ul className="mt-2 list-disc space-y-1 pl-5" aria-label="To check by hand">
                      {presentation.checkByHand.map((c, i) => (
                        <li key={i}>
                          <span className="font-medium">Art. {c.article}</span> · {docLabel(c.documentId)}: {c.message}
                          {c.found ? ` (found: ${c.found})` : ""}
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
                {presentation.corrections.length > 0 ? (
                  <section aria-labelledby="corrections" className="text-sm">
                    <h3 id="corrections" className="font-medium text-slate-800">
                      Corrected captured data
                    </h3>
                    <ul className="mt-1 space-y-1" aria-label="Corrections">
                      {presentation.corrections.map((c) => (
                        <li key={c.id} className="text-slate-700">
                          {docLabel(c.documentId)}, {fieldLabel(c.documentId, c.field)}: {shownValue(c.before)} → <span className="font-medium">{shownValue(c.after)}</span>, by {c.by} on <Time value={c.at} />: {c.reason}
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
                {presentation.actions.includes("correctDocumentData") ? (
                  <details className="rounded-md border border-slate-200 p-3">
                    <summary className="cursor-pointer text-sm font-medium text-slate-800">Correct a value captured from a document, and re-examine</summary>
                    <div className="mt-3">
                      <CorrectDocumentData {...common} documents={correctable} />
                    </div>
                  </details>
                ) : null}
                {canExamine ? (
                  <details className="rounded-md border border-slate-200 p-3">
                    <summary className="cursor-pointer text-sm font-medium text-slate-800">Add a discrepancy the checks did not find</summary>
                    <div className="mt-3">
                      <AddFinding {...common} documents={presentation.documents.map((d) => ({ id: d.id, label: `${DOCUMENT_KIND_LABELS[d.kind]} — ${d.fileName}` }))} />
                    </div>
                  </details>
                ) : null}
              </CardBody>
            </Card>
          ) : null}

          <Card>
            <CardHeader>
              <CardTitle>The credit&apos;s terms to check against</CardTitle>
            </CardHeader>
            <CardBody>
              <dl className="divide-y divide-slate-100 text-sm">
                {TERMS_FIELDS.filter((f) => KEY_TERMS.includes(f.path)).map((field) => (
                  <div key={field.path} className="grid gap-x-3 gap-y-0.5 py-1.5 sm:grid-cols-[10rem_minmax(0,1fr)]">
                    <dt className="text-slate-600">
                      <span className="mr-1 font-mono text-xs text-slate-600">{field.tag}</span>
                      {field.label}
                    </dt>
                    <dd className="min-w-0 whitespace-pre-line break-words">{field.format(terms)}</dd>
                  </div>
                ))}
              </dl>
            </CardBody>
          </Card>
        </div>
      </div>

      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Documents in this presentation ({presentation.documents.length})</CardTitle>
        </CardHeader>
        <CardBody className="p-0">
          {presentation.documents.length === 0 ? (
            <EmptyState title="No documents yet" description={canBuild ? "Upload each document the credit requires, with its details." : "The beneficiary has not added documents yet."} />
          ) : (
            <Table aria-label="Documents">
              <THead>
                <Tr>
                  <Th scope="col">Document</Th>
                  <Th scope="col">File</Th>
                  <Th scope="col" numeric>
                    Originals / copies
                  </Th>
                  <Th scope="col">SHA-256</Th>
                  <Th scope="col">Added</Th>
                  {canBuild ? <Th scope="col">&nbsp;</Th> : null}
                </Tr>
              </THead>
              <TBody>
                {presentation.documents.map((d) => (
                  <Tr key={d.id}>
                    <Td className="font-medium">{DOCUMENT_KIND_LABELS[d.kind]}</Td>
                    <Td>
                      <a href={`/api/v1/documents/${d.id}`} className="text-brand-700 underline underline-offset-2 hover:decoration-2">
                        {d.fileName}
                      </a>
                      <div className="text-xs text-slate-500">
                        {d.mediaType} · {(d.size / 1024).toFixed(0)} kB
                      </div>
                    </Td>
                    <Td numeric>
                      {d.originals} / {d.copies}
                    </Td>
                    <Td>
                      <Hash value={d.sha256} />
                    </Td>
                    <Td>
                      <Time value={d.createdAt} />
                    </Td>
                    {canBuild ? (
                      <Td>
                        <RemoveDocument {...common} documentId={d.id} fileName={d.fileName} />
                      </Td>
                    ) : null}
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </CardBody>
      </Card>

      {canBuild ? (
        <Card className="mt-6">
          <CardHeader>
            <CardTitle>Add a document</CardTitle>
          </CardHeader>
          <CardBody>
            <DocumentUpload creditId={creditId} presentationId={presentationId} maxBytes={config().UPLOAD_MAX_BYTES} suggestedKind={missing[0]?.kind} eucp={presentation.eucp} />
          </CardBody>
        </Card>
      ) : null}

      {presentation.payments.length > 0 ? (
        <Card className="mt-6">
          <CardHeader>
            <CardTitle>Payments</CardTitle>
          </CardHeader>
          <CardBody>
            <ul className="space-y-1 text-sm">
              {presentation.payments.map((p) => (
                <li key={p.id}>
                  <Money currency={p.currency} amount={p.amount} /> · {p.kind.toLowerCase()} · recorded <Time value={p.recordedAt} />
                  {p.dueDate ? (
                    <>
                      {" "}
                      · due <Time value={p.dueDate} dateOnly />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}

/** A captured value as text: yes/no for flags, "—" for nothing. */
function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

/** A calendar date as stored ("YYYY-MM-DD"). */
const formatIsoDay = (date: Date) => date.toISOString().slice(0, 10);
