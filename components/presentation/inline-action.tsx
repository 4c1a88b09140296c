"use client";

import { randomId } from "./random-id";
import { useEffect, useMemo, useRef, useState } from "react";
import { takeAction } from "@/app/(app)/credits/[creditId]/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { useSignedFormAction } from "@/components/ui/use-form-action";
import { IDLE, type ActionState } from "@/lib/http/action-state";

// The examiner's and the beneficiary's small actions inside a presentation: dismiss a finding
// (with a reason), add a discrepancy, remove a document. Each posts to the same lifecycle engine.

interface Common {
  creditId: string;
  presentationId: string;
  version: number;
}

function useLifecycleForm() {
  // onSubmit, not action=: React's reset after an action threw away what was typed (issue 11, bug 5).
  const form = useRef<HTMLFormElement>(null);
  // Steps the credit's parties require signed go through the passkey prompt first (issue 14).
  const signed = useSignedFormAction<ActionState>(takeAction, IDLE, form);
  const { onSubmit: action, pending } = signed;
  const state: ActionState = useMemo(() => (signed.signError ? { status: "error", message: signed.signError } : signed.state), [signed.signError, signed.state]);
  const [key, setKey] = useState(randomId);
  const [handled, setHandled] = useState(state);
  // A new idempotency key once an action went through (a retry of a failed one keeps its key).
  if (state !== handled) {
    setHandled(state);
    if (state.status === "done") setKey(randomId());
  }
  useEffect(() => {
    if (state.status === "done") form.current?.reset();
  }, [state]);
  return { state, action, pending, key, form };
}

function Hidden({ common, action, idempotencyKey }: { common: Common; action: string; idempotencyKey: string }) {
  return (
    <>
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="creditId" value={common.creditId} />
      <input type="hidden" name="subjectId" value={common.presentationId} />
      <input type="hidden" name="expectedVersion" value={common.version} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
    </>
  );
}

