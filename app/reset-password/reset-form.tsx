"use client";

import { useActionState } from "react";
import { AUTH_BUTTON_CLASS, AUTH_LINK_CLASS } from "@/components/shell/auth-card";
import { NewPasswordFields } from "@/components/shell/new-password-fields";
import { type ResetState, resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ResetState, FormData>(resetPasswordAction, {});
  if (state.done) {
    return (
      <div role="status" className="space-y-3 text-sm">
        <p className="rounded-md border border-success-300 bg-success-50 px-3 py-2 text-success-900">Your new password is set, and every session signed in as you has ended.</p>
        <a href="/sign-in" className={AUTH_LINK_CLASS}>
          Sign in with it
        </a>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-5" noValidate aria-describedby={state.error ? "reset-error" : undefined}>
      <input type="hidden" name="token" value={token} />
      {state.error ? (
        <div id="reset-error" role="alert" className="rounded-md border border-danger-300 bg-danger-50 px-3 py-2 text-sm text-danger-800">
          {state.error}{" "}
          <a href="/forgot-password" className={AUTH_LINK_CLASS}>
            Ask for a new link
          </a>
        </div>
      ) : null}
      <NewPasswordFields label="New password" error={state.passwordError} />
      <button type="submit" disabled={pending} aria-busy={pending} className={AUTH_BUTTON_CLASS}>
        {pending ? "Setting…" : "Set the new password"}
      </button>
    </form>
  );
}
