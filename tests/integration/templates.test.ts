import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { cloneCredit } from "@/lib/credits/clone-credit";
import { db } from "@/lib/db/client";
import { deleteTermsTemplate } from "@/lib/templates/delete-terms-template";
import { listTermsTemplates, termsFromTemplate } from "@/lib/templates/find-terms-templates";
import { saveTermsTemplate } from "@/lib/templates/save-terms-template";
import type { Terms } from "@/lib/terms/schema";
import { useTestDatabase } from "./support/database";
import { type World, createUser, createWorld, creditIn, snapshot } from "./support/world";

// Terms templates belong to one organisation: nobody else reads, uses or removes them. Cloning a
// credit into a new draft is the applicant's alone.

useTestDatabase();
let world: World;
let rival: Actor; // another trading company's maker, party to nothing here
beforeAll(async () => {
  world = await createWorld();
  const org = await db().organization.create({ data: { name: `Rival Imports ${Date.now()}`, kind: "CORPORATE", country: "SG" } });
  rival = await createUser(org.id, ["MAKER", "ADMIN"], `rival-${Date.now()}`);
});

const templateCount = () => db().termsTemplate.count();

describe("terms templates", () => {
  it("saves a credit's current terms under a name, lists them for the organisation and starts new terms from them", async () => {
    const { creditId } = await creditIn(world, "ADVISED", { terms: { amount: "98765.43" } });
    const saved = await saveTermsTemplate({ actor: world.users.applicant.MAKER, creditId, name: "  Pumps   to Singapore " });
    expect(saved.name).toBe("Pumps to Singapore");
    const listed = await listTermsTemplates(world.users.applicant.ADMIN);
    expect(listed).toEqual([expect.objectContaining({ id: saved.id, name: "Pumps to Singapore", currency: "USD", amount: "98765.43" })]);
    const used = await termsFromTemplate(world.users.applicant.MAKER, saved.id);
    expect(used.terms.amount).toBe("98765.43");
    // Used a month later, its deadlines are a month later too.
    const later = await termsFromTemplate(world.users.applicant.MAKER, saved.id, new Date(Date.now() + 30 * 86_400_000));
    expect(Date.parse(later.terms.expiryDate) - Date.parse(used.terms.expiryDate)).toBe(30 * 86_400_000);
  });

  it("refuses a second template of the same name in the organisation, and an empty or overlong name", async () => {
    const { creditId } = await creditIn(world, "DRAFT");
    await saveTermsTemplate({ actor: world.users.applicant.MAKER, creditId, name: "Standard CIF" });
    const before = await templateCount();
    await expect(saveTermsTemplate({ actor: world.users.applicant.MAKER, creditId, name: "Standard CIF" })).rejects.toMatchObject({ code: "CONFLICT", fields: { name: "Already used" } });
    await expect(saveTermsTemplate({ actor: world.users.applicant.MAKER, creditId, name: "   " })).rejects.toMatchObject({ code: "INVALID_REQUEST", fields: { name: "Enter a name" } });
    await expect(saveTermsTemplate({ actor: world.users.applicant.MAKER, creditId, name: "x".repeat(81) })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    expect(await templateCount()).toBe(before);
  });

  it("never lets another organisation read, use or delete a template: not found, and nothing changes", async () => {
    const { creditId } = await creditIn(world, "DRAFT");
    const saved = await saveTermsTemplate({ actor: world.users.applicant.MAKER, creditId, name: "Private terms" });
    const before = JSON.stringify(await db().termsTemplate.findMany({ orderBy: { id: "asc" } }));
    await expect(termsFromTemplate(rival, saved.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteTermsTemplate(rival, saved.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listTermsTemplates(rival)).map((t) => t.id)).not.toContain(saved.id);
    // The beneficiary of the same credit is a trading company too, but not the template's owner.
    await expect(termsFromTemplate(world.users.beneficiary.MAKER, saved.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Banks and auditors have no templates at all.
    await expect(termsFromTemplate(world.users.issuingBank.MAKER, saved.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listTermsTemplates(world.users.auditor.VIEWER)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A viewer of the owning organisation may not use them either (drafting needs maker or admin).
    await expect(termsFromTemplate(world.users.applicant.VIEWER, saved.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(JSON.stringify(await db().termsTemplate.findMany({ orderBy: { id: "asc" } }))).toBe(before);
    // The owner can.
    await deleteTermsTemplate(world.users.applicant.ADMIN, saved.id);
    await expect(termsFromTemplate(world.users.applicant.MAKER, saved.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets only the applicant save a credit's terms: a party that is not the applicant is refused, an outsider is told it does not exist", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    const before = await templateCount();
    await expect(saveTermsTemplate({ actor: world.users.beneficiary.MAKER, creditId, name: "Theirs" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveTermsTemplate({ actor: rival, creditId, name: "Theirs" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveTermsTemplate({ actor: world.users.advisingBank.MAKER, creditId, name: "Theirs" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await templateCount()).toBe(before);
  });
});

describe("new credit from this one", () => {
  it("clones the current terms and parties into a fresh draft of the applicant's, versioned as its first draft", async () => {
    const { creditId } = await creditIn(world, "SETTLED", { terms: { amount: "55000.00", goodsDescription: "200 valve bodies, cast iron" } });
    const result = await cloneCredit({ actor: world.users.applicant.MAKER, creditId });
    expect(result.creditStatus).toBe("DRAFT");
    expect(result.creditId).not.toBe(creditId);
    const [source, copy] = await Promise.all([
      db().credit.findUniqueOrThrow({ where: { id: creditId } }),
      db().credit.findUniqueOrThrow({ where: { id: result.creditId }, include: { currentTerms: true } }),
    ]);
    expect(copy).toMatchObject({ applicantId: source.applicantId, beneficiaryId: source.beneficiaryId, issuingBankId: source.issuingBankId, advisingBankId: source.advisingBankId, status: "DRAFT", sharedAt: null, creditNumber: null });
    expect(copy.currentTerms!.number).toBe(1);
    expect((copy.currentTerms!.terms as Terms).goodsDescription).toBe("200 valve bodies, cast iron");
    expect(copy.currentTerms!.comment).toMatch(/^Started from credit /);
    expect(await db().milestone.count({ where: { creditId: result.creditId } })).toBe(0);
  });

  it("is refused to every other party and outsider, and creates nothing", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    const credits = await db().credit.count();
    const before = await snapshot(creditId);
    await expect(cloneCredit({ actor: world.users.beneficiary.MAKER, creditId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(cloneCredit({ actor: world.users.issuingBank.MAKER, creditId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(cloneCredit({ actor: rival, creditId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cloneCredit({ actor: world.users.otherCorporate.MAKER, creditId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The applicant's viewer sees the credit but may not draft (the lifecycle's createCredit rule).
    await expect(cloneCredit({ actor: world.users.applicant.VIEWER, creditId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().credit.count()).toBe(credits);
    expect(await snapshot(creditId)).toBe(before);
  });
});
