"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";

/** The submit button of the form around it: busy, and not pressable twice, while the form is submitting. */
export function SubmitButton({ pending, ...props }: Omit<ButtonProps, "type">) {
  const status = useFormStatus();
  return <Button {...props} type="submit" pending={Boolean(pending) || status.pending} />;
}
