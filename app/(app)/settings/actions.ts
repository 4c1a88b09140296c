"use server";

import { revalidatePath } from "next/cache";
import { TOKEN_DAYS, createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { approveAuditGrant, grantAuditAccess, revokeAuditAccess } from "@/lib/audit/grants";
import { unlockAccount } from "@/lib/auth/authenticate";
import type { Actor } from "@/lib/auth/actor";
import { actorOrThrow } from "@/lib/auth/session";
import { endMemberSessions, endOtherSessions, endSession } from "@/lib/auth/user-sessions";
import { addHoliday, removeHoliday } from "@/lib/calendar/holidays";
import { setFourEyes } from "@/lib/organizations/four-eyes";
import { setSignMilestones } from "@/lib/organizations/sign-milestones";
import { registerApiSigningKey } from "@/lib/signing/api-keys";
import { setBankingHours } from "@/lib/organizations/banking-hours";
import { setManualRules } from "@/lib/organizations/examination-rules";
import { setEmailPreference } from "@/lib/email/notifications";
import { changeRoles, deactivateMember, inviteMember, revokeInvitation } from "@/lib/organizations/members";
import { type ActionState, errorState } from "@/lib/http/action-state";
import { finishPasskeyRegistration, startPasskeyRegistration } from "@/lib/passkeys/register-passkey";
import { revokePasskey } from "@/lib/passkeys/revoke-passkey";
import { resetMemberPasskeys } from "@/lib/passkeys/reset-passkeys";
import { createWebhookSubscription, deleteWebhookSubscription } from "@/lib/webhooks/subscriptions";
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

export type TokenState = ActionState | { status: "created"; token: string; name: string };
export type WebhookState = ActionState | { status: "created"; secret: string; url: string };

/** Runs a settings change as the signed-in user: done with `message`, or the error as a message for the form. */
async function settle(change: (actor: Actor) => Promise<unknown>, message: string): Promise<ActionState> {
  try {
    await change(await actorOrThrow());
    revalidatePath("/settings");
    return { status: "done", message };
  } catch (error) {
    return errorState(error);
  }
}

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
  return settle((actor) => revokeApiToken(actor, text(form, "tokenId")), "Token revoked.");
}

export async function createWebhookAction(_previous: WebhookState, form: FormData): Promise<WebhookState> {
  try {
    const actor = await actorOrThrow();
    const created = await createWebhookSubscription(actor, { url: text(form, "url"), events: form.getAll("events").map(String), description: text(form, "description") });
    revalidatePath("/settings");
    return { status: "created", secret: created.secret, url: created.url };
  } catch (error) {
    return errorState(error);
  }
}

export async function deleteWebhookAction(form: FormData): Promise<ActionState> {
  return settle((actor) => deleteWebhookSubscription(actor, text(form, "subscriptionId")), "Webhook deleted.");
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
  return settle((actor) => approveAuditGrant(actor, text(form, "grantId")), "Access approved.");
}

export async function revokeAuditAction(form: FormData): Promise<ActionState> {
  return settle((actor) => revokeAuditAccess(actor, text(form, "grantId")), "Access revoked.");
}

export async function addHolidayAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return settle((actor) => addHoliday(actor, { date: text(form, "date"), name: text(form, "name") }), "Holiday saved.");
}

export async function removeHolidayAction(form: FormData): Promise<void> {
  await removeHoliday(await actorOrThrow(), text(form, "holidayId"));
  revalidatePath("/settings");
}

export async function setBankingHoursAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return settle((actor) => setBankingHours(actor, { timeZone: text(form, "timeZone"), cutOff: text(form, "cutOff") }), "Banking hours saved.");
}

export async function setManualRulesAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return settle((actor) => setManualRules(actor, form.getAll("manualRules").map(String)), "Automatic checks saved.");
}

export async function setSignMilestonesAction(form: FormData): Promise<void> {
  await setSignMilestones(await actorOrThrow(), text(form, "signMilestones") === "on");
  revalidatePath("/settings");
}

