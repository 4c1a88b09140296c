import type { Actor } from "@/lib/auth/actor";
import { isCutOff, isTimeZone } from "@/lib/calendar/presentation-day";
import { db } from "@/lib/db/client";
import { forbidden, invalid } from "@/lib/errors";
import { logAdminEvent } from "./admin-log";

// A bank's banking hours for presentations (issue 13, error 3): its time zone dates every
// presentation it receives, and a cut-off time moves later ones to its next banking day
// (lib/calendar/presentation-day.ts). Set by the bank's administrators; each change is logged.

export async function bankingHoursSetting(organizationId: string): Promise<{ timeZone: string; cutOff: string | null }> {
  const org = await db().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { timeZone: true, cutOffTime: true } });
  return { timeZone: org.timeZone, cutOff: org.cutOffTime };
}

export async function setBankingHours(actor: Actor, input: { timeZone: string; cutOff: string }): Promise<void> {
  if (actor.organizationKind !== "BANK" || !actor.roles.includes("ADMIN")) throw forbidden("Only a bank's administrator sets its banking hours.");
  const timeZone = input.timeZone.trim();
  const cutOff = input.cutOff.trim() || null;
  const fields: Record<string, string> = {};
  if (!isTimeZone(timeZone)) fields.timeZone = "Choose the time zone where your bank receives documents";
  if (cutOff !== null && !isCutOff(cutOff)) fields.cutOff = "A time on a 24-hour clock, like 16:00, or none";
  if (Object.keys(fields).length > 0) throw invalid(Object.values(fields).join("; ") + ".", fields);
  await db().$transaction(async (tx) => {
    await tx.organization.update({ where: { id: actor.organizationId }, data: { timeZone, cutOffTime: cutOff } });
    await logAdminEvent(tx, { organizationId: actor.organizationId, actorId: actor.userId, action: "banking-hours-changed", subject: `${timeZone}${cutOff ? `, cut-off ${cutOff}` : ", no cut-off"}` });
  });
}
