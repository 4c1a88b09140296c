"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { type FormEvent, useRef, useState, useTransition } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, useResetWhen } from "@/components/ui/use-form-action";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import { DEFAULT_WEBHOOK_EVENTS, EVENT_TYPES } from "@/lib/events/types";
import { type TokenState, type WebhookState, createWebhookAction, addApiSigningKeyAction, finishPasskeyRegistrationAction, startPasskeyRegistrationAction, addHolidayAction, setBankingHoursAction, setManualRulesAction, changeRolesAction, setEmailPreferenceAction, createTokenAction, endSessionAction, grantAuditAction, inviteMemberAction } from "./actions";

const SCOPE_CHOICES = [
  { value: "read", label: "Read", hint: "credits, milestones, proofs, documents" },
  { value: "upload", label: "Upload documents", hint: "to presentations your organisation makes" },
  { value: "act", label: "Act", hint: "take lifecycle steps with your roles (administrators only)" },
] as const;

/** `readOnly`: an auditor's token may only read (lib/api/tokens.ts). */
export function CreateTokenForm({ canAct, readOnly = false }: { canAct: boolean; readOnly?: boolean }) {
  const [state, action, pending] = useFormAction<TokenState>(createTokenAction, IDLE);
  const form = useResetWhen(state.status === "created", state);
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form ref={form} onSubmit={action} className="space-y-3">
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      {state.status === "created" ? (
        <FormMessage tone="success">
          Token “{state.name}” created. Copy it now: it is shown only once.
          <code className="mt-2 block break-all rounded bg-slate-900 px-3 py-2 font-mono text-xs text-white">{state.token}</code>
        </FormMessage>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Token name" error={errors.name} hint="e.g. Back office — trade finance">
          {(f) => <Input {...f} name="name" required minLength={3} maxLength={80} />}
        </Field>
        <Field label="Valid for" error={errors.days}>
          {(f) => (
            <Select {...f} name="days" defaultValue="90">
              <option value="30">30 days</option>
              <option value="90">90 days</option>
              <option value="180">180 days</option>
              <option value="365">365 days</option>
            </Select>
          )}
        </Field>
      </div>
      <fieldset className="space-y-1" aria-describedby={errors.scopes ? "token-scopes-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">What it may do</legend>
        {SCOPE_CHOICES.map((scope) => {
          const allowed = readOnly ? scope.value === "read" : scope.value !== "act" || canAct;
          return (
            <label key={scope.value} className={`flex items-start gap-2 text-sm ${allowed ? "text-slate-800" : "text-slate-500"}`}>
              <input type="checkbox" name="scopes" value={scope.value} defaultChecked={scope.value === "read"} disabled={!allowed} className="mt-0.5" />
              <span>
                {scope.label} <span className="text-slate-600">— {scope.hint}</span>
              </span>
            </label>
          );
        })}
        {errors.scopes ? (
          <p id="token-scopes-error" className="text-sm text-danger-700">
            {errors.scopes}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton variant="secondary" pending={pending}>
        Create token
      </SubmitButton>
    </form>
  );
}

/** A new webhook: its address and events; the secret is shown once, here. */
export function CreateWebhookForm() {
  const [state, action, pending] = useFormAction<WebhookState>(createWebhookAction, IDLE);
  const form = useResetWhen(state.status === "created", state);
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form ref={form} onSubmit={action} className="space-y-3">
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      {state.status === "created" ? (
        <FormMessage tone="success">
          Webhook to {state.url} added. Copy its signing secret now: it is shown only once.
          <code className="mt-2 block break-all rounded bg-slate-900 px-3 py-2 font-mono text-xs text-white">{state.secret}</code>
        </FormMessage>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Webhook URL" error={errors.url} hint="https://… on your systems">
          {(f) => <Input {...f} name="url" type="url" required maxLength={2000} className="w-96 max-w-full" />}
        </Field>
        <Field label="Webhook description" error={errors.description} hint="Optional, e.g. Trade finance ERP">
          {(f) => <Input {...f} name="description" maxLength={200} />}
        </Field>
      </div>
      <fieldset className="space-y-1" aria-describedby={errors.events ? "webhook-events-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Events to send</legend>
        <div className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="events" value={type} defaultChecked={DEFAULT_WEBHOOK_EVENTS.includes(type)} />
              <code>{type}</code>
            </label>
          ))}
        </div>
        {errors.events ? (
          <p id="webhook-events-error" className="text-sm text-danger-700">
            {errors.events}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton variant="secondary" pending={pending}>
        Add webhook
      </SubmitButton>
    </form>
  );
}

export function GrantAuditForm({ auditors, credits, defaultUntil }: { auditors: { id: string; name: string }[]; credits: { id: string; label: string }[]; defaultUntil: string }) {
  const [state, action, pending] = useFormAction<ActionState>(grantAuditAction, IDLE);
  const form = useResetWhen(state.status === "done", state);
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form ref={form} onSubmit={action} className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_10rem_auto] md:items-end">
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
      <SubmitButton pending={pending}>Grant access</SubmitButton>
    </form>
  );
}

export function AddHolidayForm() {
  const [state, action, pending] = useFormAction<ActionState>(addHolidayAction, IDLE);
  const form = useResetWhen(state.status === "done", state);
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form ref={form} onSubmit={action} className="flex flex-wrap items-end gap-3">
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <Field label="Date" required error={errors.date}>
        {(f) => <Input {...f} name="date" type="date" required />}
      </Field>
      <Field label="Holiday" required error={errors.name}>
        {(f) => <Input {...f} name="name" required maxLength={80} />}
      </Field>
      <SubmitButton variant="secondary" pending={pending}>
        Add holiday
      </SubmitButton>
    </form>
  );
}

/** Ends one of the user's other sessions; `label` names it for screen readers (the button only says "End"). */
export function EndSessionForm({ sessionId, label }: { sessionId: string; label: string }) {
  const [state, action, pending] = useFormAction<ActionState>(endSessionAction, IDLE);
  return (
    <form onSubmit={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="sessionId" value={sessionId} />
      <SubmitButton size="sm" variant="secondary" pending={pending} aria-label={`End the session: ${label}`}>
        End
      </SubmitButton>
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
    </form>
  );
}

const ROLE_CHOICES = [
  { value: "MAKER", label: "Maker" },
  { value: "CHECKER", label: "Checker" },
  { value: "ADMIN", label: "Administrator" },
  { value: "VIEWER", label: "Viewer" },
] as const;

function RoleChoices({ legend, checked, errorId, error }: { legend: string; checked: readonly string[]; errorId: string; error?: string }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 w-full text-sm font-medium text-slate-800">{legend}</legend>
      {ROLE_CHOICES.map((role) => (
        <label key={role.value} className="flex items-center gap-1.5 text-sm text-slate-800">
          <input type="checkbox" name="roles" value={role.value} defaultChecked={checked.includes(role.value)} />
          {role.label}
        </label>
      ))}
      {error ? (
        <p id={errorId} className="w-full text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function InviteMemberForm() {
  const [state, action, pending] = useFormAction<ActionState>(inviteMemberAction, IDLE);
  const form = useResetWhen(state.status === "done", state);
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form ref={form} onSubmit={action} className="space-y-3" aria-label="Invite a member">
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      {state.status === "done" ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <Field label="E-mail address of the person to invite" required error={errors.email}>
        {(f) => <Input {...f} name="email" type="email" required maxLength={320} />}
      </Field>
      <RoleChoices legend="Their roles" checked={["VIEWER"]} errorId="invite-roles-error" error={errors.roles} />
      <SubmitButton variant="secondary" pending={pending}>
        Send the invitation
      </SubmitButton>
    </form>
  );
}

export function MemberRolesForm({ userId, name, roles }: { userId: string; name: string; roles: readonly string[] }) {
  const [state, action, pending] = useFormAction<ActionState>(changeRolesAction, IDLE);
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form onSubmit={action} className="space-y-2" aria-label={`Roles of ${name}`}>
      <input type="hidden" name="userId" value={userId} />
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      {state.status === "done" ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="flex flex-wrap items-end gap-3">
        <RoleChoices legend={`Roles of ${name}`} checked={roles} errorId={`roles-${userId}-error`} error={errors.roles} />
        <SubmitButton size="sm" variant="secondary" pending={pending}>
          Save roles
        </SubmitButton>
      </div>
    </form>
  );
}

export function EmailPreferenceForm({ current }: { current: string }) {
  const [state, action, pending] = useFormAction<ActionState>(setEmailPreferenceAction, IDLE);
  return (
    <form onSubmit={action} className="flex flex-wrap items-end gap-3" aria-label="E-mail notifications">
      <Field label="E-mail me about steps waiting for me and other updates" error={state.status === "error" ? state.fields?.emailNotifications : undefined}>
        {(f) => (
          <Select {...f} name="emailNotifications" defaultValue={current}>
            <option value="IMMEDIATELY">Immediately, one e-mail per update</option>
            <option value="DAILY">Once a day, a digest</option>
            <option value="OFF">Never (the bell in the app only)</option>
          </Select>
        )}
      </Field>
      <SubmitButton variant="secondary" pending={pending}>
        Save
      </SubmitButton>
      {state.status === "done" ? <FormMessage tone="success">{state.message}</FormMessage> : null}
    </form>
  );
}

export function BankingHoursForm({ timeZone, cutOff, timeZones }: { timeZone: string; cutOff: string; timeZones: readonly string[] }) {
  const [state, action, pending] = useFormAction<ActionState>(setBankingHoursAction, IDLE);
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form onSubmit={action} className="flex flex-wrap items-end gap-3" aria-label="Banking hours">
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <Field label="Time zone" required error={errors.timeZone}>
        {(f) => (
          <Select {...f} name="timeZone" defaultValue={timeZone} required>
            {[...new Set(["UTC", ...timeZones])].map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, " ")}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Cut-off time (optional)" hint="Local time, 24-hour clock" error={errors.cutOff}>
        {(f) => <Input {...f} name="cutOff" type="time" defaultValue={cutOff} />}
      </Field>
      <SubmitButton variant="secondary" pending={pending}>
        Save banking hours
      </SubmitButton>
      {state.status === "done" ? <FormMessage tone="success">{state.message}</FormMessage> : null}
    </form>
  );
}

export function ManualRulesForm({ rules, manual }: { rules: readonly { id: string; title: string }[]; manual: readonly string[] }) {
  const [state, action, pending] = useFormAction<ActionState>(setManualRulesAction, IDLE);
  return (
    <form onSubmit={action} className="space-y-3" aria-label="Automatic examination">
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">Checks your examiners make by hand</legend>
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {rules.map((rule) => (
            <label key={rule.id} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="manualRules" value={rule.id} defaultChecked={manual.includes(rule.id)} className="mt-1" />
              <span>{rule.title}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton variant="secondary" pending={pending}>
        Save the automatic checks
      </SubmitButton>
      {state.status === "done" ? <FormMessage tone="success">{state.message}</FormMessage> : null}
    </form>
  );
}

/** Why a browser's WebAuthn call failed, in words (a cancelled prompt is the usual one). */
export function ceremonyFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "AbortError") return "The passkey prompt was cancelled or timed out. Nothing was changed.";
  if (name === "InvalidStateError") return "This device already holds one of your passkeys.";
  return error instanceof Error ? error.message : "Your browser could not use a passkey.";
}

/**
 * Adds a passkey: the server's options, the browser's own prompt (@simplewebauthn/browser), the
 * response back to the server. `origin` is where passkeys work (the configured site; localhost
 * for a loopback address), or null when this server cannot offer them.
 */
export function AddPasskeyForm({ origin, unavailable }: { origin: string | null; unavailable?: string }) {
  const [state, setState] = useState<ActionState>(IDLE);
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    if (!origin) return setState({ status: "error", message: unavailable ?? "Passkeys are unavailable on this server." });
    if (window.location.origin !== origin) return setState({ status: "error", message: `Passkeys work at ${origin}: open TradeTrail there to add one.` });
    startTransition(async () => {
      const started = await startPasskeyRegistrationAction();
      if (started.status === "error") return setState(started);
      let response;
      try {
        response = await startRegistration({ optionsJSON: started.options });
      } catch (error) {
        return setState({ status: "error", message: ceremonyFailure(error) });
      }
      const finished = await finishPasskeyRegistrationAction(name, response);
      setState(finished);
      if (finished.status === "done") form.current?.reset();
    });
  };
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form ref={form} onSubmit={submit} className="space-y-3">
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      {state.status === "done" ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Passkey name" error={errors.name} hint="e.g. Work laptop, or Phone">
          {(f) => <Input {...f} name="name" required maxLength={60} />}
        </Field>
        <SubmitButton variant="secondary" pending={pending}>
          Add a passkey
        </SubmitButton>
      </div>
    </form>
  );
}

/** Registers an ECDSA P-256 public key with which the user's API client signs steps (issue 14; docs/API.md). */
export function AddApiSigningKeyForm() {
  const [state, onSubmit, pending] = useFormAction<ActionState>(addApiSigningKeyAction, IDLE);
  const form = useResetWhen(state.status === "done", state);
  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-3" aria-label="Add an API signing key">
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      {state.status === "done" ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <Field label="Key name" required error={errors.name} hint="e.g. Back office, production">
        {(f) => <Input {...f} name="name" required maxLength={60} />}
      </Field>
      <Field label="Public key (PEM, ECDSA P-256)" required error={errors.publicKey} hint="-----BEGIN PUBLIC KEY----- … The private key stays with your client.">
        {(f) => <textarea {...f} name="publicKey" required rows={4} className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs" />}
      </Field>
      <SubmitButton variant="secondary" pending={pending}>
        Add API signing key
      </SubmitButton>
    </form>
  );
}
