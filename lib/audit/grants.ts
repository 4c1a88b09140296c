import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError, forbidden, invalid, notFound } from "@/lib/errors";
import { visiblePartiesOf } from "@/lib/lifecycle/authorize";
import { isUuid } from "@/lib/ids";

// A bank grants an auditor firm read access to one of its credits, or to all of them, for at
// most a year; it can revoke the grant at any time. A grant over one credit is in force at once;
// one over all the bank's credits waits until a second administrator or checker approves it
// (four eyes: one person alone cannot open the whole book). Grants, approvals and revocations
// are logged with their uses.

/** The longest grant: a year, and a day for a leap year (the database checks it too). */
export const MAX_GRANT_DAYS = 366;

const BANK_PARTIES = new Set(["issuingBank", "advisingBank", "confirmingBank"]);

function assertBankAdmin(actor: Actor): void {
  if (actor.organizationKind !== "BANK" || !actor.roles.some((r) => r === "ADMIN" || r === "CHECKER")) {
    throw forbidden("Only a bank's administrators or checkers can grant or revoke audit access.");
  }
}

export async function grantAuditAccess(
  actor: Actor,
  input: { auditorId: string; creditId?: string | null; validFrom?: Date; validUntil: Date; now?: Date },
): Promise<{ id: string; pending: boolean }> {
  assertBankAdmin(actor);
  const now = input.now ?? new Date();
  const validFrom = input.validFrom ?? now;
  if (!(input.validUntil > validFrom)) throw invalid("The grant must end after it starts.", { validUntil: "Must be after the start" });
  if (input.validUntil.getTime() - validFrom.getTime() > MAX_GRANT_DAYS * 86_400_000) {
    throw invalid("A grant lasts at most a year. Grant again when it ends.", { validUntil: "At most a year from the start" });
  }
  const auditor = isUuid(input.auditorId) ? await db().organization.findUnique({ where: { id: input.auditorId } }) : null;
  if (!auditor || auditor.kind !== "AUDITOR") throw invalid("Choose an audit firm.", { auditorId: "Choose an audit firm" });
  if (input.creditId) {
    const credit = isUuid(input.creditId) ? await db().credit.findUnique({ where: { id: input.creditId } }) : null;
    if (!credit || !visiblePartiesOf(actor.organizationId, credit).some((p) => BANK_PARTIES.has(p))) throw notFound("The credit");
  }
  const wholeBank = !input.creditId;
  return db().$transaction(async (tx) => {
    const grant = await tx.auditGrant.create({
      data: { bankId: actor.organizationId, auditorId: auditor.id, creditId: input.creditId ?? null, validFrom, validUntil: input.validUntil, grantedById: actor.userId, approvedAt: wholeBank ? null : now },
      select: { id: true },
    });
    await tx.auditLogEntry.create({
      data: { grantId: grant.id, actorId: actor.userId, actorOrgId: actor.organizationId, action: wholeBank ? "request" : "grant", creditId: input.creditId ?? null, data: { auditorId: auditor.id, validFrom: validFrom.toISOString(), validUntil: input.validUntil.toISOString() } },
    });
    return { id: grant.id, pending: wholeBank };
  });
}

/** A second administrator or checker of the bank puts a grant over all its credits in force. */
export async function approveAuditGrant(actor: Actor, grantId: string, now = new Date()): Promise<void> {
  assertBankAdmin(actor);
  const grant = isUuid(grantId) ? await db().auditGrant.findFirst({ where: { id: grantId, bankId: actor.organizationId } }) : null;
  if (!grant) throw notFound("The grant");
  if (grant.revokedAt) throw new AppError("INVALID_STATE", "This grant was revoked.");
  if (grant.approvedAt) throw new AppError("INVALID_STATE", "This grant is already in force.");
  if (grant.grantedById === actor.userId) throw forbidden("A second administrator or checker must approve access to all your credits: not the person who asked for it.");
  await db().$transaction([
    db().auditGrant.update({ where: { id: grant.id, approvedAt: null }, data: { approvedAt: now, approvedById: actor.userId } }),
    db().auditLogEntry.create({ data: { grantId: grant.id, actorId: actor.userId, actorOrgId: actor.organizationId, action: "grant", creditId: null, data: { approvedRequestOf: grant.grantedById } } }),
  ]);
}

export async function revokeAuditAccess(actor: Actor, grantId: string, now = new Date()): Promise<void> {
  assertBankAdmin(actor);
  const grant = isUuid(grantId) ? await db().auditGrant.findFirst({ where: { id: grantId, bankId: actor.organizationId } }) : null;
  if (!grant) throw notFound("The grant");
  if (grant.revokedAt) throw new AppError("INVALID_STATE", "This grant was already revoked.");
  await db().$transaction([
    db().auditGrant.update({ where: { id: grant.id }, data: { revokedAt: now, revokedById: actor.userId } }),
    db().auditLogEntry.create({ data: { grantId: grant.id, actorId: actor.userId, actorOrgId: actor.organizationId, action: "revoke", creditId: grant.creditId, data: {} } }),
  ]);
}

/** The grants a bank gave, or an auditor holds, newest first, with their recent uses. */
export async function listGrants(actor: Actor) {
  const where = actor.organizationKind === "AUDITOR" ? { auditorId: actor.organizationId } : { bankId: actor.organizationId };
  return db().auditGrant.findMany({
    where,
    orderBy: { createdAt: "desc" },
    include: {
      bank: { select: { name: true } },
      auditor: { select: { name: true } },
      credit: { select: { id: true, reference: true, creditNumber: true } },
      uses: { orderBy: { createdAt: "desc" }, take: 20 },
    },
  });
}

export async function auditFirms() {
  return db().organization.findMany({ where: { kind: "AUDITOR" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
