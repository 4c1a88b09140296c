import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { performAction } from "@/lib/lifecycle/perform";
import { listAdminEvents } from "@/lib/organizations/admin-log";
import { manualRulesSetting, setManualRules } from "@/lib/organizations/examination-rules";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn, draftWithInvoice } from "./support/world";

// Issue 13: a bank switches individual automatic checks to "check by hand": what they find then
// reaches its examiners as a point to check, never a finding of the notice.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

async function presentInvoice(amount: string) {
  // Available with the issuing bank: it examines, with the rules it checks by hand.
  const { creditId } = await creditIn(world, "ADVISED", { terms: { availableWith: "ISSUING_BANK" } });
  const { presentationId } = await draftWithInvoice(world, creditId, { amount });
  await performAction({ actor: world.users.beneficiary.MAKER, action: "presentDocuments", creditId, subjectId: presentationId });
  return db().presentation.findUniqueOrThrow({ where: { id: presentationId }, include: { findings: true } });
}

describe("checks a bank makes by hand", () => {
  it("its administrator sets them; what they find goes to the examiner, not to the findings", async () => {
    await setManualRules(world.users.issuingBank.ADMIN, ["invoice-amount-exceeds-credit"]);
    expect(await manualRulesSetting(world.orgs.issuingBank)).toEqual(["invoice-amount-exceeds-credit"]);
    expect((await listAdminEvents(world.orgs.issuingBank))[0]).toMatchObject({ action: "examination-rules-changed", subject: "1 checked by hand" });
    const manual = await presentInvoice("999999.00");
    expect(manual.findings.map((f) => f.rule)).not.toContain("invoice-amount-exceeds-credit");
    expect((manual.checkByHand as { rule: string }[]).map((c) => c.rule)).toContain("invoice-amount-exceeds-credit");

    await setManualRules(world.users.issuingBank.ADMIN, []);
    const automatic = await presentInvoice("999999.00");
    expect(automatic.findings.map((f) => f.rule)).toContain("invoice-amount-exceeds-credit");
  });

  it("refuses anyone but a bank's administrator, and checks that do not exist; nothing changes", async () => {
    const before = await manualRulesSetting(world.orgs.issuingBank);
    expect(await codeOf(setManualRules(world.users.issuingBank.CHECKER, ["invoice-currency"]))).toBe("FORBIDDEN");
    expect(await codeOf(setManualRules(world.users.applicant.ADMIN, ["invoice-currency"]))).toBe("FORBIDDEN");
    expect(await codeOf(setManualRules(world.users.issuingBank.ADMIN, ["invoice-currency", "skip-everything"]))).toBe("INVALID_REQUEST");
    expect(await manualRulesSetting(world.orgs.issuingBank)).toEqual(before);
  });
});
