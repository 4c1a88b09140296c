import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { expireCredits } from "@/lib/jobs/expire-credits";
import { performAction } from "@/lib/lifecycle/perform";
import type { PresentationStatus } from "@/lib/generated/prisma/enums";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn, draftWithInvoice } from "./support/world";
import { sampleTerms } from "@/lib/terms/sample";

// Issue 13, errors 1, 2 and 4, in the app around the examination engine: the examination applies
// the examining bank's holidays (art. 29(a)); the expiry job keeps a credit open through the
// banking day art. 29(a) extends its expiry to; and a corrected re-presentation of a presentation
// that stands discrepant is not a second drawing (art. 31(a)).

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const at = (day: string) => new Date(`${day}T10:00:00Z`);
const findingsOf = (presentationId: string) => db().finding.findMany({ where: { presentationId }, select: { rule: true, article: true } });
// The sample credit is available with the advising bank: it is the place of presentation.
const holiday = (date: string, bank: "advisingBank" | "issuingBank" = "advisingBank") =>
  db().bankHoliday.create({ data: { bankId: world.orgs[bank], date: new Date(date), name: `Holiday ${randomUUID().slice(0, 4)}` } });
const noHoliday = (date: string) => db().bankHoliday.deleteMany({ where: { date: new Date(date) } });

const present = (creditId: string, presentationId: string, day: string) =>
  performAction({ actor: world.users.beneficiary.MAKER, action: "presentDocuments", creditId, subjectId: presentationId, now: at(day) });

describe("error 1: the examination counts the holidays of the place of presentation (art. 29(a))", () => {
  // Wednesday 10 March 2027 is the expiry date and a holiday of the advising bank, with which the credit is available.
  const terms = { expiryDate: "2027-03-10", latestShipmentDate: "2027-02-20" };

  it("a presentation on the next banking day after an expiry date that was a holiday is in time", async () => {
    await holiday("2027-03-10");
    try {
      const { creditId, presentationId } = await creditIn(world, "ADVISED", { presentation: "DRAFT", terms });
      await present(creditId, presentationId!, "2027-03-11");
      expect((await findingsOf(presentationId!)).filter((f) => f.article === "6(e)")).toEqual([]);
      expect((await db().presentation.findUniqueOrThrow({ where: { id: presentationId! } })).examinationDeadline?.toISOString().slice(0, 10)).toBe("2027-03-18");
    } finally {
      await noHoliday("2027-03-10");
    }
  });

  it("a holiday of the issuing bank does not extend a credit available with the advising bank; one available with the issuing bank, it does", async () => {
    await holiday("2027-03-10", "issuingBank");
    try {
      const elsewhere = await creditIn(world, "ADVISED", { presentation: "DRAFT", terms });
      await present(elsewhere.creditId, elsewhere.presentationId!, "2027-03-11");
      expect(await findingsOf(elsewhere.presentationId!)).toContainEqual({ rule: "presented-after-expiry", article: "6(e)" });
      const atIssuer = await creditIn(world, "ADVISED", { presentation: "DRAFT", terms: { ...terms, availableWith: "ISSUING_BANK" } });
      await present(atIssuer.creditId, atIssuer.presentationId!, "2027-03-11");
      expect((await findingsOf(atIssuer.presentationId!)).filter((f) => f.article === "6(e)")).toEqual([]);
    } finally {
      await noHoliday("2027-03-10");
    }
  });

  it("the day after that is late, holiday or not", async () => {
    await holiday("2027-03-10");
    try {
      const { creditId, presentationId } = await creditIn(world, "ADVISED", { presentation: "DRAFT", terms });
      await present(creditId, presentationId!, "2027-03-12");
      expect(await findingsOf(presentationId!)).toContainEqual({ rule: "presented-after-expiry", article: "6(e)" });
    } finally {
      await noHoliday("2027-03-10");
    }
  });
});

