import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { shiftTermsDates } from "@/lib/terms/shift-dates";
import { type Terms, termsSchema } from "@/lib/terms/schema";
import { assertDrafter } from "./access";
import { isUuid } from "@/lib/ids";

export interface TemplateSummary {
  id: string;
  name: string;
  currency: string;
  amount: string;
  beneficiary: string;
  createdAt: Date;
}

/** The actor's organisation's templates, by name. Nobody sees another organisation's. */
export async function listTermsTemplates(actor: Actor): Promise<TemplateSummary[]> {
  assertDrafter(actor);
  const rows = await db().termsTemplate.findMany({ where: { organizationId: actor.organizationId }, orderBy: { name: "asc" } });
  return rows.map((row) => {
    const terms = row.terms as Partial<Terms>;
    return { id: row.id, name: row.name, currency: String(terms.currency ?? ""), amount: String(terms.amount ?? ""), beneficiary: terms.beneficiary?.name ?? "", createdAt: row.createdAt };
  });
}

/**
 * A template's terms to start a new credit from, dates moved forward by the days since it was
 * saved. Another organisation's template is "not found", as if it did not exist.
 */
export async function termsFromTemplate(actor: Actor, templateId: string, today = new Date()): Promise<{ id: string; name: string; terms: Terms }> {
  assertDrafter(actor);
  if (!isUuid(templateId)) throw notFound("The template");
  const row = await db().termsTemplate.findFirst({ where: { id: templateId, organizationId: actor.organizationId } });
  if (!row) throw notFound("The template");
  return { id: row.id, name: row.name, terms: shiftTermsDates(termsSchema.parse(row.terms), row.createdAt, today) };
}
