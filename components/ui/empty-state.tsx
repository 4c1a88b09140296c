import type { ReactNode } from "react";
import { cn } from "./cn";

/** What a list shows when it has nothing in it: what would be here, and how it gets there. */
export function EmptyState({ title, description, action, children, className }: { title: ReactNode; description?: ReactNode; action?: ReactNode; children?: ReactNode; className?: string }) {
  return (
    <div className={cn("px-6 py-10 text-center", className)}>
      <p className="text-sm font-semibold text-slate-900">{title}</p>
      {description ? <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600">{description}</p> : null}
      {children}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}
