import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { logAdminEvent } from "./admin-log";

// A bank's four-eyes setting (Organization.fourEyes, on by default): whether its makers' steps
// that move money or rights wait for a checker (lib/lifecycle/definition.ts, `fourEyes`), and
// whether a payment is prepared for a checker or recorded by one officer (`whenFourEyes`).
// Issuance and amendments always need two people whatever the setting.

export async function fourEyesSetting(organizationId: string): Promise<boolean> {
  const org = await db().organization.findUnique({ where: { id: organizationId }, select: { fourEyes: true } });
  return org?.fourEyes ?? true;
}

/** Only a bank's administrator changes it; the change is logged with who made it. */
export async function setFourEyes(actor: Actor, on: boolean): Promise<void> {
  if (actor.organizationKind !== "BANK" || !actor.roles.includes("ADMIN")) throw forbidden("Only a bank's administrator can change its four-eyes setting.");
  await db().$transaction(async (tx) => {
    await tx.organization.update({ where: { id: actor.organizationId }, data: { fourEyes: on } });
    await logAdminEvent(tx, { organizationId: actor.organizationId, actorId: actor.userId, action: "four-eyes-changed", subject: on ? "on" : "off" });
  });
}
