"use client";

import { useId, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { useFormAction } from "@/components/ui/use-form-action";
import { MESSAGE_MAX_CHARS, messageLengthProblem } from "@/lib/credits/message-rules";
import { IDLE, type ActionState } from "@/lib/http/action-state";

// A new message with a character counter. No maxLength on the textarea: the browser would cut a
// pasted text at the limit without a word (bug 9). Over the limit the counter says by how much,
// and the server refuses with the same sentence; what was typed stays in the box.

export function MessageComposer({ creditId, action }: { creditId: string; action: (state: ActionState, form: FormData) => Promise<ActionState> }) {
  // onSubmit, not action=: React would reset the form after the action (issue 11, bug 5).
  const [state, onSubmit, pending] = useFormAction<ActionState>(action, IDLE);
  const [body, setBody] = useState("");
  const counterId = useId();
  const length = body.trim().length;
  const over = length > MESSAGE_MAX_CHARS;
  const serverError = state.status === "error" ? state.fields?.body : undefined;
  return (
    <form onSubmit={onSubmit} className="max-w-2xl space-y-3">
      <input type="hidden" name="creditId" value={creditId} />
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <Field label="New message" error={over ? messageLengthProblem(body) ?? undefined : serverError}>
        {(field) => (
          <Textarea
            {...field}
            aria-describedby={[field["aria-describedby"], counterId].filter(Boolean).join(" ")}
            name="body"
            rows={3}
            required
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        )}
      </Field>
      <p id={counterId} className={over ? "text-xs font-medium text-danger-700" : "text-xs text-slate-600"}>
        {length.toLocaleString("en-GB")} of {MESSAGE_MAX_CHARS.toLocaleString("en-GB")} characters
      </p>
      <SubmitButton pending={pending}>Send message</SubmitButton>
    </form>
  );
}
