import { beforeAll, describe, expect, it } from "vitest";
import { grantAuditAccess } from "@/lib/audit/grants";
import type { Actor } from "@/lib/auth/actor";
import { getCredit } from "@/lib/credits/get-credit";
import { db } from "@/lib/db/client";
import { documentForDownload } from "@/lib/documents/access";
import { AppError } from "@/lib/errors";
import type { PresentationStatus } from "@/lib/generated/prisma/enums";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

// The permission matrix for reads (issue 12, L2 and L3): who reads a presentation, its documents,
// its findings, a bank's pending approvals and a bank's internal steps, at each stage. The
// expectations are written out here from the issue, not derived from lib/credits/read-rules.ts.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

type Reader = "applicant" | "beneficiary" | "issuingBank" | "advisingBank" | "confirmingBank" | "auditor";
const READERS: Reader[] = ["applicant", "beneficiary", "issuingBank", "advisingBank", "confirmingBank", "auditor"];
const reader = (who: Reader): Actor => world.users[who].VIEWER;

/** What each reader should get, per presentation status. */
const EXPECTED: Record<PresentationStatus & ("DRAFT" | "PRESENTED" | "COMPLIANT" | "DISCREPANT" | "PAID"), Record<Reader, { presentation: boolean; documents: boolean; findings: "all" | "kept" | "none" }>> = {
  DRAFT: {
    applicant: { presentation: false, documents: false, findings: "none" },
    beneficiary: { presentation: true, documents: true, findings: "none" },
    issuingBank: { presentation: false, documents: false, findings: "none" },
    advisingBank: { presentation: false, documents: false, findings: "none" },
    confirmingBank: { presentation: false, documents: false, findings: "none" },
    auditor: { presentation: false, documents: false, findings: "none" },
  },
  PRESENTED: {
    applicant: { presentation: true, documents: false, findings: "none" },
    beneficiary: { presentation: true, documents: true, findings: "none" },
    issuingBank: { presentation: true, documents: true, findings: "all" },
    advisingBank: { presentation: true, documents: true, findings: "none" },
    confirmingBank: { presentation: true, documents: true, findings: "all" },
    auditor: { presentation: true, documents: true, findings: "all" },
  },
  COMPLIANT: {
    applicant: { presentation: true, documents: false, findings: "kept" },
    beneficiary: { presentation: true, documents: true, findings: "kept" },
    issuingBank: { presentation: true, documents: true, findings: "all" },
    advisingBank: { presentation: true, documents: true, findings: "kept" },
    confirmingBank: { presentation: true, documents: true, findings: "all" },
    auditor: { presentation: true, documents: true, findings: "all" },
  },
  DISCREPANT: {
    applicant: { presentation: true, documents: true, findings: "kept" },
    beneficiary: { presentation: true, documents: true, findings: "kept" },
    issuingBank: { presentation: true, documents: true, findings: "all" },
    advisingBank: { presentation: true, documents: true, findings: "kept" },
    confirmingBank: { presentation: true, documents: true, findings: "all" },
    auditor: { presentation: true, documents: true, findings: "all" },
  },
  PAID: {
    applicant: { presentation: true, documents: true, findings: "kept" },
    beneficiary: { presentation: true, documents: true, findings: "kept" },
    issuingBank: { presentation: true, documents: true, findings: "all" },
    advisingBank: { presentation: true, documents: true, findings: "kept" },
    confirmingBank: { presentation: true, documents: true, findings: "all" },
    auditor: { presentation: true, documents: true, findings: "all" },
  },
};

const downloads = (actor: Actor, documentId: string) =>
  documentForDownload(actor, documentId).then(
    () => true,
    (error: unknown) => {
      if (error instanceof AppError && error.code === "FORBIDDEN") return false;
      throw error;
    },
  );

