"use server";

import { resetPassword } from "@/lib/auth/password-reset";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/observability/log";

export interface ResetState {
  done?: boolean;
  error?: string;
  /** A message about the new password itself, shown beside its field. */
  passwordError?: string;
}

export async function resetPasswordAction(_previous: ResetState, form: FormData): Promise<ResetState> {
  const token = String(form.get("token") ?? "");
  const password = String(form.get("password") ?? "");
  const confirm = String(form.get("confirm") ?? "");
  if (password !== confirm) return { passwordError: "The two passwords differ. Type the same one twice." };
  try {
    await resetPassword(token, password);
    return { done: true };
  } catch (error) {
    if (isAppError(error)) return error.fields?.password ? { passwordError: error.fields.password } : { error: error.message };
    logger().error({ err: error }, "password reset failed");
    return { error: "Something went wrong on our side and your password is unchanged. Please try again." };
  }
}
