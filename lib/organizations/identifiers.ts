// The identifiers an organisation is onboarded with: its country (ISO 3166-1 alpha-2) and, for a
// bank, its BIC (ISO 9362). Pure; the onboarding operation turns a null into a 400 naming the field.

const REGIONS = new Intl.DisplayNames(["en"], { type: "region" });
// Codes Intl names that ISO 3166-1 does not assign to a country: unknown region, the EU and
// eurozone, the UN, outlying Oceania, pseudo-locales, and the exceptionally reserved codes.
const NOT_COUNTRIES = new Set(["ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"]);

/** The upper-case ISO 3166-1 alpha-2 code when `input` is a country, else null. */
export function parseCountry(input: string): string | null {
  const code = input.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return null;
  return REGIONS.of(code) === code ? null : code;
}

/** The country's English name, for showing a code. */
export const countryName = (code: string) => (parseCountry(code) ? REGIONS.of(code)! : code);

/**
 * A BIC in its 11-character form (an 8-character BIC names the head office, branch "XXX"), or
 * null when it is not one: 4 letters for the institution, the country's 2 letters, 2 letters or
 * digits for the location, and an optional 3-character branch (SWIFT's 4!a2!a2!c[3!c]).
 */
export function parseBic(input: string): { bic: string; country: string } | null {
  const bic = input.replace(/\s+/g, "").toUpperCase();
  const match = /^[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?$/.exec(bic);
  if (!match || !parseCountry(match[1]!)) return null;
  return { bic: match[2] ? bic : `${bic}XXX`, country: match[1]! };
}

/** Every country Intl knows, by English name: the onboarding form's choices. */
export const COUNTRIES: readonly { code: string; name: string }[] = Array.from({ length: 26 * 26 }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)))
  .flatMap((code) => (parseCountry(code) ? [{ code, name: REGIONS.of(code)! }] : []))
  .sort((a, b) => a.name.localeCompare(b.name, "en"));
