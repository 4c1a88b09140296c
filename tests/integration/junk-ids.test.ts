import { beforeAll, describe, expect, it } from "vitest";
import { revokeApiToken } from "@/lib/api/tokens";
import { revokeAuditAccess } from "@/lib/audit/grants";
import { removeHoliday } from "@/lib/calendar/holidays";
import { cloneCredit } from "@/lib/credits/clone-credit";
import { getCredit } from "@/lib/credits/get-credit";
import { listCredits } from "@/lib/credits/list-credits";
import { postMessage } from "@/lib/credits/messages";
import { documentForDownload } from "@/lib/documents/access";
import { AppError } from "@/lib/errors";
import { getRun } from "@/lib/jobs/verification-runs";
import { performAction } from "@/lib/lifecycle/perform";
import { deleteTermsTemplate } from "@/lib/templates/delete-terms-template";
import { termsFromTemplate } from "@/lib/templates/find-terms-templates";
import { saveTermsTemplate } from "@/lib/templates/save-terms-template";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

// Issue 12, L8: an id of 36 dashes (or any UUID-shaped junk) passed the old `[0-9a-f-]{36}` test,
// reached PostgreSQL's uuid cast and came back as HTTP 500. Every entry point that takes an id
// from outside now answers with a 4xx AppError, and nothing is asked of the database.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const JUNK = ["-".repeat(36), "0191a0b2-8f3e-7c44-9a55-1234567890aZ", "0191a0b28f3e7c449a551234567890ab----"];

async function status(fn: () => Promise<unknown>): Promise<number | string> {
  try {
    await fn();
    return "no error";
  } catch (error) {
    return error instanceof AppError ? error.status : `not an AppError: ${String(error).slice(0, 120)}`;
  }
}

describe("UUID-shaped junk ids get a 4xx, never a database error (issue 12, L8)", () => {
  it.each(JUNK)("%s", async (junk) => {
    const bankAdmin = world.users.issuingBank.ADMIN;
    const buyer = world.users.applicant.MAKER;
    const { creditId } = await creditIn(world, "ADVISED");
    const calls: Record<string, () => Promise<unknown>> = {
      getCredit: () => getCredit(buyer, junk),
      performAction: () => performAction({ actor: buyer, action: "sendToBeneficiary", creditId: junk, input: {} }),
      "performAction on a subject": () => performAction({ actor: world.users.beneficiary.MAKER, action: "presentDocuments", creditId, subjectId: junk, input: {} }),
      documentForDownload: () => documentForDownload(buyer, junk),
      postMessage: () => postMessage(buyer, junk, "hello"),
      cloneCredit: () => cloneCredit({ actor: buyer, creditId: junk }),
      saveTermsTemplate: () => saveTermsTemplate({ actor: buyer, creditId: junk, name: "Junk" }),
      termsFromTemplate: () => termsFromTemplate(buyer, junk),
      deleteTermsTemplate: () => deleteTermsTemplate(buyer, junk),
      getRun: () => getRun(world.users.auditor.ADMIN, junk),
      revokeAuditAccess: () => revokeAuditAccess(bankAdmin, junk),
      revokeApiToken: () => revokeApiToken(buyer, junk),
      removeHoliday: () => removeHoliday(bankAdmin, junk),
    };
    const results = Object.fromEntries(await Promise.all(Object.entries(calls).map(async ([name, call]) => [name, await status(call)] as const)));
    for (const [name, result] of Object.entries(results)) expect([name, typeof result === "number" && result >= 400 && result < 500 ? "4xx" : result]).toEqual([name, "4xx"]);
  });

  it("a junk counterparty filter or cursor in the credit list is not a database error", async () => {
    const buyer = world.users.applicant.MAKER;
    for (const junk of JUNK) {
      const cursor = Buffer.from(`2026-11-30T00:00:00.000Z|${junk}`).toString("base64url");
      expect(await status(() => listCredits(buyer, { counterpartyId: junk }))).not.toMatch(/not an AppError/);
      expect(await status(() => listCredits(buyer, { after: cursor }))).not.toMatch(/not an AppError/);
    }
  });
});
