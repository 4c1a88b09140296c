import { beforeAll, describe, expect, it } from "vitest";
import { getCredit } from "@/lib/credits/get-credit";
import { db } from "@/lib/db/client";
import { performAction } from "@/lib/lifecycle/perform";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn, draftWithInvoice } from "./support/world";

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
    const { presentationId, documentId } = await draftWithInvoice(world, creditId, { issuer: "" });
    const invoice = { id: documentId };
    await performAction({ actor: world.users.beneficiary.MAKER, action: "presentDocuments", creditId, subjectId: presentationId });

    // The documents the credit requires and this presentation lacks are findings; the issuer is not.
    const findings = await db().finding.findMany({ where: { presentationId }, select: { rule: true, documentId: true } });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.rule === "document-details-incomplete" || f.documentId === invoice.id)).toEqual([]);
    const examiner = (await getCredit(world.users.issuingBank.MAKER, creditId))!.presentations.find((p) => p.id === presentationId)!;
    // Beside it, what 46A says of the invoice only in words, quoted for the examiner to check (issue 13 item 2).
    expect(examiner.checkByHand).toEqual([
      expect.objectContaining({ rule: "document-details-incomplete", article: "14(a)", documentId: invoice.id, found: expect.stringContaining("issuer") }),
      expect.objectContaining({ rule: "credit-requirement-in-words", article: "14(a)", documentId: invoice.id, expected: "Signed, showing CIF Singapore Incoterms 2020 and the credit number" }),
    ]);
    const presenter = (await getCredit(world.users.beneficiary.MAKER, creditId))!.presentations.find((p) => p.id === presentationId)!;
    expect(presenter.checkByHand).toEqual([]);
    const applicant = (await getCredit(world.users.applicant.MAKER, creditId))!.presentations.find((p) => p.id === presentationId)!;
    expect(applicant.checkByHand).toEqual([]);
  });
});