export function DismissFinding({ findingId, ...common }: Common & { findingId: string }) {
  const { state, action, pending, key, form } = useLifecycleForm();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(true)}>
        Dismiss…
      </Button>
    );
  }
  return (
    <form ref={form} onSubmit={action} className="mt-2 space-y-2">
      <Hidden common={common} action="dismissFinding" idempotencyKey={key} />
      <input type="hidden" name="findingId" value={findingId} />
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <Field label="Why is this not a discrepancy?" required error={state.status === "error" ? state.fields?.reason : undefined}>
        {(f) => <Textarea {...f} name="reason" rows={2} required minLength={3} />}
      </Field>
      <div className="flex gap-2">
        <SubmitButton size="sm" variant="secondary" pending={pending}>
          Dismiss finding
        </SubmitButton>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function AddFinding({ documents, ...common }: Common & { documents: { id: string; label: string }[] }) {
  const { state, action, pending, key, form } = useLifecycleForm();
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form ref={form} onSubmit={action} className="space-y-3" aria-label="Add a discrepancy">
      <Hidden common={common} action="addFinding" idempotencyKey={key} />
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      {state.status === "done" ? <FormMessage tone="success">Discrepancy added.</FormMessage> : null}
      <div className="grid gap-3 md:grid-cols-[1fr_8rem]">
        <Field label="Document" error={errors.documentId}>
          {(f) => (
            <Select {...f} name="documentId" defaultValue="">
              <option value="">The presentation as a whole</option>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="UCP 600 article" required error={errors.article}>
          {(f) => <Input {...f} name="article" placeholder="14(d)" required maxLength={20} />}
        </Field>
      </div>
      <Field label="Discrepancy" required error={errors.message}>
        {(f) => <Textarea {...f} name="message" rows={2} required />}
      </Field>
      <div className="grid gap-3 md:grid-cols-2">
        <Field label="Found" error={errors.found}>
          {(f) => <Input {...f} name="found" />}
        </Field>
        <Field label="Expected" error={errors.expected}>
          {(f) => <Input {...f} name="expected" />}
        </Field>
      </div>
      <SubmitButton variant="secondary" pending={pending}>
        Add discrepancy
      </SubmitButton>
    </form>
  );
}

export function RemoveDocument({ documentId, fileName, ...common }: Common & { documentId: string; fileName: string }) {
  const { state, action, pending, key, form } = useLifecycleForm();
  return (
    <form ref={form} onSubmit={action} className="inline">
      <Hidden common={common} action="removeDocument" idempotencyKey={key} />
      <input type="hidden" name="documentId" value={documentId} />
      <SubmitButton size="sm" variant="ghost" pending={pending} aria-label={`Remove ${fileName}`}>
        Remove
      </SubmitButton>
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
    </form>
  );
}

export interface CorrectableDocument {
  id: string;
  label: string;
  /** The details of the document that can be corrected, with their current values. */
  fields: { key: string; label: string; value: string }[];
}

/** The examiner corrects one value captured from a presented document, with a reason; the examination then runs again. */
export function CorrectDocumentData({ documents, ...common }: Common & { documents: CorrectableDocument[] }) {
  const { state, action, pending, key, form } = useLifecycleForm();
  const [documentId, setDocumentId] = useState(documents[0]?.id ?? "");
  const document = documents.find((d) => d.id === documentId);
  const [field, setField] = useState(document?.fields[0]?.key ?? "");
  const current = document?.fields.find((f) => f.key === field);
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form ref={form} onSubmit={action} className="space-y-3" aria-label="Correct a captured value">
      <Hidden common={common} action="correctDocumentData" idempotencyKey={key} />
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      {state.status === "done" ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <Field label="Document" error={errors.documentId}>
          {(f) => (
            <Select
              {...f}
              name="documentId"
              value={documentId}
              onChange={(e) => {
                setDocumentId(e.target.value);
                setField(documents.find((d) => d.id === e.target.value)?.fields[0]?.key ?? "");
              }}
            >
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Detail" error={errors.field} hint={current ? `Captured: ${current.value || "nothing"}` : undefined}>
          {(f) => (
            <Select {...f} name="field" value={field} onChange={(e) => setField(e.target.value)}>
              {(document?.fields ?? []).map((d) => (
                <option key={d.key} value={d.key}>
                  {d.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field label="The value on the document" required error={errors.value}>
        {(f) => <Input {...f} name="value" required />}
      </Field>
      <Field label="Why the captured value was wrong" required error={errors.reason}>
        {(f) => <Textarea {...f} name="reason" rows={2} required minLength={3} />}
      </Field>
      <SubmitButton variant="secondary" pending={pending}>
        Correct and re-examine
      </SubmitButton>
    </form>
  );
}

/** eUCP art. e12(a): the examining bank asks for a corrupted electronic record to be re-presented. */
export function RequestRepresentation({ documentId, fileName, ...common }: Common & { documentId: string; fileName: string }) {
  const { state, action, pending, key, form } = useLifecycleForm();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)} aria-label={`Ask to re-present ${fileName}`}>
        Corrupted? Ask again
      </Button>
    );
  }
  return (
    <form ref={form} onSubmit={action} className="mt-2 space-y-2" aria-label={`Ask to re-present ${fileName}`}>
      <Hidden common={common} action="requestRepresentation" idempotencyKey={key} />
      <input type="hidden" name="documentId" value={documentId} />
      <p className="text-xs text-slate-700">
        The time for examination is suspended until the record is re-presented (eUCP art. e12(b)(i)); not re-presented within 30 calendar days, or by expiry if earlier, it may be treated as not presented.
      </p>
      <Field label="What is wrong with the record" required error={state.status === "error" ? state.fields?.reason : undefined}>
        {(f) => <Textarea {...f} name="reason" rows={2} required minLength={3} />}
      </Field>
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <div className="flex gap-2">
        <SubmitButton size="sm" pending={pending}>
          Ask to re-present
        </SubmitButton>
        <Button size="sm" variant="ghost" type="button" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** eUCP art. e6(a)(ii): the examining bank records the day a paper document was received at its counter. */
export function RecordCounterReceipt({ documentId, fileName, today, ...common }: Common & { documentId: string; fileName: string; today: string }) {
  const { state, action, pending, key, form } = useLifecycleForm();
  return (
    <form ref={form} onSubmit={action} className="mt-1 flex flex-wrap items-end gap-2" aria-label={`Record ${fileName} received at the counter`}>
      <Hidden common={common} action="recordCounterReceipt" idempotencyKey={key} />
      <input type="hidden" name="documentId" value={documentId} />
      <Field label="Received at the counter on" error={state.status === "error" ? state.fields?.receivedOn : undefined}>
        {(f) => <Input {...f} type="date" name="receivedOn" defaultValue={today} max={today} required />}
      </Field>
      <SubmitButton size="sm" pending={pending}>
        Record receipt
      </SubmitButton>
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
    </form>
  );
}
