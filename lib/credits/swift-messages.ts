import type { Actor } from "@/lib/auth/actor";
import type { JsonObject } from "@/lib/anchoring/json";
import { type Tx, db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MilestoneKind } from "@/lib/generated/prisma/enums";
import { type SwiftCreditInput, type SwiftExport, type SwiftStep, swiftMessages } from "@/lib/swift/messages";
import { type RecordedSwiftMessage, type SwiftCheck, swiftFileSha256, verifySwiftMessage } from "@/lib/swift/verify";
import { type Terms, isStandby, storedTermsSchema } from "@/lib/terms/schema";
import { canSeeCredit } from "./can-see-credit";

// The SWIFT messages a credit has produced so far (issue 15, item 2): its milestones, terms
// versions and banks read from the database and handed to lib/swift/messages.ts, which builds
// them. Read with the same authorisation as the credit itself: whoever may not see the credit
// gets the same 404 as for the credit. Each message is checked against the SHA-256 its
// milestone recorded when the step produced it (swiftMessagesToRecord, called by the lifecycle).

type Content = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === "string" ? value : typeof value === "number" ? String(value) : null);
const num = (value: unknown): number => Number(value);
const day = (date: Date) => date.toISOString().slice(0, 10);
/** Statuses a presentation reaches once the issuing bank took up documents it had refused (a waiver accepted). */
const TAKEN_UP = new Set(["WAIVER_ACCEPTED", "PAYMENT_PENDING", "PAID"]);

/** What the credit's messages are built from, as read from the database. */
const SOURCE = {
  reference: true,
  creditNumber: true,
  amount: true,
  issuingBank: { select: { name: true, bic: true } },
  advisingBank: { select: { name: true, bic: true } },
  termsVersions: { select: { number: true, terms: true, termsHash: true } },
  milestones: { orderBy: { seq: "asc" }, select: { seq: true, kind: true, content: true, createdAt: true } },
  presentations: { select: { number: true, status: true } },
  events: { where: { action: { in: ["acceptWaiver", "approveWaiverAcceptance"] } }, select: { data: true, createdAt: true } },
} satisfies Prisma.CreditSelect;
type SwiftSource = Prisma.CreditGetPayload<{ select: typeof SOURCE }>;

const readSource = (client: Tx, creditId: string): Promise<SwiftSource> => client.credit.findUniqueOrThrow({ where: { id: creditId }, select: SOURCE });

/**
 * The messages' input from the credit's rows. Each step reads only what was true when it was
 * recorded (its milestone, earlier milestones, terms versions, which never change), so the bytes
 * of a message are the same whenever they are built (the hash its milestone records stays true);
 * the one exception is the MT732, which waits for the bank's acceptance of the waiver.
 */
