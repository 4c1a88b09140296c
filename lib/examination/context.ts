import { isoDay } from "@/lib/calendar/banking-days";
import type { z } from "zod";
import { type BillOfLadingData, DOCUMENT_DATA_SCHEMAS, type DocumentDataOf, parseDocumentData } from "@/lib/documents/data";
import { type Milli, formatMoney, toMilli } from "@/lib/money";
import { type DocumentKind, type Terms, currencyDecimals } from "@/lib/terms/schema";
import { OTHER_TRANSPORT_KINDS, type OtherTransport, TRANSPORT_ARTICLES } from "./transport-documents";
import { isbpCitation, withIsbp } from "./citations";
import type { ExaminationContext, ExaminationInput, Outcome, Parsed, PresentedDocument, RuleOutcome } from "./types";

/**
 * The details of a document as far as they can be read: every field that validates on its own,
 * and a problem per field that does not (missing, unreadable, or failing a check across fields
 * such as an amount with more decimals than its currency has).
 */
export function readDetails<K extends DocumentKind>(kind: K, raw: Record<string, unknown>): { data: Partial<DocumentDataOf<K>>; problems: Record<string, string> } {
  const whole = parseDocumentData(kind, raw);
  if (whole.ok) return { data: whole.data, problems: {} };
  const problems = { ...whole.fields };
  const shape = (DOCUMENT_DATA_SCHEMAS[kind] as unknown as { shape: Record<string, z.ZodType> }).shape;
  const data: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(shape)) {
    if (field in problems) continue;
    const one = schema.safeParse(raw[field]);
    if (!one.success) problems[field] = one.error.issues[0]?.message ?? "invalid";
    else if (one.data !== undefined) data[field] = one.data;
  }
  return { data: data as Partial<DocumentDataOf<K>>, problems };
}

export function buildContext(input: ExaminationInput): ExaminationContext<Terms> {
  const incomplete: ExaminationContext["incomplete"] = [];
  const parsed = <K extends DocumentKind>(kind: K): Parsed<DocumentDataOf<K>>[] =>
    input.documents
      .filter((doc) => doc.kind === kind)
      .map((doc) => {
        const { data, problems } = readDetails(kind, doc.data ?? {});
        if (Object.keys(problems).length > 0) incomplete.push({ doc, problems });
        return { doc, data, problems };
      });
  const invoices = parsed("COMMERCIAL_INVOICE");
  const billsOfLading = parsed("BILL_OF_LADING");
  const insurance = parsed("INSURANCE_CERTIFICATE");
  const demands = parsed("DEMAND");
  const statements = parsed("STATEMENT_OF_DEFAULT");
  const packingLists = parsed("PACKING_LIST");
  const certificatesOfOrigin = parsed("CERTIFICATE_OF_ORIGIN");
  const inspectionCertificates = parsed("INSPECTION_CERTIFICATE");
  const drafts = parsed("DRAFT");
  const beneficiaryCertificates = parsed("BENEFICIARY_CERTIFICATE");
  parsed("OTHER");
  const otherTransport: OtherTransport[] = OTHER_TRANSPORT_KINDS.flatMap((kind) =>
    (parsed(kind) as Parsed<Record<string, unknown>>[]).map((p) => ({ ...p, kind, rules: TRANSPORT_ARTICLES[kind] })),
  );
  // Art. 14(c): the date of shipment is shown on the original transport documents, each kind by its own article.
  const shipped = [
    ...billsEvidencingShipment(billsOfLading).map((b) => b.data.onBoardDate),
    ...otherTransport.filter((t) => presentedInOriginal(t.doc)).flatMap((t) => t.rules.shipmentDate(t.data) ?? []),
  ].sort();
  return {
    terms: input.terms,
    presentedOn: isoDay(input.presentedOn),
    documents: input.documents,
    drawnBefore: input.drawnBefore ? toMilli(input.drawnBefore) : 0n,
    earlierPresentations: input.earlierPresentations ?? 0,
    holidays: [...(input.holidays ?? [])].map(isoDay),
    issuingBank: input.issuingBank?.trim() || null,
    invoices,
    billsOfLading,
    insurance,
    packingLists,
    certificatesOfOrigin,
    otherTransport,
    inspectionCertificates,
    drafts,
    beneficiaryCertificates,
    demands,
    statements,
    incomplete,
    shipmentDate: shipped.at(-1) ?? null,
  };
}

/** Whether a document was presented with at least one original (1 when not recorded), not as copies only. */
export const presentedInOriginal = (doc: PresentedDocument) => (doc.originals ?? 1) > 0;

/**
 * The bills of lading that give a date of shipment: originals (art. 14c counts from shipment shown
 * on original transport documents) that show the goods shipped on board, whose on-board date is
 * the notation's date or, when pre-printed "shipped on board", the issue date (art. 20a(ii)).
 * A bill without an on-board indication is a discrepancy and gives no date.
 */
export const billsEvidencingShipment = (billsOfLading: Parsed<BillOfLadingData>[]) =>
  withDetails(billsOfLading, "onBoardDate", "shippedOnBoard").filter((b) => b.data.shippedOnBoard && presentedInOriginal(b.doc));

/** The documents whose details include every field a check reads; the others are already left to the examiner. */
export function withDetails<D, K extends keyof D>(documents: Parsed<D>[], ...fields: K[]): (Parsed<D> & { data: Partial<D> & Required<Pick<D, K>> })[] {
  return documents.filter((d): d is Parsed<D> & { data: Partial<D> & Required<Pick<D, K>> } => fields.every((field) => d.data[field] !== undefined));
}

/** `isbp`: an ISBP 821 citation narrower than the rule's own in citations.ts (null: none), added to the message. */
type OutcomeFields = { rule: string; article: string; message: string; found?: string | null; expected?: string | null; isbp?: string | null };

/** A discrepancy about one document (or the presentation as a whole when `doc` is null). */
export const finding = (doc: PresentedDocument | Parsed<unknown> | null, fields: OutcomeFields): RuleOutcome => outcome("discrepancy", doc, fields);

/** A point the checks could not decide, for the examiner to check by hand; never part of a notice. */
export const checkByHand = (doc: PresentedDocument | Parsed<unknown> | null, fields: OutcomeFields): RuleOutcome => outcome("check-by-hand", doc, fields);

function outcome(kind: Outcome, doc: PresentedDocument | Parsed<unknown> | null, fields: OutcomeFields): RuleOutcome {
  const document = doc && "doc" in doc ? doc.doc : doc;
  // A standby under ISP98 cites its ISP98 rule; ISBP 821 reads documents under UCP 600.
  const isbp = fields.article.startsWith("ISP98 ") ? null : fields.isbp === undefined ? isbpCitation(fields.rule, document?.kind ?? null) : fields.isbp;
  return {
    outcome: kind,
    rule: fields.rule,
    article: fields.article,
    documentId: document?.id ?? null,
    documentKind: document?.kind ?? null,
    message: withIsbp(fields.message, isbp),
    found: fields.found ?? null,
    expected: fields.expected ?? null,
  };
}

export const money = (currency: string, amount: Milli | string) => formatMoney(currency, amount, currencyDecimals(currency));

/** Lower case, letters and digits only: "Delta Pumps B.V." and "DELTA PUMPS BV" compare equal. */
export const compact = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
