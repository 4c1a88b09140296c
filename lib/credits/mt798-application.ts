import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { conflict, forbidden, isAppError, notFound } from "@/lib/errors";
import { type Mt798Export, mt798Application } from "@/lib/swift/mt798";
import { storedTermsSchema } from "@/lib/terms/schema";
import { canSeeCredit } from "./can-see-credit";

// The applicant's agreed application as an MT798<770> file (issue 15 item 4; lib/swift/mt798.ts
// writes it). Who may download it, decided here on the server:
//   - the applicant's organisation: it is its application to its bank;
//   - the issuing bank, once the application was submitted to it: it is the addressee;
//   - nobody else: the beneficiary, the advising and confirming banks and auditors see the credit
//     but not the applicant's instructions to its bank as a file (403); whoever may not see the
//     credit at all gets the credit's 404.
// Only agreed terms make an application: before agreement (or after the terms were reopened) 409.

const NOT_AGREED = new Set(["DRAFT", "WITH_BENEFICIARY", "WITH_APPLICANT"]);

/** The application for the credit's SWIFT tab: null for whoever may not download it, or before agreement (no error shown for that). */
export async function mt798ApplicationFor(actor: Actor, creditId: string): Promise<Mt798Export | null> {
  try {
    return await getMt798Application(actor, creditId);
  } catch (error) {
    if (isAppError(error) && (error.code === "FORBIDDEN" || error.code === "CONFLICT")) return null;
    throw error;
  }
}

export async function getMt798Application(actor: Actor, creditId: string): Promise<Mt798Export & { reference: string }> {
  if (!(await canSeeCredit(actor, creditId))) throw notFound("The credit");
  const credit = await db().credit.findUniqueOrThrow({
    where: { id: creditId },
    select: {
      reference: true,
      status: true,
      applicantId: true,
      issuingBankId: true,
      submittedAt: true,
      applicant: { select: { name: true, bic: true } },
      issuingBank: { select: { name: true, bic: true } },
      advisingBank: { select: { name: true, bic: true } },
      agreedTerms: { select: { terms: true, createdAt: true } },
    },
  });
  const applicant = actor.organizationId === credit.applicantId;
  const addressee = actor.organizationId === credit.issuingBankId && credit.submittedAt !== null;
  if (!applicant && !addressee) throw forbidden("Only the applicant, and the issuing bank it was submitted to, may download the MT798 application.");
  if (NOT_AGREED.has(credit.status) || !credit.agreedTerms) throw conflict("The terms are not agreed yet: the application exists once applicant and beneficiary agree on one version.");
  const file = mt798Application({
    reference: credit.reference,
    terms: storedTermsSchema.parse(credit.agreedTerms.terms),
    applicant: credit.applicant,
    issuingBank: credit.issuingBank,
    advisingBank: credit.advisingBank,
    // The day the terms were agreed on, not the download's: the same file every time.
    createdAt: credit.agreedTerms.createdAt.toISOString(),
  });
  return { ...file, reference: credit.reference };
}
