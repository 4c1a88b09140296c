import { isAppError } from "@/lib/errors";

/** What a server action tells its form: done, or a message with field errors. Never a stack trace. */
export type ActionState = { status: "idle" } | { status: "done"; message: string } | { status: "error"; message: string; fields?: Record<string, string> };

export const IDLE: ActionState = { status: "idle" };

export function errorState(error: unknown): ActionState {
  if (isAppError(error)) {
    if (error.code === "UNAUTHENTICATED") return { status: "error", message: error.message };
    return { status: "error", message: error.message, fields: error.fields };
  }
  console.error("Unhandled error in a server action:", error);
  return { status: "error", message: "Something went wrong on our side and nothing was changed. Please try again." };
}
