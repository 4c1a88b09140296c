import type { Subject } from "@/lib/lifecycle/definition";

// Where an item of a credit lives in the app: the dashboard's rows, the "what you can do now"
// banner and notifications all link to the exact item, never just the credit's first tab.

/** The anchor of an amendment's card on the credit's Amendments tab. */
export const amendmentAnchor = (amendmentId: string) => `amendment-${amendmentId}`;

/** The id of the credit page's "what you can do now" banner. */
export const NEXT_STEPS_ANCHOR = "what-you-can-do-now";

export function itemHref(creditId: string, subject: Subject, subjectId: string | null): string {
  if (subject === "presentation" && subjectId) return `/credits/${creditId}/presentations/${subjectId}`;
  if (subject === "amendment" && subjectId) return `/credits/${creditId}?tab=amendments#${amendmentAnchor(subjectId)}`;
  return `/credits/${creditId}#${NEXT_STEPS_ANCHOR}`;
}