function swiftInputOf(credit: SwiftSource): SwiftCreditInput | null {
  const issuedMilestone = credit.milestones.find((m) => m.kind === "CREDIT_ISSUED");
  if (!issuedMilestone || !credit.creditNumber) return null;

  const termsByHash = new Map<string, Terms>();
  for (const v of credit.termsVersions) termsByHash.set(v.termsHash, storedTermsSchema.parse(v.terms));
  const termsOf = (hash: unknown): Terms => {
    const terms = typeof hash === "string" ? termsByHash.get(hash) : undefined;
    if (!terms) throw new Error(`Terms ${String(hash)} of credit ${credit.reference} are missing`);
    return terms;
  };
  const issuedContent = issuedMilestone.content as Content;
  const issuedTerms = termsOf(issuedContent.termsHash);
  const content = (kind: MilestoneKind, match: (c: Content) => boolean) => credit.milestones.map((m) => m.content as Content).find((c, i) => credit.milestones[i]!.kind === kind && match(c));
  const amendmentDate = (n: number) => str(content("AMENDMENT_ISSUED", (c) => num(c.amendmentNumber) === n)?.dateOfAmendment) ?? "";
  // Under eUCP the presentation is made by the notice of completeness, with the same content (docs/EUCP.md).
  const presented = (n: number) => content("DOCUMENTS_PRESENTED", (c) => num(c.presentationNumber) === n) ?? content("NOTICE_OF_COMPLETENESS", (c) => num(c.presentationNumber) === n) ?? {};

  const steps: SwiftStep[] = [];
  for (const m of credit.milestones) {
    const c = m.content as Content;
    const at = { seq: m.seq, on: day(m.createdAt) };
    switch (m.kind) {
      case "CREDIT_ISSUED":
        steps.push({ ...at, kind: "issued", terms: termsOf(c.termsHash), bankConditions: str(c.bankConditions) || null });
        break;
      case "CREDIT_ADVISED":
        steps.push({ ...at, kind: "advised", confirmationAdded: c.confirmationAdded === true });
        break;
      case "AMENDMENT_ISSUED":
        steps.push({
          ...at,
          on: str(c.dateOfAmendment) ?? at.on,
          kind: "amendmentIssued",
          number: num(c.amendmentNumber),
          cancellation: c.cancellation === true,
          before: termsOf(c.baseTermsHash),
          after: c.proposedTermsHash ? termsOf(c.proposedTermsHash) : null,
        });
        break;
      case "AMENDMENT_ADVISED":
        steps.push({ ...at, kind: "amendmentAdvised", number: num(c.amendmentNumber), amendmentDate: amendmentDate(num(c.amendmentNumber)) });
        break;
      case "AMENDMENT_ACCEPTED":
        steps.push({ ...at, kind: "amendmentAccepted", number: num(c.amendmentNumber), amendmentDate: amendmentDate(num(c.amendmentNumber)) });
        break;
      case "AMENDMENT_REJECTED":
        steps.push({ ...at, kind: "amendmentRejected", number: num(c.amendmentNumber), amendmentDate: amendmentDate(num(c.amendmentNumber)), reason: str(c.reason) });
        break;
      case "DISCREPANCIES_NOTIFIED": {
        const p = presented(num(c.presentationNumber));
        const discrepancies = Array.isArray(c.discrepancies) ? (c.discrepancies as Content[]).map((d) => ({ document: str(d.document), message: str(d.message) ?? "" })) : [];
        steps.push({
          ...at,
          on: str(c.noticeDate) ?? at.on,
          kind: "discrepanciesNotified",
          presentationNumber: num(c.presentationNumber),
          presentedOn: str(p.presentedOn) ?? at.on,
          currency: str(p.currency) ?? issuedTerms.currency,
          claimedAmount: str(p.claimedAmount),
          discrepancies,
          disposal: str((c.disposal as Content | undefined)?.code) ?? "HOLDING_PENDING_INSTRUCTIONS",
        });
        break;
      }
      case "DISCREPANCIES_WAIVED": {
        // The applicant's waiver becomes an MT732 only once the issuing bank accepts it and takes the documents up.
        const n = num(c.presentationNumber);
        const presentation = credit.presentations.find((p) => p.number === n);
        if (!presentation || !TAKEN_UP.has(presentation.status)) break;
        const accepted = credit.events.filter((e) => (e.data as Content).held !== true && num((e.data as Content).presentationNumber) === n).at(-1);
        const p = presented(n);
        steps.push({
          ...at,
          on: accepted ? day(accepted.createdAt) : at.on,
          kind: "discrepanciesTakenUp",
          presentationNumber: n,
          presentedOn: str(p.presentedOn) ?? at.on,
          currency: str(p.currency) ?? issuedTerms.currency,
          claimedAmount: str(p.claimedAmount),
        });
        break;
      }
      case "PRESENTATION_REFUSED":
        steps.push({ ...at, kind: "refused", presentationNumber: num(c.presentationNumber), reason: str(c.reason) });
        break;
      case "PAYMENT_RECORDED":
        steps.push({
          ...at,
          kind: "paid",
          presentationNumber: num(c.presentationNumber),
          currency: str(c.currency) ?? issuedTerms.currency,
          amount: str(c.amount) ?? "0",
          paymentKind: str(c.kind) ?? "SIGHT",
          dueDate: str(c.dueDate),
          valueDate: str(c.valueDate) ?? at.on,
        });
        break;
      case "CREDIT_EXPIRED":
        steps.push({ ...at, kind: "expired", currency: str(c.currency) ?? issuedTerms.currency, creditAmount: credit.amount.toString(), drawnAmount: str(c.drawnAmount) ?? "0" });
        break;
      default:
        // Agreement, presentation, compliance, settlement and cancellation (its MT707 and MT730 are the amendment's) send no message of their own.
        break;
    }
  }

  return {
    reference: credit.reference,
    creditNumber: credit.creditNumber,
    dateOfIssue: issuedTerms.dateOfIssue ?? str(issuedContent.dateOfIssue) ?? day(issuedMilestone.createdAt),
    standby: isStandby(issuedTerms),
    issuingBank: credit.issuingBank,
    advisingBank: credit.advisingBank,
    steps,
  };
}

