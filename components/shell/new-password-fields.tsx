import { AUTH_INPUT_CLASS } from "./auth-card";

/** A new password typed twice, with the policy as its hint and the server's refusal beside it (reset, invitation). */
export function NewPasswordFields({ label, error }: { label: string; error?: string }) {
  return (
    <>
      <div className="space-y-1.5">
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "password-error password-hint" : "password-hint"}
          className={AUTH_INPUT_CLASS}
        />
        <p id="password-hint" className="text-xs text-slate-600">
          At least 12 characters; a few unrelated words make a strong one. Passwords exposed in known breaches are refused.
        </p>
        {error ? (
          <p id="password-error" role="alert" className="text-sm text-danger-700">
            {error}
          </p>
        ) : null}
      </div>
      <div className="space-y-1.5">
        <label htmlFor="confirm" className="block text-sm font-medium text-slate-800">
          The same password again
        </label>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required className={AUTH_INPUT_CLASS} />
      </div>
    </>
  );
}
