import Link from "next/link";

// The dashboard is a triage view: each queue shows its first rows (the most urgent, or the
// longest waiting) and links to the whole queue. Seventy rows made the page cost five times a
// list page to render (docs/BENCHMARKS.md, issue 11).

/** Rows a queue shows on the dashboard until the user asks for all of it. */
export const SHOWN = 10;

export type QueueName = "mine" | "others";

/** The queue the user asked to see whole (`/?show=mine`), if any. */
export function expandedQueue(show: string | string[] | undefined): QueueName | null {
  return show === "mine" || show === "others" ? show : null;
}

/**
 * What a queue shows: all of it when expanded, else its first SHOWN rows. `known` is false when
 * the queue was read only one row past SHOWN (its length is then a lower bound).
 */
export function cutQueue<T>(queue: readonly T[], expanded: boolean, known = true): { rows: readonly T[]; total: number | null; more: boolean } {
  const more = queue.length > SHOWN;
  return { rows: expanded ? queue : queue.slice(0, SHOWN), total: known ? queue.length : null, more };
}

/** Under a queue longer than SHOWN: how many rows are shown, and the link to all of them (or back). */
export function QueueFooter({ queue, shown, total, expanded, noun, first }: { queue: QueueName; shown: number; total: number | null; expanded: boolean; noun: string; first: string }) {
  return (
    <p className="border-t border-slate-200 px-4 py-3 text-sm text-slate-600">
      {expanded ? (
        <>
          All {shown} credits {noun}.{" "}
          <Link href="/" className="ui-link font-medium">
            Show the {SHOWN} {first}
          </Link>
        </>
      ) : (
        <>
          The {shown} {first}
          {total === null ? "" : ` of ${total}`}.{" "}
          <Link href={`/?show=${queue}`} className="ui-link font-medium">
            Show all{total === null ? "" : ` ${total}`} credits {noun}
          </Link>
        </>
      )}
    </p>
  );
}
