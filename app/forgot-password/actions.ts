"use server";

import { requestPasswordReset } from "@/lib/auth/password-reset";
import { logger } from "@/lib/observability/log";

export interface ForgotState {
  sent?: boolean;
  error?: string;
  email?: string;
}

export async function forgotPasswordAction(_previous: ForgotState, form: FormData): Promise<ForgotState> {
  const email = String(form.get("email") ?? "").trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320) return { error: "Enter the e-mail address you sign in with.", email };
  try {
    await requestPasswordReset(email);
  } catch (error) {
    logger().error({ err: error }, "password reset request failed");
    return { error: "Something went wrong on our side. Please try again in a minute.", email };
  }
  // The same answer whether or not the address has an account.
  return { sent: true, email };
}
