import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { invalid } from "@/lib/errors";
import { type Terms, storedTermsSchema } from "@/lib/terms/schema";
import { termsHash } from "@/lib/terms/hash";

/** Load a stored terms version (validated: stored terms always passed the schema). */
export async function loadTerms(tx: Tx, termsId: string | null): Promise<{ id: string; number: number; terms: Terms; termsHash: string }> {
  if (!termsId) throw new Error("The credit has no terms yet");
  const version = await tx.termsVersion.findUniqueOrThrow({ where: { id: termsId } });
  return { id: version.id, number: version.number, terms: storedTermsSchema.parse(version.terms), termsHash: version.termsHash };
}

/** The credit's columns copied from its operative terms (for listing, search and expiry). */
export function termsColumns(terms: Terms): Pick<Prisma.CreditUncheckedUpdateInput, "currency" | "amount" | "expiryDate"> {
  return { currency: terms.currency, amount: terms.amount, expiryDate: new Date(`${terms.expiryDate}T00:00:00Z`) };
}

/** Store a new terms version after `parentId`; refuses a "new" version identical to its parent. */
export async function addTermsVersion(
  tx: Tx,
  args: { creditId: string; parentId: string | null; terms: Terms; author: Actor; comment?: string; allowUnchanged?: boolean },
): Promise<{ id: string; number: number; termsHash: string }> {
  const hash = termsHash(args.terms);
  if (args.parentId && !args.allowUnchanged) {
    const parent = await tx.termsVersion.findUniqueOrThrow({ where: { id: args.parentId }, select: { termsHash: true } });
    if (parent.termsHash === hash) throw invalid("These terms are the same as the current version: change at least one field.");
  }
  const last = await tx.termsVersion.findFirst({ where: { creditId: args.creditId }, orderBy: { number: "desc" }, select: { number: true } });
  const number = (last?.number ?? 0) + 1;
  const created = await tx.termsVersion.create({
    data: {
      creditId: args.creditId,
      number,
      parentId: args.parentId,
      authorId: args.author.userId,
      authorOrgId: args.author.organizationId,
      terms: args.terms as unknown as Prisma.InputJsonValue,
      termsHash: hash,
      comment: args.comment || null,
    },
    select: { id: true },
  });
  return { id: created.id, number, termsHash: hash };
}
