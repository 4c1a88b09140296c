"use client";

import { useEffect, useId, useRef } from "react";
import { takeAction } from "@/app/(app)/credits/[creditId]/actions";
import { Button } from "@/components/ui/button";
import { DateWarnings } from "@/components/terms/date-warnings";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { useSignedFormAction } from "@/components/ui/use-form-action";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import type { ActionInputKind } from "./action-inputs";
import { DOCUMENT_DISPOSALS, DOCUMENT_DISPOSAL_CODES } from "@/lib/presentations/notice";

// One lifecycle action as a button. Actions that need input or are irreversible open a dialog:
// the fields the action takes, the sentence that says what cannot be undone, and any refusal
// from the server shown in place. A double click submits the same idempotency key twice, which
// the server answers once.


export interface ActionFormProps {
  action: string;
  label: string;
  tone?: "primary" | "secondary" | "danger";
  input: ActionInputKind;
  confirm?: string;
  creditId: string;
  subjectId?: string;
  version: number;
  idempotencyKey: string;
  /** advice: whether field 49 lets the advising bank add its confirmation. */
  confirmationAllowed?: boolean;
  /** payment: the amount claimed, pre-filled; and whether a due date is needed. */
  defaultAmount?: string;
  needsDueDate?: boolean;
  currency?: string;
  /** Advice shown before acting (the issuance step's date warnings); it does not block. */
  warnings?: string[];
  /** amendmentAdvice: the advising bank confirms the credit, so it decides whether to extend (art. 10(b)). */
  confirmingAmendment?: boolean;
  /** What is decided: for a checker, exactly what the maker prepared (four eyes). */
  summary?: React.ReactNode;
  /** waiver: the discrepancies of the notice, each to be ticked by name. */
  discrepancies?: { id: string; article: string; message: string; found: string | null }[];
}

