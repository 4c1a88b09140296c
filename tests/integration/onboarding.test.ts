import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { deliverDueEmails, smtpTransport } from "@/lib/email/outbox";
import { AppError } from "@/lib/errors";
import { performAction } from "@/lib/lifecycle/perform";
import { sampleTerms } from "@/lib/terms/sample";
import { listAdminEvents } from "@/lib/organizations/admin-log";
import { acceptInvitation, createInvitation, inviteMember } from "@/lib/organizations/members";
import { ensurePlatformAdministrator, inviteOrganizationAdministrator, listOrganizations, onboardOrganization } from "@/lib/organizations/onboarding";
import { useTestDatabase } from "./support/database";
import { type TestSmtp, startTestSmtp, tokenFrom } from "./support/smtp";
import { type World, createUser, createWorld } from "./support/world";

// Issue 12: a platform administrator, invited from the command line or start-up configuration,
// onboards banks, trading companies and audit firms; each new organisation's first administrator
// is invited by e-mail (read here from a real SMTP server) and runs the organisation from there.
// Playing the operator as an adversary: it can never seat anyone in an organisation that has an
// administrator, and its own organisation is never a party to a credit.

useTestDatabase();
let smtp: TestSmtp;
let world: World;
let platform: Actor;
const STRONG = "copper lantern orbit meadow";
const unique = () => Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join("");
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
const fieldsOf = (p: Promise<unknown>) => p.then(() => ({}), (e: unknown) => (e instanceof AppError ? e.fields ?? {} : { error: String(e) }));

async function accept(email: string, token?: string): Promise<Actor> {
  await deliverDueEmails(smtpTransport()!);
  await acceptInvitation(token ?? tokenFrom(smtp.inbox, email, "/accept-invite"), { name: `Person ${email.split("@")[0]}`, password: STRONG });
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return (await loadActor(user.id))!;
}

const bank = (overrides: Partial<Parameters<typeof onboardOrganization>[1]> = {}) => {
  const code = unique().slice(0, 4);
  return { kind: "BANK", name: `Harbour Bank ${code}`, country: "SG", bic: `${code}SGSG`, address: "1 Raffles Place", administratorEmail: `admin-${code.toLowerCase()}-${Date.now()}@harbour.example`, ...overrides };
};

beforeAll(async () => {
  smtp = await startTestSmtp();
  world = await createWorld();
  const email = `platform-${Date.now()}@tradetrail.example`;
  const invited = await ensurePlatformAdministrator(email);
  expect(invited.status).toBe("invited");
  platform = await accept(email);
});
afterAll(async () => {
  await smtp.close();
});

