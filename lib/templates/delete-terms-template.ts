import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { assertDrafter } from "./access";
import { isUuid } from "@/lib/ids";

/** Removes one of the actor's organisation's templates; credits made from it keep their terms. */
export async function deleteTermsTemplate(actor: Actor, templateId: string): Promise<void> {
  assertDrafter(actor);
  if (!isUuid(templateId)) throw notFound("The template");
  const { count } = await db().termsTemplate.deleteMany({ where: { id: templateId, organizationId: actor.organizationId } });
  if (count === 0) throw notFound("The template");
}
