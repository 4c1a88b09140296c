"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, useResetWhen } from "@/components/ui/use-form-action";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import { inviteAdministratorAction, onboardOrganizationAction } from "./actions";

export function OnboardOrganizationForm({ countries }: { countries: readonly { code: string; name: string }[] }) {
  const [state, action, pending] = useFormAction<ActionState>(onboardOrganizationAction, IDLE);
  const form = useResetWhen(state.status === "done", state);
  const [kind, setKind] = useState("BANK");
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form ref={form} onSubmit={action} className="space-y-4" aria-label="Onboard an organisation" onReset={() => setKind("BANK")}>
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      {state.status === "done" ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Kind of organisation" required error={errors.kind}>
          {(f) => (
            <Select {...f} name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="BANK">Bank (issues, advises, confirms, examines)</option>
              <option value="CORPORATE">Trading company (applies or is the beneficiary)</option>
              <option value="AUDITOR">Audit firm (verifies trails it is granted)</option>
            </Select>
          )}
        </Field>
        <Field label="Legal name" required error={errors.name}>
          {(f) => <Input {...f} name="name" required minLength={2} maxLength={140} autoComplete="organization" />}
        </Field>
        <Field label="Country" required error={errors.country}>
          {(f) => (
            <Select {...f} name="country" required defaultValue="">
              <option value="" disabled>
                Choose…
              </option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="BIC" required={kind === "BANK"} hint={kind === "BANK" ? "ISO 9362, 8 or 11 characters; its letters 5–6 are the country." : "Optional for a company or audit firm."} error={errors.bic}>
          {(f) => <Input {...f} name="bic" required={kind === "BANK"} maxLength={14} autoCapitalize="characters" spellCheck={false} className="font-mono uppercase" />}
        </Field>
        <Field label="Registered address" hint="Shown to its counterparties on credits." error={errors.address} className="sm:col-span-2">
          {(f) => <Input {...f} name="address" maxLength={300} autoComplete="street-address" />}
        </Field>
        <Field label="E-mail address of its first administrator" required hint="They are invited by e-mail and invite the rest of their organisation." error={errors.administratorEmail} className="sm:col-span-2">
          {(f) => <Input {...f} name="administratorEmail" type="email" required maxLength={320} />}
        </Field>
      </div>
      <SubmitButton pending={pending}>Onboard and send the invitation</SubmitButton>
    </form>
  );
}

export function InviteAdministratorForm({ organizationId, name }: { organizationId: string; name: string }) {
  const [state, action, pending] = useFormAction<ActionState>(inviteAdministratorAction, IDLE);
  const form = useResetWhen(state.status === "done", state);
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form ref={form} onSubmit={action} className="space-y-2" aria-label={`Invite an administrator of ${name}`}>
      <input type="hidden" name="organizationId" value={organizationId} />
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      {state.status === "done" ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="flex flex-wrap items-end gap-2">
        <Field label={`Administrator's e-mail for ${name}`} error={errors.email}>
          {(f) => <Input {...f} name="email" type="email" required maxLength={320} />}
        </Field>
        <SubmitButton size="sm" variant="secondary" pending={pending}>
          Invite
        </SubmitButton>
      </div>
    </form>
  );
}
