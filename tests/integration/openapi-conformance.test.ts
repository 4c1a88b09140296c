import { beforeAll, describe, expect, it } from "vitest";
import { GET as listCreditsRoute } from "@/app/api/v1/credits/route";
import { GET as getCreditRoute } from "@/app/api/v1/credits/[creditId]/route";
import { GET as milestonesRoute } from "@/app/api/v1/credits/[creditId]/milestones/route";
import { GET as organizationsRoute } from "@/app/api/v1/organizations/route";
import { GET as listRunsRoute, POST as requestRunRoute } from "@/app/api/v1/audit/runs/route";
import { GET as getRunRoute } from "@/app/api/v1/audit/runs/[runId]/route";
import { db } from "@/lib/db/client";
import { performAction } from "@/lib/lifecycle/perform";
import { useTestDatabase } from "./support/database";
import { violations } from "./support/openapi-schema";
import { tokenFor } from "./support/tokens";
import { type World, createWorld, creditIn } from "./support/world";

// The reads' bodies, as the routes send them, against the response schemas the OpenAPI document
// gives them (issue 15): a generated client's types must be true of what it receives.

useTestDatabase();
let world: World;
let creditId: string;
beforeAll(async () => {
  world = await createWorld();
  creditId = (await creditIn(world, "ADVISED", { presentation: "PRESENTED", amendment: "REQUESTED" })).creditId;
  await db().auditGrant.create({
    data: { bankId: world.orgs.issuingBank, auditorId: world.orgs.auditor, grantedById: world.users.issuingBank.ADMIN.userId, approvedById: world.users.issuingBank.CHECKER.userId, approvedAt: new Date(), validFrom: new Date(Date.now() - 60_000), validUntil: new Date(Date.now() + 86_400_000) },
  });
});

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(route: unknown, token: string, url: string, params: Record<string, string> = {}, method = "GET") {
  const response = await (route as Route)(new Request(`http://localhost/api/v1${url}`, { method, headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("response bodies match the OpenAPI document", () => {
  it.each([
    ["the issuing bank", () => world.users.issuingBank.MAKER],
    ["the beneficiary", () => world.users.beneficiary.MAKER],
    ["an auditor", () => world.users.auditor.VIEWER],
  ])("for the credit reads of %s", async (_who, actor) => {
    const token = await tokenFor(actor(), ["read"]);
    const reads: [unknown, string, Record<string, string>, string][] = [
      [listCreditsRoute, "/credits", {}, "/credits"],
      [getCreditRoute, `/credits/${creditId}`, { creditId }, "/credits/{creditId}"],
      [milestonesRoute, `/credits/${creditId}/milestones`, { creditId }, "/credits/{creditId}/milestones"],
      [organizationsRoute, "/organizations?limit=5", {}, "/organizations"],
    ];
    for (const [route, url, params, path] of reads) {
      const { status, body } = await call(route, token, url, params);
      expect(status, url).toBe(200);
      expect(violations(path, "get", 200, body), url).toEqual([]);
    }
  });

  it("for a credit with a recorded milestone", async () => {
    const agreed = (await creditIn(world, "WITH_BENEFICIARY")).creditId;
    await performAction({ actor: world.users.beneficiary.MAKER, action: "endorseTerms", creditId: agreed, input: {} });
    const token = await tokenFor(world.users.beneficiary.MAKER, ["read"]);
    const milestones = await call(milestonesRoute, token, `/credits/${agreed}/milestones`, { creditId: agreed });
    expect((milestones.body as { milestones: unknown[] }).milestones).toHaveLength(1);
    expect(violations("/credits/{creditId}/milestones", "get", 200, milestones.body)).toEqual([]);
    const credit = await call(getCreditRoute, token, `/credits/${agreed}`, { creditId: agreed });
    expect(violations("/credits/{creditId}", "get", 200, credit.body)).toEqual([]);
  });

  it("for the audit firm's portfolio checks", async () => {
    const token = await tokenFor(world.users.auditor.VIEWER, ["read"]);
    const queued = await call(requestRunRoute, token, "/audit/runs", {}, "POST");
    expect(queued.status).toBe(202);
    expect(violations("/audit/runs", "post", 202, queued.body)).toEqual([]);
    const runId = (queued.body as { id: string }).id;
    const listed = await call(listRunsRoute, token, "/audit/runs");
    expect(violations("/audit/runs", "get", 200, listed.body)).toEqual([]);
    const one = await call(getRunRoute, token, `/audit/runs/${runId}`, { runId });
    expect(violations("/audit/runs/{runId}", "get", 200, one.body)).toEqual([]);
  });
});
