import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { forbidden, invalid } from "@/lib/errors";
import { RULE_IDS, isRuleId } from "@/lib/examination/catalogue";
import { logAdminEvent } from "./admin-log";

// A bank decides which of the automatic examination's rules it checks by hand (issue 13): what
// such a rule finds goes to its examiners as a point to check, never straight into a notice.
// Set by the bank's administrators; each change is in the administrative log.

export async function manualRulesSetting(organizationId: string): Promise<string[]> {
  return (await db().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { manualRules: true } })).manualRules;
}

export async function setManualRules(actor: Actor, rules: readonly string[]): Promise<void> {
  if (actor.organizationKind !== "BANK" || !actor.roles.includes("ADMIN")) throw forbidden("Only a bank's administrator decides which checks its examiners make by hand.");
  const unknown = rules.filter((r) => !isRuleId(r));
  if (unknown.length > 0) throw invalid(`No automatic check is called ${unknown.join(", ")}.`, { manualRules: "Choose from the list" });
  const chosen = RULE_IDS.filter((id) => rules.includes(id));
  await db().$transaction(async (tx) => {
    const before = (await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { manualRules: true } })).manualRules;
    await tx.organization.update({ where: { id: actor.organizationId }, data: { manualRules: chosen } });
    await logAdminEvent(tx, { organizationId: actor.organizationId, actorId: actor.userId, action: "examination-rules-changed", subject: chosen.length === 0 ? "every check automatic" : `${chosen.length} checked by hand`, data: { from: before, to: chosen } });
  });
}
