import { beforeAll, describe, expect, it } from "vitest";
import { getCredit } from "@/lib/credits/get-credit";
import { postMessage } from "@/lib/credits/messages";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { performAction } from "@/lib/lifecycle/perform";
import { sampleTerms } from "@/lib/terms/sample";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn, snapshot } from "./support/world";

// Bug 9's faults that live on the server: the "changed since you last looked" banner shown to the
// change's own author, TT-… references where the credit already has its number, and messages
// over the limit.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe("changed since you last looked", () => {
  it("is not shown to the user who made the change, but is to a colleague who had looked before", async () => {
    const { creditId } = await creditIn(world, "DRAFT");
    const author = world.users.applicant.MAKER;
    const colleague = world.users.applicant.ADMIN;
    await getCredit(author, creditId, { markSeen: true });
    await getCredit(colleague, creditId, { markSeen: true });

    await performAction({ actor: author, action: "reviseDraft", creditId, input: { terms: sampleTerms({ amount: "130000.00" }) } });

    expect((await getCredit(author, creditId, { markSeen: true })).sinceLastSeen).toBeNull();
    const seenByColleague = (await getCredit(colleague, creditId, { markSeen: true })).sinceLastSeen;
    expect(seenByColleague?.by).toEqual([`${author.name} (${author.organizationName})`]);
    expect(seenByColleague?.changes.map((c) => c.path)).toEqual(["amount"]);
  });

  it("is shown to the author for what others changed after their own version", async () => {
    const { creditId } = await creditIn(world, "DRAFT");
    const applicant = world.users.applicant.MAKER;
    await getCredit(applicant, creditId, { markSeen: true });
    await performAction({ actor: applicant, action: "reviseDraft", creditId, input: { terms: sampleTerms({ amount: "130000.00" }) } });
    await performAction({ actor: applicant, action: "sendToBeneficiary", creditId, input: {} });
    await performAction({ actor: world.users.beneficiary.MAKER, action: "proposeChanges", creditId, input: { terms: sampleTerms({ amount: "130000.00", portOfLoading: "Antwerp, Belgium" }) } });
    const banner = (await getCredit(applicant, creditId, { markSeen: true })).sinceLastSeen;
    expect(banner?.by).toEqual([`${world.users.beneficiary.MAKER.name} (${world.users.beneficiary.MAKER.organizationName})`]);
  });
});

describe("notifications name the credit as people know it", () => {
  it("by its reference before issuance and by its credit number from the moment it is issued", async () => {
    const { creditId } = await creditIn(world, "SUBMITTED");
    const credit = await db().credit.findUniqueOrThrow({ where: { id: creditId }, select: { reference: true } });
    await performAction({ actor: world.users.issuingBank.MAKER, action: "prepareIssuance", creditId, input: { creditNumber: "MTB/LC/2026/0042" } });
    await performAction({ actor: world.users.issuingBank.CHECKER, action: "approveIssuance", creditId });
    await postMessage(world.users.issuingBank.CHECKER, creditId, "Issued today.");

    const titles = async (userId: string) => (await db().notification.findMany({ where: { creditId, userId }, orderBy: { createdAt: "asc" } })).map((n) => n.title);
    // The checker was told of the preparation before the credit had its number.
    expect(await titles(world.users.issuingBank.CHECKER.userId)).toEqual([expect.stringMatching(new RegExp(`^${credit.reference}: `))]);
    const applicant = await titles(world.users.applicant.MAKER.userId);
    expect(applicant).toEqual([expect.stringMatching(/^MTB\/LC\/2026\/0042: .* issued/), "MTB/LC/2026/0042: new message from " + world.users.issuingBank.CHECKER.organizationName]);
    expect(applicant.join(" ")).not.toContain(credit.reference);
  });
});

describe("a message over the limit", () => {
  it("is refused with its length and the limit, never cut, and nothing is stored", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    const before = await snapshot(creditId);
    const refusal = await postMessage(world.users.applicant.MAKER, creditId, "x".repeat(4001)).then(
      () => null,
      (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message, fields: error.fields } : error),
    );
    expect(refusal).toEqual({
      code: "INVALID_REQUEST",
      message: "Your message has 4,001 characters; a message can have at most 4,000. Shorten it by 1 or split it in two.",
      fields: { body: "At most 4,000 characters" },
    });
    expect(await db().message.count({ where: { creditId } })).toBe(0);
    expect(await snapshot(creditId)).toBe(before);
    await postMessage(world.users.applicant.MAKER, creditId, "y".repeat(4000));
    expect((await db().message.findFirstOrThrow({ where: { creditId } })).body).toHaveLength(4000);
  });
});
