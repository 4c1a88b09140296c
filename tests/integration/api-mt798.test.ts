import { beforeAll, describe, expect, it } from "vitest";
import { GET as applicationRoute } from "@/app/api/v1/credits/[creditId]/application/mt798/route";
import { db } from "@/lib/db/client";
import { type PerformOptions, performAction } from "@/lib/lifecycle/perform";
import { parseFin } from "@/lib/swift/fin";
import { embeddedFields } from "@/lib/swift/mt798";
import { sampleTerms } from "@/lib/terms/sample";
import { useTestDatabase } from "./support/database";
import { violations } from "./support/openapi-schema";
import { tokenFor } from "./support/tokens";
import { type World, createWorld } from "./support/world";

// GET /api/v1/credits/{id}/application/mt798 (issue 15 item 4): the applicant's agreed
// application as MT798<770>. Who may download it is decided on the server
// (lib/credits/mt798-application.ts): the applicant's organisation, and the issuing bank once the
// application was submitted to it; every other party is refused, whoever cannot see the credit gets 404.

useTestDatabase();
let world: World;
let creditId: string;
type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const download = async (actor: World["users"]["applicant"]["MAKER"], query = "") =>
  (applicationRoute as unknown as Route)(new Request(`http://localhost/api/v1/credits/${creditId}/application/mt798${query}`, { headers: { authorization: `Bearer ${await tokenFor(actor, ["read"])}` } }), {
    params: Promise.resolve({ creditId }),
  });
const step = (actor: PerformOptions["actor"], action: PerformOptions["action"], input?: unknown) => performAction({ actor, action, creditId, input });

beforeAll(async () => {
  world = await createWorld();
  // A corporate on SWIFT for Corporates sends from its own BIC.
  const letters = () => String.fromCharCode(65 + Math.floor(Math.random() * 26));
  await db().organization.update({ where: { id: world.orgs.applicant }, data: { bic: `LC${letters()}${letters()}SG${letters()}${letters()}` } });
  const created = await performAction({
    actor: world.users.applicant.MAKER,
    action: "createCredit",
    input: { beneficiaryId: world.orgs.beneficiary, issuingBankId: world.orgs.issuingBank, advisingBankId: world.orgs.advisingBank, terms: sampleTerms() },
  });
  creditId = created.creditId;
  await step(world.users.applicant.MAKER, "sendToBeneficiary", { comment: "Please review" });
});

describe("GET /credits/{id}/application/mt798", () => {
  it("409 before the terms are agreed, even for the applicant", async () => {
    const response = await download(world.users.applicant.VIEWER);
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(violations("/credits/{creditId}/application/mt798", "get", 409, body)).toEqual([]);
    expect(JSON.stringify(body)).toMatch(/not agreed yet/);
  });

  it("once agreed, the applicant's organisation downloads the MT798<770> + <700> file, valid, from its BIC to the issuing bank's", async () => {
    await step(world.users.beneficiary.MAKER, "endorseTerms");
    const response = await download(world.users.applicant.VIEWER, "?download=fin");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-swift-message-type")).toBe("MT798");
    expect(response.headers.get("x-swift-valid")).toBe("true");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename=".*-mt798-application\.fin"/);
    const parsed = parseFin(await response.text());
    expect(parsed.ok).toBe(true);
    const [index, details] = parsed.messages.map((m) => m.message);
    const orgs = await db().organization.findMany({ where: { id: { in: [world.orgs.applicant, world.orgs.issuingBank] } }, select: { id: true, bic: true } });
    expect(index!.sender).toBe(orgs.find((o) => o.id === world.orgs.applicant)!.bic);
    expect(index!.receiver).toBe(orgs.find((o) => o.id === world.orgs.issuingBank)!.bic);
    expect(index!.fields.find((f) => f.tag === "12")!.value).toBe("770");
    const terms = embeddedFields(details!.fields.find((f) => f.tag === "77E")!.value);
    expect(terms.find((f) => f.tag === "32B")!.value).toBe("USD125000,00");
  });

  it("the beneficiary (a party that sees the credit) is refused with 403, and gets no FIN text", async () => {
    const response = await download(world.users.beneficiary.ADMIN);
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(violations("/credits/{creditId}/application/mt798", "get", 403, body)).toEqual([]);
    expect(JSON.stringify(body)).not.toContain("{1:");
  });

  it("the issuing bank cannot see the application before it is submitted (404), then downloads it as its addressee", async () => {
    expect((await download(world.users.issuingBank.VIEWER)).status).toBe(404);
    await step(world.users.applicant.MAKER, "submitApplication", {});
    const response = await download(world.users.issuingBank.VIEWER);
    expect(response.status).toBe(200);
    expect(parseFin(await response.text()).ok).toBe(true);
  });

  it("outsiders get the credit's 404; a bad download value is a 400 naming it", async () => {
    for (const outsider of [world.users.otherCorporate.ADMIN, world.users.otherBank.ADMIN, world.users.advisingBank.ADMIN]) expect((await download(outsider)).status).toBe(404);
    const bad = await download(world.users.applicant.VIEWER, "?download=pdf");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/fin.*txt/);
  });
});
