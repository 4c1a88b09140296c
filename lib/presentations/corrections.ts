import { isoDay } from "@/lib/calendar/banking-days";
import { bankingHours, placeOfPresentation } from "@/lib/credits/place-of-presentation";
import type { Tx } from "@/lib/db/client";
import { DOCUMENT_DATA_FIELDS, parseDocumentData } from "@/lib/documents/data";
import { invalid } from "@/lib/errors";
import { examinePresentation } from "@/lib/examination";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadTerms } from "@/lib/lifecycle/handlers/terms";
import { DOCUMENT_KIND_LABELS, type DocumentKind } from "@/lib/terms/schema";
import { DRAWING_STATES, manualRules } from "./examine";

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
  for (const c of corrections) data.get(c.documentId)![c.field] = c.after;
  return data;
}

/** The value as its field stores it: numbers and yes/no as such, the rest as entered. */
function typed(kind: DocumentKind, field: string, value: string): unknown {
  const meta = DOCUMENT_DATA_FIELDS[kind].find((f) => f.key === field)!;
  if (meta.type === "number") return value.trim() === "" ? undefined : Number(value);
  if (meta.type === "boolean") return value === "true" || value === "yes";
  return value.trim();
}

/** Checks a correction against the document's kind and data; what it changes, for the record and the checker. */
export async function planCorrection(tx: Tx, presentationId: string, input: { documentId: string; field: string; value: string }) {
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
  return { document, kind, label: meta.label, before: before as Json, after: (after ?? null) as Json };
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
    manualRules: await manualRules(tx, args.credit.issuingBankId),
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
