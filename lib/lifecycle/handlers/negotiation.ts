import type { Actor } from "@/lib/auth/actor";
import { invalid } from "@/lib/errors";
import type { Handler, HandlerContext, HandlerResult } from "../perform";
import { addTermsVersion, loadTerms, termsColumns } from "./terms";

// Application and co-drafting: the applicant drafts, the beneficiary endorses, edits or returns,
// until both agree on one version (the TERMS_AGREED milestone commits to its hash).

export const createCredit: Handler<"createCredit"> = async ({ tx, actor, input, now }) => {
  const applicant = actor!;
  // performAction has checked that the drafter is a trading company: it becomes the applicant.
  const [beneficiary, issuingBank, advisingBank] = await Promise.all(
    [input.beneficiaryId, input.issuingBankId, input.advisingBankId].map((id) => tx.organization.findUnique({ where: { id } })),
  );
  const fields: Record<string, string> = {};
  // External parties (recorded from an imported MT700) have nobody in TradeTrail to act: never chosen for a new credit.
  if (!beneficiary || beneficiary.kind !== "CORPORATE" || beneficiary.external) fields.beneficiaryId = "Choose the beneficiary (a trading company)";
  else if (beneficiary.id === applicant.organizationId) fields.beneficiaryId = "The beneficiary must be another company";
  if (!issuingBank || issuingBank.kind !== "BANK" || issuingBank.external) fields.issuingBankId = "Choose the issuing bank";
  if (!advisingBank || advisingBank.kind !== "BANK" || advisingBank.external) fields.advisingBankId = "Choose the advising bank";
  else if (advisingBank.id === issuingBank?.id) fields.advisingBankId = "The advising bank must differ from the issuing bank";
  if (Object.keys(fields).length > 0) throw invalid("Some fields need your attention.", fields);

  const [{ next }] = (await tx.$queryRaw<{ next: bigint }[]>`SELECT nextval('credit_reference_seq') AS next`) as [{ next: bigint }];
  const reference = `TT-${now.getUTCFullYear()}-${String(next).padStart(6, "0")}`;
  const credit = await tx.credit.create({
    data: {
      reference,
      status: "DRAFT",
      applicantId: applicant.organizationId,
      beneficiaryId: beneficiary!.id,
      issuingBankId: issuingBank!.id,
      advisingBankId: advisingBank!.id,
      currency: input.terms.currency,
      amount: input.terms.amount,
      expiryDate: new Date(`${input.terms.expiryDate}T00:00:00Z`),
    },
    select: { id: true },
  });
  const version = await addTermsVersion(tx, { creditId: credit.id, parentId: null, terms: input.terms, author: applicant, comment: input.comment });
  await tx.credit.update({ where: { id: credit.id }, data: { currentTermsId: version.id } });
  return { creditId: credit.id, event: { termsVersion: version.number } };
};

/** Any of the three "new version" actions: store the terms after the current version. */
async function newVersion(ctx: HandlerContext<"reviseDraft" | "proposeChanges" | "counterPropose">): Promise<HandlerResult> {
  const { tx, credit, input } = ctx;
  const version = await addTermsVersion(tx, { creditId: credit.id, parentId: credit.currentTermsId, terms: input.terms, author: ctx.actor as Actor, comment: input.comment });
  return {
    creditData: { currentTermsId: version.id, returnReason: null, ...termsColumns(input.terms) },
    event: { termsVersion: version.number, ...(input.comment ? { comment: input.comment } : {}) },
  };
}

export const reviseDraft: Handler<"reviseDraft"> = newVersion;
export const proposeChanges: Handler<"proposeChanges"> = newVersion;
export const counterPropose: Handler<"counterPropose"> = newVersion;

export const sendToBeneficiary: Handler<"sendToBeneficiary"> = async ({ tx, credit, input, now }) => {
  const current = await loadTerms(tx, credit.currentTermsId);
  return { creditData: { returnReason: null, sharedAt: credit.sharedAt ?? now }, event: { termsVersion: current.number, ...(input.comment ? { comment: input.comment } : {}) } };
};

/** Both parties now agree on the current version: that version's hash is the milestone. */
async function agree(ctx: HandlerContext<"endorseTerms" | "acceptChanges">): Promise<HandlerResult> {
  const current = await loadTerms(ctx.tx, ctx.credit.currentTermsId);
  return {
    creditData: { agreedTermsId: current.id },
    milestone: { content: { termsVersion: current.number, termsHash: current.termsHash } },
    event: { termsVersion: current.number },
  };
}

export const endorseTerms: Handler<"endorseTerms"> = agree;
export const acceptChanges: Handler<"acceptChanges"> = agree;

export const returnDraft: Handler<"returnDraft"> = async ({ input }) => ({ creditData: { returnReason: input.reason }, event: { reason: input.reason } });

export const reopenTerms: Handler<"reopenTerms"> = async ({ input }) => ({ creditData: { agreedTermsId: null }, event: { reason: input.reason } });

export const withdrawApplication: Handler<"withdrawApplication"> = async ({ input }) => ({ event: { reason: input.reason } });
