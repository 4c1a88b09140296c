import type { Terms } from "@/lib/terms/schema";
import { checkFieldFormat, fieldName, fieldSpec } from "./fields";
import { type FinField, type FinMessage, type FinProblem, serialiseFinFile, validateFin } from "./fin";
import { type SwiftBank, applicationFields } from "./messages";
import type { Transliteration } from "./transliterate";

// MT798 for corporates (issue 15 item 4): the applicant's agreed application as a bank that
// takes applications over SWIFT for Corporates receives it. Pure. The structure follows the
// SWIFT for Corporates Trade Finance message implementation guidelines (docs/SWIFT.md, MT798):
//
//   every message is an MT798: 20 transaction reference, 12 sub-message type, 77E proprietary
//   message (a first line of 73z, then lines of 78z) whose lines are the sub-message's own fields;
//   1/n  MT798<770> LC application index: 27A, 21A customer reference, 25F text purpose, 13E
//        creation date and time, 24D method of issue, 71A bank charges payable by, 73A charges
//        information, 58A advising bank;
//   2/n  MT798<700> LC application details: 27A, 21A, then the MT700 fields of the agreed terms;
//   3/n  MT798<701> LC application extension(s): 27A, 21A, 45B/46B/47B beyond 100 lines.
//
// Sender: the applicant's BIC (a corporate on SWIFT has one); receiver: the issuing bank's.

export const MT798_INDEX = "770";

/** The names of the fields only MT798 sub-messages have (the rest are the MT700's and MT701's). */
export const MT798_FIELD_NAMES: Readonly<Record<string, string>> = {
  "27A": "Message index/total",
  "21A": "Customer reference number",
  "25F": "Text purpose",
  "13E": "Message creation date and time",
  "24D": "Method of issue",
  "71A": "Bank charges payable by",
  "73A": "Charges information",
  "58A": "Advising bank",
};

/** A tag's name in an MT798 file: the envelope's own (20, 12, 77E), the index's, or the MT700's / MT701's. */
export function mt798FieldName(tag: string): string {
  if (tag === "20" || tag === "12" || tag === "77E") return fieldName("798", tag);
  return MT798_FIELD_NAMES[tag] ?? (fieldSpec("700", tag) ? fieldName("700", tag) : fieldName("701", tag));
}

export interface Mt798ApplicationInput {
  /** TradeTrail's reference, the applicant's reference for the application (21A, 16x). */
  reference: string;
  /** The agreed terms (the credit's agreed terms version). */
  terms: Terms;
  applicant: SwiftBank;
  issuingBank: SwiftBank;
  advisingBank: SwiftBank;
  /** When the file is made (13E), ISO date-time in UTC. */
  createdAt: string;
}

export interface Mt798Export {
  messages: FinMessage[];
  text: string;
  transliterations: (Transliteration & { message: number })[];
  problems: (FinProblem & { messageIndex: number })[];
}

/** Fields as the lines of 77E: an empty first line, then ":tag:value" lines. */
export const embed = (fields: readonly FinField[]): string => `\n${fields.map((f) => `:${f.tag}:${f.value}`).join("\n")}`;

/** The sub-message's fields read back from 77E (the reverse of `embed`). */
export function embeddedFields(value: string): FinField[] {
  const fields: FinField[] = [];
  for (const line of value.split("\n")) {
    const m = /^:(\d\d[A-Z]?):(.*)$/.exec(line);
    if (m) fields.push({ tag: m[1]!, value: m[2]! });
    else if (fields.length > 0) fields[fields.length - 1]!.value += `\n${line}`;
  }
  return fields;
}

/** "2026-12-01T09:30:00Z" -> "202612010930" (13E, 8!n4!n). */
const creationDateTime = (iso: string) => `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}`;
const compact = (reference: string) => reference.replace(/[^A-Za-z0-9]/g, "").slice(0, 13);

/** The agreed application as MT798<770> + MT798<700> (+ MT798<701>s), one FIN file. */
export function mt798Application(input: Mt798ApplicationInput): Mt798Export {
  const { fields, continuations, transliterations } = applicationFields(input.terms, input);
  const total = 2 + continuations.length;
  const customerReference = input.reference.slice(0, 16);
  const head = (index: number): FinField[] => [
    { tag: "27A", value: `${index}/${total}` },
    { tag: "21A", value: customerReference },
  ];
  const charges = fields.find((f) => f.tag === "71D")?.value;
  const index: FinField[] = [
    ...head(1),
    // Assumed codes (docs/SWIFT.md, MT798): ISSUE asks the bank to issue (DRAFT would ask for a draft
    // first); TELE, issue by teletransmission (an MT700); SHA, charges shared as 71D says in 73A.
    { tag: "25F", value: "ISSUE" },
    { tag: "13E", value: creationDateTime(input.createdAt) },
    { tag: "24D", value: "TELE" },
    { tag: "71A", value: "SHA" },
    ...(charges ? [{ tag: "73A", value: charges }] : []),
    ...(input.advisingBank.bic ? [{ tag: "58A", value: input.advisingBank.bic }] : []),
  ];
  const subMessages: { type: string; fields: FinField[] }[] = [
    { type: MT798_INDEX, fields: index },
    { type: "700", fields: [...head(2), ...fields] },
    ...continuations.map((extra, i) => ({ type: "701", fields: [...head(3 + i), ...extra] })),
  ];
  const messages: FinMessage[] = subMessages.map((sub, i) => ({
    type: "798",
    sender: input.applicant.bic ?? "",
    receiver: input.issuingBank.bic ?? "",
    userReference: `${compact(input.reference)}A${i + 1}`,
    fields: [
      { tag: "20", value: `${compact(input.reference)}A${i + 1}` },
      { tag: "12", value: sub.type },
      { tag: "77E", value: embed(sub.fields) },
    ],
  }));
  const problems: Mt798Export["problems"] = [];
  messages.forEach((m, i) => {
    if (!input.applicant.bic) problems.push({ tag: "block 1", message: `${input.applicant.name} has no BIC: a corporate sends MT798 from its own BIC`, messageIndex: i });
    if (!input.issuingBank.bic) problems.push({ tag: "block 2", message: `${input.issuingBank.name} has no BIC`, messageIndex: i });
    for (const p of validateFin(m)) if (!(p.tag?.startsWith("block ") && !(input.applicant.bic && input.issuingBank.bic))) problems.push({ ...p, messageIndex: i });
    // The embedded fields against their own formats: the MT700's (MT701's) for the details (extensions).
    const type = subMessages[i]!.type;
    for (const field of subMessages[i]!.fields) {
      const found = type === "700" || type === "701" ? fieldSpec(type, field.tag) : null;
      const problem = found ? checkFieldFormat(field.value, found.format) : field.tag === "21A" ? checkFieldFormat(field.value, "16x") : null;
      if (problem) problems.push({ tag: field.tag, message: `MT798<${type}> ${field.tag}: ${problem.message}`, messageIndex: i });
    }
  });
  return { messages, text: serialiseFinFile(messages), transliterations: transliterations.map((t) => ({ ...t, message: 1 })), problems };
}