describe("the platform administrator", () => {
  it("is invited from the command line once; a pending invitation is kept unless renewed, and an account of another organisation is refused", async () => {
    const email = `ops-${Date.now()}@tradetrail.example`;
    const first = await ensurePlatformAdministrator(email);
    expect(first).toMatchObject({ status: "invited", link: expect.stringMatching(/\/accept-invite\?token=[\w-]{43}$/) });
    expect(await ensurePlatformAdministrator(email)).toMatchObject({ status: "pending" });
    const renewed = await ensurePlatformAdministrator(email, { renew: true });
    if (first.status !== "invited" || renewed.status !== "invited") throw new Error("expected new invitations");
    const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;
    expect(await codeOf(acceptInvitation(tokenOf(first.link), { name: "Replaced", password: STRONG }))).toBe("INVALID_REQUEST");
    const admin = await accept(email, tokenOf(renewed.link));
    expect(admin).toMatchObject({ organizationKind: "OPERATOR", roles: ["ADMIN"], organizationId: platform.organizationId });
    expect(await ensurePlatformAdministrator(email)).toEqual({ status: "administrator" });
    expect(await codeOf(ensurePlatformAdministrator(world.users.issuingBank.ADMIN.email))).toBe("CONFLICT");
    expect(await codeOf(ensurePlatformAdministrator("not an address"))).toBe("INVALID_REQUEST");
  });

  it("onboards a bank whose administrator accepts the e-mailed invitation and invites a maker; both logs show it", async () => {
    const input = bank();
    const created = await onboardOrganization(platform, input);
    const org = await db().organization.findUniqueOrThrow({ where: { id: created.id } });
    expect(org).toMatchObject({ name: input.name, kind: "BANK", country: "SG", bic: `${input.bic}XXX`, address: "1 Raffles Place" });

    const listed = (await listOrganizations(platform)).find((o) => o.id === created.id)!;
    expect(listed).toMatchObject({ members: 0, administrators: 0, pendingAdministrator: { email: input.administratorEmail } });

    const bankAdmin = await accept(input.administratorEmail);
    expect(bankAdmin).toMatchObject({ organizationId: created.id, organizationKind: "BANK", roles: ["ADMIN"] });
    const message = smtp.inbox.find((m) => m.to.includes(input.administratorEmail))!;
    expect(message.raw).toContain(`invites you to ${input.name}`);

    const makerEmail = `maker-${Date.now()}@harbour.example`;
    await inviteMember(bankAdmin, { email: makerEmail, roles: ["MAKER"] });
    expect((await accept(makerEmail)).roles).toEqual(["MAKER"]);

    expect((await listOrganizations(platform)).find((o) => o.id === created.id)).toMatchObject({ members: 2, administrators: 1, pendingAdministrator: null });
    const bankLog = (await listAdminEvents(created.id)).map((e) => `${e.actor}: ${e.action} ${e.subject}`);
    expect(bankLog).toEqual(expect.arrayContaining([`${platform.name}: organization-onboarded ${input.name}`, `${platform.name}: administrator-invited ${input.administratorEmail}`, `${bankAdmin.name}: invite ${makerEmail}`]));
    const operatorLog = (await listAdminEvents(platform.organizationId, 500)).map((e) => `${e.action} ${e.subject}`);
    expect(operatorLog).toEqual(expect.arrayContaining([`organization-onboarded ${input.name}`, `administrator-invited ${input.administratorEmail}`]));
  });

  it("onboards trading companies and audit firms without a BIC", async () => {
    const code = unique();
    const corporate = await onboardOrganization(platform, { kind: "CORPORATE", name: `Kowloon Traders ${code}`, country: "hk", administratorEmail: `a-${code.toLowerCase()}@kowloon.example` });
    const auditor = await onboardOrganization(platform, { kind: "AUDITOR", name: `Assure ${code} LLP`, country: "GB", administratorEmail: `a-${code.toLowerCase()}@assure.example` });
    expect(await db().organization.findUniqueOrThrow({ where: { id: corporate.id } })).toMatchObject({ kind: "CORPORATE", country: "HK", bic: null });
    expect(await db().organization.findUniqueOrThrow({ where: { id: auditor.id } })).toMatchObject({ kind: "AUDITOR", bic: null });
  });
});

describe("onboarding refuses, changing nothing", () => {
  const organizations = () => db().organization.count();

  it("anyone but a platform administrator: a bank's administrator, a viewer of the operator", async () => {
    const viewer = await createUser(platform.organizationId, ["VIEWER"], `ops-viewer-${unique()}`);
    const before = await organizations();
    expect(await codeOf(onboardOrganization(world.users.issuingBank.ADMIN, bank()))).toBe("FORBIDDEN");
    expect(await codeOf(onboardOrganization(viewer, bank()))).toBe("FORBIDDEN");
    expect(await codeOf(listOrganizations(world.users.issuingBank.ADMIN))).toBe("FORBIDDEN");
    const [someBank] = await db().organization.findMany({ where: { kind: "BANK" }, take: 1 });
    expect(await codeOf(inviteOrganizationAdministrator(world.users.otherBank.ADMIN, someBank!.id, "x@y.example"))).toBe("FORBIDDEN");
    expect(await organizations()).toBe(before);
  });

  it("bad input, naming every field at once", async () => {
    const before = await organizations();
    expect(await fieldsOf(onboardOrganization(platform, { kind: "OPERATOR", name: "X", country: "XY", administratorEmail: "nobody" }))).toEqual({
      kind: expect.any(String),
      name: expect.any(String),
      country: expect.any(String),
      administratorEmail: expect.any(String),
    });
    expect(Object.keys(await fieldsOf(onboardOrganization(platform, bank({ bic: "" }))))).toEqual(["bic"]);
    expect(await fieldsOf(onboardOrganization(platform, bank({ bic: "HBKQNL2R" })))).toEqual({ bic: "This BIC is registered in NL, not SG" });
    expect(Object.keys(await fieldsOf(onboardOrganization(platform, bank({ bic: "HB1QSGSG" }))))).toEqual(["bic"]);
    expect(Object.keys(await fieldsOf(onboardOrganization(platform, bank({ country: "EU" }))))).toEqual(["country"]);
    expect(await organizations()).toBe(before);
  });

  it("a BIC or name already on TradeTrail, and an administrator address that has an account", async () => {
    const first = bank();
    await onboardOrganization(platform, first);
    const before = await organizations();
    expect(await fieldsOf(onboardOrganization(platform, bank({ bic: `${first.bic}XXX` })))).toEqual({ bic: "Already on TradeTrail" });
    expect(await fieldsOf(onboardOrganization(platform, bank({ name: first.name.toUpperCase() })))).toEqual({ name: "Already on TradeTrail" });
    expect(await codeOf(onboardOrganization(platform, bank({ administratorEmail: world.users.applicant.ADMIN.email })))).toBe("CONFLICT");
    expect(await organizations()).toBe(before);
  });

  it("ten simultaneous onboardings of one bank create it once", async () => {
    const input = bank();
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => codeOf(onboardOrganization(platform, { ...input, administratorEmail: `r${i}-${input.administratorEmail}` }))));
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(9);
    expect(await db().organization.count({ where: { name: input.name } })).toBe(1);
  });
});

