import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logAdminEvent } from "./admin-log";

// An organisation's signed-steps setting (Organization.signMilestones, issue 14): every milestone
// of a credit it takes part in must be signed by the passkey of the person who takes the step, and
// each of its members needs a passkey to take one. A credit decides at its first milestone (and
// anchors it there): turning the setting off later does not unsign credits already under way.

export async function signMilestonesSetting(organizationId: string): Promise<boolean> {
  const org = await db().organization.findUnique({ where: { id: organizationId }, select: { signMilestones: true } });
  return org?.signMilestones ?? false;
}

/** Only an administrator changes it; the change is logged with who made it. */
export async function setSignMilestones(actor: Actor, on: boolean): Promise<void> {
  if (!actor.roles.includes("ADMIN") || (actor.organizationKind !== "BANK" && actor.organizationKind !== "CORPORATE")) {
    throw forbidden("Only an administrator of a bank or a trading company can change whether its steps are signed.");
  }
  await changeSignMilestones({ organizationId: actor.organizationId, on, actorId: actor.userId });
}

/**
 * The change itself with its entry in the organisation's administrative log, in one transaction:
 * what setSignMilestones does once it has authorised the administrator, and what the demo seed
 * does for the demo banks (lib/seed/demo-signed-steps.ts) with no person behind it (`actorId`
 * null: the log names TradeTrail). Callers authorise; this does not.
 */
export async function changeSignMilestones(change: {
  organizationId: string;
  on: boolean;
  actorId: string | null;
  /** Said after "on"/"off" in the log, e.g. why TradeTrail itself made the change. */
  note?: string;
  data?: Prisma.InputJsonObject;
}): Promise<void> {
  const subject = `${change.on ? "on" : "off"}${change.note ? ` ${change.note}` : ""}`;
  await db().$transaction(async (tx) => {
    await tx.organization.update({ where: { id: change.organizationId }, data: { signMilestones: change.on } });
    await logAdminEvent(tx, { organizationId: change.organizationId, actorId: change.actorId, action: "signed-steps-changed", subject, data: change.data });
  });
}

/** Does the user belong to an organisation that requires signed steps, without a live passkey of their own? */
export async function needsPasskey(userId: string): Promise<boolean> {
  const [required, passkeys] = await Promise.all([
    db().membership.count({ where: { userId, organization: { signMilestones: true } } }),
    db().passkey.count({ where: { userId, revokedAt: null } }),
  ]);
  return required > 0 && passkeys === 0;
}
