import Link from "next/link";
import { cn } from "./cn";

const LINK = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50";
const DISABLED = "rounded-md border border-slate-200 px-3 py-1.5 text-sm font-medium text-slate-500";

/** Previous / next links of a cursor-paginated list; nothing at all when there is only one page. */
export function Pagination({ previousHref, nextHref, className }: { previousHref: string | null | undefined; nextHref: string | null | undefined; className?: string }) {
  if (!previousHref && !nextHref) return null;
  return (
    <nav aria-label="Pagination" className={cn("flex items-center justify-between gap-3", className)}>
      {previousHref ? (
        <Link href={previousHref} rel="prev" className={LINK}>
          ← Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={DISABLED}>
          ← Previous
        </span>
      )}
      {nextHref ? (
        <Link href={nextHref} rel="next" className={LINK}>
          Next →
        </Link>
      ) : (
        <span aria-disabled="true" className={DISABLED}>
          Next →
        </span>
      )}
    </nav>
  );
}
