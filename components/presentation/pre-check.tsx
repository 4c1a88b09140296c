import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { formatUtcDate } from "@/lib/format/dates";
import type { Finding } from "@/lib/examination/types";
import { preCheckPresentation } from "@/lib/presentations/pre-check";
import { DOCUMENT_KIND_LABELS } from "@/lib/terms/schema";

/**
 * The beneficiary's pre-check of a draft presentation: what the bank's automatic checks would
 * find if it were presented now, with the articles, before anything is presented.
 */
export async function PreCheck({ creditId, presentationId }: { creditId: string; presentationId: string }) {
  const { presentedOn, examination } = await preCheckPresentation(creditId, presentationId);
  const { findings, checkByHand } = examination;
  return (
    <Card className="mb-6">
      <CardHeader>
        <CardTitle>Pre-check: what the bank&apos;s checks would find</CardTitle>
        <p className="text-sm text-slate-600">
          The same automatic examination the bank runs, on these documents as if presented now (dated {formatUtcDate(new Date(`${presentedOn}T00:00:00Z`))} by the bank&apos;s calendar). Fix what it finds before you
          present: a discrepancy can cost a refusal fee and a delay in payment.
        </p>
      </CardHeader>
      <CardBody className="space-y-3 text-sm">
        {findings.length === 0 ? (
          <p className="text-success-800">No discrepancy found by the automatic checks. The bank&apos;s examiners also read the documents themselves.</p>
        ) : (
          <ul className="space-y-2" aria-label="Pre-check discrepancies">
            {findings.map((f, i) => (
              <FindingItem key={i} finding={f} />
            ))}
          </ul>
        )}
        {checkByHand.length > 0 ? (
          <div>
            <p className="font-medium text-slate-800">Not decided automatically: check these yourself</p>
            <ul className="mt-1 space-y-2" aria-label="Pre-check points to check by hand">
              {checkByHand.map((f, i) => (
                <FindingItem key={i} finding={f} />
              ))}
            </ul>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <span className="font-medium">Art. {finding.article}</span> · {finding.documentKind ? DOCUMENT_KIND_LABELS[finding.documentKind] : "Presentation"}: {finding.message}
      {finding.found || finding.expected ? (
        <span className="block text-slate-700">
          Found: {finding.found ?? "—"} · Expected: {finding.expected ?? "—"}
        </span>
      ) : null}
    </li>
  );
}
