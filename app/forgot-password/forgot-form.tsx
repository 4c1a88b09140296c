"use client";

import { useActionState } from "react";
import { AUTH_BUTTON_CLASS, AUTH_INPUT_CLASS } from "@/components/shell/auth-card";
import { type ForgotState, forgotPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<ForgotState, FormData>(forgotPasswordAction, {});
  if (state.sent) {
    return (
      <p role="status" className="rounded-md border border-success-300 bg-success-50 px-3 py-2 text-sm text-success-900">
        If an account exists for {state.email}, we have e-mailed it a link to set a new password. The link works once, for 30 minutes.
      </p>
    );
  }
  return (
    <form action={action} className="space-y-5" noValidate aria-describedby={state.error ? "forgot-error" : "forgot-hint"}>
      {state.error ? (
        <div id="forgot-error" role="alert" className="rounded-md border border-danger-300 bg-danger-50 px-3 py-2 text-sm text-danger-800">
          {state.error}
        </div>
      ) : null}
      <p id="forgot-hint" className="text-sm text-slate-600">
        Enter the address you sign in with. We will e-mail you a link to set a new password.
      </p>
      <div className="space-y-1.5">
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          Email address
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} className={AUTH_INPUT_CLASS} />
      </div>
      <button type="submit" disabled={pending} aria-busy={pending} className={AUTH_BUTTON_CLASS}>
        {pending ? "Sending…" : "Send the link"}
      </button>
    </form>
  );
}
