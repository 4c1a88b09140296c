import type { Actor } from "@/lib/auth/actor";
import { type Tx, db } from "@/lib/db/client";
import { AppError, forbidden, invalid, notFound } from "@/lib/errors";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { logAdminEvent } from "./admin-log";
import { parseBic, parseCountry } from "./identifiers";
import { assertNoAccount, createInvitation, parseEmail } from "./members";

// The platform operator's administrators onboard organisations (issue 12): a bank, a trading
// company or an audit firm, with its name, country and (for a bank) BIC, and an e-mailed
// invitation for its first administrator, who then invites the organisation's own people. The
// operator can invite an administrator only into an organisation that has none (the first one,
// or after an invitation lapsed): it can never add a person to an organisation that runs itself.
// Every step is in the operator's administrative log and in the new organisation's own.

export const OPERATOR_NAME = "TradeTrail operations";
const ONBOARDABLE: readonly OrganizationKind[] = ["BANK", "CORPORATE", "AUDITOR"];

export const isPlatformAdmin = (actor: Actor) => actor.organizationKind === "OPERATOR" && actor.roles.includes("ADMIN");

function assertPlatformAdmin(actor: Actor): void {
  if (!isPlatformAdmin(actor)) throw forbidden("Only a TradeTrail platform administrator can onboard organisations.");
}

export interface OnboardingInput {
  kind: string;
  name: string;
  country: string;
  bic?: string;
  address?: string;
  administratorEmail: string;
}

type Fields = Record<string, string>;

/** Checks the input and names every bad field at once; a BIC only for banks, in the bank's country. */
function parseOnboarding(input: OnboardingInput) {
  const fields: Fields = {};
  const kind = ONBOARDABLE.find((k) => k === input.kind);
  if (!kind) fields.kind = "Choose bank, trading company or audit firm";
  const name = input.name.trim().replace(/\s+/g, " ");
  if (name.length < 2 || name.length > 140) fields.name = "The organisation's legal name, 2 to 140 characters";
  const country = parseCountry(input.country);
  if (!country) fields.country = "A country as its ISO 3166 two-letter code, like SG or NL";
  const address = input.address?.trim() || null;
  if (address && address.length > 300) fields.address = "At most 300 characters";
  let bic: string | null = null;
  const bicInput = input.bic?.trim() ?? "";
  if (kind === "BANK" || bicInput) {
    const parsed = parseBic(bicInput);
    if (!parsed) fields.bic = kind === "BANK" ? "A bank's BIC: 8 or 11 characters, like MTBKSGSG or MTBKSGSGXXX" : "A BIC has 8 or 11 characters, like DLTPNL2R";
    else if (country && parsed.country !== country) fields.bic = `This BIC is registered in ${parsed.country}, not ${country}`;
    else bic = parsed.bic;
  }
  let administratorEmail = "";
  try {
    administratorEmail = parseEmail(input.administratorEmail);
  } catch {
    fields.administratorEmail = "The e-mail address of its first administrator";
  }
  if (Object.keys(fields).length > 0) throw invalid(`Check ${Object.keys(fields).length === 1 ? "this field" : "these fields"}: ${Object.values(fields).join("; ")}.`, fields);
  return { kind: kind!, name, country: country!, bic, address, administratorEmail };
}

/** Onboards an organisation and e-mails its first administrator an invitation. */
export async function onboardOrganization(actor: Actor, input: OnboardingInput, now = new Date()): Promise<{ id: string; name: string; administratorEmail: string }> {
  assertPlatformAdmin(actor);
  const org = parseOnboarding(input);
  await assertNoAccount(org.administratorEmail);
  return db().$transaction(async (tx) => {
    // One onboarding at a time: the name and BIC checks below then hold until commit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tradetrail:onboard-organization'))`;
    const sameName = await tx.organization.findFirst({ where: { name: { equals: org.name, mode: "insensitive" } }, select: { id: true } });
    if (sameName) throw new AppError("CONFLICT", `An organisation named ${org.name} is already on TradeTrail.`, { name: "Already on TradeTrail" });
    if (org.bic) {
      const sameBic = await tx.organization.findUnique({ where: { bic: org.bic }, select: { name: true } });
      if (sameBic) throw new AppError("CONFLICT", `The BIC ${org.bic} already belongs to ${sameBic.name}.`, { bic: "Already on TradeTrail" });
    }
    const created = await tx.organization.create({
      data: { name: org.name, kind: org.kind, country: org.country, bic: org.bic, address: org.address, createdAt: now },
      select: { id: true, name: true },
    });
    const details = { kind: org.kind, country: org.country, ...(org.bic ? { bic: org.bic } : {}), administrator: org.administratorEmail };
    for (const organizationId of [actor.organizationId, created.id]) {
      await logAdminEvent(tx, { organizationId, actorId: actor.userId, action: "organization-onboarded", subject: created.name, data: details });
    }
    await inviteAdministrator(tx, actor, created, org.administratorEmail, now);
    return { id: created.id, name: created.name, administratorEmail: org.administratorEmail };
  });
}

/**
 * Invites an administrator into an onboarded organisation that has none (its first invitation
 * lapsed or went to the wrong address); refused once the organisation has an administrator.
 */
