import { type BankingHours, presentationDay } from "@/lib/calendar/presentation-day";
import { type ExaminingBank, bankingHours, examiningBank } from "@/lib/credits/place-of-presentation";
import type { Tx } from "@/lib/db/client";
import { examinePresentation } from "@/lib/examination";
import type { ExaminationResult } from "@/lib/examination/types";
import type { PresentationStatus } from "@/lib/generated/prisma/enums";
import type { DocumentKind, Terms } from "@/lib/terms/schema";

// The automatic examination of a presentation as if it were presented at `now`: the one used
// when the beneficiary presents (lib/lifecycle/handlers/presentation.ts) and for the
// beneficiary's pre-check of a draft (lib/presentations/pre-check.ts), so the two never differ.

/** The rules the examining bank checks by hand (its Settings). */
export async function manualRules(client: Tx, bankId: string): Promise<string[]> {
  return (await client.organization.findUniqueOrThrow({ where: { id: bankId }, select: { manualRules: true } })).manualRules;
}

/** The issuing bank's name: a transport document may have to be made out to its order (46A conditions). */
export async function issuingBankName(client: Tx, bankId: string): Promise<string> {
  return (await client.organization.findUniqueOrThrow({ where: { id: bankId }, select: { name: true } })).name;
}

/** A presentation in these states is a drawing, honoured or being examined for honour. */
export const DRAWING_STATES: PresentationStatus[] = ["PRESENTED", "COMPLIANT", "WAIVED", "WAIVER_ACCEPTED", "PAYMENT_PENDING", "PAID"];

export interface Presented {
  /** The bank where the documents are received and examined (examiningBank), and its calendar. */
  examiner: ExaminingBank;
  place: BankingHours & { holidays: string[] };
  presentedOn: string;
  examination: ExaminationResult;
}

export async function examineAsPresented(
  client: Tx,
  args: {
    credit: { id: string; issuingBankId: string; advisingBankId: string; confirmingBankId: string | null; drawnAmount: string };
    presentationId: string;
    terms: Terms;
    documents: { id: string; kind: DocumentKind; originals: number; copies: number; data: unknown }[];
    now: Date;
  },
): Promise<Presented> {
  const { credit, terms, now } = args;
  // The day of presentation is the receiving bank's own banking day: its time zone, cut-off and
  // holidays; art. 29(a) extends an expiry date on which it is closed (issue 13, errors 1 and 3).
  // That bank examines (the nominated or confirming bank, or the issuing bank): its settings too.
  const examiner = examiningBank(credit, terms);
  const place = await bankingHours(examiner.bankId, client);
  const presentedOn = presentationDay(now, place);
  // Earlier drawings: a presentation that stands discrepant or refused drew nothing, and a
  // corrected re-presentation of it is the same drawing (issue 13, error 4).
  const earlier = await client.presentation.count({ where: { creditId: credit.id, id: { not: args.presentationId }, status: { in: DRAWING_STATES } } });
  const examination = examinePresentation({
    terms,
    presentedOn,
    holidays: place.holidays,
    manualRules: await manualRules(client, examiner.bankId),
    issuingBank: await issuingBankName(client, credit.issuingBankId),
    drawnBefore: credit.drawnAmount,
    earlierPresentations: earlier,
    documents: args.documents.map((d) => ({ id: d.id, kind: d.kind, originals: d.originals, copies: d.copies, data: d.data as Record<string, unknown> })),
  });
  return { examiner, place, presentedOn, examination };
}
