import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/swift-imports/route";
import { POST as amendmentRoute } from "@/app/api/v1/credits/[creditId]/swift-imports/route";
import { db } from "@/lib/db/client";
import { canSeeCredit } from "@/lib/credits/can-see-credit";
import { waitingForMe, waitingForOthers } from "@/lib/credits/waiting";
import { amendmentImportContext } from "@/lib/credits/import-amendment";
import { performAction } from "@/lib/lifecycle/perform";
import { serialiseFin } from "@/lib/swift/fin";
import { swiftMessages } from "@/lib/swift/messages";
import { sampleTerms } from "@/lib/terms/sample";
import { storedTermsSchema } from "@/lib/terms/schema";
import type { Actor } from "@/lib/auth/actor";
import { useTestDatabase } from "./support/database";
import { violations } from "./support/openapi-schema";
import { tokenFor } from "./support/tokens";
import { type World, createWorld } from "./support/world";

// Importing a credit from an issuing bank that does not use TradeTrail (issue 15, item 3), through
// the route handlers, against PostgreSQL: the advising bank pastes the MT700, the credit is
// created with the issuing bank and the applicant as external parties, the bank advises it, an
// incoming MT707 waits for the beneficiary's consent and the beneficiary accepts it.

useTestDatabase();
let world: World;
let adviserBic: string;
const issuerBic = `EX${randomUUID().replace(/[^a-f]/g, "").slice(0, 2).toUpperCase().padEnd(2, "A")}AEAD`;
const NOW = new Date();
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const terms = () => sampleTerms({ availableWith: "ADVISING_BANK", expiryDate: day(90), latestShipmentDate: day(60) }, NOW);
let mt700: string;

