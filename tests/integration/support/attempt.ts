import { AppError } from "@/lib/errors";
import { type PerformOptions, performAction } from "@/lib/lifecycle/perform";

/** A lifecycle step's outcome: "ok", or the refusal's code, message and field messages (anything else is thrown). */
export async function attempt(options: PerformOptions) {
  try {
    await performAction(options);
    return { code: "ok" as const };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, message: error.message, fields: error.fields ?? {} };
  }
}
