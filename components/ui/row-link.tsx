import type { ReactNode } from "react";

/**
 * A link in a row of a long table (the dashboard's queues, the credit list): a plain <a> with one
 * short class, not next/link. next/link is a client component: each one costs its props in the
 * page's RSC payload, a server render of its hooks and a hydration in the browser, and it
 * prefetches its page when it scrolls into view (up to 70 requests for one dashboard). Opening a
 * credit from a table is a full page load instead of a client-side transition.
 */
export function RowLink({ href, strong = false, children }: { href: string; strong?: boolean; children: ReactNode }) {
  return (
    <a href={href} className={strong ? "ui-link font-medium" : "ui-link"}>
      {children}
    </a>
  );
}
