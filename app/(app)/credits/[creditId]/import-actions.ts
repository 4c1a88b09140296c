"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorOrThrow } from "@/lib/auth/session";
import { importAmendment } from "@/lib/credits/import-amendment";
import { ImportRefused } from "@/lib/credits/import-credit";
import { errorState } from "@/lib/http/action-state";

// The amendments tab's MT707 form: importAmendment authorises and validates (docs/SWIFT.md, Import).

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function importAmendmentAction(form: FormData): Promise<{ status: "error"; message: string }> {
  const creditId = text(form, "creditId");
  try {
    const actor = await actorOrThrow();
    await importAmendment(actor, creditId, { fin: text(form, "fin") });
  } catch (error) {
    if (error instanceof ImportRefused) return { status: "error", message: `${error.message} ${error.problems.map((p) => `${p.line ? `Line ${p.line}: ` : ""}${p.message}.`).join(" ")}` };
    const state = errorState(error);
    return { status: "error", message: state.status === "error" ? state.message : "That did not work. Nothing was applied." };
  }
  revalidatePath(`/credits/${creditId}`);
  revalidatePath("/");
  redirect(`/credits/${creditId}?tab=amendments`);
}
