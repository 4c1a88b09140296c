"use server";

import { revalidatePath } from "next/cache";
import { actorOrThrow } from "@/lib/auth/session";
import { type ActionState, errorState } from "@/lib/http/action-state";
import { runReconciliationNow } from "@/lib/reconciliation/reconciliation";

/** "Run now" on Settings (bank admins) and Audit (auditors); runReconciliationNow refuses anyone else. */
export async function runReconciliationAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await actorOrThrow();
    const result = await runReconciliationNow(actor, { fullRescan: form.get("fullRescan") === "on" });
    revalidatePath("/settings");
    revalidatePath("/audit");
    if (result.status === "RUNNING") return { status: "done", message: "A reconciliation is already running. Reload this page in a moment to see its result." };
    if (result.status === "FAILED") return { status: "error", message: "The reconciliation could not finish: the chain may be unreachable. Try again; it resumes where it stopped." };
    return { status: "done", message: result.findings === 0 ? "Reconciliation finished: everything matches." : `Reconciliation finished with ${result.findings} finding${result.findings === 1 ? "" : "s"}, listed below.` };
  } catch (error) {
    return errorState(error);
  }
}
