import { DOCUMENT_KIND_LABELS } from "@/lib/terms/schema";
import { checkByHand, finding } from "../context";
import type { Rule, RuleOutcome } from "../types";

// The presentation as a set: every document the credit calls for, in the number of originals
// it calls for, with details the examiner can read, none dated after the presentation.

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Art. 14(a): a document the credit requires and the presentation lacks. */
export const requiredDocumentsPresent: Rule = ({ terms, documents }) => {
  const findings: RuleOutcome[] = [];
  for (const kind of new Set(terms.documentsRequired.map((d) => d.kind))) {
    const required = terms.documentsRequired.filter((d) => d.kind === kind).length;
    const presented = documents.filter((d) => d.kind === kind).length;
    if (presented >= required) continue;
    findings.push(
      finding(null, {
        rule: "required-document-missing",
        article: "14(a)",
        message: `${DOCUMENT_KIND_LABELS[kind]} required by the credit was not presented.`,
        found: presented === 0 ? "Not presented" : `${presented} presented`,
        expected: required === 1 ? DOCUMENT_KIND_LABELS[kind] : `${required} documents of this type`,
      }),
    );
  }
  return findings;
};

/**
 * Art. 17(a): as many originals as the credit stipulates (at least one when it asks for any);
 * art. 17(d): where copies are asked for, originals or copies may make them up. A credit asking
 * for copies only is satisfied by copies. "Other" documents are too varied to count this way.
 */
export const enoughOriginals: Rule = ({ terms, documents }) => {
  const findings: RuleOutcome[] = [];
  for (const required of terms.documentsRequired) {
    if (required.kind === "OTHER") continue;
    const presented = documents.filter((d) => d.kind === required.kind);
    if (presented.length === 0) continue; // reported as missing
    const originals = presented.reduce((n, d) => n + (d.originals ?? 1), 0);
    const copies = presented.reduce((n, d) => n + (d.copies ?? 0), 0);
    const subject = presented.length === 1 ? presented[0]! : null;
    const label = DOCUMENT_KIND_LABELS[required.kind];
    if (originals < required.originals) {
      findings.push(
        finding(subject, {
          rule: "originals-short",
          article: "17(a)",
          message: `${label}: ${plural(required.originals, "original")} required, ${originals} presented.`,
          found: plural(originals, "original"),
          expected: plural(required.originals, "original"),
        }),
      );
    } else if (originals + copies < required.originals + required.copies) {
      findings.push(
        finding(subject, {
          rule: "copies-short",
          article: "17(d)",
          message: `${label}: ${plural(required.originals, "original")} and ${required.copies} cop${required.copies === 1 ? "y" : "ies"} required; fewer were presented.`,
          found: `${plural(originals, "original")}, ${copies} cop${copies === 1 ? "y" : "ies"}`,
          expected: `${plural(required.originals, "original")}, ${required.copies} cop${required.copies === 1 ? "y" : "ies"}`,
        }),
      );
    }
  }
  return findings;
};

/**
 * Art. 14(a): the bank examines on the face of the documents. Details missing from the record are
 * a data-entry gap, not a discrepancy: the checks that read them were not made, so the examiner
 * checks those by hand; every other check on the document still ran.
 */
export const documentDetailsIncomplete: Rule = ({ incomplete }) =>
  incomplete.map(({ doc, problems }) =>
    checkByHand(doc, {
      rule: "document-details-incomplete",
      article: "14(a)",
      message: `Some details recorded for this ${DOCUMENT_KIND_LABELS[doc.kind].toLowerCase()} are missing or unreadable: the checks that read them were not made; check them on the document.`,
      found: describeProblems(problems),
      expected: "Complete document details",
    }),
  );

/** "issuer: Enter who issued the invoice; risks: Enter the risks covered". */
export const describeProblems = (problems: Record<string, string>) =>
  Object.entries(problems)
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");

const DATE_FIELDS = ["date", "onBoardDate", "issueDate", "shipmentDate", "flightDate", "receiptDate", "pickupDate"] as const;

/** Art. 14(i): a document may be dated before the credit, but not after the presentation. */
export const notDatedAfterPresentation: Rule = ({ documents, presentedOn }) =>
  documents.flatMap((doc) =>
    DATE_FIELDS.flatMap((field) => {
      const value = doc.data[field];
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value <= presentedOn) return [];
      return [
        finding(doc, {
          rule: "dated-after-presentation",
          article: "14(i)",
          message: `The ${DOCUMENT_KIND_LABELS[doc.kind].toLowerCase()} is dated after the day it was presented.`,
          found: value,
          expected: `On or before ${presentedOn}`,
        }),
      ];
    }),
  );
