import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * The look of text-like controls (app/globals.css): bordered, danger-tinted when aria-invalid.
 * A component class, so a call site's utilities ("inline w-16") override it.
 */
export const controlClassName = "ui-control";

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input {...props} type={type} className={cn(controlClassName, className)} />;
}
