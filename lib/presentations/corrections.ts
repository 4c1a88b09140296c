import { isoDay } from "@/lib/calendar/banking-days";
import { bankingHours, placeOfPresentation } from "@/lib/credits/place-of-presentation";
import type { Tx } from "@/lib/db/client";
import { DOCUMENT_DATA_FIELDS, parseDocumentData } from "@/lib/documents/data";
import { isRealIsoDate } from "@/lib/format/dates";
import { invalid } from "@/lib/errors";
import { examinePresentation } from "@/lib/examination";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadTerms } from "@/lib/lifecycle/handlers/terms";
import { DOCUMENT_KIND_LABELS, type DocumentKind } from "@/lib/terms/schema";
import { DRAWING_STATES, issuingBankName, manualRules } from "./examine";

// The examining bank owns the data it examines (issue 13): a value captured wrongly from a
// presented document is corrected, with who, when and why, and the automatic examination runs
// again on the corrected data. The document's row never changes (documents are append-only);
// corrections are rows of their own, the latest per field winning. Findings the re-run no
// longer finds are closed with that reason; new ones are added; the examiner's own stay.

type Json = Prisma.JsonValue;

/** Each document's captured data with its corrections applied, by document id. */
export async function correctedData(tx: Tx, presentationId: string, documents: { id: string; data: Json }[]): Promise<Map<string, Record<string, unknown>>> {
  const corrections = await tx.documentCorrection.findMany({ where: { presentationId }, orderBy: { createdAt: "asc" } });
  const data = new Map(documents.map((d) => [d.id, { ...(d.data as Record<string, unknown>) }]));
  for (const c of corrections) if (c.documentId) data.get(c.documentId)![c.field] = c.after;
  return data;
}

/** The value as its field stores it: numbers and yes/no as such, the rest as entered. */
function typed(kind: DocumentKind, field: string, value: string): unknown {
  const meta = DOCUMENT_DATA_FIELDS[kind].find((f) => f.key === field)!;
  if (meta.type === "number") return value.trim() === "" ? undefined : Number(value);
  if (meta.type === "boolean") return value === "true" || value === "yes";
  return value.trim();
}

/** The presentation's own correctable detail: the day the documents were actually received. */
export const RECEIVED_ON = { field: "receivedOn", label: "Date the documents were received" } as const;

export interface CorrectionPlan {
  /** Null for the presentation's own received-on date. */
  document: { id: string } | null;
  /** What is corrected, as a reader says it: "invoice amount on the commercial invoice". */
  what: string;
  label: string;
  before: Json;
  after: Json;
}

/** Checks a correction against the document's kind and data (or the day received); what it changes, for the record and the checker. */
export async function planCorrection(tx: Tx, presentationId: string, input: { documentId?: string; field: string; value: string }, now = new Date()): Promise<CorrectionPlan> {
  if (!input.documentId) return planReceivedOn(tx, presentationId, input, now);
  const document = await tx.document.findFirst({ where: { id: input.documentId, presentationId } });
  if (!document) throw invalid("That document is not part of this presentation.", { documentId: "Choose a document of this presentation" });
  const kind = document.kind as DocumentKind;
  const meta = DOCUMENT_DATA_FIELDS[kind].find((f) => f.key === input.field);
  if (!meta) throw invalid(`A ${DOCUMENT_KIND_LABELS[kind].toLowerCase()} has no detail “${input.field}”.`, { field: "Choose a detail of this document" });
  const current = (await correctedData(tx, presentationId, [document])).get(document.id)!;
  const before = current[input.field] ?? null;
  const after = typed(kind, input.field, input.value);
  if (JSON.stringify(before) === JSON.stringify(after ?? null)) throw invalid(`${meta.label} is already ${String(before)}.`, { value: "The same as captured" });
  const parsed = parseDocumentData(kind, { ...current, [input.field]: after });
  const problem = parsed.ok ? null : parsed.fields[input.field];
  if (problem) throw invalid(`${meta.label}: ${problem}.`, { value: problem });
  return { document, what: `${meta.label.toLowerCase()} on the ${DOCUMENT_KIND_LABELS[kind].toLowerCase()}`, label: `${DOCUMENT_KIND_LABELS[kind]}: ${meta.label}`, before: before as Json, after: (after ?? null) as Json };
}

/**
 * The day the documents were actually received (issue 13, error 3): paper originals that came
 * another day than the upload, a presentation received before the cut-off but recorded after it.
 * A real date, not in the future, and not before the credit was issued.
 */
