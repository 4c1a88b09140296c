import type { ApprovalKind, CreditStatus, MemberRole, OrganizationKind } from "@/lib/generated/prisma/enums";
import { ACTION_NAMES, type ActionName, type AnyActionRule, PARTIES, PARTY_LABELS, type Party, actionRule, approvalKindChecked } from "./definition";
import { FOUR_EYES_REFUSAL, STATUS_WORDS } from "./words";

// Pure decisions derived from the lifecycle definition: may this actor take this action on this
// credit now? No I/O: the operations layer loads the facts and calls these.

export interface ActingUser {
  userId: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  roles: readonly MemberRole[];
}

/** Scheduled jobs act as the system, which may take only "system" actions. */
export const SYSTEM = { system: true } as const;
export type Acting = ActingUser | typeof SYSTEM;

export interface CreditParties {
  applicantId: string;
  beneficiaryId: string;
  issuingBankId: string;
  advisingBankId: string;
  confirmingBankId: string | null;
}

/** The field of a credit that names each party's organisation. */
export const PARTY_FIELD = {
  applicant: "applicantId",
  beneficiary: "beneficiaryId",
  issuingBank: "issuingBankId",
  advisingBank: "advisingBankId",
  confirmingBank: "confirmingBankId",
} as const satisfies Record<Party, keyof CreditParties>;

/** The roles an organisation plays in a credit (an organisation may play several). */
export function partiesOf(organizationId: string, credit: CreditParties): Party[] {
  return PARTIES.filter((party) => credit[PARTY_FIELD[party]] === organizationId);
}

/** When each party starts to see a credit: the beneficiary once it is shared, the issuing bank
 *  once it is submitted, the advising and confirming banks once it is issued. */
export interface CreditVisibility extends CreditParties {
  sharedAt: Date | null;
  submittedAt: Date | null;
  issuedAt: Date | null;
}

export function visiblePartiesOf(organizationId: string, credit: CreditVisibility): Party[] {
  return partiesOf(organizationId, credit).filter((party) => {
    switch (party) {
      case "applicant":
        return true;
      case "beneficiary":
        return credit.sharedAt !== null;
      case "issuingBank":
        return credit.submittedAt !== null;
      case "advisingBank":
      case "confirmingBank":
        return credit.issuedAt !== null;
    }
  });
}

export interface ActionFacts {
  credit: CreditParties & { status: CreditStatus };
  /** The amendment's or presentation's state; absent for credit actions and "create" actions. */
  subjectState?: string;
  /** For a checker's action: who prepared what is being checked. */
  preparedBy?: string | null;
  /** The approval awaiting a checker on this subject (the credit itself for credit actions), if any. */
  pending?: { kind: ApprovalKind; makerId: string } | null;
  /**
   * The acting user's organisation works under four eyes (Organization.fourEyes, on by default):
   * steps marked `whenFourEyes` are offered under one setting only (a payment is prepared for a
   * checker with it on, recorded in one step with it off).
   */
  fourEyes: boolean;
  /** The presentation's examining bank (fixed at presentation); the issuing bank when absent. */
  examiningBankId?: string | null;
  /** The presentation is made under eUCP v2.1 (Presentation.eucp): steps marked `presentedUnder` follow it. */
  eucp?: boolean;
}

/**
 * The organisation that takes a step of one bank per presentation (rule.bank, issue 13 item 7):
 * the examining bank; or for payment, that bank when it is the confirming bank (it honours on its
 * own engagement, art. 8(a)), else the issuing bank. Null for a step any party of `by` takes.
 */
export function actingBankId(rule: Pick<AnyActionRule, "bank">, facts: { credit: Pick<CreditParties, "issuingBankId" | "confirmingBankId">; examiningBankId?: string | null }): string | null {
  if (!rule.bank) return null;
  const examiner = facts.examiningBankId ?? facts.credit.issuingBankId;
  if (rule.bank === "examining") return examiner;
  return examiner === facts.credit.confirmingBankId ? examiner : facts.credit.issuingBankId;
}

export type Decision = { allowed: true } | { allowed: false; code: "FORBIDDEN" | "INVALID_STATE"; reason: string };

const refuse = (code: "FORBIDDEN" | "INVALID_STATE", reason: string): Decision => ({ allowed: false, code, reason });

