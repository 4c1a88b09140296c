"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import { type TokenState, addHolidayAction, createTokenAction, grantAuditAction } from "./actions";

export function CreateTokenForm() {
  const [state, action] = useActionState<TokenState, FormData>(createTokenAction, IDLE);
  return (
    <form action={action} className="space-y-3">
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      {state.status === "created" ? (
        <FormMessage tone="success">
          Token “{state.name}” created. Copy it now: it is shown only once.
          <code className="mt-2 block break-all rounded bg-slate-900 px-3 py-2 font-mono text-xs text-white">{state.token}</code>
        </FormMessage>
      ) : null}
      <div className="flex items-end gap-3">
        <Field label="Token name" error={state.status === "error" ? state.fields?.name : undefined} hint="e.g. Back office — trade finance">
          {(f) => <Input {...f} name="name" required minLength={3} maxLength={80} />}
        </Field>
        <SubmitButton variant="secondary">Create token</SubmitButton>
      </div>
    </form>
  );
}

export function GrantAuditForm({ auditors, credits, defaultUntil }: { auditors: { id: string; name: string }[]; credits: { id: string; label: string }[]; defaultUntil: string }) {
  const [state, action] = useActionState<ActionState, FormData>(grantAuditAction, IDLE);
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form action={action} className="grid gap-3 md:grid-cols-[1fr_1fr_10rem_auto] md:items-end">
      <div className="md:col-span-4">
        {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
        {state.status === "done" ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      </div>
      <Field label="Audit firm" required error={errors.auditorId}>
        {(f) => (
          <Select {...f} name="auditorId" required defaultValue="">
            <option value="">Choose…</option>
            {auditors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Scope" error={errors.creditId}>
        {(f) => (
          <Select {...f} name="creditId" defaultValue="">
            <option value="">All credits of our bank</option>
            {credits.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Valid until" required error={errors.validUntil}>
        {(f) => <Input {...f} name="validUntil" type="date" required defaultValue={defaultUntil} />}
      </Field>
      <SubmitButton>Grant access</SubmitButton>
    </form>
  );
}

export function AddHolidayForm() {
  const [state, action] = useActionState<ActionState, FormData>(addHolidayAction, IDLE);
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <Field label="Date" required error={errors.date}>
        {(f) => <Input {...f} name="date" type="date" required />}
      </Field>
      <Field label="Holiday" required error={errors.name}>
        {(f) => <Input {...f} name="name" required maxLength={80} />}
      </Field>
      <SubmitButton variant="secondary">Add holiday</SubmitButton>
    </form>
  );
}