async function planReceivedOn(tx: Tx, presentationId: string, input: { field: string; value: string }, now: Date): Promise<CorrectionPlan> {
  if (input.field !== RECEIVED_ON.field) throw invalid("Choose a document, or correct the date the documents were received.", { documentId: "Choose a document" });
  const presentation = await tx.presentation.findUniqueOrThrow({ where: { id: presentationId }, include: { credit: { select: { issuedAt: true } } } });
  const day = input.value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isRealIsoDate(day)) throw invalid("Enter the date the documents were received as YYYY-MM-DD.", { value: "A date, YYYY-MM-DD" });
  if (day > isoDay(now)) throw invalid(`The documents cannot have been received after today (${isoDay(now)}).`, { value: "Not in the future" });
  if (presentation.credit.issuedAt && day < isoDay(presentation.credit.issuedAt)) throw invalid("The documents cannot have been received before the credit was issued.", { value: "Not before issuance" });
  const before = presentation.presentedOn ? isoDay(presentation.presentedOn) : isoDay(presentation.presentedAt!);
  if (before === day) throw invalid(`The documents are already recorded as received on ${day}.`, { value: "The same as recorded" });
  return { document: null, what: "the date the documents were received", label: RECEIVED_ON.label, before, after: day };
}

/**
 * Runs the automatic examination again on the corrected data, as of the day of presentation and
 * under the terms in force then: findings no longer found are closed by `actorId` with the
 * correction as the reason; new ones are added; the examiner's own findings are left alone.
 */
export async function reexamine(tx: Tx, args: { credit: { id: string; issuingBankId: string; advisingBankId: string; drawnAmount: string }; presentationId: string; actorId: string; because: string; now: Date }) {
  const presentation = await tx.presentation.findUniqueOrThrow({ where: { id: args.presentationId }, include: { documents: { orderBy: { createdAt: "asc" } }, findings: true } });
  const terms = await loadTerms(tx, presentation.termsId);
  const place = await bankingHours(placeOfPresentation(terms.terms, args.credit), tx);
  const presentedOn = presentation.presentedOn ? isoDay(presentation.presentedOn) : isoDay(presentation.presentedAt!);
  const data = await correctedData(tx, presentation.id, presentation.documents);
  const earlier = await tx.presentation.count({ where: { creditId: args.credit.id, id: { not: presentation.id }, status: { in: DRAWING_STATES } } });
  const result = examinePresentation({
    terms: terms.terms,
    presentedOn,
    holidays: place.holidays,
    // The bank that examined it (fixed at presentation) checks its own manual rules.
    manualRules: await manualRules(tx, presentation.examiningBankId ?? args.credit.issuingBankId),
    issuingBank: await issuingBankName(tx, args.credit.issuingBankId),
    drawnBefore: args.credit.drawnAmount,
    earlierPresentations: earlier,
    documents: presentation.documents.map((d) => ({ id: d.id, kind: d.kind as DocumentKind, originals: d.originals, copies: d.copies, data: data.get(d.id)! })),
  });
  const key = (f: { rule: string; documentId: string | null }) => `${f.rule}|${f.documentId ?? ""}`;
  const automatic = presentation.findings.filter((f) => f.source === "AUTOMATIC");
  const found = new Set(result.findings.map(key));
  const known = new Set(automatic.map(key));
  const resolved = automatic.filter((f) => !f.dismissed && !found.has(key(f)));
  for (const f of resolved) {
    await tx.finding.update({ where: { id: f.id }, data: { dismissed: true, dismissReason: `No longer found when re-examined after ${args.because}`, dismissedById: args.actorId, dismissedAt: args.now } });
  }
  const added = result.findings.filter((f) => !known.has(key(f)));
  if (added.length > 0) {
    await tx.finding.createMany({
      data: added.map((f) => ({ presentationId: presentation.id, documentId: f.documentId, rule: f.rule, article: f.article, message: f.message, found: f.found, expected: f.expected, source: "AUTOMATIC" as const })),
    });
  }
  await tx.presentation.update({
    where: { id: presentation.id },
    data: {
      rulesVersion: result.rulesVersion,
      checkByHand: result.checkByHand.map((c) => ({ documentId: c.documentId, rule: c.rule, article: c.article, message: c.message, found: c.found, expected: c.expected })),
    },
  });
  return { resolved: resolved.map((f) => f.rule), added: added.map((f) => f.rule), rulesVersion: result.rulesVersion };
}
