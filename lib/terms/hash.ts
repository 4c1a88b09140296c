import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/anchoring/canonical";
import type { Terms } from "./schema";

/** SHA-256 (hex) of the terms' RFC 8785 canonical form: equal terms, equal hash, always. */
export function termsHash(terms: Terms): string {
  return createHash("sha256").update(canonicalJson(terms as never)).digest("hex");
}
