import type { ComponentProps } from "react";
import { cn } from "./cn";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-brand-700 text-white shadow-sm hover:bg-brand-800 active:bg-brand-900",
  secondary: "border border-slate-300 bg-white text-slate-800 shadow-sm hover:bg-slate-50 active:bg-slate-100",
  danger: "bg-danger-700 text-white shadow-sm hover:bg-danger-800 active:bg-danger-900",
  ghost: "text-brand-700 hover:bg-brand-50 active:bg-brand-100",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "gap-1.5 px-2.5 py-1 text-sm",
  md: "gap-2 px-4 py-2 text-sm",
};

/** The classes of a button, shared with LinkButton so a link can look like one. */
export function buttonClassName({ variant = "primary", size = "md", className }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cn(
    "inline-flex items-center justify-center rounded-md font-medium whitespace-nowrap transition-colors",
    "disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Work is under way: shows a spinner, and the button cannot be pressed again meanwhile. */
  pending?: boolean;
};

/**
 * A button. It is type="button" unless told otherwise, so a button inside a form never submits
 * it by accident; submit buttons say type="submit" (or use SubmitButton).
 */
export function Button({ variant, size, pending = false, disabled, className, children, type = "button", ...props }: ButtonProps) {
  return (
    <button {...props} type={type} disabled={disabled || pending} aria-busy={pending || undefined} className={buttonClassName({ variant, size, className })}>
      {pending ? <Spinner /> : null}
      {children}
    </button>
  );
}
