import { businessDay, pastDateErrors, termsDateWarnings } from "@/lib/terms/dates";
import type { TermsInput } from "@/lib/terms/schema";

// Date warnings beside the terms and on the issuance step (lib/terms/dates.ts): a presentation
// period that cannot fit before expiry, and dates already past, which the bank will refuse to
// issue. Announced politely: they advise, they do not block the form.

/** The sentences to show for these terms today (UTC business day). */
export function dateWarnings(terms: Partial<Pick<TermsInput, "expiryDate" | "latestShipmentDate" | "presentationPeriodDays">>, now: Date = new Date()): string[] {
  if (!terms.expiryDate) return [];
  const dated = { expiryDate: terms.expiryDate, latestShipmentDate: terms.latestShipmentDate || undefined, presentationPeriodDays: terms.presentationPeriodDays };
  const past = Object.values(pastDateErrors(dated, businessDay(now))).map((message) => `${message}: the credit cannot be issued with it.`);
  return [...past, ...termsDateWarnings(dated)];
}

export function DateWarnings({ warnings, className }: { warnings: string[]; className?: string }) {
  return (
    <div role="status" aria-live="polite" className={className}>
      {warnings.length > 0 ? (
        <div className="rounded-md border border-warning-300 bg-warning-50 px-3 py-2 text-sm text-warning-900">
          <p className="font-semibold">Check the dates</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
