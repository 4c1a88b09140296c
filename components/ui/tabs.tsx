import Link from "next/link";
import { cn } from "./cn";

export interface TabItem {
  href: string;
  label: string;
  count?: number;
  current: boolean;
}

/**
 * Sections of one page as links (each section has its own URL, so it can be shared and works
 * without script); the current one is marked aria-current="page".
 */
export function Tabs({ label, items, className }: { label: string; items: TabItem[]; className?: string }) {
  const current = items.find((item) => item.current);
  return (
    <nav aria-label={label} className={cn("border-b border-slate-200", className)}>
      {/* The section's name changes in place on a tab switch; a screen reader reads it out. */}
      <p aria-live="polite" aria-atomic="true" className="sr-only" data-tab-announcer>
        {current ? `${current.label} tab shown` : ""}
      </p>
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.current ? "page" : undefined}
              className={cn(
                "inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium",
                item.current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {item.label}
              {item.count !== undefined ? <span className={cn("rounded-full px-1.5 text-xs tabular-nums", item.current ? "bg-brand-100 text-brand-800" : "bg-slate-100 text-slate-600")}>{item.count}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
