"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import {
  CONSIGNEES,
  CONSIGNEE_LABELS,
  type DocumentConditionsInput,
  FREIGHT,
  FREIGHT_LABELS,
  INSURANCE_RISKS,
  ISSUER_KINDS,
  ISSUER_LABELS,
  type InsuranceConditions,
  type IssuerKind,
  NOTIFY_LABELS,
  NOTIFY_PARTIES,
  type OriginConditions,
  RISK_LABELS,
  type TransportConditions,
} from "@/lib/terms/conditions";
import { type DocumentKind, TRANSPORT_DOCUMENT_KINDS } from "@/lib/terms/schema";

// What 46A requires of one document as data (lib/terms/conditions.ts), edited beside its row:
// the issuer for every kind, and the transport, insurance or origin conditions where the kind
// has them. A control left at "Not stated" leaves its key out, so the terms (and their hash)
// are as if the condition did not exist. Labels carry the row number: several rows are on screen.

type Transport = Partial<TransportConditions>;
type Insurance = Partial<InsuranceConditions>;
/** The conditions as the form holds them: the schema's shape, every value optional until submitted. */
type Conditions = { issuer?: { kind: IssuerKind; name?: string }; transport?: Transport; insurance?: Insurance; origin?: Partial<OriginConditions> };

/** The issuers that issue a kind of document (a carrier issues transport documents, an insurer insurance). */
export const issuerKindsFor = (kind: DocumentKind): IssuerKind[] =>
  ISSUER_KINDS.filter((k) => (k === "CARRIER_OR_AGENT" ? TRANSPORT_DOCUMENT_KINDS.includes(kind) : k === "INSURER_OR_AGENT" ? kind === "INSURANCE_CERTIFICATE" : true));

/** The conditions a document keeps when its kind changes: only those that describe the new kind. */
export function conditionsForKind(input: DocumentConditionsInput | undefined, kind: DocumentKind): DocumentConditionsInput | undefined {
  const conditions = input as Conditions | undefined;
  if (!conditions) return undefined;
  const issuer = conditions.issuer && issuerKindsFor(kind).includes(conditions.issuer.kind as IssuerKind) ? conditions.issuer : undefined;
  const kept: Conditions = {
    ...(issuer ? { issuer } : {}),
    ...(TRANSPORT_DOCUMENT_KINDS.includes(kind) && conditions.transport ? { transport: conditions.transport } : {}),
    ...(kind === "INSURANCE_CERTIFICATE" && conditions.insurance ? { insurance: conditions.insurance } : {}),
    ...(kind === "CERTIFICATE_OF_ORIGIN" && conditions.origin ? { origin: conditions.origin } : {}),
  };
  return Object.keys(kept).length > 0 ? kept : undefined;
}

const YES_NO = [
  { value: "", label: "Not stated" },
  { value: "true", label: "Yes" },
  { value: "false", label: "No" },
];
const yesNo = (value: unknown) => (value === true ? "true" : value === false ? "false" : "");
const fromYesNo = (value: string) => (value === "true" ? true : value === "false" ? false : undefined);

export interface DocumentConditionsProps {
  /** 1-based row number, for labels. */
  row: number;
  kind: DocumentKind;
  conditions: DocumentConditionsInput | undefined;
  onChange: (conditions: DocumentConditionsInput | undefined) => void;
  /** The error for a path inside this row's conditions, e.g. "transport.consigneeName". */
  error: (path: string) => string | undefined;
}

