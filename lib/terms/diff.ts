import { TERMS_FIELDS } from "./fields";
import type { Terms } from "./schema";

// What changed between two terms versions, field by field, as the parties read them. Comparing
// the displayed text (not the raw values) means a change shows exactly as it would on the credit,
// e.g. one line per required document, and nothing shows that a reader could not see.

export interface TermsChange {
  /** The TERMS_FIELDS path, so a view can highlight the changed field. */
  path: string;
  tag: string;
  label: string;
  /** Display text before the change, or null when the field was empty (or there was no earlier version). */
  before: string | null;
  after: string | null;
}

/** The changed fields in MT700 order; with no earlier version, every field that has a value. */
export function diffTerms(before: Terms | null, after: Terms): TermsChange[] {
  const changes: TermsChange[] = [];
  for (const field of TERMS_FIELDS) {
    const was = before ? field.format(before) || null : null;
    const now = field.format(after) || null;
    if (was !== now) changes.push({ path: field.path, tag: field.tag, label: field.label, before: was, after: now });
  }
  return changes;
}