export function ActionForm(props: ActionFormProps) {
  // onSubmit, not action=: React's reset after an action emptied what the user typed (issue 11, bug 5).
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // A step the credit's parties require signed comes back as "sign": the passkey signs it and the form goes again (issue 14).
  const { state, onSubmit, pending, signError } = useSignedFormAction<ActionState>(takeAction, IDLE, form);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const needsDialog = props.input !== "none" || Boolean(props.confirm) || Boolean(props.summary);
  const variant = props.tone === "danger" ? "danger" : props.tone === "primary" ? "primary" : "secondary";

  useEffect(() => {
    // Done: the next opening starts from the defaults again.
    if (state.status === "done" && dialog.current?.open) {
      dialog.current.close();
      form.current?.reset();
    }
  }, [state]);

  const hidden = (
    <>
      <input type="hidden" name="action" value={props.action} />
      <input type="hidden" name="creditId" value={props.creditId} />
      {props.subjectId ? <input type="hidden" name="subjectId" value={props.subjectId} /> : null}
      <input type="hidden" name="expectedVersion" value={props.version} />
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
    </>
  );

  if (!needsDialog) {
    return (
      <form ref={form} onSubmit={onSubmit} className="inline-flex flex-col gap-1">
        {hidden}
        <SubmitButton variant={variant} pending={pending}>{props.label}</SubmitButton>
        {state.status === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
        {state.status === "sign" && !signError ? <FormMessage tone="info">{state.message}</FormMessage> : null}
        {signError ? <FormMessage tone="error">{signError}</FormMessage> : null}
      </form>
    );
  }

  const errors = state.status === "error" ? state.fields ?? {} : {};
  return (
    <>
      <Button ref={opener} type="button" variant={variant} onClick={() => dialog.current?.showModal()}>
        {props.label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
        onClose={() => opener.current?.focus()}
      >
        <form ref={form} onSubmit={onSubmit} className="space-y-4 p-4 sm:p-6">
          {hidden}
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {props.label}
          </h2>
          {props.confirm ? <p className="text-sm text-slate-700">{props.confirm}</p> : null}
          {props.warnings?.length ? <DateWarnings warnings={props.warnings} /> : null}
          {props.summary}
          {state.status === "error" ? <ErrorSummary message={state.message} form={form} attempt={state} /> : null}
          {state.status === "sign" && !signError ? <FormMessage tone="info">{state.message}</FormMessage> : null}
          {signError ? <FormMessage tone="error">{signError}</FormMessage> : null}

          {props.input === "reason" ? (
            <Field label="Reason" required error={errors.reason} hint="The other parties see this reason.">
              {(field) => <Textarea {...field} name="reason" rows={3} required minLength={3} maxLength={2000} />}
            </Field>
          ) : null}
          {props.input === "amendmentAdvice" && props.confirmingAmendment ? (
            <fieldset className="space-y-2" aria-describedby={errors.extendConfirmation ? `${titleId}-extend-error` : undefined}>
              <legend className="text-sm font-medium text-slate-900">
                Your confirmation and this amendment (UCP 600 art. 10(b)) <span aria-hidden>*</span>
              </legend>
              <label className="flex items-start gap-2 text-sm">
                <input type="radio" name="extendConfirmation" value="yes" required className="mt-1" />
                <span>Extend our confirmation to this amendment: we are bound by it from the moment we advise it.</span>
              </label>
              <label className="flex items-start gap-2 text-sm">
                <input type="radio" name="extendConfirmation" value="no" required className="mt-1" />
                <span>Advise it without extending our confirmation (the beneficiary and the issuing bank are told).</span>
              </label>
              {errors.extendConfirmation ? (
                <p id={`${titleId}-extend-error`} className="text-sm text-danger-700">
                  {errors.extendConfirmation}
                </p>
              ) : null}
            </fieldset>
          ) : null}
          {props.input === "waiver" ? (
            <fieldset className="space-y-2" aria-describedby={errors.findingIds ? `${titleId}-waiver-error` : undefined}>
              <legend className="text-sm font-medium text-slate-900">
                Tick each discrepancy you waive <span aria-hidden>*</span>
              </legend>
              {(props.discrepancies ?? []).map((d) => (
                <label key={d.id} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="findingIds" value={d.id} className="mt-1" />
                  <span>
                    <span className="font-medium">Art. {d.article}</span>: {d.message}
                    {d.found ? ` (found: ${d.found})` : ""}
                  </span>
                </label>
              ))}
              {errors.findingIds ? (
                <p id={`${titleId}-waiver-error`} className="text-sm text-danger-700">
                  {errors.findingIds}
                </p>
              ) : null}
            </fieldset>
          ) : null}
          {props.input === "notice" ? (
            <fieldset className="space-y-2" aria-describedby={errors.disposal ? `${titleId}-disposal-error` : undefined}>
              <legend className="text-sm font-medium text-slate-900">
                What the bank does with the documents (UCP 600 art. 16(c)(iii)) <span aria-hidden>*</span>
              </legend>
              {DOCUMENT_DISPOSAL_CODES.map((code) => (
                <label key={code} className="flex items-start gap-2 text-sm">
                  <input type="radio" name="disposal" value={code} required className="mt-1" />
                  <span>{DOCUMENT_DISPOSALS[code]}</span>
                </label>
              ))}
              {errors.disposal ? (
                <p id={`${titleId}-disposal-error`} className="text-sm text-danger-700">
                  {errors.disposal}
                </p>
              ) : null}
            </fieldset>
          ) : null}
          {props.input === "comment" || props.input === "advice" || props.input === "amendmentAdvice" ? (
            <Field label="Comment (optional)" error={errors.comment}>
              {(field) => <Textarea {...field} name="comment" rows={2} maxLength={2000} />}
            </Field>
          ) : null}
          {props.input === "issuance" ? (
            <>
              <Field label="Credit number (field 20)" required error={errors.creditNumber} hint="Up to 16 characters: letters, digits, '-' and '/'.">
                {(field) => <Input {...field} name="creditNumber" required maxLength={16} autoComplete="off" className="font-mono uppercase" />}
              </Field>
              <Field label="Bank conditions (optional)" error={errors.bankConditions} hint="Added to the credit at issuance, e.g. reimbursement instructions.">
                {(field) => <Textarea {...field} name="bankConditions" rows={3} maxLength={2000} />}
              </Field>
            </>
          ) : null}
          {props.input === "advice" ? (
            props.confirmationAllowed ? (
              <Checkbox name="addConfirmation" label="Add our confirmation (UCP 600 art. 8)" description="Your bank then undertakes to honour a complying presentation too." />
            ) : (
              <p className="text-sm text-slate-600">The credit&apos;s confirmation instructions (field 49) are WITHOUT: you advise it without confirmation.</p>
            )
          ) : null}
          {props.input === "payment" ? (
            <>
              <Field label={`Amount${props.currency ? ` (${props.currency})` : ""}`} required error={errors.amount}>
                {(field) => <Input {...field} name="amount" inputMode="decimal" required defaultValue={props.defaultAmount} className="tabular-nums" />}
              </Field>
              {props.needsDueDate ? (
                <Field label="Maturity (due) date" required error={errors.dueDate}>
                  {(field) => <Input {...field} name="dueDate" type="date" required />}
                </Field>
              ) : null}
            </>
          ) : null}

          <div className="flex justify-end gap-3 pt-2">
            <Button type="button" variant="ghost" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <SubmitButton variant={variant} pending={pending}>
              {props.label}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
