import { db } from "@/lib/db/client";
import { loadTerms } from "@/lib/lifecycle/handlers/terms";
import { type Presented, examineAsPresented } from "./examine";

// The beneficiary's pre-check (issue 13): the bank's own automatic examination run on a draft
// presentation, as if presented now, so that discrepancies are fixed before they cost a refusal
// fee. Read-only; the caller has already established that the reader may see the draft
// (lib/credits/read-rules.ts: a draft stays with the beneficiary).

export async function preCheckPresentation(creditId: string, presentationId: string, now = new Date()): Promise<Presented> {
  const credit = await db().credit.findUniqueOrThrow({ where: { id: creditId }, select: { id: true, issuingBankId: true, advisingBankId: true, confirmingBankId: true, drawnAmount: true, currentTermsId: true } });
  const presentation = await db().presentation.findFirstOrThrow({ where: { id: presentationId, creditId, status: "DRAFT" }, include: { documents: { orderBy: { createdAt: "asc" } } } });
  const terms = await loadTerms(db(), credit.currentTermsId);
  return examineAsPresented(db(), { credit: { ...credit, drawnAmount: credit.drawnAmount.toString() }, presentationId, terms: terms.terms, documents: presentation.documents, now });
}