export function DocumentConditions({ row, kind, conditions, onChange, error }: DocumentConditionsProps) {
  const c = (conditions ?? {}) as Conditions;
  const transport = TRANSPORT_DOCUMENT_KINDS.includes(kind) && kind !== "COURIER_RECEIPT";
  const label = (what: string) => `Document ${row} ${what}`;
  const set = <G extends keyof Conditions>(group: G, value: Conditions[G] | undefined) => onChange({ ...c, [group]: value });
  const setTransport = (patch: Partial<Transport>) => set("transport", { ...c.transport, ...patch });
  const setInsurance = (patch: Partial<Insurance>) => set("insurance", { ...c.insurance, ...patch });
  // Open when something is stated or wrong; closed on a row that states nothing, to keep the list short.
  const open = Object.keys(c).some((g) => c[g as keyof Conditions] !== undefined) || ["issuer.kind", "issuer.name", "issuer", "transport", "insurance", "origin"].some((p) => error(p));
  const t = c.transport ?? {};
  const i = c.insurance ?? {};
  const risks: string[] = i.risks ?? [];

  return (
    <details className="col-span-2 rounded-md bg-slate-50 px-3 py-2 lg:col-span-5" open={open || undefined}>
      <summary className="cursor-pointer text-sm font-medium text-slate-800">Document {row} requirements as data (issuer{transport ? ", consignee, freight" : kind === "INSURANCE_CERTIFICATE" ? ", cover, risks" : kind === "CERTIFICATE_OF_ORIGIN" ? ", origin" : ""})</summary>
      <fieldset className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="sr-only">Document {row} requirements as data</legend>
        <Field label="Issued by" error={error("issuer.kind")}>
          {(f) => (
            <Select
              {...f}
              aria-label={label("issued by")}
              value={c.issuer?.kind ?? ""}
              onChange={(e) => set("issuer", e.target.value ? { kind: e.target.value as IssuerKind, ...(e.target.value === "NAMED" ? { name: c.issuer?.name ?? "" } : {}) } : undefined)}
            >
              <option value="">Not stated</option>
              {issuerKindsFor(kind).map((k) => (
                <option key={k} value={k}>
                  {ISSUER_LABELS[k]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {c.issuer?.kind === "NAMED" ? (
          <Field label="Issuer's name" required error={error("issuer.name")}>
            {(f) => <Input {...f} aria-label={label("issuer's name")} value={c.issuer?.name ?? ""} onChange={(e) => set("issuer", { kind: "NAMED", name: e.target.value })} />}
          </Field>
        ) : null}

        {transport ? (
          <>
            <Field label="Made out (consignee)" error={error("transport.consignee")}>
              {(f) => (
                <Select {...f} aria-label={label("consignee")} value={t.consignee ?? ""} onChange={(e) => setTransport({ consignee: (e.target.value || undefined) as Transport["consignee"], ...(e.target.value === "NAMED" ? {} : { consigneeName: undefined }) })}>
                  <option value="">Not stated</option>
                  {CONSIGNEES.map((v) => (
                    <option key={v} value={v}>
                      {CONSIGNEE_LABELS[v]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {t.consignee === "NAMED" ? (
              <Field label="Consignee's name" required error={error("transport.consigneeName")}>
                {(f) => <Input {...f} aria-label={label("consignee's name")} value={t.consigneeName ?? ""} onChange={(e) => setTransport({ consigneeName: e.target.value })} />}
              </Field>
            ) : null}
            <Field label="Notify party" error={error("transport.notifyParty")}>
              {(f) => (
                <Select {...f} aria-label={label("notify party")} value={t.notifyParty ?? ""} onChange={(e) => setTransport({ notifyParty: (e.target.value || undefined) as Transport["notifyParty"], ...(e.target.value === "NAMED" ? {} : { notifyPartyName: undefined }) })}>
                  <option value="">Not stated</option>
                  {NOTIFY_PARTIES.map((v) => (
                    <option key={v} value={v}>
                      {NOTIFY_LABELS[v]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {t.notifyParty === "NAMED" ? (
              <Field label="Notify party's name" required error={error("transport.notifyPartyName")}>
                {(f) => <Input {...f} aria-label={label("notify party's name")} value={t.notifyPartyName ?? ""} onChange={(e) => setTransport({ notifyPartyName: e.target.value })} />}
              </Field>
            ) : null}
            <Field label="Freight" error={error("transport.freight")}>
              {(f) => (
                <Select {...f} aria-label={label("freight")} value={t.freight ?? ""} onChange={(e) => setTransport({ freight: (e.target.value || undefined) as Transport["freight"] })}>
                  <option value="">Not stated</option>
                  {FREIGHT.map((v) => (
                    <option key={v} value={v}>
                      {FREIGHT_LABELS[v]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {(
              [
                ["clean", "Clean"],
                ["onBoard", "Shipped on board"],
                ["charterPartyAllowed", "Charter party B/L acceptable"],
                ["onDeckAllowed", "Shipment on deck acceptable"],
              ] as const
            ).map(([key, text]) => (
              <Field key={key} label={text} error={error(`transport.${key}`)}>
                {(f) => (
                  <Select {...f} aria-label={label(text.toLowerCase())} value={yesNo(t[key])} onChange={(e) => setTransport({ [key]: fromYesNo(e.target.value) })}>
                    {YES_NO.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            ))}
          </>
        ) : null}

        {kind === "INSURANCE_CERTIFICATE" ? (
          <>
            <Field label="Cover, % of CIF or CIP value" error={error("insurance.coverPercent")} hint="110 when not stated (art. 28(f)(ii))">
              {(f) => (
                <Input
                  {...f}
                  aria-label={label("cover percent")}
                  type="number"
                  min={100}
                  max={200}
                  // Kept as typed: a value the schema refuses comes back with its error, not blanked.
                  value={i.coverPercent === undefined ? "" : String(i.coverPercent)}
                  onChange={(e) => setInsurance({ coverPercent: e.target.value === "" ? undefined : Number(e.target.value) })}
                />
              )}
            </Field>
            <Field label="Cover from (place)" error={error("insurance.coverFrom")}>
              {(f) => <Input {...f} aria-label={label("cover from")} value={i.coverFrom ?? ""} onChange={(e) => setInsurance({ coverFrom: e.target.value || undefined })} />}
            </Field>
            <Field label="Cover to (place)" error={error("insurance.coverTo")}>
              {(f) => <Input {...f} aria-label={label("cover to")} value={i.coverTo ?? ""} onChange={(e) => setInsurance({ coverTo: e.target.value || undefined })} />}
            </Field>
            <fieldset className="sm:col-span-2 lg:col-span-4" aria-describedby={error("insurance.risks") ? `doc-${row}-risks-error` : undefined}>
              <legend className="text-sm font-medium text-slate-800">Document {row} risks to be covered</legend>
              <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {INSURANCE_RISKS.map((risk) => (
                  <label key={risk} className="flex items-center gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      className="h-4 w-4"
                      checked={risks.includes(risk)}
                      onChange={(e) => {
                        const next = e.target.checked ? [...risks, risk] : risks.filter((r) => r !== risk);
                        setInsurance({ risks: next.length > 0 ? (INSURANCE_RISKS.filter((r) => next.includes(r)) as Insurance["risks"]) : undefined });
                      }}
                    />
                    {RISK_LABELS[risk]}
                  </label>
                ))}
              </div>
              {error("insurance.risks") ? (
                <p id={`doc-${row}-risks-error`} data-field-error="" className="text-sm text-danger-700">
                  {error("insurance.risks")}
                </p>
              ) : null}
            </fieldset>
          </>
        ) : null}

        {kind === "CERTIFICATE_OF_ORIGIN" ? (
          <Field label="Country of origin (ISO code)" error={error("origin.originCountry")} hint="Two letters, e.g. NL">
            {(f) => (
              <Input
                {...f}
                aria-label={label("country of origin")}
                maxLength={2}
                className="uppercase"
                value={c.origin?.originCountry ?? ""}
                onChange={(e) => set("origin", e.target.value ? { originCountry: e.target.value.toUpperCase() } : undefined)}
              />
            )}
          </Field>
        ) : null}
      </fieldset>
    </details>
  );
}
