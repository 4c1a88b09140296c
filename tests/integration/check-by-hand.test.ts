import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getCredit } from "@/lib/credits/get-credit";
import { db } from "@/lib/db/client";
import { performAction } from "@/lib/lifecycle/perform";
import { useTestDatabase } from "./support/database";
import type { Terms } from "@/lib/terms/schema";
import { type World, createWorld, creditIn, invoiceData } from "./support/world";

// Issue 13: what the automatic examination cannot decide (here, an invoice whose issuer was not
// captured) is kept on the presentation as "check by hand": shown to the examining bank, never a
// finding, never in a notice, and not shown to the other parties while the bank examines.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe("check by hand", () => {
  it("keeps an undecidable point for the examiner, apart from the findings", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    const credit = await db().credit.findUniqueOrThrow({ where: { id: creditId } });
    const terms = (await db().termsVersion.findUniqueOrThrow({ where: { id: credit.currentTermsId! } })).terms as unknown as Terms;
    const { id: presentationId } = await db().presentation.create({ data: { creditId, number: 1, status: "DRAFT", termsId: credit.currentTermsId } });
    const invoice = await db().document.create({
      data: {
        creditId,
        presentationId,
        kind: "COMMERCIAL_INVOICE",
        fileName: "invoice.pdf",
        mediaType: "application/pdf",
        size: 1234n,
        sha256: randomUUID().replace(/-/g, "").padEnd(64, "0"),
        storageKey: `documents/test/${randomUUID()}`,
        data: { ...(invoiceData(terms) as object), date: new Date().toISOString().slice(0, 10), issuer: "" },
        originals: 3,
        copies: 2,
        uploadedById: world.users.beneficiary.MAKER.userId,
      },
    });
    await performAction({ actor: world.users.beneficiary.MAKER, action: "presentDocuments", creditId, subjectId: presentationId });

    // The documents the credit requires and this presentation lacks are findings; the issuer is not.
    const findings = await db().finding.findMany({ where: { presentationId }, select: { rule: true, documentId: true } });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.rule === "document-details-incomplete" || f.documentId === invoice.id)).toEqual([]);
    const examiner = (await getCredit(world.users.issuingBank.MAKER, creditId))!.presentations.find((p) => p.id === presentationId)!;
    expect(examiner.checkByHand).toEqual([expect.objectContaining({ rule: "document-details-incomplete", article: "14(a)", documentId: invoice.id, found: expect.stringContaining("issuer") })]);
    const presenter = (await getCredit(world.users.beneficiary.MAKER, creditId))!.presentations.find((p) => p.id === presentationId)!;
    expect(presenter.checkByHand).toEqual([]);
    const applicant = (await getCredit(world.users.applicant.MAKER, creditId))!.presentations.find((p) => p.id === presentationId)!;
    expect(applicant.checkByHand).toEqual([]);
  });
});
