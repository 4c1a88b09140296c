import { invalid } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { amendedFields, applyAmendment } from "@/lib/terms/amend";
import { diffTerms } from "@/lib/terms/diff";
import { DERIVED_MILESTONES } from "../definition";
import type { Handler, HandlerResult } from "../perform";
import { assertDatesStillOpen, decideApproval } from "./issuance";
import { addTermsVersion, loadTerms, termsColumns } from "./terms";

// Amendments (UCP 600 art. 10): requested by the applicant, issued by the issuing bank (maker
// then checker: MT707), advised by the advising bank, accepted or rejected as a whole by the
// beneficiary. Until accepted, the credit's terms stay as they were. A cancellation is an
// amendment that ends the credit once the beneficiary consents.

async function nextAmendmentNumber(tx: Parameters<Handler<"requestAmendment">>[0]["tx"], creditId: string): Promise<number> {
  const last = await tx.amendment.findFirst({ where: { creditId }, orderBy: { number: "desc" }, select: { number: true } });
  return (last?.number ?? 0) + 1;
}

/** The dates an amendment changes must not be past when it is requested, prepared or issued. */
async function assertAmendedDatesOpen(tx: Parameters<Handler<"approveAmendment">>[0]["tx"], amendmentId: string, now: Date): Promise<void> {
  const amendment = await tx.amendment.findUniqueOrThrow({ where: { id: amendmentId }, select: { number: true, baseTermsId: true, proposedTermsId: true } });
  if (!amendment.proposedTermsId) return; // a cancellation changes no date
  const base = await loadTerms(tx, amendment.baseTermsId);
  const proposed = await loadTerms(tx, amendment.proposedTermsId);
  assertDatesStillOpen(proposed.terms, now, `Amendment ${amendment.number}`, amendedFields(base.terms, proposed.terms), "terms.");
}

export const requestAmendment: Handler<"requestAmendment"> = async ({ tx, actor, credit, input, now }) => {
  const current = await loadTerms(tx, credit.currentTermsId);
  const changed = amendedFields(current.terms, input.terms);
  if (changed.length === 0) throw invalid("The amendment changes nothing: edit at least one field.");
  const locked = (["applicant", "beneficiary", "currency"] as const).filter((key) => changed.includes(key));
  if (locked.length > 0) {
    throw invalid(`An amendment cannot change the ${locked.join(", ")}: apply for a new credit instead.`, Object.fromEntries(locked.map((k) => [`terms.${k}`, "Cannot be amended"])));
  }
  assertDatesStillOpen(input.terms, now, "The amendment", changed, "terms.");
  const proposed = await addTermsVersion(tx, { creditId: credit.id, parentId: current.id, terms: input.terms, author: actor as Actor, comment: input.note });
  const number = await nextAmendmentNumber(tx, credit.id);
  const amendment = await tx.amendment.create({
    data: { creditId: credit.id, number, status: "REQUESTED", baseTermsId: current.id, proposedTermsId: proposed.id, requestedById: actor!.userId, note: input.note || null },
    select: { id: true },
  });
  return { subjectId: amendment.id, event: { amendmentNumber: number, fields: changed, ...(input.note ? { note: input.note } : {}) } };
};

export const requestCancellation: Handler<"requestCancellation"> = async ({ tx, actor, credit, input }) => {
  const pending = await tx.amendment.findFirst({ where: { creditId: credit.id, cancellation: true, status: { in: ["REQUESTED", "ISSUANCE_PENDING", "ISSUED", "ADVISED"] } } });
  if (pending) throw invalid(`Cancellation was already requested (amendment ${pending.number}).`);
  const number = await nextAmendmentNumber(tx, credit.id);
  const amendment = await tx.amendment.create({
    data: { creditId: credit.id, number, status: "REQUESTED", cancellation: true, baseTermsId: credit.currentTermsId!, requestedById: actor!.userId, note: input.reason },
    select: { id: true },
  });
  return { subjectId: amendment.id, event: { amendmentNumber: number, cancellation: true, reason: input.reason } };
};