beforeAll(async () => {
  world = await createWorld();
  adviserBic = (await db().organization.findUniqueOrThrow({ where: { id: world.orgs.advisingBank } })).bic!;
  const [message] = swiftMessages({
    reference: "EXTERNAL",
    creditNumber: "GCB/2026/77",
    dateOfIssue: day(0),
    standby: false,
    issuingBank: { name: "Gulf Commercial Bank", bic: issuerBic },
    advisingBank: { name: "Advising Bank", bic: adviserBic },
    steps: [{ seq: 1, on: day(0), kind: "issued", terms: terms(), bankConditions: null }],
  });
  expect(message!.problems).toEqual([]);
  mt700 = message!.text;
});

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function post(route: unknown, actor: Actor, path: string, body: unknown, params: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const token = await tokenFor(actor);
  const response = await (route as Route)(new Request(`http://localhost/api/v1${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }), { params: Promise.resolve(params) });
  const json = (await response.json()) as Record<string, unknown>;
  expect(violations(path.startsWith("/credits/") ? "/credits/{creditId}/swift-imports" : path, "post", response.status, json), `${response.status} ${JSON.stringify(json)}`).toEqual([]);
  return { status: response.status, body: json };
}
const importCredit = (actor: Actor, body: unknown) => post(importRoute, actor, "/swift-imports", body);
const creditCount = () => db().credit.count();

describe("POST /swift-imports: an MT700 from an issuing bank outside TradeTrail", () => {
  it("previews the mapping, field by field with its line, and stores nothing", async () => {
    const before = await creditCount();
    const { status, body } = await importCredit(world.users.advisingBank.MAKER, { fin: mt700, preview: true });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, messageType: "700", issuingBankBic: issuerBic, creditNumber: "GCB/2026/77", problems: [], knownIssuingBank: null, duplicateOf: null });
    const mapping = body.mapping as { tag: string; line: number; term: string | null; held: string }[];
    expect(mapping.find((m) => m.tag === "32B")).toMatchObject({ term: "Currency and amount (32B)", held: "USD 125000.00" });
    expect(mapping.find((m) => m.tag === "41A")).toMatchObject({ held: "the advising bank, payment" });
    expect(await creditCount()).toBe(before);
  });

  it("refuses a bad field with its line and creates nothing", async () => {
    const before = await creditCount();
    const bad = mt700.replace(":32B:USD125000,00", ":32B:USD125000,005");
    const { status, body } = await importCredit(world.users.advisingBank.MAKER, { fin: bad, beneficiaryId: world.orgs.beneficiary, issuingBankName: "Gulf Commercial Bank" });
    expect(status).toBe(400);
    const line = bad.split("\r\n").findIndex((l) => l.startsWith(":32B:")) + 1;
    expect((body.error as { problems: unknown[] }).problems).toEqual([expect.objectContaining({ tag: "32B", line, message: expect.stringContaining("at most 2 decimals") })]);
    expect(await creditCount()).toBe(before);
    expect(await db().organization.count({ where: { bic: issuerBic } })).toBe(0);
  });

  it("lets only the advising bank the message is addressed to import it, with a maker's or checker's role", async () => {
    const body = { fin: mt700, beneficiaryId: world.orgs.beneficiary, issuingBankName: "Gulf Commercial Bank" };
    const other = await importCredit(world.users.otherBank.MAKER, body);
    expect(other.status).toBe(403);
    expect((other.body.error as { problems: unknown[] }).problems).toEqual([expect.objectContaining({ tag: "block 2" })]);
    expect((await importCredit(world.users.advisingBank.VIEWER, body)).status).toBe(403);
    expect((await importCredit(world.users.beneficiary.MAKER, body)).status).toBe(403);
    // The preview refuses a stranger too, before reading anything of it into a credit.
    expect((await importCredit(world.users.issuingBank.MAKER, { fin: mt700, preview: true })).body).toMatchObject({ ok: false, problems: [expect.objectContaining({ tag: "block 2" })] });
  });

  it("needs the beneficiary, a trading company in TradeTrail, and the issuing bank's name the first time", async () => {
    expect((await importCredit(world.users.advisingBank.MAKER, { fin: mt700, issuingBankName: "Gulf Commercial Bank" })).status).toBe(400);
    expect((await importCredit(world.users.advisingBank.MAKER, { fin: mt700, beneficiaryId: world.orgs.issuingBank, issuingBankName: "Gulf Commercial Bank" })).status).toBe(400);
    const unnamed = await importCredit(world.users.advisingBank.MAKER, { fin: mt700, beneficiaryId: world.orgs.beneficiary });
    expect(unnamed.status).toBe(400);
    expect((unnamed.body.error as { fields: Record<string, string> }).fields).toHaveProperty("issuingBankName");
  });

  let creditId: string;
  it("creates the credit ISSUED, advised by the importing bank, with the issuing bank and the applicant as external parties", async () => {
    const { status, body } = await importCredit(world.users.advisingBank.MAKER, { fin: mt700, beneficiaryId: world.orgs.beneficiary, issuingBankName: "Gulf Commercial Bank" });
    expect(status).toBe(201);
    creditId = body.creditId as string;
    const credit = await db().credit.findUniqueOrThrow({ where: { id: creditId }, include: { issuingBank: true, applicant: true, currentTerms: true, import: true } });
    expect(credit).toMatchObject({ status: "ISSUED", creditNumber: "GCB/2026/77", advisingBankId: world.orgs.advisingBank, beneficiaryId: world.orgs.beneficiary, sharedAt: null });
    expect(credit.issuingBank).toMatchObject({ name: "Gulf Commercial Bank", bic: issuerBic, kind: "BANK", external: true, country: "AE" });
    expect(credit.applicant).toMatchObject({ name: terms().applicant.name, kind: "CORPORATE", external: true });
    // Nobody acts for an external party in TradeTrail.
    expect(await db().membership.count({ where: { organizationId: { in: [credit.issuingBankId, credit.applicantId] } } })).toBe(0);
    const held = storedTermsSchema.parse(credit.currentTerms!.terms);
    expect(held).toMatchObject({ amount: "125000.00", currency: "USD", availableWith: "ADVISING_BANK", expiryDate: day(90), incoterm: "CIF" });
    expect(credit.import).toMatchObject({ messageType: "700", senderBic: issuerBic, issuingBankBic: issuerBic, finText: mt700, sha256: createHash("sha256").update(mt700).digest("hex") });
    // The advising bank sees it; the beneficiary learns of it from the advice.
    expect(await canSeeCredit(world.users.advisingBank.VIEWER, creditId)).toBe(true);
    expect(await canSeeCredit(world.users.beneficiary.MAKER, creditId)).toBe(false);
    expect(await canSeeCredit(world.users.otherBank.MAKER, creditId)).toBe(false);
    // The advising bank's queue has the advice waiting; nobody else's has anything of it.
    expect((await waitingForMe(world.users.advisingBank.MAKER)).find((w) => w.id === creditId)?.steps).toContain("Advise to beneficiary");
    expect((await waitingForMe(world.users.beneficiary.MAKER)).map((w) => w.id)).not.toContain(creditId);
    expect((await waitingForOthers(world.users.beneficiary.MAKER)).map((w) => w.id)).not.toContain(creditId);
  });

  it("refuses a second import of the same credit number from the same issuing bank", async () => {
    const again = await importCredit(world.users.advisingBank.CHECKER, { fin: mt700, beneficiaryId: world.orgs.beneficiary });
    expect(again.status).toBe(409);
    expect((again.body.error as { message: string }).message).toMatch(/already imported as TT-\d{4}-\d{6}\.$/);
    // Another bank that crafts the same message for itself learns that it exists, not which credit it is.
    const otherBic = (await db().organization.findUniqueOrThrow({ where: { id: world.orgs.otherBank } })).bic!;
    const probe = mt700.replace(`I700${adviserBic.slice(0, 8)}X${adviserBic.slice(8)}`, `I700${otherBic.slice(0, 8)}X${otherBic.slice(8)}`).replace(`:41A:${adviserBic}`, `:41A:${otherBic}`);
    expect(probe).not.toBe(mt700);
    const probed = await importCredit(world.users.otherBank.MAKER, { fin: probe, beneficiaryId: world.orgs.beneficiary });
    expect(probed.status).toBe(409);
    expect((probed.body.error as { message: string }).message).toContain("already imported into TradeTrail by another bank");
    expect((probed.body.error as { message: string }).message).not.toContain("TT-");
    const preview = await importCredit(world.users.otherBank.MAKER, { fin: probe, preview: true });
    expect(preview.body).toMatchObject({ ok: false, duplicateOf: null });
    expect(await db().creditImport.count({ where: { issuingBankBic: issuerBic } })).toBe(1);
    // A TradeTrail bank's credits are never imported: they come through TradeTrail.
    const fromMember = mt700.replace(`{1:F01${issuerBic}AXXX`, `{1:F01${(await db().organization.findUniqueOrThrow({ where: { id: world.orgs.issuingBank } })).bic!.slice(0, 8)}A${(await db().organization.findUniqueOrThrow({ where: { id: world.orgs.issuingBank } })).bic!.slice(8)}`);
    expect((await importCredit(world.users.advisingBank.MAKER, { fin: fromMember, beneficiaryId: world.orgs.beneficiary })).status).toBe(409);
  });

  it("is advised as usual; the advice anchors the MT700's SHA-256 and shows the credit to the beneficiary", async () => {
    const advised = await performAction({ actor: world.users.advisingBank.CHECKER, action: "adviseCredit", creditId, input: { addConfirmation: false } });
    expect(advised.creditStatus).toBe("ADVISED");
    const milestone = await db().milestone.findFirstOrThrow({ where: { creditId, kind: "CREDIT_ADVISED" } });
    expect(milestone.seq).toBe(1);
    expect((milestone.content as Record<string, unknown>).received).toEqual({ type: "MT700", sha256: `0x${createHash("sha256").update(mt700).digest("hex")}`, sender: issuerBic });
    expect(await canSeeCredit(world.users.beneficiary.MAKER, creditId)).toBe(true);
  });

  describe("an incoming MT707", () => {
    const mt707 = (number: number, fields: { tag: string; value: string }[]) =>
      serialiseFin({
        type: "707",
        sender: issuerBic,
        receiver: adviserBic,
        fields: [
          { tag: "27", value: "1/1" },
          { tag: "20", value: "GCB/2026/77" },
          { tag: "21", value: "NONREF" },
          { tag: "23", value: "GCB/2026/77" },
          { tag: "31C", value: day(0).slice(2).replace(/-/g, "") },
          { tag: "26E", value: String(number) },
          { tag: "30", value: day(1).slice(2).replace(/-/g, "") },
          { tag: "22A", value: "ISSU" },
          ...fields,
        ],
      });
    const importAmendment = (actor: Actor, body: unknown) => post(amendmentRoute, actor, `/credits/${creditId}/swift-imports`, body, { creditId });

    it("refuses an MT707 out of turn, with its line, and applies nothing", async () => {
      const text = mt707(2, [{ tag: "32B", value: "USD5000,00" }]);
      const { status, body } = await importAmendment(world.users.advisingBank.MAKER, { fin: text });
      expect(status).toBe(400);
      expect((body.error as { problems: unknown[] }).problems).toEqual([expect.objectContaining({ tag: "26E", line: text.split("\r\n").findIndex((l) => l.startsWith(":26E:")) + 1 })]);
      expect(await db().amendment.count({ where: { creditId } })).toBe(0);
    });

    it("offers the credit page's MT707 form to the advising bank's makers and checkers only", async () => {
      expect(await amendmentImportContext(world.users.advisingBank.MAKER, creditId)).toMatchObject({ issuer: { bic: issuerBic, name: "Gulf Commercial Bank" }, creditNumber: "GCB/2026/77", nextNumber: 1 });
      for (const actor of [world.users.advisingBank.VIEWER, world.users.otherBank.MAKER, world.users.beneficiary.MAKER, world.users.issuingBank.MAKER]) expect(await amendmentImportContext(actor, creditId)).toBeNull();
    });

    it("is the advising bank's alone to import", async () => {
      const text = mt707(1, [{ tag: "32B", value: "USD5000,00" }]);
      expect((await importAmendment(world.users.otherBank.MAKER, { fin: text })).status).toBe(404);
      expect((await importAmendment(world.users.beneficiary.MAKER, { fin: text })).status).toBe(404);
      expect((await importAmendment(world.users.advisingBank.VIEWER, { fin: text })).status).toBe(403);
    });

    it("waits for the advice and the beneficiary's consent; once accepted, the credit's terms change", async () => {
      const text = mt707(1, [{ tag: "32B", value: "USD5000,00" }]);
      const preview = await importAmendment(world.users.advisingBank.MAKER, { fin: text, preview: true });
      expect(preview.body).toMatchObject({ ok: true, number: 1, cancellation: false });
      const { status, body } = await importAmendment(world.users.advisingBank.MAKER, { fin: text });
      expect(status).toBe(201);
      const amendmentId = body.amendmentId as string;
      expect(await db().amendment.findUniqueOrThrow({ where: { id: amendmentId } })).toMatchObject({ status: "ISSUED", number: 1 });
      const amountNow = async () => (await db().credit.findUniqueOrThrow({ where: { id: creditId } })).amount.toString();
      // Until the beneficiary accepts, the old terms stand (UCP 600 art. 10(c)).
      expect(await amountNow()).toBe("125000");
      // The beneficiary cannot accept what was not advised to it yet.
      await expect(performAction({ actor: world.users.beneficiary.MAKER, action: "acceptAmendment", creditId, subjectId: amendmentId })).rejects.toMatchObject({ code: "INVALID_STATE" });
      await performAction({ actor: world.users.advisingBank.MAKER, action: "adviseAmendment", creditId, subjectId: amendmentId, input: {} });
      const advice = await db().milestone.findFirstOrThrow({ where: { creditId, kind: "AMENDMENT_ADVISED" } });
      expect((advice.content as Record<string, { sha256: string }>).received!.sha256).toBe(`0x${createHash("sha256").update(text).digest("hex")}`);
      // Now the beneficiary's consent is what the credit waits for.
      expect((await waitingForMe(world.users.beneficiary.MAKER)).find((w) => w.id === creditId)?.steps).toContain("Amendment 1: Accept amendment");
      expect((await waitingForOthers(world.users.advisingBank.MAKER)).find((w) => w.id === creditId)?.waitingFor).toEqual(["Beneficiary"]);
      await performAction({ actor: world.users.beneficiary.MAKER, action: "acceptAmendment", creditId, subjectId: amendmentId });
      expect(await amountNow()).toBe("130000");
      const again = await importAmendment(world.users.advisingBank.MAKER, { fin: text });
      expect(again.status).toBe(400); // 26E 1 again: the next is 2
    });
  });

  describe("steps only the issuing bank or the applicant could take", () => {
    it("offers no external party for a new credit: a trader cannot apply to an external bank", async () => {
      const external = await db().organization.findUniqueOrThrow({ where: { bic: issuerBic } });
      await expect(
        performAction({ actor: world.users.applicant.MAKER, action: "createCredit", input: { beneficiaryId: world.orgs.beneficiary, issuingBankId: external.id, advisingBankId: world.orgs.advisingBank, terms: terms() } }),
      ).rejects.toMatchObject({ code: "INVALID_REQUEST", fields: { issuingBankId: expect.any(String) } });
    });

    it("refuses a presentation in TradeTrail under a credit available only with the external issuing bank", async () => {
      const [message] = swiftMessages({
        reference: "EXTERNAL",
        creditNumber: "GCB/2026/78",
        dateOfIssue: day(0),
        standby: false,
        issuingBank: { name: "Gulf Commercial Bank", bic: issuerBic },
        advisingBank: { name: "Advising Bank", bic: adviserBic },
        steps: [{ seq: 1, on: day(0), kind: "issued", terms: { ...terms(), availableWith: "ISSUING_BANK" }, bankConditions: null }],
      });
      // The bank is known now: its name is not asked again.
      const { status, body } = await importCredit(world.users.advisingBank.CHECKER, { fin: message!.text, beneficiaryId: world.orgs.beneficiary });
      expect(status).toBe(201);
      const id = body.creditId as string;
      expect(await db().organization.count({ where: { bic: issuerBic } })).toBe(1);
      await performAction({ actor: world.users.advisingBank.MAKER, action: "adviseCredit", creditId: id, input: { addConfirmation: false } });
      await expect(performAction({ actor: world.users.beneficiary.MAKER, action: "startPresentation", creditId: id })).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringContaining("does not use TradeTrail") });
    });
  });
});
