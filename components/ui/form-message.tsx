import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  error: "border-danger-200 bg-danger-50 text-danger-800",
  success: "border-success-200 bg-success-50 text-success-800",
  info: "border-slate-300 bg-slate-50 text-slate-800",
} as const;

/**
 * The outcome of a form, above its fields. An error is announced at once (role=alert); a success
 * politely (role=status).
 */
export function FormMessage({ tone, className, children }: { tone: keyof typeof TONES; className?: string; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-md border px-3 py-2 text-sm", TONES[tone], className)}>
      {children}
    </div>
  );
}
