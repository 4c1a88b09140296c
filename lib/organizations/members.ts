import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { type Tx, db } from "@/lib/db/client";
import { appUrl, queueEmail } from "@/lib/email/outbox";
import { AppError, forbidden, invalid, notFound } from "@/lib/errors";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { logAdminEvent } from "./admin-log";
import { recordMemberChange } from "@/lib/signing/key-events";

// An organisation's administrators manage its people (issue 12): they invite users by e-mail
// with roles, change roles, and deactivate members. An invitation is a single-use link valid for
// INVITATION_DAYS, of which only the SHA-256 is stored; accepting it creates the account with a
// password that meets the policy. A change of roles or a deactivation ends the member's sessions
// at once (database triggers). An organisation always keeps an administrator. Every change is
// in the organisation's administrative log.

export const INVITATION_DAYS = 7;
const ROLES: readonly MemberRole[] = ["MAKER", "CHECKER", "ADMIN", "VIEWER"];
const ROLE_WORDS: Record<MemberRole, string> = { MAKER: "maker", CHECKER: "checker", ADMIN: "administrator", VIEWER: "viewer" };
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function assertAdmin(actor: Actor): void {
  if (!actor.roles.includes("ADMIN")) throw forbidden("Only an administrator of your organisation can manage its members.");
}

export function parseRoles(roles: readonly string[]): MemberRole[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0 || !unique.every((r): r is MemberRole => (ROLES as readonly string[]).includes(r))) {
    throw invalid("Choose at least one role: maker, checker, administrator or viewer.", { roles: "Choose at least one" });
  }
  return unique;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invites `email` to the administrator's organisation with `roles`, by e-mail. */
export async function inviteMember(admin: Actor, input: { email: string; roles: readonly string[] }, now = new Date()): Promise<{ id: string }> {
  assertAdmin(admin);
  const email = parseEmail(input.email);
  const roles = parseRoles(input.roles);
  await assertNoAccount(email);
  return db().$transaction(async (tx) => {
    const invitation = await createInvitation(tx, { organizationId: admin.organizationId, organizationName: admin.organizationName, email, roles, inviter: { id: admin.userId, name: admin.name } }, now);
    await logAdminEvent(tx, { organizationId: admin.organizationId, actorId: admin.userId, action: "invite", subject: email, data: { roles } });
    return { id: invitation.id };
  });
}

/** A normalised e-mail address, or a 400 naming the field. */
export function parseEmail(input: string): string {
  const email = input.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 320) throw invalid("Enter the e-mail address of the person to invite.", { email: "An e-mail address" });
  return email;
}

/** One account belongs to one organisation: an address that has one cannot be invited. */
export async function assertNoAccount(email: string): Promise<void> {
  if (await db().user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("CONFLICT", "This address already has a TradeTrail account. One account belongs to one organisation here.", { email: "Already has an account" });
  }
}

/**
 * Writes an invitation (replacing any earlier one to the same address in that organisation) and
 * queues its e-mail, in the caller's transaction; returns the link, which only this e-mail and
 * the caller ever see. `inviter` is null when the operator's command line invites.
 */
export async function createInvitation(
  tx: Tx,
  input: { organizationId: string; organizationName: string; email: string; roles: readonly MemberRole[]; inviter: { id: string; name: string } | null },
  now = new Date(),
): Promise<{ id: string; link: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const link = `${appUrl()}/accept-invite?token=${token}`;
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const { organizationId, organizationName, email, roles, inviter } = input;
  await tx.invitation.updateMany({ where: { organizationId, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const invitation = await tx.invitation.create({
    data: { organizationId, email, roles: [...roles], tokenHash: hashToken(token), invitedById: inviter?.id ?? null, expiresAt, createdAt: now },
    select: { id: true },
  });
  const who = inviter?.name ?? "TradeTrail";
  await queueEmail(tx, {
    to: email,
    kind: "invitation",
    subject: `${who} invites you to ${organizationName} on TradeTrail`,
    text: [
      "Hello,",
      "",
      `${who} invites you to join ${organizationName} on TradeTrail, the letter-of-credit platform, as ${roles.map((r) => ROLE_WORDS[r]).join(", ")}.`,
      "",
      `Open this link within ${INVITATION_DAYS} days to set your name and password:`,
      "",
      link,
      "",
      "The link works once. If you did not expect this, ignore this message.",
    ].join("\n"),
  });
  return { id: invitation.id, link, expiresAt };
}

/** The invitation a link's token names, if it can still be accepted: for the acceptance page. */
export async function openInvitation(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const invitation = await db().invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { organization: { select: { name: true } } } });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) return null;
  return { email: invitation.email, organization: invitation.organization.name, roles: invitation.roles };
}

