import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "brand" | "success" | "warning" | "danger" | "info";

// The looks are classes in app/globals.css (ui-badge, ui-badge-<tone>): a badge sits on every row of the long tables.

/** A short status word. Colour is never the only signal: the word says it. */
export function Badge({ tone = "neutral", className, children }: { tone?: BadgeTone; className?: string; children: ReactNode }) {
  return <span className={cn(`ui-badge ui-badge-${tone}`, className)}>{children}</span>;
}
