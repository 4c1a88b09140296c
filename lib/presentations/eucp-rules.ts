import { MEDIA_TYPE_LABELS, type DocumentMediaType } from "@/lib/documents/sniff";

// eUCP v2.1 rules that need no database (docs/EUCP.md): the formats a credit accepts (art. e5)
// and the words of the notice of refusal under eUCP (art. e8). Pure and client-safe.

/** The credit's format names that describe each stored media type (art. e5: "format" may name a version, e.g. PDF/A-3). */
const FORMAT_NAMES: Record<DocumentMediaType, readonly string[]> = {
  "application/pdf": ["PDF"],
  "image/png": ["PNG"],
  "image/jpeg": ["JPEG", "JPG"],
  "image/tiff": ["TIFF", "TIF"],
  "image/webp": ["WEBP"],
};

/** The formats named by 47A-style text "PDF, XML" (lib/terms/schema.ts normalises it). */
export const recordFormats = (formats: string | undefined): string[] => (formats ? formats.split(", ").filter(Boolean) : []);

/**
 * Does an electronic record of this media type meet the credit's formats (eUCP art. e5)? Any format
 * when the credit names none. A named version (PDF/A-3) is met by a file of its family (PDF): the
 * version inside the file is for the examiner, not something TradeTrail reads.
 */
export function meetsRecordFormats(mediaType: string, formats: string | undefined): boolean {
  const named = recordFormats(formats);
  if (named.length === 0) return true;
  const names = FORMAT_NAMES[mediaType as DocumentMediaType] ?? [];
  return named.some((format) => names.includes(format.split("/")[0]!.split("-")[0]!));
}

/** Why a record is refused on upload: the formats the credit accepts, and what the file is. */
export function formatRefusal(mediaType: string, formats: string): string {
  const label = MEDIA_TYPE_LABELS[mediaType as DocumentMediaType] ?? mediaType;
  return `The credit accepts electronic records as ${formats} (eUCP art. e5): this file is ${label}.`;
}

/**
 * eUCP art. e8: when a notice of refusal covers electronic records and no instructions for their
 * disposal arrive within 30 calendar days of the notice, the bank returns any paper documents not
 * yet returned and may dispose of the electronic records as it thinks fit, without responsibility.
 * Stated in every notice of discrepancies and refusal of an eUCP presentation.
 */
export const EUCP_REFUSAL_STATEMENT =
  "This presentation was made under eUCP v2.1; the time for examination ran from the banking day following the notice of completeness (eUCP art. e7(a)(i)). If we receive no instructions for the disposal of the electronic records within 30 calendar days of the date of this notice, we will return any paper documents not previously returned and may dispose of the electronic records in any manner we deem appropriate, without any responsibility (eUCP art. e8).";
