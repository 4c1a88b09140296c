"use client";

import { useEffect, useRef } from "react";
import { sendMessage } from "@/app/(app)/credits/[creditId]/actions";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { Textarea } from "@/components/ui/textarea";
import { Time } from "@/components/ui/time";
import { IDLE, type ActionState } from "@/lib/http/action-state";

interface Message {
  id: string;
  body: string;
  author: string;
  authorOrg: string;
  createdAt: Date;
  mine: boolean;
}

/** The conversation among the credit's parties. */
export function MessageThread({ creditId, messages, canPost }: { creditId: string; messages: Message[]; canPost: boolean }) {
  // onSubmit, not action=: a refused message stays in the box to correct (issue 11, bug 5).
  const [state, onSubmit, pending] = useFormAction<ActionState>(sendMessage, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "done") form.current?.reset();
  }, [state]);
  return (
    <div className="space-y-6">
      {messages.length === 0 ? (
        <EmptyState title="No messages yet" description="Ask a question or explain a change; every party to the credit sees the thread." />
      ) : (
        <ol className="space-y-3" aria-label="Messages">
          {messages.map((m) => (
            <li key={m.id} className={`max-w-2xl rounded-lg border px-4 py-3 ${m.mine ? "ml-auto border-brand-200 bg-brand-50/60" : "border-slate-200 bg-white"}`}>
              <div className="mb-1 text-xs text-slate-500">
                <span className="font-medium text-slate-700">{m.author}</span> · {m.authorOrg} · <Time value={m.createdAt} />
              </div>
              <p className="whitespace-pre-line text-sm text-slate-900">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canPost ? (
        <form ref={form} onSubmit={onSubmit} className="max-w-2xl space-y-3">
          <input type="hidden" name="creditId" value={creditId} />
          {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
          <Field label="New message" error={state.status === "error" ? state.fields?.body : undefined}>
            {(field) => <Textarea {...field} name="body" rows={3} maxLength={4000} required />}
          </Field>
          <SubmitButton pending={pending}>Send message</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
