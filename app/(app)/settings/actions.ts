"use server";

import { revalidatePath } from "next/cache";
import { TOKEN_DAYS, createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { approveAuditGrant, grantAuditAccess, revokeAuditAccess } from "@/lib/audit/grants";
import { unlockAccount } from "@/lib/auth/authenticate";
import { actorOrThrow } from "@/lib/auth/session";
import { endMemberSessions, endOtherSessions, endSession } from "@/lib/auth/user-sessions";
import { addHoliday, removeHoliday } from "@/lib/calendar/holidays";
import { setFourEyes } from "@/lib/organizations/four-eyes";
import { type ActionState, errorState } from "@/lib/http/action-state";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

export type TokenState = ActionState | { status: "created"; token: string; name: string };

export async function createTokenAction(_previous: TokenState, form: FormData): Promise<TokenState> {
  try {
    const actor = await actorOrThrow();
    const created = await createApiToken(actor, text(form, "name"), { scopes: form.getAll("scopes").map(String), days: Number(text(form, "days") || TOKEN_DAYS.default) });
    revalidatePath("/settings");
    return { status: "created", token: created.token, name: text(form, "name") };
  } catch (error) {
    return errorState(error);
  }
}

export async function revokeTokenAction(form: FormData): Promise<ActionState> {
  try {
    await revokeApiToken(await actorOrThrow(), text(form, "tokenId"));
    revalidatePath("/settings");
    return { status: "done", message: "Token revoked." };
  } catch (error) {
    return errorState(error);
  }
}

export async function grantAuditAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await actorOrThrow();
    const until = text(form, "validUntil");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) return { status: "error", message: "Choose until when the grant is valid.", fields: { validUntil: "Choose a date" } };
    const grant = await grantAuditAccess(actor, { auditorId: text(form, "auditorId"), creditId: text(form, "creditId") || null, validUntil: new Date(`${until}T23:59:59Z`) });
    revalidatePath("/settings");
    return grant.pending
      ? { status: "done", message: "Access to all your credits requested. It starts when another administrator or checker of your bank approves it below." }
      : { status: "done", message: "Access granted. The audit firm sees it now." };
  } catch (error) {
    return errorState(error);
  }
}

export async function approveAuditAction(form: FormData): Promise<ActionState> {
  try {
    await approveAuditGrant(await actorOrThrow(), text(form, "grantId"));
    revalidatePath("/settings");
    return { status: "done", message: "Access approved." };
  } catch (error) {
    return errorState(error);
  }
}

export async function revokeAuditAction(form: FormData): Promise<ActionState> {
  try {
    await revokeAuditAccess(await actorOrThrow(), text(form, "grantId"));
    revalidatePath("/settings");
    return { status: "done", message: "Access revoked." };
  } catch (error) {
    return errorState(error);
  }
}

export async function addHolidayAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  try {
    await addHoliday(await actorOrThrow(), { date: text(form, "date"), name: text(form, "name") });
    revalidatePath("/settings");
    return { status: "done", message: "Holiday saved." };
  } catch (error) {
    return errorState(error);
  }
}

export async function removeHolidayAction(form: FormData): Promise<void> {
  await removeHoliday(await actorOrThrow(), text(form, "holidayId"));
  revalidatePath("/settings");
}

export async function setFourEyesAction(form: FormData): Promise<void> {
  await setFourEyes(await actorOrThrow(), text(form, "fourEyes") === "on");
  revalidatePath("/settings");
}

// Sessions: each operation checks on the server that the session is the acting user's own (or,
// for an administrator, that the person is a member of their organisation).

export async function endSessionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  try {
    await endSession(await actorOrThrow(), text(form, "sessionId"));
    revalidatePath("/settings");
    return { status: "done", message: "Session ended. That browser is signed out." };
  } catch (error) {
    return errorState(error);
  }
}

export async function endOtherSessionsAction(): Promise<void> {
  await endOtherSessions(await actorOrThrow());
  revalidatePath("/settings");
}

export async function unlockMemberAction(form: FormData): Promise<ActionState> {
  try {
    await unlockAccount(await actorOrThrow(), text(form, "userId"));
    revalidatePath("/settings");
    return { status: "done", message: "Unlocked." };
  } catch (error) {
    return errorState(error);
  }
}

export async function endMemberSessionsAction(form: FormData): Promise<void> {
  await endMemberSessions(await actorOrThrow(), text(form, "userId"));
  revalidatePath("/settings");
}
