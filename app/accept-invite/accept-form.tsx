"use client";

import { useActionState } from "react";
import { AUTH_BUTTON_CLASS, AUTH_INPUT_CLASS, AUTH_LINK_CLASS } from "@/components/shell/auth-card";
import { NewPasswordFields } from "@/components/shell/new-password-fields";
import { type AcceptState, acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptInvitationAction, {});
  if (state.done) {
    return (
      <div role="status" className="space-y-3 text-sm">
        <p className="rounded-md border border-success-300 bg-success-50 px-3 py-2 text-success-900">Your account {state.email} is ready.</p>
        <a href="/sign-in" className={AUTH_LINK_CLASS}>
          Sign in
        </a>
      </div>
    );
  }
  const fieldError = (name: string) =>
    state.fields?.[name] ? (
      <p id={`${name}-error`} role="alert" className="text-sm text-danger-700">
        {state.fields[name]}
      </p>
    ) : null;
  return (
    <form action={action} className="space-y-5" noValidate aria-describedby={state.error ? "accept-error" : undefined}>
      <input type="hidden" name="token" value={token} />
      {state.error ? (
        <div id="accept-error" role="alert" className="rounded-md border border-danger-300 bg-danger-50 px-3 py-2 text-sm text-danger-800">
          {state.error}
        </div>
      ) : null}
      <p className="text-sm text-slate-700">
        Your sign-in address: <span className="font-medium">{email}</span>
      </p>
      <div className="space-y-1.5">
        <label htmlFor="name" className="block text-sm font-medium text-slate-800">
          Your name
        </label>
        <input id="name" name="name" autoComplete="name" required defaultValue={state.name} aria-invalid={state.fields?.name ? true : undefined} aria-describedby={state.fields?.name ? "name-error" : undefined} className={AUTH_INPUT_CLASS} />
        {fieldError("name")}
      </div>
      <NewPasswordFields label="Password" error={state.fields?.password} />
      <button type="submit" disabled={pending} aria-busy={pending} className={AUTH_BUTTON_CLASS}>
        {pending ? "Creating your account…" : "Create my account"}
      </button>
    </form>
  );
}
