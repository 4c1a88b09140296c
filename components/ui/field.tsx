import { type ReactNode, useId } from "react";
import { cn } from "./cn";

/** What a Field hands its control: spread it onto the input, select or textarea. */
export interface FieldControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": boolean | undefined;
  /** Fields marked with an asterisk are required for screen readers too. */
  "aria-required": boolean | undefined;
}

export interface FieldProps {
  /** Visible label; leave it out when the control carries its own aria-label (e.g. table-like rows). */
  label?: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  /** The server's or the browser's message for this field; marks the control invalid. */
  error?: string;
  className?: string;
  /** Names the field as a group when it has no visible label. */
  "aria-label"?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A labelled form control with its hint and error, wired for assistive technology: the label
 * names the control, and the hint and error are read with it.
 */
export function Field({ label, required = false, hint, error, className, "aria-label": ariaLabel, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const control: FieldControlProps = {
    id,
    "aria-describedby": cn(errorId, hintId) || undefined,
    "aria-invalid": error ? true : undefined,
    "aria-required": required ? true : undefined,
  };
  return (
    <div className={cn("min-w-0 space-y-1", className)} role={ariaLabel && !label ? "group" : undefined} aria-label={ariaLabel && !label ? ariaLabel : undefined}>
      {label ? (
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
          {required ? (
            <span className="ml-0.5 text-danger-700" aria-hidden="true">
              *
            </span>
          ) : null}
        </label>
      ) : null}
      {children(control)}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} data-field-error="" className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
