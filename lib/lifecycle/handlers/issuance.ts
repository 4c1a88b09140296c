import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { businessDay, pastDateErrors } from "@/lib/terms/dates";
import type { Terms } from "@/lib/terms/schema";
import type { JsonObject } from "@/lib/anchoring/json";
import type { Handler } from "../perform";
import { loadTerms } from "./terms";

// Issuance and advising. The issuing bank's maker prepares (credit number, bank conditions), a
// different checker approves: that is the MT700 moment. The advising bank then advises.

export const submitApplication: Handler<"submitApplication"> = async ({ tx, credit, input, now }) => {
  const agreed = await loadTerms(tx, credit.agreedTermsId);
  return { creditData: { returnReason: null, submittedAt: credit.submittedAt ?? now }, event: { termsVersion: agreed.number, ...(input.comment ? { comment: input.comment } : {}) } };
};

export const returnApplication: Handler<"returnApplication"> = async ({ input }) => ({ creditData: { returnReason: input.reason }, event: { reason: input.reason } });

/**
 * A credit (or an amendment to its dates) is never issued with its expiry date (31D) or latest
 * shipment date (44C) already past, "today" being the UTC business day of `now` (lib/terms/dates.ts).
 * `only` limits the check to the fields an amendment changes.
 */
export function assertDatesStillOpen(terms: Terms, now: Date, what: string, only?: readonly string[], fieldPrefix = ""): void {
  const errors = Object.entries(pastDateErrors(terms, businessDay(now))).filter(([field]) => !only || only.includes(field));
  if (errors.length === 0) return;
  throw invalid(`${what} cannot be issued: ${errors.map(([, message]) => message).join("; ")}.`, Object.fromEntries(errors.map(([field, message]) => [`${fieldPrefix}${field}`, message])));
}

export const prepareIssuance: Handler<"prepareIssuance"> = async ({ tx, actor, credit, input, now }) => {
  const agreed = await loadTerms(tx, credit.agreedTermsId);
  assertDatesStillOpen(agreed.terms, now, "The credit");
  const taken = await tx.credit.findFirst({ where: { issuingBankId: credit.issuingBankId, creditNumber: input.creditNumber, NOT: { id: credit.id } }, select: { id: true } });
  if (taken) throw invalid("This credit number is already used by another credit of your bank.", { creditNumber: "Already used: choose another number" });
  await tx.approval.create({
    data: { creditId: credit.id, kind: "ISSUANCE", makerId: actor!.userId, payload: { creditNumber: input.creditNumber, bankConditions: input.bankConditions } },
  });
  return { event: { creditNumber: input.creditNumber } };
};

/** The pending approval a checker decides on, marked with the decision. */
export async function decideApproval(
  tx: Tx,
  where: { creditId: string; kind: "ISSUANCE" | "AMENDMENT" | "PAYMENT"; subjectId: string | null },
  decision: { checkerId: string; status: "APPROVED" | "REJECTED"; reason?: string; now: Date },
): Promise<Prisma.JsonObject> {
  const approval = await tx.approval.findFirstOrThrow({ where: { ...where, status: "PENDING" }, orderBy: { createdAt: "desc" } });
  await tx.approval.update({
    where: { id: approval.id },
    data: { status: decision.status, checkerId: decision.checkerId, reason: decision.reason ?? null, decidedAt: decision.now },
  });
  return approval.payload as Prisma.JsonObject;
}

export const approveIssuance: Handler<"approveIssuance"> = async ({ tx, actor, credit, now }) => {
  const payload = await decideApproval(tx, { creditId: credit.id, kind: "ISSUANCE", subjectId: null }, { checkerId: actor!.userId, status: "APPROVED", now });
  const creditNumber = String(payload.creditNumber);
  const bankConditions = String(payload.bankConditions ?? "");
  const agreed = await loadTerms(tx, credit.agreedTermsId);
  // Checked again at approval: the dates may have passed while the issuance waited for a checker.
  assertDatesStillOpen(agreed.terms, now, "The credit");
  const dateOfIssue = now.toISOString().slice(0, 10);
  return {
    creditData: { creditNumber, bankConditions: bankConditions || null, issuedAt: now, currentTermsId: agreed.id },
    milestone: { content: { creditNumber, dateOfIssue, termsVersion: agreed.number, termsHash: agreed.termsHash, bankConditions } },
    event: { creditNumber },
  };
};

export const rejectIssuance: Handler<"rejectIssuance"> = async ({ tx, actor, credit, input, now }) => {
  await decideApproval(tx, { creditId: credit.id, kind: "ISSUANCE", subjectId: null }, { checkerId: actor!.userId, status: "REJECTED", reason: input.reason, now });
  return { event: { reason: input.reason } };
};

export const adviseCredit: Handler<"adviseCredit"> = async ({ tx, credit, input, now }) => {
  const current = await loadTerms(tx, credit.currentTermsId);
  if (input.addConfirmation && current.terms.confirmation === "WITHOUT") {
    throw invalid("The credit's confirmation instructions (field 49) say WITHOUT: confirmation cannot be added.", { addConfirmation: "Not allowed by field 49" });
  }
  const details = await tx.credit.findUniqueOrThrow({ where: { id: credit.id }, select: { creditNumber: true, import: { select: { messageType: true, sha256: true, senderBic: true } } } });
  // An imported credit (lib/credits/import-credit.ts): the advice anchors the SHA-256 of the MT700
  // or MT710 the advising bank received, and from now on the beneficiary sees the credit.
  const received: JsonObject = details.import ? { received: { type: `MT${details.import.messageType}`, sha256: `0x${details.import.sha256}`, sender: details.import.senderBic } } : {};
  return {
    creditData: { ...(input.addConfirmation ? { confirmingBankId: credit.advisingBankId, confirmed: true } : {}), ...(credit.sharedAt ? {} : { sharedAt: now }) },
    milestone: { content: { creditNumber: details.creditNumber, termsHash: current.termsHash, confirmationAdded: input.addConfirmation, ...received } },
    event: { confirmationAdded: input.addConfirmation, ...(input.comment ? { comment: input.comment } : {}) },
  };
};

export const expireCredit: Handler<"expireCredit"> = async ({ tx, credit }) => {
  const details = await tx.credit.findUniqueOrThrow({ where: { id: credit.id }, select: { expiryDate: true, creditNumber: true } });
  return {
    milestone: { content: { creditNumber: details.creditNumber, expiryDate: details.expiryDate.toISOString().slice(0, 10), drawnAmount: credit.drawnAmount, currency: credit.currency } },
  };
};
