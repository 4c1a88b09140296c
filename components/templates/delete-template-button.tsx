"use client";

import { useActionState } from "react";
import { deleteTemplateAction } from "@/app/(app)/credits/new/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/action-state";

export function DeleteTemplateButton({ templateId, name }: { templateId: string; name: string }) {
  const [state, action] = useActionState(deleteTemplateAction, IDLE);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="templateId" value={templateId} />
      <SubmitButton variant="ghost" size="sm" aria-label={`Remove template ${name}`}>
        Remove
      </SubmitButton>
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
    </form>
  );
}