describe("reads by stage", () => {
  for (const [status, byReader] of Object.entries(EXPECTED) as [keyof typeof EXPECTED, (typeof EXPECTED)[keyof typeof EXPECTED]][]) {
    it(`a ${status} presentation: who reads it, its documents and its findings`, async () => {
      const fixture = await creditIn(world, "ADVISED", { presentation: status, openFinding: true });
      await db().finding.create({
        data: { presentationId: fixture.presentationId!, documentId: fixture.documentId!, rule: "examiner", article: "14(d)", message: "Port spelled differently", source: "EXAMINER", dismissed: true, dismissReason: "Same port: an internal remark" },
      });
      await grantAuditAccess(world.users.issuingBank.ADMIN, { auditorId: world.orgs.auditor, creditId: fixture.creditId, validUntil: new Date(Date.now() + 86_400_000) });
      const seen: Record<string, unknown> = {};
      const wanted: Record<string, unknown> = {};
      for (const who of READERS) {
        const credit = await getCredit(reader(who), fixture.creditId);
        const presentation = credit.presentations.find((p) => p.id === fixture.presentationId);
        const findings = presentation?.findings.map((f) => f.id).sort() ?? [];
        seen[who] = {
          presentation: presentation !== undefined,
          documents: (presentation?.documents.length ?? 0) > 0,
          download: await downloads(reader(who), fixture.documentId!),
          findings: findings.length === 2 ? "all" : findings.length === 1 ? (findings[0] === fixture.findingId ? "kept" : "dismissed only!") : "none",
          dismissReasonShown: JSON.stringify(credit).includes("an internal remark"),
        };
        const expected = byReader[who];
        wanted[who] = { presentation: expected.presentation, documents: expected.documents, download: expected.documents, findings: expected.findings, dismissReasonShown: expected.findings === "all" };
      }
      expect(seen).toEqual(wanted);
    });
  }

  it("a document the beneficiary removed from a draft stays with the beneficiary", async () => {
    const fixture = await creditIn(world, "ADVISED", { presentation: "DRAFT" });
    await db().document.update({ where: { id: fixture.documentId! }, data: { presentationId: null } });
    // The draft is presented afterwards: the removed document is still not part of it.
    await db().presentation.update({ where: { id: fixture.presentationId! }, data: { status: "PRESENTED", presentedAt: new Date() } });
    await grantAuditAccess(world.users.issuingBank.ADMIN, { auditorId: world.orgs.auditor, creditId: fixture.creditId, validUntil: new Date(Date.now() + 86_400_000) });
    const who = Object.fromEntries(await Promise.all(READERS.map(async (r) => [r, await downloads(reader(r), fixture.documentId!)] as const)));
    expect(who).toEqual({ applicant: false, beneficiary: true, issuingBank: false, advisingBank: false, confirmingBank: false, auditor: false });
  });

  it("a bank's pending approval and its internal steps stay with that bank; its outcomes are everyone's", async () => {
    const fixture = await creditIn(world, "ADVISED", { presentation: "PRESENTED", openFinding: true, held: "dismissFinding" });
    const issuer = world.users.issuingBank.MAKER;
    const event = (action: string, data: Record<string, boolean> = {}) => ({ creditId: fixture.creditId, action, actorId: issuer.userId, actorOrgId: world.orgs.issuingBank, data });
    await db().creditEvent.createMany({
      data: [event("dismissFinding", { held: true }), event("rejectDismissal"), event("preparePayment"), event("addFinding"), event("notifyDiscrepancies"), event("approvePayment")],
    });
    await grantAuditAccess(world.users.issuingBank.ADMIN, { auditorId: world.orgs.auditor, creditId: fixture.creditId, validUntil: new Date(Date.now() + 86_400_000) });
    const seen: Record<string, unknown> = {};
    for (const who of READERS) {
      const credit = await getCredit(reader(who), fixture.creditId);
      seen[who] = { approvals: credit.pendingApprovals.map((a) => a.kind), events: credit.events.map((e) => e.action) };
    }
    const everyone = ["notifyDiscrepancies", "approvePayment"];
    const all = ["dismissFinding", "rejectDismissal", "preparePayment", "addFinding", ...everyone];
    expect(seen).toEqual({
      applicant: { approvals: [], events: everyone },
      beneficiary: { approvals: [], events: everyone },
      issuingBank: { approvals: ["FINDING_DISMISSAL"], events: all },
      advisingBank: { approvals: [], events: everyone },
      confirmingBank: { approvals: [], events: everyone },
      auditor: { approvals: [], events: all },
    });
  });
});
