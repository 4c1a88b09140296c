"use client";

import { useDeferredValue, useMemo, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { type ImportProblem, importAmendmentFin, sameBank } from "@/lib/swift/import";
import type { Terms } from "@/lib/terms/schema";
import { ImportProblems, MappingTable, selectLine } from "./import-parts";

// The advising bank of a credit imported from an issuing bank outside TradeTrail pastes an MT707
// it received (issue 15, item 3): read as typed by the code the server runs again, applied on
// confirmation as an amendment awaiting the bank's advice and the beneficiary's consent.

interface Props {
  creditId: string;
  context: { issuer: { name: string; bic: string }; bankBic: string; creditNumber: string; nextNumber: number; terms: Terms };
  action: (form: FormData) => Promise<{ status: "error"; message: string }>;
}

export function ImportAmendmentForm({ creditId, context, action }: Props) {
  const [fin, setFin] = useState("");
  const textarea = useRef<HTMLTextAreaElement>(null);
  const text = useDeferredValue(fin);
  const preview = useMemo(() => {
    if (text.trim() === "") return null;
    const parsed = importAmendmentFin(text, context.terms, { creditNumber: context.creditNumber, issuingBankBic: context.issuer.bic, nextNumber: context.nextNumber });
    const problems: ImportProblem[] = [...parsed.problems];
    if (parsed.receiver && context.bankBic && !sameBank(parsed.receiver, context.bankBic)) problems.unshift({ line: 1, tag: "block 2", message: `the message is addressed to ${parsed.receiver}, not to your bank (${context.bankBic})` });
    return { ...parsed, problems };
  }, [text, context]);

  return (
    <details className="mb-4 rounded-lg border border-slate-200 px-4 py-3" data-import-amendment="">
      <summary className="cursor-pointer text-sm font-medium text-slate-900">Import an MT707 received from {context.issuer.name}</summary>
      <div className="mt-3 space-y-4">
        <Field label="FIN text of the MT707" required hint={`Amendment no. ${context.nextNumber} of credit ${context.creditNumber}, sent by ${context.issuer.bic}, with its MT708s if any.`}>
          {(control) => <Textarea {...control} ref={textarea} value={fin} onChange={(e) => setFin(e.target.value)} spellCheck={false} rows={12} className="font-mono text-xs" />}
        </Field>
        <div aria-live="polite" className="text-sm">
          {preview === null ? null : preview.problems.length > 0 ? (
            <ImportProblems problems={preview.problems} onGoToLine={(line) => selectLine(textarea.current, line)} verb="applied" />
          ) : (
            <p className="rounded-md border border-success-200 bg-success-50 px-3 py-2 text-success-900">
              {preview.cancellation ? `MT707 no. ${preview.number}: cancellation of the credit, once the beneficiary consents.` : `MT707 no. ${preview.number}: every field reads. Check the mapping below, then apply it.`}
            </p>
          )}
        </div>
        {preview && preview.problems.length === 0 ? (
          <ConfirmDialog
            trigger="Apply the amendment"
            title={`Apply MT707 no. ${preview.number} of ${context.issuer.name}?`}
            description="It becomes an issued amendment: you advise it to the beneficiary, who accepts or rejects it as a whole (UCP 600 art. 10). Until accepted, the credit's terms stay as they are."
            confirmLabel="Apply the amendment"
            formAction={action}
            hiddenFields={{ creditId, fin }}
          />
        ) : null}
        {preview && preview.mapping.length > 0 ? <MappingTable mapping={preview.mapping} /> : null}
      </div>
    </details>
  );
}
