import Link from "next/link";
import type { ReactNode } from "react";

export interface Breadcrumb {
  href: string;
  label: string;
}

/**
 * The top of a page: where it sits (breadcrumbs), its one h1, a line of context, and the
 * page's own actions. The last breadcrumb is the page itself, so it is text, not a link.
 */
export function PageHeader({ title, description, actions, breadcrumbs }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; breadcrumbs?: Breadcrumb[] }) {
  return (
    <div className="mb-6">
      {breadcrumbs && breadcrumbs.length > 0 ? (
        <nav aria-label="Breadcrumb" className="mb-2">
          <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-600">
            {breadcrumbs.map((crumb, index) => {
              const last = index === breadcrumbs.length - 1;
              return (
                <li key={`${index}-${crumb.label}`} className="flex items-center gap-1">
                  {index > 0 ? (
                    <span aria-hidden="true" className="text-slate-400">
                      /
                    </span>
                  ) : null}
                  {last ? (
                    <span aria-current="page" className="text-slate-800">
                      {crumb.label}
                    </span>
                  ) : (
                    <Link href={crumb.href} className="hover:text-brand-700 underline underline-offset-2 hover:decoration-2">
                      {crumb.label}
                    </Link>
                  )}
                </li>
              );
            })}
          </ol>
        </nav>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
          {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
        </div>
        {actions ? <div className="flex max-w-full min-w-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}
