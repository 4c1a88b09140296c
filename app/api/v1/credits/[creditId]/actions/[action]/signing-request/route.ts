import { AppError } from "@/lib/errors";
import { ACTION_NAMES, type ActionName, actionRule } from "@/lib/lifecycle/definition";
import { SERVER_COMPOSED_INPUTS } from "@/lib/lifecycle/inputs";
import { prepareSignedStep } from "@/lib/lifecycle/sign";
import { relyingParty } from "@/lib/passkeys/relying-party";
import { authenticated, json, readJson } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/credits/{id}/actions/{action}/signing-request: what this step would record, to be
 * signed with the caller's API signing key (issue 14). Body: { input?, subjectId? }, as for the
 * action. `required: false`: the step needs no signature. Otherwise the challenge to sign, the
 * relying party and origin to sign for, and the statement the challenge is the SHA-256 of.
 */
export const POST = authenticated<{ creditId: string; action: string }>(async (request, actor, params) => {
  const name = params.action as ActionName;
  if (!ACTION_NAMES.includes(name) || name === "createCredit" || SERVER_COMPOSED_INPUTS.includes(actionRule(name).input)) {
    throw new AppError("NOT_FOUND", `There is no signed action "${params.action}". See /api/v1/openapi.json.`);
  }
  const body = (await readJson(request)) as { input?: unknown; subjectId?: unknown };
  if (body.subjectId !== undefined && typeof body.subjectId !== "string") throw new AppError("INVALID_REQUEST", "subjectId must be a string.");
  const challenge = await prepareSignedStep({ actor, action: name, creditId: params.creditId, subjectId: body.subjectId as string | undefined, input: body.input ?? {} });
  if (!challenge) return json({ required: false });
  const rp = relyingParty();
  return json({ required: true, requestId: challenge.requestId, challenge: challenge.options.challenge, rpId: rp.id, origin: rp.origins[0], statement: challenge.statement });
});
