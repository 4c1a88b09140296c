import type { Actor } from "@/lib/auth/actor";
import { forbidden } from "@/lib/errors";
import { actionRule } from "@/lib/lifecycle/definition";

/**
 * Templates serve whoever drafts credits: the lifecycle's createCredit rule says who that is (a
 * trading company's users with its roles), so this follows it rather than restating it.
 */
export function assertDrafter(actor: Actor): void {
  const rule = actionRule("createCredit");
  if (actor.organizationKind !== "CORPORATE") throw forbidden("Templates are for trading companies that apply for credits.");
  if (!actor.roles.some((role) => rule.roles.includes(role))) throw forbidden(`Templates need the ${rule.roles.map((r) => r.toLowerCase()).join(" or ")} role.`);
}

/** Whether the actor may draft credits (and so use templates): for showing the controls. */
export function isDrafter(actor: Actor): boolean {
  try {
    assertDrafter(actor);
    return true;
  } catch {
    return false;
  }
}
