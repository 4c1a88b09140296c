import { beforeAll, describe, expect, it } from "vitest";
import { GET as listCreditsRoute } from "@/app/api/v1/credits/route";
import { GET as getCreditRoute } from "@/app/api/v1/credits/[creditId]/route";
import { GET as messagesRoute, POST as postMessageRoute } from "@/app/api/v1/credits/[creditId]/messages/route";
import { POST as actionRoute } from "@/app/api/v1/credits/[creditId]/actions/[action]/route";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { GET as organizationsRoute } from "@/app/api/v1/organizations/route";
import { type CreditListItem, TradeTrailApiError, syncChangedCredits, tradeTrailClient } from "@/lib/api/client/example-client";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "./support/database";
import { violations } from "./support/openapi-schema";
import { tokenFor } from "./support/tokens";
import { type World, createWorld, creditIn } from "./support/world";

// The example client of docs/API.md (lib/api/client/example-client.ts, typed by the generated
// types) run against the real route handlers: what the documentation shows a back office works,
// and every response it receives matches the OpenAPI document.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: [RegExp, Record<string, unknown>, string][] = [
  [/^\/api\/v1\/credits$/, { GET: listCreditsRoute }, "/credits"],
  [/^\/api\/v1\/credits\/(?<creditId>[^/]+)$/, { GET: getCreditRoute }, "/credits/{creditId}"],
  [/^\/api\/v1\/credits\/(?<creditId>[^/]+)\/messages$/, { GET: messagesRoute, POST: postMessageRoute }, "/credits/{creditId}/messages"],
  [/^\/api\/v1\/credits\/(?<creditId>[^/]+)\/actions\/(?<action>[A-Za-z]+)$/, { POST: actionRoute }, "/credits/{creditId}/actions/{action}"],
  [/^\/api\/v1\/events$/, { GET: eventsRoute }, "/events"],
  [/^\/api\/v1\/organizations$/, { GET: organizationsRoute }, "/organizations"],
];

/** fetch, served in this process by the route handlers `next start` would run; each JSON answer checked against the document. */
const inProcessFetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  for (const [pattern, handlers, template] of ROUTES) {
    const match = pattern.exec(url.pathname);
    const handler = match && (handlers[request.method] as Handler | undefined);
    if (!match || !handler) continue;
    const params = { ...match.groups };
    const response = await handler(request, { params: Promise.resolve(params) });
    const body = (await response.clone().json()) as unknown;
    const path = template.replace("{action}", params.action ?? "");
    expect(violations(path, request.method.toLowerCase(), response.status, body), `${request.method} ${url.pathname}`).toEqual([]);
    return response;
  }
  throw new Error(`no route for ${request.method} ${url.pathname}`);
}) as typeof fetch;

const clientOf = async (actor: World["users"]["issuingBank"]["MAKER"], scopes: ("read" | "act")[] = ["read", "act"]) =>
  tradeTrailClient({ baseUrl: "https://trade.example.com/api/v1", token: await tokenFor(actor, scopes), fetch: inProcessFetch });

describe("the example client of docs/API.md", () => {
  it("syncs every credit changed since the last run, with terms, and the next run only what changed since", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await creditIn(world, "ISSUED", { terms: { currency: "JPY", amount: `${(i + 1) * 1000}` } })).creditId);
    const client = await clientOf(world.users.issuingBank.VIEWER, ["read"]);
    const store = new Map<string, CreditListItem>();
    const keep = async (credit: CreditListItem) => void store.set(credit.id, credit);

    const since = await syncChangedCredits(client, null, keep);
    expect([...store.keys()].sort()).toEqual([...ids].sort());
    expect(store.get(ids[2]!)).toMatchObject({ amount: "3000", terms: { currency: "JPY", amount: "3000" } });

    // Two credits change after the first run (and one stays a day old): the second run reads those.
    store.clear();
    await db().credit.updateMany({ where: { id: { in: ids } }, data: { updatedAt: new Date(since.getTime() - 86_400_000) } });
    await db().credit.updateMany({ where: { id: { in: [ids[1]!, ids[4]!] } }, data: { version: { increment: 1 }, updatedAt: new Date() } });
    await syncChangedCredits(client, since, keep);
    expect([...store.keys()].sort()).toEqual([ids[1], ids[4]].sort());
  });

  it("reads and posts messages, retries a post safely, takes a typed step, and throws the API's error", async () => {
    const { creditId } = await creditIn(world, "SUBMITTED");
    const bank = await clientOf(world.users.issuingBank.MAKER);
    const posted = await bank.postMessage(creditId, "We will issue today.", "example-key-0001");
    expect(posted.replayed).toBe(false);
    expect((await bank.postMessage(creditId, "We will issue today.", "example-key-0001")).message.id).toBe(posted.message.id);
    const thread = await (await clientOf(world.users.applicant.VIEWER, ["read"])).listMessages(creditId);
    expect(thread.messages.map((m) => [m.body, m.organization.id, m.mine])).toEqual([["We will issue today.", world.orgs.issuingBank, false]]);

    const credit = await bank.getCredit(creditId);
    const result = await bank.takeStep(creditId, "prepareIssuance", { input: { creditNumber: "EX/LC/0001", bankConditions: "" }, expectedVersion: credit.version });
    expect(result).toMatchObject({ creditStatus: "ISSUANCE_PENDING", version: credit.version + 1 });

    const refused = await bank.takeStep(creditId, "prepareIssuance", { input: { creditNumber: "EX/LC/0002", bankConditions: "" }, expectedVersion: credit.version }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TradeTrailApiError);
    expect((refused as TradeTrailApiError).status).toBe(409);
    const badQuery = await bank.listCredits({ status: "DRAFT", limit: 0 }).catch((e: unknown) => e);
    expect((badQuery as TradeTrailApiError).error).toMatchObject({ code: "INVALID_REQUEST", fields: { limit: expect.any(String) } });

    const found = await bank.findOrganizations({ bic: (await db().organization.findUniqueOrThrow({ where: { id: world.orgs.advisingBank } })).bic! });
    expect(found.items.map((o) => o.id)).toEqual([world.orgs.advisingBank]);
    const events = await bank.listEvents({ limit: 10 });
    expect(events.next).toMatch(/^ev1_\d+$/);
  });
});
