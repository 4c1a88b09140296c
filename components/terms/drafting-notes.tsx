import { draftingCheck } from "@/lib/terms/drafting-check";
import type { TermsInput } from "@/lib/terms/schema";

/**
 * The drafting check beside the terms (lib/terms/drafting-check.ts): conditions banks will
 * disregard and terms that conflict, each with its article. Advice read out politely; it never
 * blocks saving.
 */
export function DraftingNotes({ terms, className }: { terms: Partial<TermsInput>; className?: string }) {
  const notes = draftingCheck({
    incoterm: terms.incoterm,
    documentsRequired: terms.documentsRequired ?? [],
    additionalConditions: terms.additionalConditions,
    goodsDescription: terms.goodsDescription,
    amount: terms.amount,
    currency: terms.currency,
    tolerance: terms.tolerance,
  } as Parameters<typeof draftingCheck>[0]);
  return (
    <div role="status" aria-live="polite" className={className}>
      {notes.length > 0 ? (
        <div className="rounded-md border border-warning-300 bg-warning-50 px-3 py-2 text-sm text-warning-900">
          <p className="font-semibold">Drafting check</p>
          <ul className="mt-1 list-disc space-y-1 pl-5" aria-label="Drafting check">
            {notes.map((n, i) => (
              <li key={`${n.rule}-${i}`}>
                {n.message} <span className="whitespace-nowrap text-warning-800">({n.reference})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
