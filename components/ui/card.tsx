import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div {...props} className={cn("rounded-lg border border-slate-200 bg-white shadow-sm", className)} />;
}

export function CardHeader({ className, ...props }: ComponentProps<"div">) {
  return <div {...props} className={cn("border-b border-slate-100 px-5 py-4", className)} />;
}

/** A card's heading: level 2, under the page's h1. */
export function CardTitle({ className, ...props }: ComponentProps<"h2">) {
  return <h2 {...props} className={cn("text-base font-semibold text-slate-900", className)} />;
}

/** Padded by a component class (app/globals.css) so that "p-0" lets a table reach the card's edges. */
export function CardBody({ className, ...props }: ComponentProps<"div">) {
  return <div {...props} className={cn("ui-card-body", className)} />;
}

export function CardFooter({ className, ...props }: ComponentProps<"div">) {
  return <div {...props} className={cn("flex items-center justify-end gap-3 border-t border-slate-100 px-5 py-3", className)} />;
}
