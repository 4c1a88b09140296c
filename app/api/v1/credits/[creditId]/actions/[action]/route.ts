import { AppError } from "@/lib/errors";
import { ACTION_NAMES, type ActionName, actionRule } from "@/lib/lifecycle/definition";
import { SERVER_COMPOSED_INPUTS } from "@/lib/lifecycle/inputs";
import { performAction } from "@/lib/lifecycle/perform";
import { authenticated, json, readJson } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/credits/{id}/actions/{action}: take one lifecycle action.
 * Body: { input?, expectedVersion?, subjectId? }; header Idempotency-Key makes retries safe.
 */
export const POST = authenticated<{ creditId: string; action: string }>(async (request, actor, params) => {
  const name = params.action as ActionName;
  if (!ACTION_NAMES.includes(name) || name === "createCredit") throw new AppError("NOT_FOUND", `There is no action "${params.action}". See /api/v1/openapi.json.`);
  if (SERVER_COMPOSED_INPUTS.includes(actionRule(name).input)) {
    throw new AppError("INVALID_REQUEST", `Use the documents upload endpoint for "${name}".`);
  }
  const body = (await readJson(request)) as { input?: unknown; expectedVersion?: unknown; subjectId?: unknown };
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
  });
  return json(result);
});