/** A message with what its milestone anchored: its hash and whether the file matches it (lib/swift/verify.ts). */
export type AnchoredSwiftExport = SwiftExport & { anchored: SwiftCheck & { milestoneOn: string } };

/** Every message the credit has produced so far, each checked against its milestone's recorded hash, for a reader who may see the credit (else 404). */
export async function listSwiftMessages(actor: Actor, creditId: string): Promise<{ reference: string; creditNumber: string | null; messages: AnchoredSwiftExport[] }> {
  if (!(await canSeeCredit(actor, creditId))) throw notFound("The credit");
  const credit = await readSource(db(), creditId);
  const input = swiftInputOf(credit);
  const milestones = new Map(credit.milestones.map((m) => [m.seq, m]));
  const messages = (input ? swiftMessages(input) : []).map((m): AnchoredSwiftExport => {
    const milestone = milestones.get(m.seq)!;
    return { ...m, anchored: { ...verifySwiftMessage(m.text, milestone), milestoneOn: day(milestone.createdAt) } };
  });
  return { reference: credit.reference, creditNumber: credit.creditNumber, messages };
}

/** One message by its id ("1-mt700"), or 404. */
export async function getSwiftMessage(actor: Actor, creditId: string, messageId: string): Promise<AnchoredSwiftExport & { reference: string }> {
  const { reference, messages } = await listSwiftMessages(actor, creditId);
  const message = messages.find((m) => m.id === messageId);
  if (!message) throw notFound("The SWIFT message");
  return { ...message, reference };
}

/** Milestones whose step can produce a SWIFT message: they record `swiftMessages` (empty when the step produced none then). */
export const MESSAGE_MILESTONES: ReadonlySet<MilestoneKind> = new Set<MilestoneKind>([
  "CREDIT_ISSUED",
  "CREDIT_ADVISED",
  "AMENDMENT_ISSUED",
  "AMENDMENT_ADVISED",
  "AMENDMENT_ACCEPTED",
  "AMENDMENT_REJECTED",
  "DISCREPANCIES_NOTIFIED",
  "DISCREPANCIES_WAIVED",
  "PRESENTATION_REFUSED",
  "PAYMENT_RECORDED",
  "CREDIT_EXPIRED",
]);

/**
 * The messages the milestones a step is about to record produce, with each file's SHA-256, by
 * milestone seq (only milestones of MESSAGE_MILESTONES). Built in the step's transaction from the
 * credit as the step leaves it and the milestones as they will be recorded (recordedAt: their
 * time), so the bytes are those the export gives later; the same step, state and time give the
 * same hashes, which a signed step's dry run relies on (lib/lifecycle/perform.ts).
 */
export async function swiftMessagesToRecord(
  tx: Tx,
  creditId: string,
  planned: readonly { seq: number; kind: MilestoneKind; content: JsonObject }[],
  recordedAt: Date,
): Promise<Map<number, RecordedSwiftMessage[]>> {
  const recording = planned.filter((m) => MESSAGE_MILESTONES.has(m.kind));
  if (recording.length === 0) return new Map();
  const credit = await readSource(tx, creditId);
  const withPlanned: SwiftSource = { ...credit, milestones: [...credit.milestones, ...planned.map((m) => ({ ...m, createdAt: recordedAt }))] };
  let built: SwiftExport[];
  try {
    const input = swiftInputOf(withPlanned);
    built = input ? swiftMessages(input) : [];
  } catch (error) {
    // A credit whose messages cannot be built (terms that no longer parse) still takes its step:
    // the milestone then records no hashes, as one from before they were recorded.
    console.error(`SWIFT messages of credit ${credit.reference} not built; no hashes recorded:`, error);
    return new Map();
  }
  return new Map(recording.map((m) => [m.seq, built.filter((b) => b.seq === m.seq).map((b) => ({ type: `MT${b.type}`, sha256: swiftFileSha256(b.text) }))]));
}
