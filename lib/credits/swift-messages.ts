import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { MilestoneKind } from "@/lib/generated/prisma/enums";
import { type SwiftCreditInput, type SwiftExport, type SwiftStep, swiftMessages } from "@/lib/swift/messages";
import { type Terms, isStandby, storedTermsSchema } from "@/lib/terms/schema";
import { canSeeCredit } from "./can-see-credit";

// The SWIFT messages a credit has produced so far (issue 15, item 2): its milestones, terms
// versions and banks read from the database and handed to lib/swift/messages.ts, which builds
// them. Read with the same authorisation as the credit itself: whoever may not see the credit
// gets the same 404 as for the credit.

type Content = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === "string" ? value : typeof value === "number" ? String(value) : null);
const num = (value: unknown): number => Number(value);
const day = (date: Date) => date.toISOString().slice(0, 10);
/** Statuses a presentation reaches once the issuing bank took up documents it had refused (a waiver accepted). */
const TAKEN_UP = new Set(["WAIVER_ACCEPTED", "PAYMENT_PENDING", "PAID"]);

/** The input lib/swift builds a credit's messages from, or null when it has produced none (not issued yet). */
export async function loadSwiftInput(actor: Actor, creditId: string): Promise<{ reference: string; creditNumber: string | null; input: SwiftCreditInput | null }> {
  if (!(await canSeeCredit(actor, creditId))) throw notFound("The credit");
  const credit = await db().credit.findUniqueOrThrow({
    where: { id: creditId },
    select: {
      reference: true,
      creditNumber: true,
      amount: true,
      issuingBank: { select: { name: true, bic: true } },
      advisingBank: { select: { name: true, bic: true } },
      termsVersions: { select: { number: true, terms: true, termsHash: true } },
      milestones: { orderBy: { seq: "asc" }, select: { seq: true, kind: true, content: true, createdAt: true } },
      presentations: { select: { number: true, status: true } },
      events: { where: { action: { in: ["acceptWaiver", "approveWaiverAcceptance"] } }, select: { data: true, createdAt: true } },
    },
  });
  const issuedMilestone = credit.milestones.find((m) => m.kind === "CREDIT_ISSUED");
  if (!issuedMilestone || !credit.creditNumber) return { reference: credit.reference, creditNumber: credit.creditNumber, input: null };

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
  const presented = (n: number) => content("DOCUMENTS_PRESENTED", (c) => num(c.presentationNumber) === n) ?? {};

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
    input: {
      reference: credit.reference,
      creditNumber: credit.creditNumber,
      dateOfIssue: issuedTerms.dateOfIssue ?? str(issuedContent.dateOfIssue) ?? day(issuedMilestone.createdAt),
      standby: isStandby(issuedTerms),
      issuingBank: credit.issuingBank,
      advisingBank: credit.advisingBank,
      steps,
    },
  };
}

/** Every message the credit has produced so far, for a reader who may see the credit (else 404). */
export async function listSwiftMessages(actor: Actor, creditId: string): Promise<{ reference: string; creditNumber: string | null; messages: SwiftExport[] }> {
  const { reference, creditNumber, input } = await loadSwiftInput(actor, creditId);
  return { reference, creditNumber, messages: input ? swiftMessages(input) : [] };
}

/** One message by its id ("1-mt700"), or 404. */
export async function getSwiftMessage(actor: Actor, creditId: string, messageId: string): Promise<SwiftExport & { reference: string }> {
  const { reference, messages } = await listSwiftMessages(actor, creditId);
  const message = messages.find((m) => m.id === messageId);
  if (!message) throw notFound("The SWIFT message");
  return { ...message, reference };
}
