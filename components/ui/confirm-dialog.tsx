"use client";

import { useId, useRef } from "react";
import { Button, type ButtonVariant } from "./button";
import { SubmitButton } from "./submit-button";

export interface ConfirmDialogProps {
  /** The label of the button that opens the dialog. */
  trigger: string;
  title: string;
  description?: string;
  confirmLabel: string;
  tone?: "primary" | "danger";
  /** The server action the confirm button submits, with hiddenFields as its form data. */
  formAction: (formData: FormData) => void | Promise<void>;
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

  const confirm = async (formData: FormData) => {
    await formAction(formData);
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
        onClose={() => opener.current?.focus()}
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