export async function inviteOrganizationAdministrator(actor: Actor, organizationId: string, email: string, now = new Date()): Promise<void> {
  assertPlatformAdmin(actor);
  const address = parseEmail(email);
  const org = isUuid(organizationId) ? await db().organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true, kind: true, external: true } }) : null;
  // An external party (a bank or applicant recorded from an imported MT700) has no members.
  if (!org || org.kind === "OPERATOR" || org.external) throw notFound("The organisation");
  await assertNoAccount(address);
  await db().$transaction(async (tx) => {
    // Serialised with acceptances of this organisation's invitations by the row lock.
    await tx.$executeRaw`SELECT 1 FROM organizations WHERE id = ${org.id}::uuid FOR UPDATE`;
    if ((await tx.membership.count({ where: { organizationId: org.id, roles: { has: "ADMIN" } } })) > 0) {
      throw new AppError("INVALID_STATE", `${org.name} has an administrator, who invites its people. TradeTrail cannot add anyone to it.`);
    }
    await inviteAdministrator(tx, actor, org, address, now);
  });
}

async function inviteAdministrator(tx: Tx, actor: Actor, org: { id: string; name: string }, email: string, now: Date): Promise<void> {
  // The organisation has no administrator, so every pending invitation is the operator's: the new
  // one replaces them, and at most one person can ever take the first administrator's seat.
  await tx.invitation.updateMany({ where: { organizationId: org.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
  await createInvitation(tx, { organizationId: org.id, organizationName: org.name, email, roles: ["ADMIN"], inviter: { id: actor.userId, name: actor.name } }, now);
  for (const organizationId of [actor.organizationId, org.id]) {
    await logAdminEvent(tx, { organizationId, actorId: actor.userId, action: "administrator-invited", subject: email, data: { organization: org.name } });
  }
}

export interface OnboardedOrganization {
  id: string;
  name: string;
  kind: OrganizationKind;
  country: string;
  bic: string | null;
  members: number;
  administrators: number;
  /** The latest invitation of an administrator that can still be accepted. */
  pendingAdministrator: { email: string; expiresAt: Date } | null;
  createdAt: Date;
}

/** Every organisation on the platform but the operator, newest first, for its administrators. */
export async function listOrganizations(actor: Actor, now = new Date()): Promise<OnboardedOrganization[]> {
  assertPlatformAdmin(actor);
  const orgs = await db().organization.findMany({
    where: { kind: { not: "OPERATOR" }, external: false },
    orderBy: [{ createdAt: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      country: true,
      bic: true,
      createdAt: true,
      memberships: { select: { roles: true } },
      invitations: { where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now }, roles: { has: "ADMIN" } }, orderBy: { createdAt: "desc" }, take: 1, select: { email: true, expiresAt: true } },
    },
  });
  return orgs.map(({ memberships, invitations, ...org }) => ({
    ...org,
    members: memberships.length,
    administrators: memberships.filter((m) => m.roles.includes("ADMIN")).length,
    pendingAdministrator: invitations[0] ?? null,
  }));
}

export type PlatformAdministratorOutcome = { status: "administrator" } | { status: "pending"; expiresAt: Date } | { status: "invited"; link: string; expiresAt: Date };

/**
 * Makes `email` a platform administrator, for `npm start` (PLATFORM_ADMIN_EMAIL) and the command
 * line: creates the operator organisation if it is missing and e-mails an invitation, whose link
 * is returned for the operator's terminal. Without `renew`, an invitation still pending is kept.
 */
export async function ensurePlatformAdministrator(
  input: string,
  { renew = false, now = new Date() }: { renew?: boolean; now?: Date } = {},
): Promise<PlatformAdministratorOutcome> {
  const email = parseEmail(input);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tradetrail:onboard-organization'))`;
    const operator = (await tx.organization.findFirst({ where: { kind: "OPERATOR" }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } })) ??
      (await tx.organization.create({ data: { name: OPERATOR_NAME, kind: "OPERATOR", country: "ZZ" }, select: { id: true, name: true } }));
    const user = await tx.user.findUnique({ where: { email }, select: { memberships: { select: { organizationId: true, roles: true } } } });
    if (user) {
      const membership = user.memberships.find((m) => m.organizationId === operator.id);
      if (membership?.roles.includes("ADMIN")) return { status: "administrator" as const };
      throw new AppError("CONFLICT", `${email} already has a TradeTrail account in another organisation. A platform administrator needs an address of their own.`);
    }
    const pending = await tx.invitation.findFirst({ where: { organizationId: operator.id, email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, select: { expiresAt: true } });
    if (pending && !renew) return { status: "pending" as const, expiresAt: pending.expiresAt };
    const invitation = await createInvitation(tx, { organizationId: operator.id, organizationName: operator.name, email, roles: ["ADMIN"], inviter: null }, now);
    await logAdminEvent(tx, { organizationId: operator.id, actorId: null, action: "invite", subject: email, data: { roles: ["ADMIN"], by: "command line" } });
    return { status: "invited" as const, link: invitation.link, expiresAt: invitation.expiresAt };
  });
}
