import { TERMS_FIELDS } from "@/lib/terms/fields";
import type { Terms } from "@/lib/terms/schema";

/** The credit's terms, grouped as a trade-operations user reads an MT700. */
export function TermsView({ terms, highlight = [] }: { terms: Terms; highlight?: string[] }) {
  const groups = new Map<string, typeof TERMS_FIELDS>();
  // Optional MT700 fields (and a standby's absent shipment fields) are shown only when set.
  const shown = TERMS_FIELDS.filter((field) => !field.optional || field.format(terms) !== "");
  for (const field of shown) groups.set(field.group, [...(groups.get(field.group) ?? []), field]);
  const changed = new Set(highlight);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {[...groups].map(([group, fields]) => (
        <section key={group} aria-labelledby={`terms-${group}`} className="rounded-md border border-slate-200">
          <h3 id={`terms-${group}`} className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm font-semibold text-slate-700">
            {group}
          </h3>
          <dl className="divide-y divide-slate-100">
            {fields.map((field) => (
              <div key={field.path} className={`grid grid-cols-[9rem_1fr] gap-3 px-4 py-2 text-sm ${changed.has(field.path) ? "bg-warning-50" : ""}`}>
                <dt className="text-slate-600">
                  <span className="mr-1 font-mono text-xs text-slate-400">{field.tag}</span>
                  {field.label}
                </dt>
                <dd className="whitespace-pre-line text-slate-900">{field.format(terms) || "—"}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