async function amendmentOf(tx: Parameters<Handler<"approveAmendment">>[0]["tx"], id: string) {
  return tx.amendment.findUniqueOrThrow({ where: { id }, include: { baseTerms: true, proposedTerms: true } });
}

export const withdrawAmendment: Handler<"withdrawAmendment"> = async ({ tx, subject, now }) => {
  const amendment = await tx.amendment.update({ where: { id: subject!.id }, data: { decidedAt: now }, select: { number: true } });
  return { event: { amendmentNumber: amendment.number } };
};

export const declineAmendment: Handler<"declineAmendment"> = async ({ tx, subject, input, now }) => {
  const amendment = await tx.amendment.update({ where: { id: subject!.id }, data: { decidedAt: now, reason: input.reason }, select: { number: true } });
  return { event: { amendmentNumber: amendment.number, reason: input.reason } };
};

export const prepareAmendment: Handler<"prepareAmendment"> = async ({ tx, actor, credit, subject, input, now }) => {
  const amendment = await amendmentOf(tx, subject!.id);
  await assertAmendedDatesOpen(tx, amendment.id, now);
  // What the checker approves: each field the amendment changes, before and after.
  const base = await loadTerms(tx, amendment.baseTermsId);
  const proposed = amendment.proposedTermsId ? await loadTerms(tx, amendment.proposedTermsId) : null;
  const changes = amendment.cancellation
    ? [{ label: "Credit", before: "In force", after: "Cancelled once the beneficiary consents" }]
    : proposed
      ? diffTerms(base.terms, proposed.terms).map((c) => ({ label: `${c.tag} ${c.label}`, before: c.before ?? "—", after: c.after ?? "—" }))
      : [];
  await tx.approval.create({
    data: {
      creditId: credit.id,
      kind: "AMENDMENT",
      subjectId: amendment.id,
      makerId: actor!.userId,
      payload: { amendmentNumber: amendment.number, comment: input.comment, summary: `Issue amendment ${amendment.number}${amendment.cancellation ? " (cancellation)" : ""} (MT707)`, changes },
    },
  });
  return { event: { amendmentNumber: amendment.number, ...(input.comment ? { comment: input.comment } : {}) } };
};

export const approveAmendment: Handler<"approveAmendment"> = async ({ tx, actor, credit, subject, now }) => {
  await assertAmendedDatesOpen(tx, subject!.id, now);
  await decideApproval(tx, { creditId: credit.id, kind: "AMENDMENT", subjectId: subject!.id }, { checkerId: actor!.userId, status: "APPROVED", now });
  const amendment = await tx.amendment.update({ where: { id: subject!.id }, data: { issuedAt: now }, include: { baseTerms: true, proposedTerms: true } });
  return {
    milestone: {
      content: {
        amendmentNumber: amendment.number,
        cancellation: amendment.cancellation,
        baseTermsHash: amendment.baseTerms.termsHash,
        proposedTermsHash: amendment.proposedTerms?.termsHash ?? null,
        dateOfAmendment: now.toISOString().slice(0, 10),
      },
    },
    event: { amendmentNumber: amendment.number },
  };
};

export const rejectAmendmentIssuance: Handler<"rejectAmendmentIssuance"> = async ({ tx, actor, credit, subject, input, now }) => {
  await decideApproval(tx, { creditId: credit.id, kind: "AMENDMENT", subjectId: subject!.id }, { checkerId: actor!.userId, status: "REJECTED", reason: input.reason, now });
  const amendment = await amendmentOf(tx, subject!.id);
  return { event: { amendmentNumber: amendment.number, reason: input.reason } };
};

/** Does the advising bank confirm this credit, so that it decides on each amendment (art. 10(b))? */
export const advisingBankConfirms = (credit: { confirmingBankId: string | null; advisingBankId: string }) => credit.confirmingBankId !== null && credit.confirmingBankId === credit.advisingBankId;

