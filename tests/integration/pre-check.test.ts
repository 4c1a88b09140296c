import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { RULES_VERSION } from "@/lib/examination";
import { performAction } from "@/lib/lifecycle/perform";
import { preCheckPresentation } from "@/lib/presentations/pre-check";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn, draftWithInvoice } from "./support/world";

// Issue 13: the beneficiary's pre-check runs the bank's own examination on a draft, and finds
// exactly what presenting it would find; it changes nothing.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe("the pre-check", () => {
  it("finds on the draft exactly what presenting finds, and changes nothing", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    // Invoiced above the credit amount: a discrepancy the bank would find (art. 18(b)).
    const { presentationId } = await draftWithInvoice(world, creditId, { amount: "999999.00" });
    const now = new Date();
    const before = await db().presentation.findUniqueOrThrow({ where: { id: presentationId } });
    const checked = await preCheckPresentation(creditId, presentationId, now);
    expect(checked.examination.findings.map((f) => f.rule)).toContain("invoice-amount-exceeds-credit");
    expect(await db().presentation.findUniqueOrThrow({ where: { id: presentationId } })).toEqual(before);
    expect(await db().finding.count({ where: { presentationId } })).toBe(0);

    await performAction({ actor: world.users.beneficiary.MAKER, action: "presentDocuments", creditId, subjectId: presentationId, now });
    const found = await db().finding.findMany({ where: { presentationId }, select: { rule: true, article: true, message: true } });
    expect(found.map((f) => `${f.rule} ${f.article} ${f.message}`).sort()).toEqual(checked.examination.findings.map((f) => `${f.rule} ${f.article} ${f.message}`).sort());
    // The rule set that examined it is recorded, and anchored in the milestone.
    expect((await db().presentation.findUniqueOrThrow({ where: { id: presentationId } })).rulesVersion).toBe(RULES_VERSION);
    const milestone = await db().milestone.findFirstOrThrow({ where: { subjectId: presentationId, kind: "DOCUMENTS_PRESENTED" } });
    expect(milestone.content).toMatchObject({ examinationRules: RULES_VERSION });
    // Once presented there is no draft left to pre-check.
    await expect(preCheckPresentation(creditId, presentationId)).rejects.toThrow();
  });
});
