import { Prisma } from "@/lib/generated/prisma/client";
import type { ActingUser } from "@/lib/lifecycle/authorize";
import { PARTY_COLUMN, type Party } from "@/lib/lifecycle/definition";

// Who sees which credit, as SQL over the credits table aliased `c`: the parties of a credit
// from the moment it concerns them (lib/lifecycle/authorize.ts visiblePartiesOf says the same
// in code), and auditors holding a live grant from a bank that sees the credit (in force:
// approved, not revoked, within its period).

export function visibleToSql(actor: Pick<ActingUser, "organizationId" | "organizationKind">): Prisma.Sql {
  const org = actor.organizationId;
  if (actor.organizationKind === "AUDITOR") {
    return Prisma.sql`EXISTS (
      SELECT 1 FROM audit_grants g
       WHERE g.auditor_id = ${org}::uuid AND g.approved_at IS NOT NULL AND g.revoked_at IS NULL AND now() >= g.valid_from AND now() < g.valid_until
         AND (g.credit_id = c.id OR (g.credit_id IS NULL AND ${bankSeesSql(Prisma.sql`g.bank_id`)})))`;
  }
  return Prisma.sql`(${Prisma.join(visibilityArms(actor), " OR ")})`;
}

/**
 * visibleToSql for a party, split into the roles it can play, each a condition that one index
 * on (role column, updated_at, id) answers: the credit list reads each arm's newest rows from
 * its own index and merges them, instead of filtering the whole table in updated_at order.
 * A trading company is only ever applicant or beneficiary; a bank only one of the three banks.
 * Not for auditors (their visibility is a grant, not a column).
 */
export function visibilityArms(actor: Pick<ActingUser, "organizationId" | "organizationKind">): Prisma.Sql[] {
  return partyArms(actor).map((arm) => arm.sql);
}

/**
 * visibilityArms with the party each arm fixes to the actor's organisation and what else the arm
 * asks (`when`, null for nothing): given `<party column> = org`, the arm is just `when`.
 */
export function partyArms(actor: Pick<ActingUser, "organizationId" | "organizationKind">): { party: Party; when: Prisma.Sql | null; sql: Prisma.Sql }[] {
  const org = actor.organizationId;
  if (actor.organizationKind === "AUDITOR") throw new Error("visibilityArms: an auditor sees credits through grants, not party columns");
  const arm = (party: Party, when: Prisma.Sql | null) => {
    const column = Prisma.sql`c.${Prisma.raw(PARTY_COLUMN[party])} = ${org}::uuid`;
    return { party, when, sql: when ? Prisma.sql`(${column} AND ${when})` : column };
  };
  if (actor.organizationKind === "CORPORATE") return [arm("applicant", null), arm("beneficiary", Prisma.sql`c.shared_at IS NOT NULL`)];
  return [
    arm("issuingBank", Prisma.sql`c.submitted_at IS NOT NULL`),
    arm("advisingBank", Prisma.sql`c.issued_at IS NOT NULL`),
    arm("confirmingBank", Prisma.sql`c.issued_at IS NOT NULL`),
  ];
}

/** The bank named by `bank` sees credit `c` (as its issuing, advising or confirming bank). */
function bankSeesSql(bank: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`((c.issuing_bank_id = ${bank} AND c.submitted_at IS NOT NULL)
    OR ((c.advising_bank_id = ${bank} OR c.confirming_bank_id = ${bank}) AND c.issued_at IS NOT NULL))`;
}
