"use client";

import { useActionState } from "react";
import { saveTemplateAction } from "@/app/(app)/credits/[creditId]/template-actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/action-state";

/** "Save these terms as a template": the credit's current terms under a name of the user's organisation. */
export function SaveAsTemplate({ creditId }: { creditId: string }) {
  const [state, action] = useActionState(saveTemplateAction, IDLE);
  const fieldError = state.status === "error" ? state.fields?.name : undefined;
  return (
    <form action={action} className="space-y-3" aria-label="Save these terms as a template" noValidate>
      <input type="hidden" name="creditId" value={creditId} />
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      {state.status === "done" ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="flex flex-wrap items-end gap-2">
        <Field label="Template name" required error={fieldError} hint="Your organisation sees it when drafting a new credit" className="min-w-[14rem] flex-1">
          {(control) => <Input {...control} name="name" maxLength={80} required autoComplete="off" />}
        </Field>
        <SubmitButton variant="secondary">Save as template</SubmitButton>
      </div>
    </form>
  );
}
