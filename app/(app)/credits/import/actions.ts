"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorOrThrow } from "@/lib/auth/session";
import { ImportRefused, importCredit } from "@/lib/credits/import-credit";
import { errorState } from "@/lib/http/action-state";

// The import page's one mutation: importCredit authorises and validates (docs/SWIFT.md, Import).

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function importCreditAction(form: FormData): Promise<{ status: "error"; message: string }> {
  let creditId: string;
  try {
    const actor = await actorOrThrow();
    const created = await importCredit(actor, { fin: text(form, "fin"), beneficiaryId: text(form, "beneficiaryId"), issuingBankName: text(form, "issuingBankName") });
    creditId = created.creditId;
  } catch (error) {
    if (error instanceof ImportRefused) return { status: "error", message: `${error.message} ${error.problems.map((p) => `${p.line ? `Line ${p.line}: ` : ""}${p.message}.`).join(" ")}` };
    const state = errorState(error);
    if (state.status !== "error") return { status: "error", message: "That did not work. Nothing was created." };
    return { status: "error", message: `${state.message}${state.fields ? ` ${Object.values(state.fields).join(". ")}.` : ""}` };
  }
  revalidatePath("/");
  revalidatePath("/credits");
  redirect(`/credits/${creditId}`);
}
