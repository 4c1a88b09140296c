import { RecordCounterReceipt, RequestRepresentation } from "@/components/presentation/inline-action";
import { RepresentRecord } from "@/components/presentation/represent-record";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import type { CreditDetail } from "@/lib/credits/get-credit";
import { formatIsoDate } from "@/lib/terms/fields";
import { DOCUMENT_KIND_LABELS } from "@/lib/terms/schema";

// An eUCP v2.1 presentation (docs/EUCP.md), as each party needs it: where and in which formats the
// records go (arts. e5, e6(a)), whether the notice of completeness was given and what the clock
// counts from (arts. e6(c), e7(a)(i)), the records asked for again (art. e12) and the paper
// documents of a mixed presentation at the counter (art. e6(a)(ii)). A server component.

type Presentation = CreditDetail["presentations"][number];
const day = (date: Date | null) => (date ? formatIsoDate(date.toISOString().slice(0, 10)) : "");

export function EucpPanel({ credit, presentation, today }: { credit: Pick<CreditDetail, "id" | "version" | "terms">; presentation: Presentation; today: string }) {
  const terms = credit.terms!;
  const common = { creditId: credit.id, presentationId: presentation.id, version: credit.version };
  const building = presentation.status === "DRAFT";
  const fileOf = (id: string) => presentation.documents.find((d) => d.id === id)?.fileName ?? "a record";
  const awaited = new Set(presentation.representationRequests.filter((r) => !r.representedAt).map((r) => r.documentId));
  const paper = presentation.documents.filter((d) => d.medium === "PAPER");
  const askable = presentation.actions.includes("requestRepresentation") ? presentation.documents.filter((d) => d.medium === "ELECTRONIC" && !awaited.has(d.id)) : [];
  return (
    <Card className="mb-6">
      <CardHeader>
        <CardTitle>Electronic presentation (eUCP v2.1)</CardTitle>
      </CardHeader>
      <CardBody className="space-y-3 text-sm">
        <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[14rem_minmax(0,1fr)]">
          <dt className="text-slate-600">Place for presentation of electronic records (art. e6(a)(i))</dt>
          <dd className="break-words">{terms.eucpPresentationPlace ?? "Not stated"}</dd>
          <dt className="text-slate-600">Formats accepted (art. e5)</dt>
          <dd>{terms.eucpRecordFormats ?? "Any format"}</dd>
        </dl>
        {building ? (
          <p data-testid="eucp-clock">
            Each electronic record is received as it is added (art. e6(b)). The presentation is <strong>incomplete and not examined</strong> until the beneficiary gives notice of completeness
            (art. e6(c)), which must be given by the expiry date, {formatIsoDate(terms.expiryDate)}. The bank&apos;s five banking days start the banking day after the notice (art. e7(a)(i)).
          </p>
        ) : (
          <p data-testid="eucp-clock">
            Notice of completeness received on <strong>{day(presentation.presentedOn)}</strong>. The five banking days of examination count from the banking day after it (eUCP art. e7(a)(i)), not from
            the first record{presentation.examinationDeadline ? <>: the last day of examination is <strong>{day(presentation.examinationDeadline)}</strong>.</> : "."}
          </p>
        )}
        {presentation.representationRequests.length > 0 ? (
          <section aria-labelledby="eucp-requests">
            <h3 id="eucp-requests" className="font-medium text-slate-800">
              Records asked for again (art. e12)
            </h3>
            <ul className="mt-1 space-y-2" aria-label="Records asked for again">
              {presentation.representationRequests.map((r) => (
                <li key={r.id} className="rounded-md border border-slate-200 p-2">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={r.representedAt ? "success" : "warning"}>{r.representedAt ? "Re-presented" : "Awaited"}</Badge>
                    <span className="font-medium">{fileOf(r.documentId)}</span>
                  </div>
                  <p className="mt-1 text-slate-700">
                    {r.reason}. Examination suspended from {day(r.suspendedOn)}
                    {r.representedAt ? `; re-presented on ${day(r.representedOn)}, examination resumed the banking day after.` : `; to be re-presented by ${day(r.dueOn)}, or it may be treated as not presented (art. e12(b)(iii)).`}
                  </p>
                  {!r.representedAt && presentation.actions.includes("representRecord") ? <RepresentRecord creditId={credit.id} presentationId={presentation.id} requestId={r.id} fileName={fileOf(r.documentId)} /> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {paper.length > 0 ? (
          <section aria-labelledby="eucp-paper">
            <h3 id="eucp-paper" className="font-medium text-slate-800">
              Paper documents at the counter (art. e6(a)(ii))
            </h3>
            <ul className="mt-1 space-y-2" aria-label="Paper documents">
              {paper.map((d) => (
                <li key={d.id}>
                  {DOCUMENT_KIND_LABELS[d.kind]} ({d.fileName}): {d.receivedAtCounterOn ? `received at the counter on ${day(d.receivedAtCounterOn)}` : "not yet recorded as received"}
                  {!d.receivedAtCounterOn && presentation.actions.includes("recordCounterReceipt") ? <RecordCounterReceipt {...common} documentId={d.id} fileName={d.fileName} today={today} /> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {askable.length > 0 ? (
          <details className="rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium text-slate-800">A record arrived corrupted? Ask for it again (art. e12)</summary>
            <ul className="mt-2 space-y-2">
              {askable.map((d) => (
                <li key={d.id}>
                  {DOCUMENT_KIND_LABELS[d.kind]} — {d.fileName}
                  <RequestRepresentation {...common} documentId={d.id} fileName={d.fileName} />
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </CardBody>
    </Card>
  );
}
