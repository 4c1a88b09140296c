"use server";

import { revalidatePath } from "next/cache";
import { actorOrThrow } from "@/lib/auth/session";
import { type ActionState, errorState } from "@/lib/http/action-state";
import { deleteTermsTemplate } from "@/lib/templates/delete-terms-template";

export async function deleteTemplateAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await actorOrThrow();
    await deleteTermsTemplate(actor, String(form.get("templateId") ?? ""));
    revalidatePath("/credits/new");
    return { status: "done", message: "Template removed." };
  } catch (error) {
    return errorState(error);
  }
}
