"use client";

import { type FormEvent, type ReactNode, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { useFormAction } from "@/components/ui/use-form-action";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import { DateWarnings, dateWarnings } from "./date-warnings";
import { DraftingNotes } from "./drafting-notes";
import { Mt700OptionalFields } from "@/components/terms/mt700-optional-fields";
import { DocumentConditions, conditionsForKind } from "./document-conditions";
import { CREDIT_KIND_LABELS, RULES_LABELS } from "@/lib/terms/fields";
import { MT700_TEXT_FIELDS } from "@/lib/terms/mt700";
import { describeSwiftFormat } from "@/lib/swift/format";
import {
  APPLICABLE_RULES,
  AVAILABLE_BY,
  AVAILABLE_WITH,
  CONFIRMATION,
  CURRENCIES,
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  type DocumentKind,
  INCOTERMS,
  STANDBY_DOCUMENT_KINDS,
  STANDBY_RULES,
  type TermsInput,
} from "@/lib/terms/schema";

// The MT700 terms as one form a trade-operations user fills in quickly: grouped like the
// message, defaults where practice has one, inline errors from the server next to each field.

export interface PartyOption {
  id: string;
  name: string;
  address: string | null;
}

export interface TermsFormProps {
  initial: TermsInput;
  submitLabel: string;
  serverAction: (previous: ActionState, form: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  /** Drafting a new credit: choose the counterparties. */
  choose?: { beneficiaries: PartyOption[]; banks: PartyOption[] };
  /** An amendment cannot change the parties or the currency. */
  lockParties?: boolean;
  commentLabel?: string;
  /**
   * Drafting a new credit: the form starts empty and offers ready-made terms to start from.
   * `sample` is the demo's sample terms; `more` is the slot for further starting points (a
   * template picker) that call `apply` with the terms they chose.
   */
  startFrom?: { sample: TermsInput; more?: (apply: (terms: TermsInput, source: string) => void) => ReactNode };
}

type Docs = NonNullable<TermsInput["documentsRequired"]>;

const FORM_LABELS = { IRREVOCABLE: "Irrevocable", IRREVOCABLE_TRANSFERABLE: "Irrevocable transferable" } as const;
const BY_LABELS = { PAYMENT: "Sight payment", DEFERRED_PAYMENT: "Deferred payment", ACCEPTANCE: "Acceptance", NEGOTIATION: "Negotiation" } as const;
const WITH_LABELS = { ISSUING_BANK: "Issuing bank", ADVISING_BANK: "Advising bank", ANY_BANK: "Any bank" } as const;
const CONFIRMATION_LABELS = { WITHOUT: "Without", MAY_ADD: "May add", CONFIRM: "Confirm" } as const;

let nextRowKey = 0;
const rowKeys = (count: number) => Array.from({ length: count }, () => `row-${nextRowKey++}`);

export function TermsForm(props: TermsFormProps) {
  // Submitted from onSubmit, not action=: React's reset after an action would show the selects'
  // first-rendered options while the payload still carried the chosen ones (issue 11, bug 1).
  const [state, onSubmit, pending] = useFormAction<ActionState>(props.serverAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  const [terms, setTerms] = useState<TermsInput>(props.initial);
  // 46A rows keep their identity when one is removed: keys by position would hand a removed
  // row's controls to its neighbour.
  const [docKeys, setDocKeys] = useState<string[]>(() => rowKeys(props.initial.documentsRequired?.length ?? 0));
  // Terms started from a sample or a template are saved only once the user says they checked them.
  const [startedFrom, setStartedFrom] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const [localError, setLocalError] = useState<{ message: string; fields: Record<string, string>; attempt: number } | null>(null);
  const [parties, setParties] = useState({ beneficiaryId: "", issuingBankId: "", advisingBankId: "" });
  const [comment, setComment] = useState("");
  const errors: Record<string, string> = localError ? localError.fields : state.status === "error" ? state.fields ?? {} : {};
  const err = (path: string) => errors[`terms.${path}`] ?? errors[path];
  const set = <K extends keyof TermsInput>(key: K, value: TermsInput[K]) => setTerms((t) => ({ ...t, [key]: value }));
  const docs: Docs = terms.documentsRequired ?? [];
  const setDoc = (index: number, patch: Partial<Docs[number]>) => set("documentsRequired", docs.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const tolerance = terms.tolerance ?? { type: "NONE" as const };
  const standby = terms.creditKind === "STANDBY";
  // A standby has no shipment: switching clears the shipment fields and lists a demand and a
  // statement of default; switching back lists a commercial invoice.
  const chooseKind = (kind: "DOCUMENTARY" | "STANDBY") =>
    setTerms((t) => {
      const { portOfLoading: _l, portOfDischarge: _d, latestShipmentDate: _s, incoterm: _i, placeOfTakingInCharge: _p, finalDestination: _f, shipmentPeriod: _sp, ...rest } = t;
      if (kind === "STANDBY") {
        return {
          ...rest,
          creditKind: "STANDBY",
          // ISP98 3.08: partial and multiple drawings are allowed unless the standby says otherwise.
          partialShipments: "ALLOWED",
          applicableRules: STANDBY_RULES.includes(t.applicableRules ?? "UCP_LATEST_VERSION") ? t.applicableRules : "ISP_LATEST_VERSION",
          documentsRequired: STANDBY_DOCUMENT_KINDS.map((kind) => ({ kind, originals: 1, copies: 0, details: "" })),
        };
      }
      const kept = (t.documentsRequired ?? []).filter((d) => !STANDBY_DOCUMENT_KINDS.includes(d.kind));
      return {
        ...t,
        creditKind: "DOCUMENTARY",
        applicableRules: t.applicableRules === "ISP_LATEST_VERSION" || t.applicableRules === "ISP_URR_LATEST_VERSION" ? "UCP_LATEST_VERSION" : t.applicableRules,
        documentsRequired: kept.length > 0 ? kept : [{ kind: "COMMERCIAL_INVOICE", originals: 1, copies: 0, details: "" }],
      };
    });

  const payload = JSON.stringify(props.choose ? { ...parties, terms, comment } : { terms, comment, note: comment });
  const apply = (next: TermsInput, source: string) => {
    setTerms({ ...next, applicant: props.initial.applicant ?? next.applicant, beneficiary: terms.beneficiary ?? next.beneficiary });
    setDocKeys(rowKeys(next.documentsRequired?.length ?? 0));
    setStartedFrom(source);
    setChecked(false);
    setLocalError(null);
  };
  const addDoc = () => {
    set("documentsRequired", [...docs, { kind: "OTHER", originals: 1, copies: 0, details: "" }]);
    setDocKeys((keys) => [...keys, ...rowKeys(1)]);
  };
  const removeDoc = (index: number) => {
    set("documentsRequired", docs.filter((_, i) => i !== index));
    setDocKeys((keys) => keys.filter((_, i) => i !== index));
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    if (startedFrom && !checked) {
      event.preventDefault();
      setLocalError((previous) => ({
        message: `These terms come from the ${startedFrom}. Check every field against the applicant's instructions, then confirm that you did.`,
        fields: { reviewedStart: "Confirm that you checked the terms" },
        attempt: (previous?.attempt ?? 0) + 1,
      }));
      return;
    }
    setLocalError(null);
    onSubmit(event);
  };
  const failure = localError ?? (state.status === "error" ? state : null);

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-8" noValidate>
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="payload" value={payload} />
      {failure ? <ErrorSummary message={failure.message} form={formRef} attempt={localError ?? state} /> : null}

      {props.startFrom ? (
        <section aria-labelledby="terms-start" className="flex flex-wrap items-center gap-3 rounded-lg border border-dashed border-slate-300 bg-white p-4">
          <h2 id="terms-start" className="text-sm font-semibold text-slate-800">
            Start from
          </h2>
          <Button type="button" variant="secondary" size="sm" onClick={() => apply(props.startFrom!.sample, "sample terms")}>
            Start from sample
          </Button>
          {props.startFrom.more?.(apply)}
          <p className="w-full text-sm text-slate-600">Or fill in the empty form below.</p>
        </section>
      ) : null}

      {props.choose ? (
        <Section title="Parties and banks">
          <Field label="Beneficiary (seller)" required error={errors.beneficiaryId}>
            {(f) => (
              <Select
                {...f}
                value={parties.beneficiaryId}
                onChange={(e) => {
                  const chosen = props.choose!.beneficiaries.find((b) => b.id === e.target.value);
                  setParties((p) => ({ ...p, beneficiaryId: e.target.value }));
                  if (chosen) set("beneficiary", { name: chosen.name, address: chosen.address ?? "" });
                }}
              >
                <option value="">Choose…</option>
                {props.choose!.beneficiaries.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Issuing bank (your bank)" required error={errors.issuingBankId}>
            {(f) => (
              <Select {...f} value={parties.issuingBankId} onChange={(e) => setParties((p) => ({ ...p, issuingBankId: e.target.value }))}>
                <option value="">Choose…</option>
                {props.choose!.banks.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Advising bank (the seller's bank)" required error={errors.advisingBankId}>
            {(f) => (
              <Select {...f} value={parties.advisingBankId} onChange={(e) => setParties((p) => ({ ...p, advisingBankId: e.target.value }))}>
                <option value="">Choose…</option>
                {props.choose!.banks.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </Section>
      ) : null}

      <Section title="Applicant and beneficiary (50, 59)">
        <Field label="Applicant name" required error={err("applicant.name")}>
          {(f) => <Input {...f} value={terms.applicant?.name ?? ""} disabled={props.lockParties} onChange={(e) => set("applicant", { ...terms.applicant!, name: e.target.value })} />}
        </Field>
        <Field label="Applicant address" required error={err("applicant.address")}>
          {(f) => <Textarea {...f} rows={2} value={terms.applicant?.address ?? ""} disabled={props.lockParties} onChange={(e) => set("applicant", { ...terms.applicant!, address: e.target.value })} />}
        </Field>
        <Field label="Beneficiary name" required error={err("beneficiary.name")}>
          {(f) => <Input {...f} value={terms.beneficiary?.name ?? ""} disabled={props.lockParties} onChange={(e) => set("beneficiary", { ...terms.beneficiary!, name: e.target.value })} />}
        </Field>
        <Field label="Beneficiary address" required error={err("beneficiary.address")}>
          {(f) => <Textarea {...f} rows={2} value={terms.beneficiary?.address ?? ""} disabled={props.lockParties} onChange={(e) => set("beneficiary", { ...terms.beneficiary!, address: e.target.value })} />}
        </Field>
      </Section>

      <Section title="Kind of credit and rules (40A, 40E)">
        <Field label="Kind of credit" error={err("creditKind")} hint="A standby is paid against a demand and a statement of default, not shipping documents.">
          {(f) => (
            <Select {...f} value={terms.creditKind ?? "DOCUMENTARY"} onChange={(e) => chooseKind(e.target.value as "DOCUMENTARY" | "STANDBY")}>
              {Object.entries(CREDIT_KIND_LABELS).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Applicable rules (40E)" error={err("applicableRules")} hint={standby ? "A standby is subject to ISP98 or UCP 600." : undefined}>
          {(f) => (
            <Select {...f} value={terms.applicableRules ?? "UCP_LATEST_VERSION"} onChange={(e) => set("applicableRules", e.target.value as TermsInput["applicableRules"])}>
              {APPLICABLE_RULES.filter((v) => (standby ? STANDBY_RULES.includes(v) : v !== "ISP_LATEST_VERSION" && v !== "ISP_URR_LATEST_VERSION")).map((v) => (
                <option key={v} value={v}>
                  {RULES_LABELS[v]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {terms.applicableRules === "OTHER" ? (
          <Field label="Other applicable rules (40E narrative)" required error={err("applicableRulesNarrative")} hint={describeSwiftFormat(MT700_TEXT_FIELDS.applicableRulesNarrative)}>
            {(f) => <Input {...f} value={terms.applicableRulesNarrative ?? ""} onChange={(e) => set("applicableRulesNarrative", e.target.value)} />}
          </Field>
        ) : null}
      </Section>

      <Section title="Form, amount and availability (40A, 32B, 39A, 41a, 42C)">
        <Field label="Form of credit (40A)" error={err("form")}>
          {(f) => (
            <Select {...f} value={terms.form ?? "IRREVOCABLE"} onChange={(e) => set("form", e.target.value as TermsInput["form"])}>
              {Object.entries(FORM_LABELS).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
          <Field label="Currency" required error={err("currency")}>
            {(f) => (
              <Select {...f} value={terms.currency ?? ""} disabled={props.lockParties} onChange={(e) => set("currency", e.target.value as TermsInput["currency"])}>
                {terms.currency ? null : <option value="">Choose…</option>}
                {CURRENCIES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Amount (32B)" required error={err("amount")}>
            {(f) => <Input {...f} inputMode="decimal" className="tabular-nums" value={terms.amount ?? ""} onChange={(e) => set("amount", e.target.value)} />}
          </Field>
        </div>
        <Field label="Tolerance (39A)" error={err("tolerance") ?? err("tolerance.plus") ?? err("tolerance.minus")} hint="“About” allows 10% more or less (UCP 600 art. 30a).">
          {(f) => (
            <div className="flex flex-wrap items-center gap-2">
              <Select
                {...f}
                value={tolerance.type}
                onChange={(e) => set("tolerance", e.target.value === "PERCENT" ? { type: "PERCENT", plus: 5, minus: 5 } : ({ type: e.target.value } as TermsInput["tolerance"]))}
              >
                <option value="NONE">None</option>
                <option value="PERCENT">Plus/minus percent</option>
                <option value="ABOUT">About (±10%)</option>
              </Select>
              {tolerance.type === "PERCENT" ? (
                <>
                  <label className="text-sm">
                    + <Input aria-label="Tolerance plus percent" className="inline w-16" type="number" min={0} max={10} value={tolerance.plus} onChange={(e) => set("tolerance", { ...tolerance, plus: Number(e.target.value) })} /> %
                  </label>
                  <label className="text-sm">
                    − <Input aria-label="Tolerance minus percent" className="inline w-16" type="number" min={0} max={10} value={tolerance.minus} onChange={(e) => set("tolerance", { ...tolerance, minus: Number(e.target.value) })} /> %
                  </label>
                </>
              ) : null}
            </div>
          )}
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Available with (41a)" error={err("availableWith")}>
            {(f) => (
              <Select {...f} value={terms.availableWith ?? "ADVISING_BANK"} onChange={(e) => set("availableWith", e.target.value as TermsInput["availableWith"])}>
                {AVAILABLE_WITH.map((v) => (
                  <option key={v} value={v}>
                    {WITH_LABELS[v]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Available by" error={err("availableBy")}>
            {(f) => (
              <Select {...f} value={terms.availableBy ?? "PAYMENT"} onChange={(e) => set("availableBy", e.target.value as TermsInput["availableBy"])}>
                {AVAILABLE_BY.map((v) => (
                  <option key={v} value={v}>
                    {BY_LABELS[v]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Drafts at (42C)" error={err("draftsAt")} hint="e.g. SIGHT">
            {(f) => <Input {...f} value={terms.draftsAt ?? ""} onChange={(e) => set("draftsAt", e.target.value)} />}
          </Field>
          <Field label="Tenor (days after shipment)" error={err("tenorDays")} hint="For deferred payment or acceptance">
            {(f) => <Input {...f} type="number" min={0} max={720} value={terms.tenorDays ?? ""} onChange={(e) => set("tenorDays", e.target.value === "" ? undefined : Number(e.target.value))} />}
          </Field>
        </div>
      </Section>

      <Section title="Dates and shipment (31D, 44C, 44E, 44F, 43P, 43T, Incoterm)">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Expiry date (31D)" required error={err("expiryDate")}>
            {(f) => <Input {...f} type="date" value={terms.expiryDate ?? ""} onChange={(e) => set("expiryDate", e.target.value)} />}
          </Field>
          <Field label="Place of expiry" required error={err("expiryPlace")}>
            {(f) => <Input {...f} maxLength={29} value={terms.expiryPlace ?? ""} onChange={(e) => set("expiryPlace", e.target.value)} />}
          </Field>
        </div>
        {standby ? null : (
          <>
            <Field label="Latest shipment date (44C)" required error={err("latestShipmentDate")} hint="Or leave empty and give a shipment period (44D) below">
              {(f) => <Input {...f} type="date" value={terms.latestShipmentDate ?? ""} onChange={(e) => set("latestShipmentDate", e.target.value)} />}
            </Field>
            <DateWarnings warnings={dateWarnings(terms)} className="md:col-span-2" />
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Port of loading (44E)" required error={err("portOfLoading")}>
                {(f) => <Input {...f} value={terms.portOfLoading ?? ""} onChange={(e) => set("portOfLoading", e.target.value)} />}
              </Field>
              <Field label="Port of discharge (44F)" required error={err("portOfDischarge")}>
                {(f) => <Input {...f} value={terms.portOfDischarge ?? ""} onChange={(e) => set("portOfDischarge", e.target.value)} />}
              </Field>
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Partial shipments (43P)" error={err("partialShipments")}>
                {(f) => (
                  <Select {...f} value={terms.partialShipments ?? "NOT_ALLOWED"} onChange={(e) => set("partialShipments", e.target.value as TermsInput["partialShipments"])}>
                    <option value="NOT_ALLOWED">Not allowed</option>
                    <option value="ALLOWED">Allowed</option>
                  </Select>
                )}
              </Field>
              <Field label="Transhipment (43T)" error={err("transhipment")}>
                {(f) => (
                  <Select {...f} value={terms.transhipment ?? "NOT_ALLOWED"} onChange={(e) => set("transhipment", e.target.value as TermsInput["transhipment"])}>
                    <option value="NOT_ALLOWED">Not allowed</option>
                    <option value="ALLOWED">Allowed</option>
                  </Select>
                )}
              </Field>
            </div>
            <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
              <Field label="Incoterm" required error={err("incoterm")}>
                {(f) => (
                  <Select {...f} value={terms.incoterm ?? ""} onChange={(e) => set("incoterm", e.target.value as TermsInput["incoterm"])}>
                    {terms.incoterm ? null : <option value="">Choose…</option>}
                    {INCOTERMS.map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Named place" error={err("incotermPlace")}>
                {(f) => <Input {...f} value={terms.incotermPlace ?? ""} onChange={(e) => set("incotermPlace", e.target.value)} />}
              </Field>
            </div>
          </>
        )}
      </Section>

      <Section title="Goods and documents (45A, 46A)">
        <Field
          label={standby ? "Underlying transaction (45A)" : "Description of goods (45A)"}
          required={!standby}
          error={err("goodsDescription")}
          hint={describeSwiftFormat(MT700_TEXT_FIELDS.goodsDescription)}
        >
          {(f) => <Textarea {...f} rows={3} className="font-mono" value={terms.goodsDescription ?? ""} onChange={(e) => set("goodsDescription", e.target.value)} />}
        </Field>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Documents required (46A)</legend>
          {err("documentsRequired") ? <p className="text-sm text-danger-700">{err("documentsRequired")}</p> : null}
          {docs.map((doc, index) => (
            <div
              key={docKeys[index] ?? index}
              role="group"
              aria-label={`Document ${index + 1}`}
              className="grid grid-cols-2 items-end gap-2 rounded-md border border-slate-200 p-3 lg:grid-cols-[14rem_5rem_5rem_minmax(10rem,1fr)_auto] lg:border-0 lg:p-0"
            >
              <Field label="Document" className="col-span-2 lg:col-span-1" error={err(`documentsRequired.${index}.kind`)}>
                {(f) => (
                  <Select
                    {...f}
                    aria-label={`Document ${index + 1} type`}
                    value={doc.kind}
                    // Conditions that do not describe the new kind (freight on an invoice) are dropped with the change.
                    onChange={(e) => setDoc(index, { kind: e.target.value as DocumentKind, conditions: conditionsForKind(doc.conditions, e.target.value as DocumentKind) })}
                  >
                    {DOCUMENT_KINDS.filter((k) => k === "OTHER" || STANDBY_DOCUMENT_KINDS.includes(k) === standby).map((k) => (
                      <option key={k} value={k}>
                        {DOCUMENT_KIND_LABELS[k]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Originals" error={err(`documentsRequired.${index}.originals`)}>
                {(f) => <Input {...f} aria-label={`Document ${index + 1} originals`} type="number" min={0} max={10} value={doc.originals} onChange={(e) => setDoc(index, { originals: Number(e.target.value) })} />}
              </Field>
              <Field label="Copies" error={err(`documentsRequired.${index}.copies`)}>
                {(f) => <Input {...f} aria-label={`Document ${index + 1} copies`} type="number" min={0} max={10} value={doc.copies} onChange={(e) => setDoc(index, { copies: Number(e.target.value) })} />}
              </Field>
              <Field label="Details" className="col-span-2 lg:col-span-1" error={err(`documentsRequired.${index}.details`)}>
                {(f) => <Input {...f} aria-label={`Document ${index + 1} details`} value={doc.details ?? ""} onChange={(e) => setDoc(index, { details: e.target.value })} />}
              </Field>
              <Button type="button" variant="ghost" size="sm" className="justify-self-start" aria-label={`Remove document ${index + 1}`} onClick={() => removeDoc(index)}>
                Remove
              </Button>
              <DocumentConditions
                row={index + 1}
                kind={doc.kind}
                conditions={doc.conditions}
                onChange={(conditions) => setDoc(index, { conditions })}
                error={(path) => err(`documentsRequired.${index}.conditions.${path}`)}
              />
            </div>
          ))}
          <Button type="button" variant="secondary" size="sm" onClick={addDoc}>
            Add a document
          </Button>
        </fieldset>
      </Section>

      <Section title="Conditions (47A, 71D, 48, 49)">
        <Field label="Additional conditions (47A)" error={err("additionalConditions")} hint={describeSwiftFormat(MT700_TEXT_FIELDS.additionalConditions)}>
          {(f) => <Textarea {...f} rows={3} className="font-mono" value={terms.additionalConditions ?? ""} onChange={(e) => set("additionalConditions", e.target.value)} />}
        </Field>
        <Field label="Charges (71D)" error={err("charges")} hint={describeSwiftFormat(MT700_TEXT_FIELDS.charges)}>
          {(f) => <Textarea {...f} rows={3} className="font-mono" value={terms.charges ?? ""} onChange={(e) => set("charges", e.target.value)} />}
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          {standby ? null : (
            <Field label="Presentation period, days after shipment (48)" error={err("presentationPeriodDays")}>
              {(f) => <Input {...f} type="number" min={1} max={180} value={terms.presentationPeriodDays ?? 21} onChange={(e) => set("presentationPeriodDays", Number(e.target.value))} />}
            </Field>
          )}
          <Field label="Confirmation instructions (49)" error={err("confirmation")}>
            {(f) => (
              <Select {...f} value={terms.confirmation ?? "WITHOUT"} onChange={(e) => set("confirmation", e.target.value as TermsInput["confirmation"])}>
                {CONFIRMATION.map((v) => (
                  <option key={v} value={v}>
                    {CONFIRMATION_LABELS[v]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      </Section>

      <DraftingNotes terms={terms} />

      <Mt700OptionalFields terms={terms} set={(path, value) => set(path, value as never)} err={err} standby={standby} />

      <Section title={props.commentLabel ?? "Comment for the other parties (optional)"}>
        <Field label="Comment" error={errors.comment ?? errors.note}>
          {(f) => <Textarea {...f} rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />}
        </Field>
      </Section>

      {startedFrom ? (
        <Field error={errors.reviewedStart}>
          {(f) => (
            <label className="flex items-start gap-2 text-sm text-slate-800">
              <input {...f} type="checkbox" className="mt-0.5 h-4 w-4" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
              <span>I have checked every field of these terms, which started from the {startedFrom}.</span>
            </label>
          )}
        </Field>
      ) : null}

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-6">
        <SubmitButton pending={pending}>{props.submitLabel}</SubmitButton>
        {failure && Object.keys(errors).length > 0 ? <span className="text-sm text-danger-700">{Object.keys(errors).length === 1 ? "1 field needs" : `${Object.keys(errors).length} fields need`} your attention.</span> : null}
      </div>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="grid min-w-0 gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-5 md:grid-cols-2">
      <legend className="px-1 text-sm font-semibold text-slate-800">{title}</legend>
      {children}
    </fieldset>
  );
}
