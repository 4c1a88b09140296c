import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { sessionActor, startSession } from "@/lib/auth/user-sessions";
import { createApiToken } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { deliverDueEmails, smtpTransport } from "@/lib/email/outbox";
import { AppError } from "@/lib/errors";
import { listAdminEvents } from "@/lib/organizations/admin-log";
import { acceptInvitation, changeRoles, deactivateMember, inviteMember, listInvitations, openInvitation, revokeInvitation } from "@/lib/organizations/members";
import { useTestDatabase } from "./support/database";
import { type TestSmtp, startTestSmtp, tokenFrom } from "./support/smtp";
import { type World, createUser, createWorld } from "./support/world";

// Issue 12: an organisation's administrators invite people by e-mail, change their roles and
// remove them, and every change is in the organisation's administrative log. Invitations are
// read from a real SMTP server.

useTestDatabase();
let smtp: TestSmtp;
let world: World;
beforeAll(async () => {
  smtp = await startTestSmtp();
  world = await createWorld();
});
afterAll(async () => {
  await smtp.close();
});

const STRONG = "copper lantern orbit meadow";
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
const admin = () => world.users.issuingBank.ADMIN;

describe("members of an organisation", () => {
  it("an administrator invites by e-mail; the link creates the account with its roles, once", async () => {
    const email = `new-maker-${Date.now()}@bank.example`;
    await inviteMember(admin(), { email: email.toUpperCase(), roles: ["MAKER", "MAKER"] });
    await deliverDueEmails(smtpTransport()!);
    const message = smtp.inbox.filter((m) => m.to.includes(email)).at(-1)!;
    expect(message.raw).toMatch(/invites you to/);
    const token = tokenFrom(smtp.inbox, email, "/accept-invite");
    expect(await openInvitation(token)).toMatchObject({ email, roles: ["MAKER"] });

    expect(await codeOf(acceptInvitation(token, { name: "New Maker", password: "password1234" }))).toBe("INVALID_REQUEST");
    expect(await acceptInvitation(token, { name: "New Maker", password: STRONG })).toEqual({ email });
    const signedIn = await authenticate({ email, password: STRONG }, { delayMs: 0 });
    expect(signedIn.ok).toBe(true);
    const member = await db().membership.findFirstOrThrow({ where: { user: { email } } });
    expect(member).toMatchObject({ organizationId: world.orgs.issuingBank, roles: ["MAKER"] });
    expect(await codeOf(acceptInvitation(token, { name: "Again", password: STRONG }))).toBe("INVALID_REQUEST");
    expect(await openInvitation(token)).toBeNull();
  });

  it("refuses invitations from non-administrators, to existing accounts, without roles; a withdrawn or replaced invitation no longer works", async () => {
    expect(await codeOf(inviteMember(world.users.issuingBank.MAKER, { email: "x1@bank.example", roles: ["VIEWER"] }))).toBe("FORBIDDEN");
    expect(await codeOf(inviteMember(admin(), { email: world.users.advisingBank.MAKER.email, roles: ["VIEWER"] }))).toBe("CONFLICT");
    expect(await codeOf(inviteMember(admin(), { email: "x2@bank.example", roles: [] }))).toBe("INVALID_REQUEST");
    expect(await codeOf(inviteMember(admin(), { email: "x3@bank.example", roles: ["ROOT"] }))).toBe("INVALID_REQUEST");
    expect(await codeOf(inviteMember(admin(), { email: "not an address", roles: ["VIEWER"] }))).toBe("INVALID_REQUEST");

    await inviteMember(admin(), { email: "twice@bank.example", roles: ["VIEWER"] });
    await deliverDueEmails(smtpTransport()!);
    const first = tokenFrom(smtp.inbox, "twice@bank.example", "/accept-invite");
    await inviteMember(admin(), { email: "twice@bank.example", roles: ["CHECKER"] });
    await deliverDueEmails(smtpTransport()!);
    const second = tokenFrom(smtp.inbox, "twice@bank.example", "/accept-invite");
    expect(await openInvitation(first)).toBeNull();
    const [pending] = (await listInvitations(admin())).filter((i) => i.email === "twice@bank.example");
    expect(pending?.roles).toEqual(["CHECKER"]);
    expect(await codeOf(revokeInvitation(world.users.advisingBank.ADMIN, pending!.id))).toBe("NOT_FOUND");
    await revokeInvitation(admin(), pending!.id);
    expect(await codeOf(acceptInvitation(second, { name: "Too Late", password: STRONG }))).toBe("INVALID_REQUEST");
    expect(await codeOf(acceptInvitation("y".repeat(43), { name: "Guess", password: STRONG }))).toBe("INVALID_REQUEST");
  });

  it("changes roles and removes members, ending their sessions; an organisation keeps an administrator", async () => {
    const member = await createUser(world.orgs.issuingBank, ["MAKER"], `rolechange-${Date.now()}`, await hashPassword(STRONG));
    const session = await startSession({ userId: member.userId });
    await changeRoles(admin(), member.userId, ["CHECKER"]);
    expect(await sessionActor({ userId: member.userId, sessionId: session })).toBeNull();
    expect((await db().membership.findFirstOrThrow({ where: { userId: member.userId } })).roles).toEqual(["CHECKER"]);
    expect(await codeOf(changeRoles(world.users.issuingBank.CHECKER, member.userId, ["ADMIN"]))).toBe("FORBIDDEN");
    expect(await codeOf(changeRoles(admin(), world.users.advisingBank.MAKER.userId, ["VIEWER"]))).toBe("NOT_FOUND");

    // The last administrator cannot be demoted or removed.
    const lone = await createWorld();
    expect(await codeOf(changeRoles(lone.users.applicant.ADMIN, lone.users.applicant.ADMIN.userId, ["VIEWER"]))).toBe("INVALID_STATE");
    expect(await codeOf(deactivateMember(lone.users.applicant.ADMIN, lone.users.applicant.ADMIN.userId))).toBe("INVALID_STATE");

    const second = await startSession({ userId: member.userId });
    await deactivateMember(admin(), member.userId);
    expect(await sessionActor({ userId: member.userId, sessionId: second })).toBeNull();
    expect(await db().membership.count({ where: { userId: member.userId } })).toBe(0);
  });

  it("keeps every administrative change in the organisation's log, which nobody can edit", async () => {
    const org = await createWorld();
    const boss = org.users.beneficiary.ADMIN;
    await inviteMember(boss, { email: `logged-${Date.now()}@corp.example`, roles: ["VIEWER"] });
    await changeRoles(boss, org.users.beneficiary.MAKER.userId, ["MAKER", "VIEWER"]);
    await deactivateMember(boss, org.users.beneficiary.VIEWER.userId);
    await createApiToken(boss, "Log check", { scopes: ["read"] });
    const events = await listAdminEvents(org.orgs.beneficiary);
    expect(events.map((e) => e.action).sort()).toEqual(["invite", "member-deactivated", "roles-changed", "token-created"]);
    expect(events.every((e) => e.actor === boss.name)).toBe(true);
    expect(await listAdminEvents(org.orgs.applicant)).toEqual([]);
    await expect(db().adminEvent.deleteMany({ where: { organizationId: org.orgs.beneficiary } })).rejects.toThrow(/append-only/);
    await expect(db().adminEvent.updateMany({ where: { organizationId: org.orgs.beneficiary }, data: { subject: "rewritten" } })).rejects.toThrow(/append-only/);
  });
});
