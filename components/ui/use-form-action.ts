"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useRef } from "react";

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