describe("error 2: the expiry job keeps the credit open through its extended last day (art. 29(a))", () => {
  const expiryOf = async (creditId: string) => (await db().credit.findUniqueOrThrow({ where: { id: creditId } })).status;

  it("an expiry on a Saturday runs to Monday; the credit expires on Tuesday", async () => {
    const { creditId } = await creditIn(world, "ADVISED", { terms: { expiryDate: "2027-04-10", latestShipmentDate: "2027-03-20" } });
    await expireCredits(at("2027-04-11")); // Sunday
    await expireCredits(at("2027-04-12")); // Monday: the last day for presentation
    expect(await expiryOf(creditId)).toBe("ADVISED");
    await expireCredits(at("2027-04-13"));
    expect(await expiryOf(creditId)).toBe("EXPIRED");
  });

  it("and through the place of presentation's holiday that follows the weekend", async () => {
    const { creditId } = await creditIn(world, "ADVISED", { terms: { expiryDate: "2027-05-08", latestShipmentDate: "2027-04-20" } });
    await holiday("2027-05-10");
    try {
      await expireCredits(at("2027-05-11")); // Tuesday: the extended last day
      expect(await expiryOf(creditId)).toBe("ADVISED");
      await expireCredits(at("2027-05-12"));
      expect(await expiryOf(creditId)).toBe("EXPIRED");
    } finally {
      await noHoliday("2027-05-10");
    }
  });

  it("an expiry on a banking day ends that day", async () => {
    const { creditId } = await creditIn(world, "ISSUED", { terms: { expiryDate: "2027-06-09", latestShipmentDate: "2027-05-20" } });
    await expireCredits(at("2027-06-09"));
    expect(await expiryOf(creditId)).toBe("ISSUED");
    await expireCredits(at("2027-06-10"));
    expect(await expiryOf(creditId)).toBe("EXPIRED");
  });
});

describe("error 4: a corrected re-presentation is not a second drawing (art. 31(a))", () => {
  const partialFindings = async (presentationId: string) => (await findingsOf(presentationId)).filter((f) => f.article.startsWith("31"));

  for (const [first, counted] of [
    ["DISCREPANT", false],
    ["REFUSED", false],
    ["PAID", true],
    ["COMPLIANT", true],
  ] as [PresentationStatus, boolean][]) {
    it(`after a first presentation that stands ${first}, partial shipments prohibited: ${counted ? "a second drawing" : "the same drawing"}`, async () => {
      const terms = sampleTerms({ partialShipments: "NOT_ALLOWED" });
      const { creditId } = await creditIn(world, "ADVISED", { presentation: first, terms });
      const { presentationId: second } = await draftWithInvoice(world, creditId, {}, 2);
      await present(creditId, second, new Date().toISOString().slice(0, 10));
      expect((await partialFindings(second)).length > 0).toBe(counted);
    });
  }
});

describe("error 3: the day of presentation is the receiving bank's, in its time zone and after its cut-off", () => {
  const terms = { expiryDate: "2027-06-30", latestShipmentDate: "2027-02-20" };
  const presented = async (presentationId: string) => {
    const p = await db().presentation.findUniqueOrThrow({ where: { id: presentationId } });
    const milestone = await db().milestone.findFirstOrThrow({ where: { subjectId: presentationId, kind: "DOCUMENTS_PRESENTED" } });
    return { on: (milestone.content as { presentedOn: string }).presentedOn, deadline: p.examinationDeadline!.toISOString().slice(0, 10) };
  };

  it("Friday morning in Shanghai is Friday, though UTC says Thursday; after 16:00 it is Monday; the nominated bank there counts its own holidays, not the issuing bank's", async () => {
    await db().organization.update({ where: { id: world.orgs.advisingBank }, data: { timeZone: "Asia/Shanghai", cutOffTime: "16:00" } });
    await holiday("2027-03-09", "issuingBank");
    try {
      const morning = await creditIn(world, "ADVISED", { presentation: "DRAFT", terms });
      await performAction({ actor: world.users.beneficiary.MAKER, action: "presentDocuments", creditId: morning.creditId, subjectId: morning.presentationId!, now: new Date("2027-03-04T23:30:00Z") });
      // Presented Friday 5 March; the advising bank examines as nominated bank and decides by Friday
      // 12th: the issuing bank's holiday on Tuesday 9th is not its own (issue 13, item 7).
      expect(await presented(morning.presentationId!)).toEqual({ on: "2027-03-05", deadline: "2027-03-12" });

      const late = await creditIn(world, "ADVISED", { presentation: "DRAFT", terms });
      await performAction({ actor: world.users.beneficiary.MAKER, action: "presentDocuments", creditId: late.creditId, subjectId: late.presentationId!, now: new Date("2027-03-05T08:30:00Z") });
      expect(await presented(late.presentationId!)).toEqual({ on: "2027-03-08", deadline: "2027-03-15" });
    } finally {
      await db().organization.update({ where: { id: world.orgs.advisingBank }, data: { timeZone: "UTC", cutOffTime: null } });
      await noHoliday("2027-03-09");
    }
  });
});
