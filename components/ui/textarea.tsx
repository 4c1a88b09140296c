import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClassName } from "./input";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea {...props} className={cn(controlClassName, "min-h-16", className)} />;
}
