import { canonicalJson } from "@/lib/anchoring/canonical";
import { type Terms, storedTermsSchema } from "./schema";

const same = (a: unknown, b: unknown) => canonicalJson((a ?? null) as never) === canonicalJson((b ?? null) as never);

/** The MT700 fields an amendment changes: where its proposed terms differ from the terms it was based on. */
export function amendedFields(base: Terms, proposed: Terms): (keyof Terms)[] {
  // Both sides' keys: an amendment may add an optional field (72Z) or take one away.
  const keys = new Set([...Object.keys(base), ...Object.keys(proposed)] as (keyof Terms)[]);
  return [...keys].filter((key) => !same(base[key], proposed[key]));
}

/**
 * The credit's terms once an amendment is accepted: the fields the amendment changed take its
 * values, every other field keeps its current value. So two amendments issued from the same
 * terms and accepted one after the other both take effect (art. 10: each stands on its own).
 */
export function applyAmendment(current: Terms, base: Terms, proposed: Terms): Terms {
  const next: Record<string, unknown> = { ...current };
  for (const key of amendedFields(base, proposed)) {
    if (proposed[key] === undefined) delete next[key];
    else next[key] = proposed[key];
  }
  return storedTermsSchema.parse(next);
}
