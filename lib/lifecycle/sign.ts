import type { Actor } from "@/lib/auth/actor";
import { type SigningChallenge, createSigningRequest } from "@/lib/signing/sign-step";
import type { ActionName } from "./definition";
import { dryRunStep, signingRequestHash } from "./perform";

// Asking a person to sign a step (issue 14): the step is run without keeping it, to derive exactly
// what it will record; the statement and its challenge are kept as a signing request for five
// minutes. Null: this step needs no signature (the credit's parties do not require them, or the
// step records nothing and prepares nothing).

export async function prepareSignedStep(options: {
  actor: Actor;
  action: ActionName;
  creditId: string;
  subjectId?: string;
  input?: unknown;
  expectedVersion?: number;
}): Promise<SigningChallenge | null> {
  const prepared = await dryRunStep(options);
  if (!prepared.statement) return null;
  return createSigningRequest(
    options.actor,
    { creditId: options.creditId, action: options.action, subjectId: options.subjectId ?? null, requestHash: signingRequestHash(options.input) },
    { statement: prepared.statement, creditVersion: prepared.creditVersion, recordedAt: prepared.recordedAt },
  );
}
