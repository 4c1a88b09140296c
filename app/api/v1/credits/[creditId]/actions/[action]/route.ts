import { AppError } from "@/lib/errors";
import { ACTION_NAMES, type ActionName, actionRule } from "@/lib/lifecycle/definition";
import { SERVER_COMPOSED_INPUTS } from "@/lib/lifecycle/inputs";
import { performAction } from "@/lib/lifecycle/perform";
import { authenticated, json, readJson } from "@/lib/http/route";
import type { StepSignature } from "@/lib/signing/sign-step";

export const dynamic = "force-dynamic";

/** A step signed with the caller's API signing key (issue 14; docs/API.md): the signing request it answers and the assertion. */
function apiSignature(value: unknown): StepSignature | undefined {
  if (value === undefined) return undefined;
  const v = value as Record<string, unknown>;
  const fields = ["requestId", "keyId", "authenticatorData", "clientDataJSON", "signature"] as const;
  if (typeof value !== "object" || value === null || fields.some((f) => typeof v[f] !== "string")) {
    throw new AppError("INVALID_REQUEST", `signature must be an object with ${fields.join(", ")} (strings, base64url for the last three).`);
  }
  return {
    requestId: v.requestId as string,
    response: {
      id: v.keyId as string,
      rawId: v.keyId as string,
      type: "public-key",
      clientExtensionResults: {},
      response: { authenticatorData: v.authenticatorData as string, clientDataJSON: v.clientDataJSON as string, signature: v.signature as string },
    },
  };
}

/**
 * POST /api/v1/credits/{id}/actions/{action}: take one lifecycle action.
 * Body: { input?, expectedVersion?, subjectId?, signature? }; header Idempotency-Key makes retries safe.
 * `signature`: required (428 SIGNATURE_REQUIRED otherwise) on a credit whose parties require signed steps.
 */
export const POST = authenticated<{ creditId: string; action: string }>(async (request, actor, params) => {
  const name = params.action as ActionName;
  if (!ACTION_NAMES.includes(name) || name === "createCredit") throw new AppError("NOT_FOUND", `There is no action "${params.action}". See /api/v1/openapi.json.`);
  if (SERVER_COMPOSED_INPUTS.includes(actionRule(name).input)) {
    throw new AppError("INVALID_REQUEST", `Use the documents upload endpoint for "${name}".`);
  }
  const body = (await readJson(request)) as { input?: unknown; expectedVersion?: unknown; subjectId?: unknown; signature?: unknown };
  if (body.expectedVersion !== undefined && !Number.isInteger(body.expectedVersion)) throw new AppError("INVALID_REQUEST", "expectedVersion must be an integer.");
  if (body.subjectId !== undefined && typeof body.subjectId !== "string") throw new AppError("INVALID_REQUEST", "subjectId must be a string.");
  const result = await performAction({
    actor,
    action: name,
    creditId: params.creditId,
    subjectId: body.subjectId as string | undefined,
    input: body.input ?? {},
    expectedVersion: body.expectedVersion as number | undefined,
    idempotencyKey: request.headers.get("idempotency-key") ?? undefined,
    signature: apiSignature(body.signature),
  });
  return json(result);
});
