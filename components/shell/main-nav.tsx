"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export interface NavItem {
  href: string;
  label: string;
  /** Shown as a count after the label (unread notifications). */
  count?: number;
  countLabel?: string;
}

/** The most specific item whose path the current page is in: /credits/new is "New credit", not "Credits". */
export function currentHref(pathname: string, hrefs: string[]): string | undefined {
  const matches = hrefs.filter((href) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`)));
  return matches.sort((a, b) => b.length - a.length)[0];
}

/** The signed-in site's main navigation; the current section is marked aria-current="page". */
export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const current = currentHref(pathname, items.map((item) => item.href));
  return (
    <nav aria-label="Main" className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-7xl flex-wrap gap-x-1 px-4 sm:px-6">
        {items.map((item) => {
          const active = item.href === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex items-center gap-1.5 border-b-2 px-3 py-3 text-sm font-medium",
                  active ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {item.label}
                {item.count ? (
                  <span className="rounded-full bg-danger-700 px-1.5 text-xs font-semibold text-white tabular-nums">
                    {item.count}
                    {item.countLabel ? <span className="sr-only"> {item.countLabel}</span> : null}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