export async function setFourEyesAction(form: FormData): Promise<void> {
  await setFourEyes(await actorOrThrow(), text(form, "fourEyes") === "on");
  revalidatePath("/settings");
}

// Sessions: each operation checks on the server that the session is the acting user's own (or,
// for an administrator, that the person is a member of their organisation).

export async function endSessionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return settle((actor) => endSession(actor, text(form, "sessionId")), "Session ended. That browser is signed out.");
}

export async function endOtherSessionsAction(): Promise<void> {
  await endOtherSessions(await actorOrThrow());
  revalidatePath("/settings");
}

export async function unlockMemberAction(form: FormData): Promise<ActionState> {
  return settle((actor) => unlockAccount(actor, text(form, "userId")), "Unlocked.");
}

export async function resetPasskeysAction(form: FormData): Promise<void> {
  await resetMemberPasskeys({ admin: await actorOrThrow(), userId: text(form, "userId") });
  revalidatePath("/settings");
}

export async function endMemberSessionsAction(form: FormData): Promise<void> {
  await endMemberSessions(await actorOrThrow(), text(form, "userId"));
  revalidatePath("/settings");
}

export async function inviteMemberAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const email = text(form, "email").trim();
  return settle((actor) => inviteMember(actor, { email, roles: form.getAll("roles").map(String) }), `Invitation e-mailed to ${email.toLowerCase()}. The link works for 7 days.`);
}

export async function revokeInvitationAction(form: FormData): Promise<ActionState> {
  return settle((actor) => revokeInvitation(actor, text(form, "invitationId")), "Invitation withdrawn.");
}

export async function changeRolesAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return settle((actor) => changeRoles(actor, text(form, "userId"), form.getAll("roles").map(String)), "Roles saved. The member's sessions ended: they sign in again with the new roles.");
}

export async function deactivateMemberAction(form: FormData): Promise<ActionState> {
  return settle((actor) => deactivateMember(actor, text(form, "userId")), "Member removed.");
}

export async function setEmailPreferenceAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const preference = text(form, "emailNotifications");
  if (!["IMMEDIATELY", "DAILY", "OFF"].includes(preference)) return { status: "error", message: "Choose how you want to hear of new steps.", fields: { emailNotifications: "Choose one" } };
  return settle((actor) => setEmailPreference(actor.userId, preference), "Saved.");
}

// Passkeys: the browser asks for options (a challenge bound to this session), runs the ceremony
// with its authenticator, and sends the response back with the name the user gave it.

export type PasskeyOptionsState = { status: "ready"; options: PublicKeyCredentialCreationOptionsJSON } | { status: "error"; message: string };

export async function startPasskeyRegistrationAction(): Promise<PasskeyOptionsState> {
  try {
    return { status: "ready", options: await startPasskeyRegistration({ actor: await actorOrThrow() }) };
  } catch (error) {
    const state = errorState(error);
    return { status: "error", message: state.status === "error" ? state.message : "Try again." };
  }
}

export async function finishPasskeyRegistrationAction(name: string, response: RegistrationResponseJSON): Promise<ActionState> {
  return settle((actor) => finishPasskeyRegistration({ actor, name: String(name), response }), `Passkey “${String(name).trim()}” added. You can sign in with it.`);
}

/** An API signing key (issue 14): its PEM public key, registered from this signed-in browser. */
export async function addApiSigningKeyAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  let keyId = "";
  const state = await settle(async (actor) => {
    keyId = (await registerApiSigningKey({ actor, name: text(form, "name"), publicKeyPem: text(form, "publicKey") })).credentialId;
  }, "");
  if (state.status === "done") revalidatePath("/settings");
  return state.status === "done" ? { status: "done", message: `API signing key added. Its key id, for your client's signatures: ${keyId}` } : state;
}

export async function revokePasskeyAction(form: FormData): Promise<ActionState> {
  return settle((actor) => revokePasskey({ actor, passkeyId: text(form, "passkeyId") }), "Passkey revoked.");
}