describe("the operator cannot seat anyone in an organisation that runs itself", () => {
  it("invites an administrator only while the organisation has none; a new invitation replaces the pending one", async () => {
    const input = bank();
    const created = await onboardOrganization(platform, input);
    // The first invitation went to the wrong address: a new one replaces it.
    const corrected = `right-${input.administratorEmail}`;
    await inviteOrganizationAdministrator(platform, created.id, corrected);
    await deliverDueEmails(smtpTransport()!);
    const stale = tokenFrom(smtp.inbox, input.administratorEmail, "/accept-invite");
    expect(await codeOf(acceptInvitation(stale, { name: "Wrong Person", password: STRONG }))).toBe("INVALID_REQUEST");
    await accept(corrected);
    expect(await codeOf(inviteOrganizationAdministrator(platform, created.id, `late-${input.administratorEmail}`))).toBe("INVALID_STATE");
    expect(await codeOf(inviteOrganizationAdministrator(platform, world.orgs.issuingBank, "planted@tradetrail.example"))).toBe("INVALID_STATE");
    expect(await codeOf(inviteOrganizationAdministrator(platform, platform.organizationId, "x@tradetrail.example"))).toBe("NOT_FOUND");
    expect(await codeOf(inviteOrganizationAdministrator(platform, "junk", "x@tradetrail.example"))).toBe("NOT_FOUND");
  });

  it("an operator's invitation still open when the organisation has an administrator seats no one", async () => {
    const email = `planted-${Date.now()}@tradetrail.example`;
    // As if the operator's invitation had slipped past the check (a race, or a hand-made row).
    await db().$transaction((tx) =>
      createInvitation(tx, { organizationId: world.orgs.issuingBank, organizationName: "Issuing Bank", email, roles: ["ADMIN"], inviter: { id: platform.userId, name: platform.name } }),
    );
    await deliverDueEmails(smtpTransport()!);
    const token = tokenFrom(smtp.inbox, email, "/accept-invite");
    expect(await codeOf(acceptInvitation(token, { name: "Planted Admin", password: STRONG }))).toBe("INVALID_STATE");
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("the operator's organisation is never a party to a credit", async () => {
    const attempt = performAction({
      actor: world.users.applicant.MAKER,
      action: "createCredit",
      input: { beneficiaryId: world.orgs.beneficiary, issuingBankId: platform.organizationId, advisingBankId: world.orgs.advisingBank, terms: sampleTerms() },
    });
    expect(await fieldsOf(attempt)).toMatchObject({ issuingBankId: expect.any(String) });
    expect(await codeOf(performAction({ actor: platform, action: "createCredit", input: { beneficiaryId: world.orgs.beneficiary, issuingBankId: world.orgs.issuingBank, advisingBankId: world.orgs.advisingBank, terms: sampleTerms() } }))).toBe(
      "FORBIDDEN",
    );
  });
});
