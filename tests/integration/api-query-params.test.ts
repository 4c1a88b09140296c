import { beforeAll, describe, expect, it } from "vitest";
import { GET as reportRoute } from "@/app/api/v1/audit/runs/[runId]/report/route";
import { GET as documentRoute } from "@/app/api/v1/documents/[documentId]/route";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "./support/database";
import { tokenFor } from "./support/tokens";
import { type World, createWorld } from "./support/world";

// Issue 15: "unknown filter values get 400" holds for every /api/v1 route that takes a query
// parameter, not only the lists: the audit report's format and a document's inline flag (the
// SWIFT download is in api-swift.test.ts, the lists in api-credit-list, api-organizations,
// event-feed and webhooks tests). A value the route does not know was silently ignored before.

useTestDatabase();
let world: World;
let auditorToken: string;
let runId: string;
beforeAll(async () => {
  world = await createWorld();
  auditorToken = await tokenFor(world.users.auditor.VIEWER, ["read"]);
  runId = (await db().verificationRun.create({ data: { auditorId: world.orgs.auditor, requestedById: world.users.auditor.VIEWER.userId, status: "DONE", total: 0, done: 0, report: { generatedAt: new Date().toISOString(), credits: [] } } })).id;
});

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = (route: unknown, token: string, url: string, params: Record<string, string>) =>
  (route as Route)(new Request(`http://localhost/api/v1${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });
const fieldsOf = async (response: Response) => ((await response.json()) as { error: { code: string; fields?: Record<string, string> } }).error;

describe("query parameters outside the lists", () => {
  it("the portfolio report: json or csv, anything else 400 naming it", async () => {
    const report = (query: string) => call(reportRoute, auditorToken, `/audit/runs/${runId}/report${query}`, { runId });
    expect((await report("")).headers.get("content-type")).toMatch(/^application\/json/);
    expect((await report("?format=json")).headers.get("content-type")).toMatch(/^application\/json/);
    expect((await report("?format=csv")).headers.get("content-type")).toMatch(/^text\/csv/);
    for (const [query, field] of [["?format=xml", "format"], ["?format=CSV", "format"], ["?type=csv", "type"], ["?format=csv&format=json", "format"]]) {
      const refused = await report(query!);
      expect(refused.status, query).toBe(400);
      expect(await fieldsOf(refused)).toMatchObject({ code: "INVALID_REQUEST", fields: { [field!]: expect.any(String) } });
    }
  });

  it("a document download: inline=1 or nothing, anything else 400 before the document is looked up", async () => {
    const token = await tokenFor(world.users.beneficiary.MAKER, ["read"]);
    const documentId = "0193a1b2-0000-7000-8000-00000000d0c5";
    // A known parameter reaches the lookup (no such document: 404).
    expect((await call(documentRoute, token, `/documents/${documentId}?inline=1`, { documentId })).status).toBe(404);
    for (const [query, field] of [["?inline=true", "inline"], ["?inline=", "inline"], ["?download=1", "download"]]) {
      const refused = await call(documentRoute, token, `/documents/${documentId}${query}`, { documentId });
      expect(refused.status, query).toBe(400);
      expect((await fieldsOf(refused)).fields).toHaveProperty(field!);
    }
  });
});
