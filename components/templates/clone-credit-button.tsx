"use client";

import { useActionState } from "react";
import { cloneCreditAction } from "@/app/(app)/credits/[creditId]/template-actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/http/action-state";

/** "New credit from this one": a fresh draft with this credit's terms and parties (the server decides who may). */
export function CloneCreditButton({ creditId, idempotencyKey }: { creditId: string; idempotencyKey: string }) {
  const [state, action] = useActionState(cloneCreditAction, IDLE);
  return (
    <form action={action} className="inline-flex flex-col gap-2">
      <input type="hidden" name="creditId" value={creditId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <SubmitButton variant="secondary">New credit from this one</SubmitButton>
      {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
    </form>
  );
}
