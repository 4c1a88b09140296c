"use server";

import { isAppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/organizations/members";
import { logger } from "@/lib/observability/log";

export interface AcceptState {
  done?: boolean;
  email?: string;
  error?: string;
  fields?: Record<string, string>;
  name?: string;
}

export async function acceptInvitationAction(_previous: AcceptState, form: FormData): Promise<AcceptState> {
  const token = String(form.get("token") ?? "");
  const name = String(form.get("name") ?? "");
  const password = String(form.get("password") ?? "");
  if (password !== String(form.get("confirm") ?? "")) return { name, fields: { password: "The two passwords differ. Type the same one twice." } };
  try {
    const { email } = await acceptInvitation(token, { name, password });
    return { done: true, email };
  } catch (error) {
    if (isAppError(error)) return error.fields ? { name, fields: error.fields } : { name, error: error.message };
    logger().error({ err: error }, "accepting an invitation failed");
    return { name, error: "Something went wrong on our side and no account was created. Please try again." };
  }
}
