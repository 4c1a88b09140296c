"use client";

import { type ChangeEvent, useDeferredValue, useMemo, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { type ImportProblem, importCreditFin, sameBank } from "@/lib/swift/import";
import { ImportProblems, MappingTable, selectLine } from "./import-parts";

// The import page's form (issue 15, item 3): the FIN text, pasted or uploaded, is read as it is
// typed by the same pure code the server runs again (lib/swift/import.ts); every problem names its
// line and moves the cursor there; the mapping shows each field beside the TradeTrail term it
// becomes. Creating asks for confirmation; the server decides.

interface Props {
  bank: { name: string; bic: string };
  beneficiaries: { id: string; name: string }[];
  knownIssuingBanks: { name: string; bic: string }[];
  action: (form: FormData) => Promise<{ status: "error"; message: string }>;
}

export function ImportCreditForm({ bank, beneficiaries, knownIssuingBanks, action }: Props) {
  const [fin, setFin] = useState("");
  const [issuingBankName, setIssuingBankName] = useState("");
  const [beneficiaryId, setBeneficiaryId] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const text = useDeferredValue(fin);

  const known = (bic: string | null) => (bic ? (knownIssuingBanks.find((b) => sameBank(b.bic, bic)) ?? null) : null);
  const preview = useMemo(() => {
    if (text.trim() === "") return null;
    const parsed = importCreditFin(text, { advisingBankBic: bank.bic, advisingBankName: bank.name });
    const problems: ImportProblem[] = [...parsed.problems];
    if (parsed.receiver && !sameBank(parsed.receiver, bank.bic)) problems.unshift({ line: 1, tag: "block 2", message: `the message is addressed to ${parsed.receiver}, not to your bank (${bank.bic})` });
    return { ...parsed, problems };
  }, [text, bank.bic, bank.name]);
  const issuer = known(preview?.issuingBankBic ?? null);
  const beneficiaryNamed = preview?.terms?.beneficiary.name ?? preview?.mapping.find((m) => m.tag === "59")?.value.split("\n")[0] ?? null;
  const suggested = beneficiaryNamed ? beneficiaries.find((b) => b.name.trim().toUpperCase() === beneficiaryNamed.trim().toUpperCase()) : undefined;
  const chosenBeneficiary = beneficiaryId || suggested?.id || "";
  const ready = !!preview && preview.problems.length === 0 && !!chosenBeneficiary && (!!issuer || issuingBankName.trim() !== "");

  const goToLine = (line: number) => selectLine(textarea.current, line);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > 100_000) {
      setFileError("The file is larger than 100 kB: it is not one credit's messages.");
      return;
    }
    setFileError(null);
    setFin(await file.text());
  };

  return (
    <div className="space-y-6">
      <div className="grid gap-4 lg:grid-cols-2">
        <Field label="FIN text of the MT700 or MT710" required hint="Paste the message as your SWIFT interface shows it, from {1: to -}, with its MT701s if any.">
          {(control) => (
            <Textarea
              {...control}
              ref={textarea}
              name="fin"
              value={fin}
              onChange={(e) => setFin(e.target.value)}
              spellCheck={false}
              rows={18}
              className="font-mono text-xs"
            />
          )}
        </Field>
        <div className="space-y-4">
          <Field label="Or upload the file (.fin or .txt)" error={fileError ?? undefined}>
            {(control) => <Input {...control} type="file" accept=".fin,.txt,text/plain" onChange={upload} />}
          </Field>
          <Field
            label="Issuing bank's name"
            required={!issuer}
            hint={issuer ? `Known to TradeTrail as ${issuer.name} (${issuer.bic}).` : preview?.issuingBankBic ? `The message names the issuing bank by its BIC only: ${preview.issuingBankBic}.` : "The message names the issuing bank by its BIC only."}
          >
            {(control) => <Input {...control} name="issuingBankName" value={issuer ? issuer.name : issuingBankName} disabled={!!issuer} onChange={(e) => setIssuingBankName(e.target.value)} maxLength={140} />}
          </Field>
          <Field label="Beneficiary in TradeTrail" required hint={beneficiaryNamed ? `Field 59 names: ${beneficiaryNamed}` : "The trading company the credit is advised to."}>
            {(control) => (
              <Select {...control} name="beneficiaryId" value={chosenBeneficiary} onChange={(e) => setBeneficiaryId(e.target.value)}>
                <option value="">Choose the beneficiary</option>
                {beneficiaries.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <div aria-live="polite" className="text-sm">
            {preview === null ? (
              <p className="text-slate-600">Paste a message to see how TradeTrail reads it.</p>
            ) : preview.problems.length > 0 ? (
              <ImportProblems problems={preview.problems} onGoToLine={goToLine} />
            ) : (
              <p className="rounded-md border border-success-200 bg-success-50 px-3 py-2 text-success-900">
                MT{preview.messageType} {preview.creditNumber} from {preview.issuingBankBic}: every field reads. Check the mapping below, then create the credit.
              </p>
            )}
          </div>
          {ready ? (
            <ConfirmDialog
              trigger="Create the credit"
              title={`Create credit ${preview!.creditNumber} in TradeTrail?`}
              description={`Your bank becomes the advising bank of ${preview!.terms!.currency} ${preview!.terms!.amount} issued by ${issuer?.name ?? issuingBankName} (${preview!.issuingBankBic}), an external party. The credit waits for your advice to the beneficiary. The same credit number from this bank cannot be imported again.`}
              confirmLabel="Import and create"
              formAction={action}
              hiddenFields={{ fin, beneficiaryId: chosenBeneficiary, issuingBankName: issuer ? "" : issuingBankName }}
            />
          ) : (
            <p className="text-sm text-slate-600">{preview && preview.problems.length === 0 ? "Choose the beneficiary and name the issuing bank to create the credit." : null}</p>
          )}
        </div>
      </div>

      {preview && preview.mapping.length > 0 ? <MappingTable mapping={preview.mapping} /> : null}
    </div>
  );
}
