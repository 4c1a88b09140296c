"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorOrThrow } from "@/lib/auth/session";
import { cloneCredit } from "@/lib/credits/clone-credit";
import { type ActionState, errorState } from "@/lib/http/action-state";
import { saveTermsTemplate } from "@/lib/templates/save-terms-template";

// The credit page's template and clone forms: each calls one operation, which authorises.

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function saveTemplateAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await actorOrThrow();
    const saved = await saveTermsTemplate({ actor, creditId: text(form, "creditId"), name: form.get("name") });
    revalidatePath("/credits/new");
    return { status: "done", message: `Saved as template “${saved.name}”. Choose it under “Start from template” when you draft a new credit.` };
  } catch (error) {
    return errorState(error);
  }
}

export async function cloneCreditAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  let creditId: string;
  try {
    const actor = await actorOrThrow();
    const result = await cloneCredit({ actor, creditId: text(form, "creditId"), idempotencyKey: text(form, "idempotencyKey") || undefined });
    creditId = result.creditId;
    revalidatePath("/");
  } catch (error) {
    return errorState(error);
  }
  redirect(`/credits/${creditId}`);
}