export const adviseAmendment: Handler<"adviseAmendment"> = async ({ tx, credit, subject, input }) => {
  const amendment = await amendmentOf(tx, subject!.id);
  // An MT707 imported from an issuing bank outside TradeTrail: the advice anchors the SHA-256 of the message received.
  const imported = await tx.amendmentImport.findUnique({ where: { amendmentId: amendment.id }, select: { sha256: true, senderBic: true } });
  // A confirming bank may extend its confirmation to an amendment or advise it without doing so,
  // and must then say so (UCP 600 art. 10(b)): the decision is recorded with the advice.
  const confirming = advisingBankConfirms(credit);
  if (confirming && input.extendConfirmation === undefined) {
    throw invalid("Your bank confirms this credit: decide whether your confirmation extends to this amendment (UCP 600 art. 10(b)).", { extendConfirmation: "Choose whether to extend your confirmation" });
  }
  if (!confirming && input.extendConfirmation) {
    throw invalid("Your bank has not confirmed this credit, so there is no confirmation to extend.", { extendConfirmation: "Not a confirmed credit" });
  }
  const confirmationExtended = confirming ? Boolean(input.extendConfirmation) : null;
  await tx.amendment.update({ where: { id: amendment.id }, data: { confirmationExtended } });
  return {
    milestone: {
      content: {
        amendmentNumber: amendment.number,
        cancellation: amendment.cancellation,
        proposedTermsHash: amendment.proposedTerms?.termsHash ?? null,
        ...(confirming ? { confirmationExtended } : {}),
        ...(imported ? { received: { type: "MT707", sha256: `0x${imported.sha256}`, sender: imported.senderBic } } : {}),
      },
    },
    event: { amendmentNumber: amendment.number, ...(confirming ? { confirmationExtended } : {}), ...(input.comment ? { comment: input.comment } : {}) },
  };
};

export const acceptAmendment: Handler<"acceptAmendment"> = async ({ tx, actor, credit, subject, now }): Promise<HandlerResult> => {
  const amendment = await amendmentOf(tx, subject!.id);
  await tx.amendment.update({ where: { id: amendment.id }, data: { decidedAt: now } });
  if (amendment.cancellation) {
    return {
      creditData: { status: "CANCELLED" },
      milestone: { content: { amendmentNumber: amendment.number, cancellation: true } },
      extraMilestones: [{ kind: DERIVED_MILESTONES.cancellation, content: { amendmentNumber: amendment.number, drawnAmount: credit.drawnAmount, currency: credit.currency } }],
      event: { amendmentNumber: amendment.number, cancellation: true },
    };
  }
  const current = await loadTerms(tx, credit.currentTermsId);
  const base = await loadTerms(tx, amendment.baseTermsId);
  const proposed = await loadTerms(tx, amendment.proposedTermsId);
  const amended = applyAmendment(current.terms, base.terms, proposed.terms);
  const version = await addTermsVersion(tx, {
    creditId: credit.id,
    parentId: current.id,
    terms: amended,
    author: actor as Actor,
    comment: `Amendment ${amendment.number} accepted`,
    allowUnchanged: true,
  });
  return {
    creditData: { currentTermsId: version.id, ...termsColumns(amended) },
    milestone: { content: { amendmentNumber: amendment.number, termsVersion: version.number, termsHash: version.termsHash } },
    event: { amendmentNumber: amendment.number, termsVersion: version.number },
  };
};

export const rejectAmendment: Handler<"rejectAmendment"> = async ({ tx, subject, input, now }) => {
  const amendment = await tx.amendment.update({ where: { id: subject!.id }, data: { decidedAt: now, reason: input.reason }, select: { number: true } });
  return { milestone: { content: { amendmentNumber: amendment.number, reason: input.reason } }, event: { amendmentNumber: amendment.number, reason: input.reason } };
};