/** Accepts an invitation: creates the account and its membership. */
export async function acceptInvitation(token: string, input: { name: string; password: string }, now = new Date()): Promise<{ email: string }> {
  const gone = () => new AppError("INVALID_REQUEST", "This invitation is not valid any more: it was used, withdrawn, replaced or is older than 7 days. Ask your administrator for a new one.");
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw gone();
  const invitation = await db().invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) throw gone();
  const name = input.name.trim();
  if (name.length < 2 || name.length > 120) throw invalid("Enter your name as colleagues know it (2 to 120 characters).", { name: "2 to 120 characters" });
  const problem = passwordProblem(input.password, { email: invitation.email, name });
  if (problem) throw invalid(problem, { password: problem });
  const passwordHash = await hashPassword(input.password);
  await db().$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
    if (claimed.count !== 1) throw gone();
    await assertNotOverruled(tx, invitation);
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "This address already has a TradeTrail account. Sign in with it, or ask your administrator.");
    }
    const user = await tx.user.create({ data: { email: invitation.email, name, passwordHash } });
    await tx.membership.create({ data: { userId: user.id, organizationId: invitation.organizationId, roles: invitation.roles } });
    await logAdminEvent(tx, { organizationId: invitation.organizationId, actorId: user.id, action: "invitation-accepted", subject: invitation.email, data: { roles: invitation.roles } });
  });
  return { email: invitation.email };
}

/**
 * An invitation from the platform operator (onboarding: lib/organizations/onboarding.ts) seats an
 * organisation's first administrator only: once the organisation has one, it no longer works.
 * The organisation's row lock orders acceptances against each other and against new invitations.
 */
async function assertNotOverruled(tx: Tx, invitation: { organizationId: string; invitedById: string | null }): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM organizations WHERE id = ${invitation.organizationId}::uuid FOR UPDATE`;
  if (!invitation.invitedById) return;
  const fromOperator = await tx.membership.findFirst({ where: { userId: invitation.invitedById, organizationId: { not: invitation.organizationId }, organization: { kind: "OPERATOR" } }, select: { id: true } });
  if (fromOperator && (await tx.membership.count({ where: { organizationId: invitation.organizationId, roles: { has: "ADMIN" } } })) > 0) {
    throw new AppError("INVALID_STATE", "Your organisation already has an administrator on TradeTrail: ask them to invite you.");
  }
}

/** Withdraws a pending invitation of the administrator's organisation. */
export async function revokeInvitation(admin: Actor, invitationId: string, now = new Date()): Promise<void> {
  assertAdmin(admin);
  const invitation = isUuid(invitationId) ? await db().invitation.findFirst({ where: { id: invitationId, organizationId: admin.organizationId } }) : null;
  if (!invitation) throw notFound("The invitation");
  if (invitation.acceptedAt || invitation.revokedAt) throw new AppError("INVALID_STATE", "This invitation was already accepted or withdrawn.");
  await db().$transaction(async (tx) => {
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: now } });
    await logAdminEvent(tx, { organizationId: admin.organizationId, actorId: admin.userId, action: "invitation-revoked", subject: invitation.email });
  });
}

async function memberOf(admin: Actor, userId: string) {
  const member = isUuid(userId)
    ? await db().membership.findUnique({ where: { userId_organizationId: { userId, organizationId: admin.organizationId } }, include: { user: { select: { email: true, name: true } } } })
    : null;
  if (!member) throw notFound("The member");
  return member;
}

async function otherAdmins(organizationId: string, userId: string): Promise<number> {
  return db().membership.count({ where: { organizationId, userId: { not: userId }, roles: { has: "ADMIN" } } });
}

/** Sets a member's roles. An organisation keeps at least one administrator. */
export async function changeRoles(admin: Actor, userId: string, roles: readonly string[]): Promise<void> {
  assertAdmin(admin);
  const member = await memberOf(admin, userId);
  const next = parseRoles(roles);
  if (member.roles.includes("ADMIN") && !next.includes("ADMIN") && (await otherAdmins(admin.organizationId, userId)) === 0) {
    throw new AppError("INVALID_STATE", "Your organisation needs at least one administrator: make someone else one first.");
  }
  await db().$transaction(async (tx) => {
    await tx.membership.update({ where: { id: member.id }, data: { roles: next } });
    // The member's keys sign with the new roles from now on, in the organisation's anchored key trail (issue 14).
    await recordMemberChange(tx, { userId, organizationId: admin.organizationId, roles: next, now: new Date() });
    await logAdminEvent(tx, { organizationId: admin.organizationId, actorId: admin.userId, action: "roles-changed", subject: member.user.email, data: { from: member.roles, to: next } });
  });
}

/** Removes a member from the organisation: every session ends at once, and they can no longer sign in to it. */
export async function deactivateMember(admin: Actor, userId: string): Promise<void> {
  assertAdmin(admin);
  if (userId === admin.userId) throw new AppError("INVALID_STATE", "You cannot remove yourself. Ask another administrator.");
  const member = await memberOf(admin, userId);
  if (member.roles.includes("ADMIN") && (await otherAdmins(admin.organizationId, userId)) === 0) {
    throw new AppError("INVALID_STATE", "Your organisation needs at least one administrator.");
  }
  await db().$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: member.id } });
    // Their keys no longer sign for the organisation (issue 14).
    await recordMemberChange(tx, { userId, organizationId: admin.organizationId, roles: null, now: new Date() });
    await logAdminEvent(tx, { organizationId: admin.organizationId, actorId: admin.userId, action: "member-deactivated", subject: member.user.email, data: { roles: member.roles } });
  });
}

/** Pending invitations of the administrator's organisation. */
export async function listInvitations(admin: Actor, now = new Date()) {
  if (!admin.roles.includes("ADMIN")) return [];
  return db().invitation.findMany({
    where: { organizationId: admin.organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, roles: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}
