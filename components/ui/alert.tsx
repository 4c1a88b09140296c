import type { ReactNode } from "react";
import { cn } from "./cn";

export type AlertTone = "info" | "success" | "warning" | "danger";

const TONES: Record<AlertTone, { box: string; title: string }> = {
  info: { box: "border-info-200 bg-info-50 text-info-900", title: "text-info-900" },
  success: { box: "border-success-200 bg-success-50 text-success-900", title: "text-success-900" },
  warning: { box: "border-warning-300 bg-warning-50 text-warning-900", title: "text-warning-900" },
  danger: { box: "border-danger-200 bg-danger-50 text-danger-900", title: "text-danger-900" },
};

/**
 * A boxed message that matters on this page (a deadline, a change, a refusal). It is an alert
 * for assistive technology whatever its tone, so it is read out when the page shows it.
 */
export function Alert({ tone = "info", title, className, children }: { tone?: AlertTone; title?: ReactNode; className?: string; children?: ReactNode }) {
  return (
    <div role="alert" className={cn("rounded-lg border px-4 py-3 text-sm", TONES[tone].box, className)}>
      {title ? <p className={cn("font-semibold", TONES[tone].title, children ? "mb-1" : undefined)}>{title}</p> : null}
      {children ? <div className="text-slate-800">{children}</div> : null}
    </div>
  );
}
