import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { generateAuthenticationOptions } from "@simplewebauthn/server";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { AppError, conflict } from "@/lib/errors";
import { canonicalJson } from "@/lib/anchoring/canonical";
import type { JsonObject, JsonValue } from "@/lib/anchoring/json";
import { relyingParty } from "@/lib/passkeys/relying-party";
import { type Statement, challengeText, statementChallenge } from "./statement";
import { signingKeyFromCose } from "./public-key";
import { verifyAssertion } from "./webauthn";

// The server's side of a signed step (issue 14): a signing request holds the statement the step
// will record, derived by running the step without keeping it (performAction's dry run), and the
// challenge the user's passkey signs; the step is then taken with the signature, derived again
// under lock, and accepted only if it is the same statement, signed by a live passkey of the
// acting user with user verification, and its counter moved on.

export const SIGNING_MINUTES = 5;

/** A signature as a milestone stores it, and its digest (v3) and proof bundles carry it. */
export interface MilestoneSignature extends JsonObject {
  /** "actor": the person whose step recorded the milestone; "maker": who prepared it for a checker (four eyes). */
  role: "actor" | "maker";
  credentialId: string;
  authenticatorData: string;
  clientDataJSON: string;
  signature: string;
}

/** An actor's signature also says which of the step's milestones its statement covers (seqs, inclusive). */
export interface ActorSignature extends MilestoneSignature {
  role: "actor";
  covers: { from: number; to: number };
}

/** What the browser sends with a signed step: the request it answers and the authenticator's response. */
export interface StepSignature {
  requestId: string;
  response: AuthenticationResponseJSON;
}

export interface SigningScope {
  creditId: string;
  action: string;
  subjectId: string | null;
  requestHash: string;
}

export interface LoadedSigningRequest {
  id: string;
  statement: Statement;
  creditVersion: number;
  recordedAt: Date;
}

/** A step the server asks the user to sign: the request to answer and the options for navigator.credentials.get(). */
export interface SigningChallenge {
  requestId: string;
  options: PublicKeyCredentialRequestOptionsJSON;
  statement: Statement;
}

export async function createSigningRequest(
  actor: Actor,
  scope: SigningScope,
  prepared: { statement: Statement; creditVersion: number; recordedAt: Date },
): Promise<SigningChallenge> {
  const passkeys = await db().passkey.findMany({ where: { userId: actor.userId, revokedAt: null }, select: { credentialId: true, transports: true } });
  if (passkeys.length === 0) {
    throw new AppError("FORBIDDEN", "This step must be signed with a passkey, and you have none. Add one in Settings → Passkeys, then try again.");
  }
  const challenge = challengeText(prepared.statement);
  const now = new Date();
  await db().signingRequest.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { challenge }] } });
  const request = await db().signingRequest.create({
    data: {
      userId: actor.userId,
      creditId: scope.creditId,
      action: scope.action,
      subjectId: scope.subjectId,
      requestHash: scope.requestHash,
      statement: prepared.statement as unknown as JsonObject,
      challenge,
      creditVersion: prepared.creditVersion,
      recordedAt: prepared.recordedAt,
      expiresAt: new Date(now.getTime() + SIGNING_MINUTES * 60_000),
    },
    select: { id: true },
  });
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    challenge: new Uint8Array(statementChallenge(prepared.statement)),
    userVerification: "required",
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports as never })),
  });
  return { requestId: request.id, options, statement: prepared.statement };
}

/**
 * Takes (deletes) the actor's signing request for exactly this step: one use, within its minutes.
 * Refused when it is someone else's, for another step or input, or expired.
 */
export async function takeSigningRequest(tx: Tx, actor: Actor, requestId: string, scope: SigningScope, now: Date): Promise<LoadedSigningRequest> {
  const refused = (why: string) => new AppError("INVALID_REQUEST", `This signature cannot be used: ${why}. Take the step again and sign it when asked.`);
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw refused("it answers no signing request");
  const rows = await tx.$queryRaw<{ id: string; user_id: string; credit_id: string; action: string; subject_id: string | null; request_hash: string; statement: Statement; credit_version: number; recorded_at: Date; expires_at: Date }[]>`
    DELETE FROM signing_requests WHERE id = ${requestId}::uuid RETURNING id, user_id, credit_id, action, subject_id, request_hash, statement, credit_version, recorded_at, expires_at`;
  const row = rows[0];
  if (!row || row.user_id !== actor.userId) throw refused("it answers no signing request of yours");
  if (row.expires_at.getTime() <= now.getTime()) throw refused(`it was asked for more than ${SIGNING_MINUTES} minutes ago`);
  if (row.credit_id !== scope.creditId || row.action !== scope.action || row.subject_id !== scope.subjectId || row.request_hash !== scope.requestHash) {
    throw refused("it was asked for another step, or for other details than these");
  }
  return { id: row.id, statement: row.statement, creditVersion: row.credit_version, recordedAt: row.recorded_at };
}

/**
 * Checks the signature on a step against the statement the step records now (derived again under
 * lock): the same statement as signed, signed by a live passkey of the actor, user verified, its
 * counter moved on. Returns the signature as milestones store it.
 */
export async function verifyStepSignature(tx: Tx, actor: Actor, signed: { request: LoadedSigningRequest; response: AuthenticationResponseJSON }, statement: Statement, role: "actor" | "maker"): Promise<MilestoneSignature> {
  if (canonicalJson(signed.request.statement as unknown as JsonValue) !== canonicalJson(statement as unknown as JsonValue)) {
    throw conflict("The step changed between the moment you were asked to sign it and now (someone else acted on the credit). Review it and sign again.");
  }
  const { response } = signed;
  const credentialId = typeof response?.id === "string" ? response.id : "";
  const passkey = credentialId ? await tx.passkey.findUnique({ where: { credentialId }, select: { id: true, userId: true, publicKey: true, counter: true, revokedAt: true } }) : null;
  if (!passkey || passkey.userId !== actor.userId) throw new AppError("FORBIDDEN", "This step was signed with a passkey that is not yours. Sign it with your own passkey.");
  if (passkey.revokedAt) throw new AppError("FORBIDDEN", "This step was signed with a revoked passkey. Sign it with a passkey that is still registered.");
  const assertion = {
    authenticatorData: String(response.response?.authenticatorData ?? ""),
    clientDataJSON: String(response.response?.clientDataJSON ?? ""),
    signature: String(response.response?.signature ?? ""),
  };
  const rp = relyingParty();
  const check = await verifyAssertion(assertion, signingKeyFromCose(passkey.publicKey), { challenge: statementChallenge(statement), rpId: rp.id, origins: rp.origins, requireUserVerification: true });
  if (!check.ok) throw new AppError("FORBIDDEN", `This signature was refused: ${check.reason}.`);
  // A cloned authenticator replays a counter it has already used; authenticators without one send 0.
  const next = BigInt(check.counter);
  const moved = await tx.passkey.updateMany({
    where: { id: passkey.id, revokedAt: null, OR: [{ counter: { lt: next } }, ...(next === 0n ? [{ counter: 0n }] : [])] },
    data: { counter: next, lastUsedAt: new Date() },
  });
  if (moved.count === 0) throw new AppError("FORBIDDEN", "This signature was refused: the passkey's counter went backwards, as a copied passkey's does.");
  return { role, credentialId, ...assertion };
}
