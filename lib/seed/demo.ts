import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { config } from "@/lib/config";
import { type SeedDemoCreditsResult, seedDemoCredits } from "./demo-credits";
import { requireDemoSignedSteps } from "./demo-signed-steps";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_SCENARIOS, DEMO_USERS, type DemoOrganizationKey } from "./demo-world";

export { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_SCENARIOS, DEMO_USERS };

export interface SeedDemoWorldResult extends SeedDemoCreditsResult {
  /** The demo banks that require signed steps once seeded (their users are asked for a passkey after password sign-in). */
  signedStepBanks: string[];
}

/**
 * The organisations and users, then a credit in every state (lib/seed/demo-credits.ts), then
 * signed steps at the demo banks unless SEED_DEMO_SIGNED_STEPS is off (lib/seed/demo-signed-steps.ts):
 * last, since the walks' users have no passkeys to sign with.
 */
export async function seedDemoWorld(log: (line: string) => void = () => {}): Promise<SeedDemoWorldResult> {
  const orgs = await seedDemo();
  const started = Date.now();
  const result = await seedDemoCredits(orgs, log);
  log(`demo world: ${result.created.length} credit(s) created, ${result.existing.length} already there (${Date.now() - started} ms)`);
  const signedStepBanks = await requireDemoSignedSteps(orgs, config().SEED_DEMO_SIGNED_STEPS, log);
  return { ...result, signedStepBanks };
}

/** Creates what is missing of the demo world; returns the organisation ids by key. */
export async function seedDemo(): Promise<Record<DemoOrganizationKey, string>> {
  const ids = {} as Record<DemoOrganizationKey, string>;
  for (const org of DEMO_ORGANIZATIONS) {
    const existing = await db().organization.findFirst({ where: { name: org.name, kind: org.kind } });
    const data = { name: org.name, kind: org.kind, country: org.country, address: org.address || null, bic: "bic" in org ? org.bic : null, timeZone: "timeZone" in org ? org.timeZone : "UTC" };
    ids[org.key] = existing ? existing.id : (await db().organization.create({ data })).id;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    const record = await db().user.upsert({
      where: { email: user.email },
      update: {},
      create: { email: user.email, name: user.name, passwordHash },
    });
    await db().membership.upsert({
      where: { userId_organizationId: { userId: record.id, organizationId: ids[user.org] } },
      update: {},
      create: { userId: record.id, organizationId: ids[user.org], roles: [...user.roles] },
    });
  }
  return ids;
}
