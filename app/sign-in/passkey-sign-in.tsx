"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useState, useTransition } from "react";
import { passkeySignInAction, passkeySignInOptionsAction } from "./actions";

/** Why a browser's passkey prompt failed, in words. */
function promptFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "AbortError") return "The passkey prompt was cancelled or timed out.";
  return error instanceof Error ? error.message : "Your browser could not use a passkey.";
}

/**
 * "Sign in with a passkey": no e-mail address needed (discoverable credentials). `origin` is
 * where passkeys work (lib/passkeys/relying-party.ts), or null when this server offers none.
 */
export function PasskeySignIn({ origin, callbackUrl }: { origin: string | null; callbackUrl: string }) {
  const [error, setError] = useState<{ message: string; link?: string } | null>(null);
  const [pending, startTransition] = useTransition();
  if (!origin) return null;
  const signIn = () => {
    if (window.location.origin !== origin) {
      const there = new URL(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`, origin).toString();
      return setError({ message: `Passkeys work at ${origin}.`, link: there });
    }
    setError(null);
    startTransition(async () => {
      const started = await passkeySignInOptionsAction();
      if (started.status === "error") return setError({ message: started.error });
      let response;
      try {
        response = await startAuthentication({ optionsJSON: started.options });
      } catch (failure) {
        return setError({ message: promptFailure(failure) });
      }
      const result = await passkeySignInAction(response, callbackUrl);
      if (result?.error) setError({ message: result.error });
    });
  };
  return (
    <div className="mt-5 space-y-3 border-t border-slate-200 pt-5">
      {error ? (
        <div id="passkey-error" role="alert" className="rounded-md border border-danger-300 bg-danger-50 px-3 py-2 text-sm text-danger-800">
          {error.message}{" "}
          {error.link ? (
            <a href={error.link} className="font-medium underline underline-offset-2">
              Sign in there
            </a>
          ) : null}
        </div>
      ) : null}
      <button
        type="button"
        onClick={signIn}
        disabled={pending}
        aria-busy={pending}
        aria-describedby={error ? "passkey-error" : undefined}
        className="inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </button>
    </div>
  );
}
