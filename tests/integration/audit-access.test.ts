import { beforeAll, describe, expect, it } from "vitest";
import { approveAuditGrant, grantAuditAccess, revokeAuditAccess } from "@/lib/audit/grants";
import type { Actor } from "@/lib/auth/actor";
import { canAuditorSee } from "@/lib/credits/audit-access";
import { getCredit } from "@/lib/credits/get-credit";
import { listCredits } from "@/lib/credits/list-credits";
import { postMessage } from "@/lib/credits/messages";
import { db } from "@/lib/db/client";
import { documentForDownload } from "@/lib/documents/access";
import { AppError } from "@/lib/errors";
import { ACTION_NAMES, actionRule } from "@/lib/lifecycle/definition";
import { type PortfolioReport, getRun, listRuns, reportCsv } from "@/lib/jobs/verification-runs";
import { performAction } from "@/lib/lifecycle/perform";
import { useTestDatabase } from "./support/database";
import { ROLES, type World, createWorld, creditIn, snapshot } from "./support/world";

// Issue 6: auditors see only what a bank granted them, for as long as the grant lives, and can
// never change anything, even with a grant.

useTestDatabase();
let world: World;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  world = await createWorld();
});

const auditor = (role: (typeof ROLES)[number] = "VIEWER"): Actor => world.users.auditor[role];
const bankAdmin = () => world.users.issuingBank.ADMIN;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "succeeded",
    (error: unknown) => (error instanceof AppError ? error.code : `crashed: ${String(error)}`),
  );
}

async function visibleIds(actor: Actor): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listCredits(actor, { after: cursor }, 100);
    ids.push(...page.items.map((c) => c.id));
    if (!page.next) return ids;
    cursor = page.next;
  }
}

