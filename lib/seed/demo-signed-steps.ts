import { db } from "@/lib/db/client";
import { changeSignMilestones } from "@/lib/organizations/sign-milestones";
import { DEMO_ORGANIZATIONS, type DemoOrganizationKey } from "./demo-world";

// Issue 14: signed steps are "on by default for the demo banks". The seed turns them on only once
// the demo credits exist, because its walks act as the demo users, who have no passkeys. That is
// also what a bank turning the setting on one day would see: a credit decides at its first
// milestone (terms agreed) whether its steps are signed, and anchors that decision, so every
// demo credit whose terms were agreed before stays unsigned and verifies as it did. The two still
// being negotiated (drafting, negotiating) decide when their terms are agreed: signed, then.
//
// Once per bank: a bank whose administrative log already records a signed-steps change (this
// seed's, at an earlier start, or an administrator's choice since) is left as it is, so a restart
// never overturns what a bank's administrator chose in Settings. (A later version that adds a demo
// scenario would have to walk it before this runs: the seed's users cannot sign.)

/** Said after "on" in each bank's administrative log: who made the change, and what it leaves unsigned. */
export const DEMO_SIGNED_STEPS_NOTE =
  "by default for the demo banks (demo seed, SEED_DEMO_SIGNED_STEPS): the demo credits whose terms were agreed before stay unsigned and still verify";

/** The demo banks' names. */
const DEMO_BANKS = DEMO_ORGANIZATIONS.filter((org) => org.kind === "BANK");

/**
 * With `on`, requires signed steps at every demo bank that has never had the setting changed,
 * logged as TradeTrail's own change. Returns the demo banks that require signed steps now.
 */
export async function requireDemoSignedSteps(orgs: Record<DemoOrganizationKey, string>, on: boolean, log: (line: string) => void = () => {}): Promise<string[]> {
  if (on) {
    const turnedOn: string[] = [];
    for (const bank of DEMO_BANKS) {
      const organizationId = orgs[bank.key];
      const changedBefore = await db().adminEvent.count({ where: { organizationId, action: "signed-steps-changed" } });
      if (changedBefore > 0) continue;
      await changeSignMilestones({ organizationId, on: true, actorId: null, note: DEMO_SIGNED_STEPS_NOTE, data: { by: "demo seed", setting: "SEED_DEMO_SIGNED_STEPS" } });
      turnedOn.push(bank.name);
    }
    if (turnedOn.length > 0) log(`demo world: ${turnedOn.join(" and ")} now require signed steps; the demo credits agreed before stay unsigned (SEED_DEMO_SIGNED_STEPS=off leaves this off)`);
  }
  const requiring = await db().organization.findMany({ where: { id: { in: DEMO_BANKS.map((bank) => orgs[bank.key]) }, signMilestones: true }, select: { name: true }, orderBy: { name: "asc" } });
  return requiring.map((bank) => bank.name);
}