export function decide(actor: Acting, name: ActionName, facts: ActionFacts): Decision {
  const rule: AnyActionRule = actionRule(name);
  if ("system" in actor) {
    if (rule.by !== "system") return refuse("FORBIDDEN", `"${rule.label}" is taken by a person, not by a scheduled job.`);
  } else {
    if (rule.by === "system") return refuse("FORBIDDEN", `"${rule.label}" is done automatically by TradeTrail.`);
    const mine = partiesOf(actor.organizationId, facts.credit);
    const allowedParties = rule.by as readonly Party[];
    if (!mine.some((p) => allowedParties.includes(p))) {
      return refuse("FORBIDDEN", `Only the ${allowedParties.map((p) => PARTY_LABELS[p].toLowerCase()).join(" or ")} may ${rule.label.toLowerCase()}.`);
    }
    const bank = actingBankId(rule, facts);
    if (bank !== null && bank !== actor.organizationId) {
      const whose = bank === facts.credit.issuingBankId ? "issuing bank" : bank === facts.credit.confirmingBankId ? "confirming bank" : "nominated bank";
      return refuse("FORBIDDEN", `The documents are examined and honoured at the ${whose}, where the credit is available: only its people may ${rule.label.toLowerCase()}.`);
    }
    if (!actor.roles.some((role) => rule.roles.includes(role))) {
      return refuse("FORBIDDEN", `${rule.label} needs the ${rule.roles.map((r) => r.toLowerCase()).join(" or ")} role.`);
    }
    if (rule.whenFourEyes && (rule.whenFourEyes === "on") !== facts.fourEyes) {
      return refuse("FORBIDDEN", FOUR_EYES_REFUSAL[name as keyof typeof FOUR_EYES_REFUSAL]);
    }
  }
  if (rule.presentedUnder && (rule.presentedUnder === "eucp") !== (facts.eucp ?? false)) {
    return refuse(
      "INVALID_STATE",
      rule.presentedUnder === "eucp"
        ? `"${rule.label}" is a step of a presentation under eUCP (docs/EUCP.md); this presentation is made under UCP 600 alone.`
        : "This presentation is made under eUCP: it is complete with the beneficiary's notice of completeness (eUCP art. e6(c)), not by presenting documents.",
    );
  }
  if (rule.creditIn && !rule.creditIn.includes(facts.credit.status)) {
    return refuse("INVALID_STATE", `This is not possible while the credit is ${STATUS_WORDS.credit[facts.credit.status]}.`);
  }
  if (rule.from === "create") {
    if (rule.subject === "credit") return { allowed: true };
  } else {
    const state = rule.subject === "credit" ? facts.credit.status : facts.subjectState;
    if (state === undefined || !(rule.from as readonly string[]).includes(state)) {
      const words = STATUS_WORDS[rule.subject] as Record<string, string>;
      return refuse("INVALID_STATE", `This is not possible while the ${rule.subject} is ${state ? words[state] : "missing"}.`);
    }
  }
  const checked = approvalKindChecked(rule);
  if (rule.decides && facts.pending?.kind !== checked) {
    return refuse("INVALID_STATE", "Nothing of this kind is waiting for a checker's approval here.");
  }
  if (rule.fourEyes && facts.pending) {
    return refuse("INVALID_STATE", "A step prepared by a maker is waiting for a checker: it must be approved or sent back first.");
  }
  const preparedBy = facts.pending && facts.pending.kind === checked ? facts.pending.makerId : facts.preparedBy;
  if (rule.checks && !("system" in actor) && preparedBy === actor.userId) {
    return refuse("FORBIDDEN", "You prepared this yourself: another user with the checker role must approve it (four eyes).");
  }
  return { allowed: true };
}

/** The actions this actor may take now on a credit (credit-level), for the UI's buttons. */
export function availableCreditActions(actor: ActingUser, facts: ActionFacts): ActionName[] {
  return ACTION_NAMES.filter((name) => {
    const rule = actionRule(name);
    return rule.subject === "credit" && rule.from !== "create" && decide(actor, name, facts).allowed;
  });
}

/** The actions this actor may take now on one amendment or presentation. */
export function availableSubjectActions(actor: ActingUser, subject: "amendment" | "presentation", facts: ActionFacts): ActionName[] {
  return ACTION_NAMES.filter((name) => {
    const rule = actionRule(name);
    return rule.subject === subject && rule.from !== "create" && decide(actor, name, facts).allowed;
  });
}

/** "Create" actions (start an amendment, a presentation) open to this actor on this credit. */
export function availableCreateActions(actor: ActingUser, facts: ActionFacts): ActionName[] {
  return ACTION_NAMES.filter((name) => {
    const rule = actionRule(name);
    return rule.subject !== "credit" && rule.from === "create" && decide(actor, name, facts).allowed;
  });
}
