import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { isAppError } from "@/lib/errors";

/** What a server action tells its form: done, or a message with field errors. Never a stack trace. */
export type ActionState =
  | { status: "idle" }
  | { status: "done"; message: string }
  | { status: "error"; message: string; fields?: Record<string, string> }
  /**
   * The step must be signed with the user's passkey (issue 14): the browser asks the authenticator
   * to sign `options.challenge` (the step's statement) and sends the form again with the response.
   */
  | { status: "sign"; requestId: string; options: PublicKeyCredentialRequestOptionsJSON; message: string };

export const IDLE: ActionState = { status: "idle" };

export function errorState(error: unknown): ActionState {
  if (isAppError(error)) {
    if (error.code === "UNAUTHENTICATED") return { status: "error", message: error.message };
    return { status: "error", message: error.message, fields: error.fields };
  }
  console.error("Unhandled error in a server action:", error);
  return { status: "error", message: "Something went wrong on our side and nothing was changed. Please try again." };
}
