import { type ComponentProps, type ReactNode, useId } from "react";
import { cn } from "./cn";

export type CheckboxProps = Omit<ComponentProps<"input">, "type"> & {
  name: string;
  label: ReactNode;
  /** A sentence under the label saying what ticking the box means. */
  description?: ReactNode;
};

/** A checkbox with its label (the whole label is clickable) and an optional description. */
export function Checkbox({ label, description, id, className, ...props }: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const descriptionId = description ? `${inputId}-description` : undefined;
  return (
    <div className={cn("flex items-start gap-3", className)}>
      <input
        {...props}
        id={inputId}
        type="checkbox"
        aria-describedby={cn(props["aria-describedby"], descriptionId) || undefined}
        className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 accent-brand-700"
      />
      <div className="text-sm">
        <label htmlFor={inputId} className="font-medium text-slate-800">
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="text-slate-600">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
