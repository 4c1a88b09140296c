import { isoDay } from "@/lib/calendar/banking-days";
import { parseDocumentData } from "@/lib/documents/data";
import { type Milli, formatMoney, toMilli } from "@/lib/money";
import { type DocumentKind, type Terms, currencyDecimals } from "@/lib/terms/schema";
import type { ExaminationContext, ExaminationInput, Finding, Parsed, PresentedDocument } from "./types";

export function buildContext(input: ExaminationInput): ExaminationContext<Terms> {
  const unreadable: ExaminationContext["unreadable"] = [];
  const parsed = <K extends DocumentKind>(kind: K) =>
    input.documents
      .filter((doc) => doc.kind === kind)
      .flatMap((doc) => {
        const result = parseDocumentData(kind, doc.data);
        if (result.ok) return [{ doc, data: result.data }];
        const [field, message] = Object.entries(result.fields)[0] ?? ["_", "invalid"];
        unreadable.push({ doc, problem: `${field}: ${message}` });
        return [];
      });
  const invoices = parsed("COMMERCIAL_INVOICE");
  const billsOfLading = parsed("BILL_OF_LADING");
  const insurance = parsed("INSURANCE_CERTIFICATE");
  const demands = parsed("DEMAND");
  const statements = parsed("STATEMENT_OF_DEFAULT");
  for (const kind of ["PACKING_LIST", "CERTIFICATE_OF_ORIGIN", "INSPECTION_CERTIFICATE", "OTHER"] as const) parsed(kind);
  const onBoard = billsOfLading.map((b) => b.data.onBoardDate).sort();
  return {
    terms: input.terms,
    presentedOn: isoDay(input.presentedOn),
    documents: input.documents,
    drawnBefore: input.drawnBefore ? toMilli(input.drawnBefore) : 0n,
    earlierPresentations: input.earlierPresentations ?? 0,
    holidays: [...(input.holidays ?? [])].map(isoDay),
    invoices,
    billsOfLading,
    insurance,
    demands,
    statements,
    unreadable,
    shipmentDate: onBoard.at(-1) ?? null,
  };
}

/** A finding about one document (or the presentation as a whole when `doc` is null). */
export function finding(
  doc: PresentedDocument | Parsed<unknown> | null,
  fields: { rule: string; article: string; message: string; found?: string | null; expected?: string | null },
): Finding {
  const document = doc && "doc" in doc ? doc.doc : doc;
  return {
    rule: fields.rule,
    article: fields.article,
    documentId: document?.id ?? null,
    documentKind: document?.kind ?? null,
    message: fields.message,
    found: fields.found ?? null,
    expected: fields.expected ?? null,
  };
}

export const money = (currency: string, amount: Milli | string) => formatMoney(currency, amount, currencyDecimals(currency));

/** Lower case, letters and digits only: "Delta Pumps B.V." and "DELTA PUMPS BV" compare equal. */
export const compact = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** A port as named in the credit matches a document naming the same port, with or without its country. */
export function samePort(inCredit: string, onDocument: string): boolean {
  const port = (name: string) => compact((name.split(",")[0] ?? name).replace(/^\s*port\s+of\s+/i, ""));
  return compact(inCredit) === compact(onDocument) || port(inCredit) === port(onDocument);
}
