import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS, type DemoOrganizationKey } from "./demo-world";

export { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS };

/** Creates what is missing of the demo world; returns the organisation ids by key. */
export async function seedDemo(): Promise<Record<DemoOrganizationKey, string>> {
  const ids = {} as Record<DemoOrganizationKey, string>;
  for (const org of DEMO_ORGANIZATIONS) {
    const existing = await db().organization.findFirst({ where: { name: org.name, kind: org.kind } });
    const data = { name: org.name, kind: org.kind, country: org.country, address: org.address, bic: "bic" in org ? org.bic : null };
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
