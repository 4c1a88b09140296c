"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import { runReconciliationAction } from "./actions";

export function RunReconciliationForm() {
  const [state, action] = useActionState<ActionState, FormData>(runReconciliationAction, IDLE);
  return (
    <form action={action} className="space-y-3">
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      {state.status === "done" ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <Checkbox
          name="fullRescan"
          label="Read the whole registry again"
          description="From its first block rather than from where the last run stopped: slower, but does not rely on what earlier runs stored."
        />
        <SubmitButton variant="secondary">Run now</SubmitButton>
      </div>
    </form>
  );
}
