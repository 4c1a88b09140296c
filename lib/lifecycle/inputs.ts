import { z } from "zod";
import { jsonAmountField } from "@/lib/money";
import { DOCUMENT_KINDS, termsSchema } from "@/lib/terms/schema";
import type { InputKind } from "./definition";
import { isRealIsoDate } from "@/lib/format/dates";
import { DOCUMENT_DISPOSAL_CODES } from "@/lib/presentations/notice";

// What each kind of action takes from the user, validated at the edge (server actions and the
// JSON API) and nowhere else. Field errors are keyed by path for inline form messages.

const uuid = z.uuid({ error: "Choose an item from the list" });
const reason = z.string({ error: "Give a reason" }).trim().min(3, "Give a reason (at least 3 characters)").max(2000, "At most 2000 characters");
const comment = z.string().trim().max(2000, "At most 2000 characters").optional().default("");
// The currency is the credit's: the payment handler checks the amount against it with parseAmount.
const decimal = jsonAmountField("the amount");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD").refine(isRealIsoDate, "Enter a real calendar date");

/** A document the server itself stored (lib/documents/ingest.ts); never accepted from a client. */
export const storedFileSchema = z.object({
  storageKey: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  mediaType: z.string().min(1),
  fileName: z.string().min(1).max(255),
});

export const INPUT_SCHEMAS = {
  none: z.object({}).strip(),
  application: z.object({
    beneficiaryId: uuid,
    issuingBankId: uuid,
    advisingBankId: uuid,
    terms: termsSchema,
    comment,
  }),
  terms: z.object({ terms: termsSchema, comment }),
  comment: z.object({ comment }),
  reason: z.object({ reason }),
  issuance: z.object({
    // MT700 field 20: up to 16 characters of the SWIFT x set, no leading/trailing slash or "//".
    creditNumber: z
      .string({ error: "Enter the credit number" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9/-]{0,14}[A-Z0-9]$|^[A-Z0-9]$/, "1–16 letters, digits, '-' or '/' (not at the ends)")
      .refine((v) => !v.includes("//"), "The credit number may not contain '//'"),
    bankConditions: z.string().trim().max(2000, "At most 2000 characters").optional().default(""),
  }),
  advice: z.object({ addConfirmation: z.boolean().default(false), comment }),
  // A confirming bank's decision whether its confirmation extends to the amendment (art. 10(b)).
  amendmentAdvice: z.object({ extendConfirmation: z.boolean().optional(), comment }),
  amendment: z.object({ terms: termsSchema, note: comment }),
  presentation: z.object({}).strip(),
  document: z.object({
    kind: z.enum(DOCUMENT_KINDS),
    // eUCP art. e6(a)(ii): a paper document presented at the counter, uploaded as its image; else an electronic record.
    medium: z.enum(["ELECTRONIC", "PAPER"]).default("ELECTRONIC"),
    originals: z.number().int().min(0).max(10),
    copies: z.number().int().min(0).max(10),
    data: z.record(z.string(), z.unknown()),
    file: storedFileSchema,
  }),
  documentRef: z.object({ documentId: uuid }),
  finding: z.object({
    documentId: uuid.optional(),
    article: z.string().trim().min(1, "Cite the UCP 600 article").max(20),
    message: z.string().trim().min(3, "Describe the discrepancy").max(1000),
    found: z.string().trim().max(500).optional().default(""),
    expected: z.string().trim().max(500).optional().default(""),
  }),
  findingRef: z.object({ findingId: uuid, reason }),
  // The applicant waives each discrepancy of the notice by name (issue 13: an itemised waiver).
  waiver: z.object({ findingIds: z.array(uuid, { error: "Tick each discrepancy you waive" }).min(1, "Tick each discrepancy you waive") }),
  // One value of a presented document's captured data, corrected by the examining bank, and why;
  // without a document, the day the documents were actually received ("receivedOn").
  correction: z.object({
    documentId: z.union([uuid, z.literal("")]).optional(),
    field: z.string({ error: "Choose the detail to correct" }).trim().min(1, "Choose the detail to correct").max(60),
    value: z.string({ error: "Enter the value on the document" }).max(5000, "At most 5000 characters"),
    reason,
  }),
  notice: z.object({ disposal: z.enum(DOCUMENT_DISPOSAL_CODES, { error: "Say what the bank does with the documents (UCP 600 art. 16(c)(iii))" }) }),
  payment: z.object({ amount: decimal, dueDate: isoDate.optional() }),
  // eUCP art. e12(a): which electronic record appears corrupted, and what the bank saw.
  representationRequest: z.object({ documentId: uuid, reason }),
  // eUCP art. e12: the record asked for, re-presented as a file the server stored (upload route).
  representation: z.object({ requestId: uuid, file: storedFileSchema }),
  // eUCP art. e6(a)(ii): the day a paper document was received at the examining bank's counter.
  counterReceipt: z.object({ documentId: uuid, receivedOn: isoDate }),
} as const satisfies Record<InputKind, z.ZodType>;

export type InputOf<K extends InputKind> = z.output<(typeof INPUT_SCHEMAS)[K]>;

/** Input kinds only the server composes (the upload route fills in the stored file). */
export const SERVER_COMPOSED_INPUTS: readonly InputKind[] = ["document", "representation"];

export function parseInput<K extends InputKind>(kind: K, raw: unknown): { ok: true; value: InputOf<K> } | { ok: false; fields: Record<string, string> } {
  const result = INPUT_SCHEMAS[kind].safeParse(raw ?? {});
  if (result.success) return { ok: true, value: result.data as InputOf<K> };
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
  return { ok: false, fields };
}
