import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError, invalid, notFound } from "@/lib/errors";
import { partiesOf, visiblePartiesOf } from "@/lib/lifecycle/authorize";
import { termsSchema } from "@/lib/terms/schema";
import { assertDrafter } from "./access";
import { isUuid } from "@/lib/ids";

export const TEMPLATE_NAME_MAX = 80;

/** The name a user typed, trimmed, or a field error. */
export function parseTemplateName(raw: unknown): string {
  const name = typeof raw === "string" ? raw.trim().replace(/\s+/g, " ") : "";
  if (name.length === 0) throw invalid("Give the template a name.", { name: "Enter a name" });
  if (name.length > TEMPLATE_NAME_MAX) throw invalid(`A template name has at most ${TEMPLATE_NAME_MAX} characters.`, { name: `At most ${TEMPLATE_NAME_MAX} characters` });
  return name;
}

/**
 * Saves a credit's current terms as a named template of the actor's organisation. Only the
 * applicant's users may: the terms are the applicant's application.
 */
export async function saveTermsTemplate(options: { actor: Actor; creditId: string; name: unknown }): Promise<{ id: string; name: string }> {
  const { actor } = options;
  assertDrafter(actor);
  const name = parseTemplateName(options.name);
  if (!isUuid(options.creditId)) throw notFound("The credit");
  const credit = await db().credit.findUnique({ where: { id: options.creditId }, include: { currentTerms: { select: { terms: true } } } });
  // Someone outside the credit learns nothing, not even that it exists.
  if (!credit || visiblePartiesOf(actor.organizationId, credit).length === 0) throw notFound("The credit");
  if (!partiesOf(actor.organizationId, credit).includes("applicant")) throw new AppError("FORBIDDEN", "Only the applicant can save a credit's terms as a template.");
  if (!credit.currentTerms) throw invalid("This credit has no terms yet.");
  const terms = termsSchema.parse(credit.currentTerms.terms);
  const taken = await db().termsTemplate.findUnique({ where: { organizationId_name: { organizationId: actor.organizationId, name } }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", `Your organisation already has a template named “${name}”: choose another name.`, { name: "Already used" });
  try {
    const template = await db().termsTemplate.create({
      data: { organizationId: actor.organizationId, name, terms: terms as unknown as Prisma.InputJsonValue, createdById: actor.userId },
      select: { id: true, name: true },
    });
    return template;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT", `Your organisation already has a template named “${name}”: choose another name.`, { name: "Already used" });
    throw error;
  }
}
