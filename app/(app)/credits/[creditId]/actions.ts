"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorOrThrow } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { type ActionState, errorState } from "@/lib/http/action-state";
import { ACTION_NAMES, type ActionName, actionRule } from "@/lib/lifecycle/definition";
import { SERVER_COMPOSED_INPUTS } from "@/lib/lifecycle/inputs";
import { performAction } from "@/lib/lifecycle/perform";
import { prepareSignedStep } from "@/lib/lifecycle/sign";
import type { StepSignature } from "@/lib/signing/sign-step";
import { postMessage } from "@/lib/credits/messages";
import { ACTION_DONE } from "@/lib/lifecycle/words";

/** The passkey's signature sent with a step (issue 14), if the form carries one. */
function signatureFrom(form: FormData): StepSignature | undefined {
  const requestId = form.get("signingRequestId");
  const response = form.get("signature");
  if (typeof requestId !== "string" || typeof response !== "string" || !requestId || !response) return undefined;
  try {
    return { requestId, response: JSON.parse(response) as StepSignature["response"] };
  } catch {
    throw new AppError("INVALID_REQUEST", "The signature could not be read. Take the step again.");
  }
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

/** The action's input from the form fields its kind uses (validated by performAction). */
function inputFrom(name: ActionName, form: FormData): unknown {
  const kind = actionRule(name).input;
  switch (kind) {
    case "none":
    case "presentation":
      return {};
    case "comment":
      return { comment: text(form, "comment") };
    case "reason":
      return { reason: text(form, "reason") };
    case "issuance":
      return { creditNumber: text(form, "creditNumber"), bankConditions: text(form, "bankConditions") };
    case "advice":
      return { addConfirmation: form.get("addConfirmation") === "on", comment: text(form, "comment") };
    case "amendmentAdvice":
      return { extendConfirmation: text(form, "extendConfirmation") === "yes" ? true : text(form, "extendConfirmation") === "no" ? false : undefined, comment: text(form, "comment") };
    case "payment":
      return { amount: text(form, "amount"), dueDate: text(form, "dueDate") || undefined };
    case "documentRef":
      return { documentId: text(form, "documentId") };
    case "findingRef":
      return { findingId: text(form, "findingId"), reason: text(form, "reason") };
    case "notice":
      return { disposal: text(form, "disposal") };
    case "representationRequest":
      return { documentId: text(form, "documentId"), reason: text(form, "reason") };
    case "counterReceipt":
      return { documentId: text(form, "documentId"), receivedOn: text(form, "receivedOn") };
    case "correction":
      return { documentId: text(form, "documentId"), field: text(form, "field"), value: text(form, "value"), reason: text(form, "reason") };
    case "waiver":
      return { findingIds: form.getAll("findingIds").map(String) };
    case "finding":
      return { documentId: text(form, "documentId") || undefined, article: text(form, "article"), message: text(form, "message"), found: text(form, "found"), expected: text(form, "expected") };
    case "terms":
    case "amendment":
    case "application": {
      const raw = text(form, "payload");
      try {
        return raw ? JSON.parse(raw) : {};
      } catch {
        throw new AppError("INVALID_REQUEST", "The form could not be read. Reload the page and try again.");
      }
    }
    default:
      throw new AppError("INVALID_REQUEST", "This action cannot be taken from this form.");
  }
}

/** Every lifecycle button and dialog on the credit page posts here. */
export async function takeAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  let next: string;
  try {
    const actor = await actorOrThrow();
    const name = text(form, "action") as ActionName;
    if (!ACTION_NAMES.includes(name) || SERVER_COMPOSED_INPUTS.includes(actionRule(name).input)) throw new AppError("INVALID_REQUEST", "Unknown action.");
    const creditId = text(form, "creditId") ?? "";
    const version = Number(text(form, "expectedVersion"));
    const step = {
      actor,
      action: name,
      creditId,
      subjectId: text(form, "subjectId") || undefined,
      input: inputFrom(name, form),
      expectedVersion: Number.isInteger(version) ? version : undefined,
    };
    let result;
    try {
      result = await performAction({ ...step, idempotencyKey: text(form, "idempotencyKey") || undefined, signature: signatureFrom(form) });
    } catch (error) {
      // A step the credit's parties require signed (issue 14): derive what it records and ask the user's passkey to sign it.
      if (!(error instanceof AppError && error.code === "SIGNATURE_REQUIRED")) throw error;
      const challenge = await prepareSignedStep(step);
      if (!challenge) throw error;
      return { status: "sign", requestId: challenge.requestId, options: challenge.options, message: "Confirm with your passkey: it signs exactly this step, as it will be anchored." };
    }
    revalidatePath(`/credits/${result.creditId}`);
    revalidatePath("/");
    if (name === "startPresentation" && result.subjectId) next = `/credits/${result.creditId}/presentations/${result.subjectId}`;
    else if (result.held) return { status: "done", message: `Prepared: “${actionRule(name).label}” now waits for a checker's approval (four eyes).` };
    else return { status: "done", message: `Done: you ${ACTION_DONE[name]}.` };
  } catch (error) {
    return errorState(error);
  }
  // A new presentation opens its builder (redirect must happen outside the try).
  redirect(next);
}

export async function sendMessage(_previous: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await actorOrThrow();
    const creditId = text(form, "creditId") ?? "";
    await postMessage(actor, creditId, text(form, "body") ?? "");
    revalidatePath(`/credits/${creditId}`);
    return { status: "done", message: "Message sent." };
  } catch (error) {
    return errorState(error);
  }
}

/** The terms editor (new version, counter-proposal, amendment request): back to the credit when done. */
export async function saveTerms(previous: ActionState, form: FormData): Promise<ActionState> {
  const state = await takeAction(previous, form);
  if (state.status === "done") redirect(`/credits/${text(form, "creditId")}?tab=${text(form, "action") === "requestAmendment" ? "amendments" : "terms"}`);
  return state;
}

/** Drafting a new credit: on success, open it. */
export async function draftCredit(_previous: ActionState, form: FormData): Promise<ActionState> {
  let creditId: string;
  try {
    const actor = await actorOrThrow();
    const result = await performAction({ actor, action: "createCredit", input: inputFrom("createCredit", form), idempotencyKey: text(form, "idempotencyKey") || undefined });
    creditId = result.creditId;
    revalidatePath("/");
  } catch (error) {
    return errorState(error);
  }
  redirect(`/credits/${creditId}`);
}
