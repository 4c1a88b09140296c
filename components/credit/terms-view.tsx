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
        <section key={group} aria-labelledby={groupId(group)} className="min-w-0 rounded-md border border-slate-200">
          <h3 id={groupId(group)} className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm font-semibold text-slate-700">
            {group}
          </h3>
          <dl className="divide-y divide-slate-100">
            {fields.map((field) => (
              <div key={field.path} className={`grid gap-x-3 gap-y-0.5 px-4 py-2 text-sm sm:grid-cols-[9rem_minmax(0,1fr)] ${changed.has(field.path) ? "bg-warning-50" : ""}`}>
                <dt className="text-slate-600">
                  <span className="mr-1 font-mono text-xs text-slate-600">{field.tag}</span>
                  {field.label}
                </dt>
                <dd className="min-w-0 whitespace-pre-line break-words text-slate-900">{field.format(terms) || "—"}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

/** "Goods and documents" → "terms-goods-and-documents": an id without spaces, which aria-labelledby and fragments need. */
export function groupId(group: string): string {
  return `terms-${group.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
}
