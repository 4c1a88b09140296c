import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClassName } from "./input";

/** A native select: keyboard, screen readers and mobile pickers work without any script. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select {...props} className={cn(controlClassName, "pr-8", className)} />;
}
