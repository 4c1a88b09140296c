"use server";

import { revalidatePath } from "next/cache";
import { actorOrThrow } from "@/lib/auth/session";
import { type ActionState, errorState } from "@/lib/http/action-state";
import { inviteOrganizationAdministrator, onboardOrganization } from "@/lib/organizations/onboarding";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

export async function onboardOrganizationAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  try {
    const created = await onboardOrganization(await actorOrThrow(), {
      kind: text(form, "kind"),
      name: text(form, "name"),
      country: text(form, "country"),
      bic: text(form, "bic"),
      address: text(form, "address"),
      administratorEmail: text(form, "administratorEmail"),
    });
    revalidatePath("/platform");
    return { status: "done", message: `${created.name} is onboarded. Its first administrator's invitation is e-mailed to ${created.administratorEmail}.` };
  } catch (error) {
    return errorState(error);
  }
}

export async function inviteAdministratorAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  try {
    await inviteOrganizationAdministrator(await actorOrThrow(), text(form, "organizationId"), text(form, "email"));
    revalidatePath("/platform");
    return { status: "done", message: `Invitation e-mailed to ${text(form, "email").trim().toLowerCase()}.` };
  } catch (error) {
    return errorState(error);
  }
}
