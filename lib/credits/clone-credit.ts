import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { partiesOf, visiblePartiesOf } from "@/lib/lifecycle/authorize";
import { type ActionResult, performAction } from "@/lib/lifecycle/perform";
import { shiftTermsDates } from "@/lib/terms/shift-dates";
import { termsSchema } from "@/lib/terms/schema";
import { isUuid } from "@/lib/ids";

/**
 * "New credit from this one": a fresh draft with the credit's current terms and parties, made
 * through the lifecycle's createCredit (which decides who may draft). Only the applicant's users
 * may clone: the terms are their application. Dates move forward by the days since the original
 * was drafted.
 */
export async function cloneCredit(options: { actor: Actor; creditId: string; idempotencyKey?: string; now?: Date }): Promise<ActionResult> {
  const { actor } = options;
  if (!isUuid(options.creditId)) throw notFound("The credit");
  const source = await db().credit.findUnique({ where: { id: options.creditId }, include: { currentTerms: { select: { terms: true } } } });
  if (!source || visiblePartiesOf(actor.organizationId, source).length === 0) throw notFound("The credit");
  if (!partiesOf(actor.organizationId, source).includes("applicant")) throw new AppError("FORBIDDEN", "Only the applicant can start a new credit from this one.");
  if (!source.currentTerms) throw new AppError("INVALID_REQUEST", "This credit has no terms to copy yet.");
  const terms = shiftTermsDates(termsSchema.parse(source.currentTerms.terms), source.createdAt, options.now);
  return performAction({
    actor,
    action: "createCredit",
    input: {
      beneficiaryId: source.beneficiaryId,
      issuingBankId: source.issuingBankId,
      advisingBankId: source.advisingBankId,
      terms,
      comment: `Started from ${source.creditNumber ? `credit ${source.creditNumber}` : `application ${source.reference}`}`,
    },
    idempotencyKey: options.idempotencyKey,
    now: options.now,
  });
}
