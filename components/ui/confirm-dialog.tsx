"use client";

import { useId, useRef, useState } from "react";
import { Button, type ButtonVariant } from "./button";
import { SubmitButton } from "./submit-button";

export interface ConfirmDialogProps {
  /** The label of the button that opens the dialog. */
  trigger: string;
  title: string;
  description?: string;
  confirmLabel: string;
  tone?: "primary" | "danger";
  /**
   * The server action the confirm button submits, with hiddenFields as its form data. When it
   * answers with an error, the dialog stays open and says why.
   */
  formAction: (formData: FormData) => void | Promise<void | { status: string; message?: string }>;
  hiddenFields?: Record<string, string>;
}

/**
 * Asks before an action that cannot be undone. A native modal <dialog>: focus moves into it and
 * is trapped there, Escape closes it, and focus returns to the button that opened it. Cancel has
 * the initial focus so that Enter alone never confirms a destructive action.
 */
export function ConfirmDialog({ trigger, title, description, confirmLabel, tone = "primary", formAction, hiddenFields = {} }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const variant: ButtonVariant = tone === "danger" ? "danger" : "primary";

  const open = () => {
    dialog.current?.showModal();
    cancel.current?.focus();
  };

  const [refusal, setRefusal] = useState<string | null>(null);

  const confirm = async (formData: FormData) => {
    const result = await formAction(formData);
    if (result && result.status === "error") {
      setRefusal(result.message ?? "That did not work. Nothing was changed.");
      return;
    }
    setRefusal(null);
    dialog.current?.close(); // may be gone already if the action removed the item
  };

  return (
    <>
      <Button ref={opener} size="sm" variant="secondary" onClick={open}>
        {trigger}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-slate-200 p-0 shadow-xl"
        onClose={() => {
          setRefusal(null);
          opener.current?.focus();
        }}
        onClick={(event) => {
          if (event.target === event.currentTarget) dialog.current?.close(); // a click on the backdrop
        }}
      >
        <form action={confirm} className="space-y-4 p-6">
          {Object.entries(hiddenFields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {description ? (
            <p id={descriptionId} className="text-sm text-slate-700">
              {description}
            </p>
          ) : null}
          {refusal ? (
            <p role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
              {refusal}
            </p>
          ) : null}
          <div className="flex justify-end gap-3 pt-2">
            <Button ref={cancel} variant="ghost" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <SubmitButton variant={variant}>{confirmLabel}</SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
