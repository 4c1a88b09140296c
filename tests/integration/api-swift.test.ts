import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/credits/[creditId]/swift/route";
import { GET as messageRoute } from "@/app/api/v1/credits/[creditId]/swift/[messageId]/route";
import { db } from "@/lib/db/client";
import { type PerformOptions, performAction } from "@/lib/lifecycle/perform";
import { parseFin } from "@/lib/swift/fin";
import { sampleTerms } from "@/lib/terms/sample";
import { useTestDatabase } from "./support/database";
import { violations } from "./support/openapi-schema";
import { tokenFor } from "./support/tokens";
import { type World, createWorld, creditIn, draftWithInvoice } from "./support/world";

// GET /api/v1/credits/{id}/swift and /swift/{message} (issue 15, item 2): the messages a credit
// produced, built from its real milestones, read with the credit's own authorisation.

useTestDatabase();
let world: World;
let creditId: string;
const bic = async (org: string) => (await db().organization.findUniqueOrThrow({ where: { id: org } })).bic!;

beforeAll(async () => {
  world = await createWorld();
  const { applicant, beneficiary, issuingBank, advisingBank } = world.users;
  // Available with the issuing bank, which examines and refuses (MT734).
  const terms = sampleTerms({ availableWith: "ISSUING_BANK", beneficiary: { name: "Société Générale des Pompes & Fils", address: "Waalhaven Zuidzijde 19, Rotterdam" } });
  const created = await performAction({
    actor: applicant.MAKER,
    action: "createCredit",
    input: { beneficiaryId: world.orgs.beneficiary, issuingBankId: world.orgs.issuingBank, advisingBankId: world.orgs.advisingBank, terms },
  });
  creditId = created.creditId;
  const step = (actor: PerformOptions["actor"], action: PerformOptions["action"], input?: unknown, subjectId?: string) => performAction({ actor, action, creditId, input, subjectId });
  await step(applicant.MAKER, "sendToBeneficiary", { comment: "Please review" });
  await step(beneficiary.MAKER, "endorseTerms");
  await step(applicant.MAKER, "submitApplication", {});
  await step(issuingBank.MAKER, "prepareIssuance", { creditNumber: "MTB/LC/2026/0042", bankConditions: "Documents by courier" });
  await step(issuingBank.CHECKER, "approveIssuance");
  await step(advisingBank.CHECKER, "adviseCredit", { addConfirmation: false });
  const a1 = await step(applicant.MAKER, "requestAmendment", { terms: { ...terms, amount: "150000.00" }, note: "Larger order" });
  await step(issuingBank.MAKER, "prepareAmendment", {}, a1.subjectId!);
  await step(issuingBank.CHECKER, "approveAmendment", {}, a1.subjectId!);
  await step(advisingBank.MAKER, "adviseAmendment", {}, a1.subjectId!);
  await step(beneficiary.MAKER, "acceptAmendment", {}, a1.subjectId!);
  const { presentationId } = await draftWithInvoice(world, creditId);
  await step(beneficiary.MAKER, "presentDocuments", {}, presentationId);
  await db().finding.create({ data: { presentationId, rule: "examiner", article: "18(a)", message: "Invoice not signed as required", source: "EXAMINER" } });
  await step(issuingBank.MAKER, "notifyDiscrepancies", { disposal: "HOLDING_UNTIL_WAIVER" }, presentationId);
  await step(issuingBank.CHECKER, "approveNotice", {}, presentationId);
});

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const get = async (route: unknown, token: string, url: string, params: Record<string, string>) =>
  (route as Route)(new Request(`http://localhost/api/v1${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });
const list = async (token: string, id = creditId) => get(listRoute, token, `/credits/${id}/swift`, { creditId: id });
const one = async (token: string, messageId: string, query = "") => get(messageRoute, token, `/credits/${creditId}/swift/${messageId}${query}`, { creditId, messageId });

interface Listed {
  creditNumber: string;
  messages: { id: string; type: string; messageTypes: string[]; valid: boolean; problems: unknown[]; sender: { bic: string }; receiver: { bic: string }; transliterations: { tag: string; from: string; to: string }[]; href: string }[];
}

describe("GET /credits/{id}/swift", () => {
  it("lists every message the credit has produced, in the order of its milestones, each valid", async () => {
    const response = await list(await tokenFor(world.users.issuingBank.VIEWER, ["read"]));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Listed;
    expect(violations("/credits/{creditId}/swift", "get", 200, body)).toEqual([]);
    expect(body.creditNumber).toBe("MTB/LC/2026/0042");
    const seqs = await db().milestone.findMany({ where: { creditId }, orderBy: { seq: "asc" }, select: { seq: true, kind: true } });
    const seqOf = (kind: string, nth = 0) => seqs.filter((m) => m.kind === kind)[nth]!.seq;
    expect(body.messages.map((m) => m.id)).toEqual([
      `${seqOf("CREDIT_ISSUED")}-mt700`,
      `${seqOf("CREDIT_ADVISED")}-mt730`,
      `${seqOf("AMENDMENT_ISSUED")}-mt707`,
      `${seqOf("AMENDMENT_ADVISED")}-mt730`,
      `${seqOf("AMENDMENT_ACCEPTED")}-mt730`,
      `${seqOf("DISCREPANCIES_NOTIFIED")}-mt734`,
    ]);
    for (const m of body.messages) expect(m, m.id).toMatchObject({ valid: true, problems: [] });
    const [issuer, adviser] = [await bic(world.orgs.issuingBank), await bic(world.orgs.advisingBank)];
    expect(body.messages[0]).toMatchObject({ type: "MT700", messageTypes: ["MT700"], sender: { bic: issuer }, receiver: { bic: adviser }, href: `/api/v1/credits/${creditId}/swift/${body.messages[0]!.id}` });
    expect(body.messages[1]).toMatchObject({ type: "MT730", sender: { bic: adviser }, receiver: { bic: issuer } });
    // The beneficiary's name could not travel as entered: each change is listed for the UI.
    expect(body.messages[0]!.transliterations.map((t) => [t.tag, t.from, t.to])).toEqual([
      ["59", "é", "e"],
      ["59", "é", "e"],
      ["59", "é", "e"],
      ["59", "é", "e"],
      ["59", "&", "AND"],
    ]);
  });

  it("is read by every party of the credit, and 404 for a bank and a company that are not parties, as the credit is", async () => {
    for (const actor of [world.users.applicant.MAKER, world.users.beneficiary.VIEWER, world.users.advisingBank.MAKER]) {
      expect((await list(await tokenFor(actor, ["read"]))).status).toBe(200);
    }
    for (const outsider of [world.users.otherBank.ADMIN, world.users.otherCorporate.MAKER, world.users.auditor.ADMIN]) {
      const token = await tokenFor(outsider, ["read"]);
      const response = await list(token);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
      expect((await one(token, "2-mt700")).status).toBe(404);
    }
    expect((await list(await tokenFor(world.users.issuingBank.MAKER, ["read"]), "not-a-uuid")).status).toBe(404);
  });

  it("lists nothing for a credit not issued yet", async () => {
    const { creditId: draft } = await creditIn(world, "SUBMITTED");
    const response = await list(await tokenFor(world.users.issuingBank.MAKER, ["read"]), draft);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Listed).messages).toEqual([]);
  });
});

describe("GET /credits/{id}/swift/{message}", () => {
  it("sends the MT700's FIN text, which parses back to the credit's fields", async () => {
    const token = await tokenFor(world.users.beneficiary.MAKER, ["read"]);
    const listed = ((await (await list(token)).json()) as Listed).messages;
    const response = await one(token, listed[0]!.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("x-swift-message-type")).toBe("MT700");
    const text = await response.text();
    const issuer = await bic(world.orgs.issuingBank);
    expect(text.startsWith(`{1:F01${issuer.slice(0, 8)}A${issuer.slice(8)}0000000000}{2:I700`)).toBe(true);
    const parsed = parseFin(text);
    expect(parsed.ok).toBe(true);
    const fields = Object.fromEntries(parsed.messages[0]!.message.fields.map((f) => [f.tag, f.value]));
    expect(fields).toMatchObject({ "20": "MTB/LC/2026/0042", "32B": "USD125000,00", "59": "Societe Generale des Pompes AND\nFils\nWaalhaven Zuidzijde 19, Rotterdam" });
    expect(fields["47A"]).toContain("Documents by courier");

    const mt734 = await (await one(token, listed[5]!.id)).text();
    const notice = Object.fromEntries(parseFin(mt734).messages[0]!.message.fields.map((f) => [f.tag, f.value]));
    // Every discrepancy of the notice (the automatic examination's and the examiner's), in lines of 50 (77J 70*50z).
    expect(notice["77B"]).toBe("/NOTIFY/");
    expect(notice["77J"]!.startsWith("+Bill of lading required by the credit was not\npresented.\n+Packing list")).toBe(true);
    expect(notice["77J"]!.endsWith("\n+Invoice not signed as required")).toBe(true);
    const amendment = Object.fromEntries(parseFin(await (await one(token, listed[2]!.id)).text()).messages[0]!.message.fields.map((f) => [f.tag, f.value]));
    expect(amendment).toMatchObject({ "26E": "1", "32B": "USD25000,00", "22A": "ISSU" });
  });

  it("downloads as .fin or .txt, refuses another format or an unknown parameter with 400, and an unknown message is 404", async () => {
    const token = await tokenFor(world.users.issuingBank.MAKER, ["read"]);
    const id = ((await (await list(token)).json()) as Listed).messages[0]!.id;
    expect((await one(token, id, "?download=fin")).headers.get("content-disposition")).toBe(`attachment; filename="MTB-LC-2026-0042-${id}.fin"`);
    expect((await one(token, id, "?download=txt")).headers.get("content-disposition")).toBe(`attachment; filename="MTB-LC-2026-0042-${id}.txt"`);
    const bad = await one(token, id, "?download=pdf");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('download must be "fin" or "txt".');
    const unknown = await one(token, id, "?format=fin");
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("format");
    expect((await one(token, "99-mt700")).status).toBe(404);
    expect((await one(token, "../../etc")).status).toBe(404);
  });
});
