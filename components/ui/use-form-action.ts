"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { type FormEvent, type RefObject, startTransition, useActionState, useEffect, useRef, useState } from "react";

/**
 * useActionState for a form that keeps what the user typed. React 19 resets a form after a
 * `<form action={fn}>` submission: uncontrolled fields fall back to their defaultValue, and
 * controlled <select>s show their first-rendered option while state still holds the chosen one,
 * so the form shows one thing and submits another. Submitting from onSubmit inside a transition
 * runs the same action without that reset. Pass `pending` to the SubmitButton (useFormStatus
 * only sees `action=` submissions).
 */
export function useFormAction<State>(action: (previous: Awaited<State>, form: FormData) => Promise<State>, initial: Awaited<State>) {
  const [state, dispatch, pending] = useActionState<State, FormData>(action, initial);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  };
  return [state, onSubmit, pending] as const;
}

/** Clears the form after a success; after an error it keeps what was typed (useFormAction never resets). */
export function useResetWhen(succeeded: boolean, state: unknown) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (succeeded) form.current?.reset();
  }, [succeeded, state]);
  return form;
}

type SignableState = { status: string; requestId?: string; options?: Parameters<typeof startAuthentication>[0]["optionsJSON"] };

/**
 * useFormAction for steps that may have to be signed (issue 14): when the server answers "sign",
 * the browser's passkey prompt signs the step's statement, and the form is sent again with the
 * signing request and the signature. A prompt the user cancels takes no step and says so.
 */
export function useSignedFormAction<State extends SignableState>(action: (previous: Awaited<State>, form: FormData) => Promise<State>, initial: Awaited<State>, form: RefObject<HTMLFormElement | null>) {
  const [state, dispatch, pending] = useActionState<State, FormData>(action, initial);
  const [signing, setSigning] = useState(false);
  const [signError, setSignError] = useState<string | null>(null);
  const answered = useRef<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSignError(null);
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  };
  useEffect(() => {
    const current = state as SignableState;
    if (current.status !== "sign" || !current.requestId || !current.options || answered.current === current.requestId || !form.current) return;
    answered.current = current.requestId;
    const data = new FormData(form.current);
    setSigning(true);
    startAuthentication({ optionsJSON: current.options })
      .then((response) => {
        data.set("signingRequestId", current.requestId!);
        data.set("signature", JSON.stringify(response));
        startTransition(() => dispatch(data));
      })
      .catch(() => setSignError("Not signed: your passkey did not sign this step, so it was not taken. Try again, and confirm with your passkey when your browser asks."))
      .finally(() => setSigning(false));
  }, [state, dispatch, form]);
  return { state, onSubmit, pending: pending || signing, signError } as const;
}