describe("audit access", () => {
  it("an auditor without a grant sees no credit, no document and no detail", async () => {
    const { creditId, documentId } = await creditIn(world, "ADVISED", { presentation: "PRESENTED" });
    for (const role of ROLES) {
      expect(await visibleIds(auditor(role))).toEqual([]);
      expect(await canAuditorSee(auditor(role), creditId)).toBe(false);
      expect(await codeOf(getCredit(auditor(role), creditId))).toBe("NOT_FOUND");
      expect(await codeOf(documentForDownload(auditor(role), documentId!))).toMatch(/^(NOT_FOUND|FORBIDDEN)$/);
    }
  });

  it("a credit grant shows that credit only; a bank-wide grant shows the bank's credits; both are logged", async () => {
    const granted = await creditIn(world, "ISSUED");
    const other = await creditIn(world, "ISSUED");
    const grant = await grantAuditAccess(bankAdmin(), { auditorId: world.orgs.auditor, creditId: granted.creditId, validUntil: new Date(Date.now() + DAY) });

    expect(await visibleIds(auditor())).toEqual([granted.creditId]);
    const detail = await getCredit(auditor(), granted.creditId);
    expect(detail.id).toBe(granted.creditId);
    expect(await codeOf(getCredit(auditor(), other.creditId))).toBe("NOT_FOUND");

    const wide = await grantAuditAccess(bankAdmin(), { auditorId: world.orgs.auditor, validUntil: new Date(Date.now() + DAY) });
    expect(wide.pending).toBe(true);
    // All the bank's credits: nothing more until a second person of the bank approves.
    expect(await visibleIds(auditor())).toEqual([granted.creditId]);
    await approveAuditGrant(world.users.issuingBank.CHECKER, wide.id);
    const seen = await visibleIds(auditor());
    expect(seen).toEqual(expect.arrayContaining([granted.creditId, other.creditId]));

    const log = await db().auditLogEntry.findMany({ where: { grantId: { in: [grant.id, wide.id] } }, select: { action: true } });
    expect(log.map((e) => e.action).sort()).toEqual(["grant", "grant", "request"]);
    await revokeAuditAccess(bankAdmin(), wide.id);
    await revokeAuditAccess(bankAdmin(), grant.id);
  });

  it("access stops at revocation, and the revocation is logged", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    const grant = await grantAuditAccess(bankAdmin(), { auditorId: world.orgs.auditor, creditId, validUntil: new Date(Date.now() + DAY) });
    expect(await canAuditorSee(auditor(), creditId)).toBe(true);

    await revokeAuditAccess(bankAdmin(), grant.id);
    expect(await canAuditorSee(auditor(), creditId)).toBe(false);
    expect(await codeOf(getCredit(auditor(), creditId))).toBe("NOT_FOUND");
    expect(await visibleIds(auditor())).not.toContain(creditId);
    const entries = await db().auditLogEntry.findMany({ where: { grantId: grant.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(entries.map((e) => e.action)).toEqual(["grant", "revoke"]);
  });

  it("a stored portfolio report keeps only the credits the firm may still see", async () => {
    const kept = await creditIn(world, "ADVISED");
    const revoked = await creditIn(world, "ADVISED");
    const keep = await grantAuditAccess(bankAdmin(), { auditorId: world.orgs.auditor, creditId: kept.creditId, validUntil: new Date(Date.now() + DAY) });
    const lose = await grantAuditAccess(bankAdmin(), { auditorId: world.orgs.auditor, creditId: revoked.creditId, validUntil: new Date(Date.now() + DAY) });
    const entry = (creditId: string, reference: string) => ({ creditId, reference, creditNumber: null, milestones: 3, counts: { verified: 2, altered: 1 }, exceptions: [{ seq: 2, kind: "CREDIT_ISSUED", status: "altered", reason: `secret finding of ${reference}` }] });
    const report = { generatedAt: new Date().toISOString(), credits: [entry(kept.creditId, "KEPT-1"), entry(revoked.creditId, "GONE-1")] };
    const run = await db().verificationRun.create({ data: { auditorId: world.orgs.auditor, requestedById: auditor().userId, status: "DONE", total: 2, done: 2, report } });
    const references = (r: { report: unknown }) => (r.report as { credits: { reference: string }[] }).credits.map((c) => c.reference);
    expect(references(await getRun(auditor(), run.id))).toEqual(["KEPT-1", "GONE-1"]);

    await revokeAuditAccess(bankAdmin(), lose.id);
    const after = await getRun(auditor(), run.id);
    expect(references(after)).toEqual(["KEPT-1"]);
    expect(after.withheld).toBe(1);
    expect(JSON.stringify(after)).not.toContain("GONE-1");
    expect(JSON.stringify(await listRuns(auditor()))).not.toContain("GONE-1");
    expect(reportCsv(after.report as unknown as PortfolioReport)).not.toContain("GONE-1");
    // And once the last grant goes, nothing of the report is left.
    await revokeAuditAccess(bankAdmin(), keep.id);
    expect(references(await getRun(auditor(), run.id))).toEqual([]);
  });

  it("access stops when the grant's period ends", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    const grant = await grantAuditAccess(bankAdmin(), { auditorId: world.orgs.auditor, creditId, validUntil: new Date(Date.now() + DAY) });
    expect(await canAuditorSee(auditor(), creditId)).toBe(true);
    await db().auditGrant.update({ where: { id: grant.id }, data: { validFrom: new Date(Date.now() - 2 * DAY), validUntil: new Date(Date.now() - DAY) } });
    expect(await canAuditorSee(auditor(), creditId)).toBe(false);
  });

  it("a grant over all the bank's credits needs a second administrator or checker, and any grant lasts at most a year", async () => {
    const { creditId } = await creditIn(world, "ISSUED");
    const soon = new Date(Date.now() + DAY);
    const wide = await grantAuditAccess(bankAdmin(), { auditorId: world.orgs.auditor, validUntil: soon });
    expect(await canAuditorSee(auditor(), creditId)).toBe(false);
    // Not the person who asked, not a maker, not another bank; and the database agrees.
    expect(await codeOf(approveAuditGrant(bankAdmin(), wide.id))).toBe("FORBIDDEN");
    expect(await codeOf(approveAuditGrant(world.users.issuingBank.MAKER, wide.id))).toBe("FORBIDDEN");
    expect(await codeOf(approveAuditGrant(world.users.advisingBank.ADMIN, wide.id))).toBe("NOT_FOUND");
    await expect(db().auditGrant.update({ where: { id: wide.id }, data: { approvedAt: new Date(), approvedById: bankAdmin().userId } })).rejects.toThrow(/audit_grants_second_approver/);
    expect(await canAuditorSee(auditor(), creditId)).toBe(false);
    await approveAuditGrant(world.users.issuingBank.CHECKER, wide.id);
    expect(await canAuditorSee(auditor(), creditId)).toBe(true);
    expect(await codeOf(approveAuditGrant(world.users.issuingBank.CHECKER, wide.id))).toBe("INVALID_STATE");
    await revokeAuditAccess(bankAdmin(), wide.id);

    // A year and a day at most, for one credit as for all; the database refuses longer too.
    const from = new Date("2027-01-01T00:00:00Z");
    expect(await codeOf(grantAuditAccess(bankAdmin(), { auditorId: world.orgs.auditor, creditId, validFrom: from, validUntil: new Date("2028-01-03T00:00:00Z") }))).toBe("INVALID_REQUEST");
    const year = await grantAuditAccess(bankAdmin(), { auditorId: world.orgs.auditor, creditId, validFrom: from, validUntil: new Date("2028-01-01T00:00:00Z") });
    expect(year.pending).toBe(false);
    await expect(db().auditGrant.update({ where: { id: year.id }, data: { validUntil: new Date("2029-01-01T00:00:00Z") } })).rejects.toThrow(/audit_grants_period/);
  });

  it("only the bank's administrators or checkers grant, and never for a credit the bank is not party to", async () => {
    const { creditId } = await creditIn(world, "ISSUED");
    const until = new Date(Date.now() + DAY);
    expect(await codeOf(grantAuditAccess(world.users.issuingBank.MAKER, { auditorId: world.orgs.auditor, creditId, validUntil: until }))).toBe("FORBIDDEN");
    expect(await codeOf(grantAuditAccess(world.users.applicant.ADMIN, { auditorId: world.orgs.auditor, creditId, validUntil: until }))).toBe("FORBIDDEN");
    expect(await codeOf(grantAuditAccess(auditor("ADMIN"), { auditorId: world.orgs.auditor, creditId, validUntil: until }))).toBe("FORBIDDEN");
    expect(await codeOf(grantAuditAccess(world.users.otherBank.ADMIN, { auditorId: world.orgs.auditor, creditId, validUntil: until }))).toBe("NOT_FOUND");
    expect(await codeOf(grantAuditAccess(bankAdmin(), { auditorId: world.orgs.otherBank, creditId, validUntil: until }))).toBe("INVALID_REQUEST");
    expect(await db().auditGrant.count({ where: { creditId } })).toBe(0);
  });

  it("an auditor holding a grant is refused every lifecycle action and every message, and nothing changes", async () => {
    const fixtures = [
      await creditIn(world, "ADVISED", { presentation: "PRESENTED" }),
      await creditIn(world, "ADVISED", { amendment: "ADVISED" }),
      await creditIn(world, "WITH_BENEFICIARY"),
      await creditIn(world, "SUBMITTED"),
    ];
    const grant = await grantAuditAccess(bankAdmin(), { auditorId: world.orgs.auditor, validUntil: new Date(Date.now() + DAY) });
    for (const f of fixtures.filter((f) => f.creditId)) {
      const before = await snapshot(f.creditId);
      for (const role of ROLES) {
        for (const action of ACTION_NAMES) {
          const rule = actionRule(action);
          const outcome = await codeOf(
            performAction({
              actor: auditor(role),
              action,
              creditId: rule.from === "create" && rule.subject === "credit" ? undefined : f.creditId,
              subjectId: rule.subject === "amendment" ? f.amendmentId : rule.subject === "presentation" ? f.presentationId : undefined,
              input: {},
            }),
          );
          expect([role, action, outcome]).toEqual([role, action, expect.stringMatching(/^(FORBIDDEN|NOT_FOUND|INVALID_STATE|INVALID_REQUEST)$/)]);
        }
        expect(await codeOf(postMessage(auditor(role), f.creditId, "Please release the documents."))).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
      }
      expect(await snapshot(f.creditId)).toBe(before);
    }
    await revokeAuditAccess(bankAdmin(), grant.id);
  });
});
