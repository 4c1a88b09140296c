import { beforeAll, describe, expect, it } from "vitest";
import { GET as organizationsRoute } from "@/app/api/v1/organizations/route";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "./support/database";
import { tokenFor } from "./support/tokens";
import { type World, createWorld } from "./support/world";

// GET /api/v1/organizations (issue 15): a back office finds a counterparty's id by name, country,
// BIC or kind. The platform operator is never listed; pages are bounded.

useTestDatabase();
let world: World;
let token: string;
let operatorId: string;
beforeAll(async () => {
  world = await createWorld();
  operatorId = (await db().organization.create({ data: { name: "TradeTrail Operations", kind: "OPERATOR", country: "SG" } })).id;
  await db().organization.create({ data: { name: "Deutsche Handelsbank", kind: "BANK", country: "DE", bic: "DHBKDEFFXXX" } });
  await db().organization.create({ data: { name: "Deutsche Handelsbank Hamburg", kind: "BANK", country: "DE", bic: "DHBKDEFF200" } });
  await db().organization.create({ data: { name: "Kessler Maschinenbau GmbH", kind: "CORPORATE", country: "DE" } });
  token = await tokenFor(world.users.applicant.VIEWER, ["read"]);
});

type Item = { id: string; name: string; kind: string; country: string; bic: string | null };
type Page = { items: Item[]; next: string | null };

const find = async (query: string, auth = token) => {
  const response = await organizationsRoute(new Request(`http://localhost/api/v1/organizations${query}`, { headers: { authorization: `Bearer ${auth}` } }), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as Page & { error?: { code: string; message: string } } };
};

describe("GET /api/v1/organizations", () => {
  it("lists organisations with id, name, kind, country and BIC, never the operator", async () => {
    const { status, body } = await find("?limit=200");
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThanOrEqual(11);
    expect(body.items.map((o) => o.id)).not.toContain(operatorId);
    expect(body.items.every((o) => o.kind !== "OPERATOR")).toBe(true);
    const issuing = body.items.find((o) => o.id === world.orgs.issuingBank)!;
    const stored = await db().organization.findUniqueOrThrow({ where: { id: world.orgs.issuingBank } });
    expect(issuing).toEqual({ id: stored.id, name: stored.name, kind: "BANK", country: "SG", bic: stored.bic });
    expect(Object.keys(issuing).sort()).toEqual(["bic", "country", "id", "kind", "name"]);
  });

  it("finds by name (case-insensitive, part of it), country, kind and BIC", async () => {
    expect((await find("?q=handelsbank")).body.items.map((o) => o.name)).toEqual(["Deutsche Handelsbank", "Deutsche Handelsbank Hamburg"]);
    expect((await find("?country=de&kind=CORPORATE")).body.items.map((o) => o.name)).toEqual(["Kessler Maschinenbau GmbH"]);
    // An 8-character BIC finds the head office and its branches; an 11-character one exactly that office.
    expect((await find("?bic=DHBKDEFF")).body.items.map((o) => o.bic)).toEqual(["DHBKDEFFXXX", "DHBKDEFF200"]);
    expect((await find("?bic=dhbkdeff200")).body.items.map((o) => o.name)).toEqual(["Deutsche Handelsbank Hamburg"]);
    expect((await find("?kind=AUDITOR")).body.items.map((o) => o.id)).toEqual([world.orgs.auditor]);
    expect((await find("?q=Operations")).body.items).toEqual([]);
  });

  it("pages by limit, each organisation once", async () => {
    const all = (await find("?limit=200")).body.items.map((o) => o.id);
    const seen: string[] = [];
    let page = (await find("?limit=3")).body;
    seen.push(...page.items.map((o) => o.id));
    while (page.next) {
      page = (await find(`?limit=3&after=${page.next}`)).body;
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((o) => o.id));
    }
    expect(seen).toEqual(all);
  });

  it.each([
    ["kind=OPERATOR", "kind"],
    ["kind=bank", "kind"],
    ["country=Germany", "country"],
    ["bic=NOTABIC", "bic"],
    ["limit=0", "limit"],
    ["limit=1000", "limit"],
    ["after=garbage", "after"],
    ["name=Kessler", "name"],
  ])("answers 400 naming the parameter for ?%s", async (query, parameter) => {
    const { status, body } = await find(`?${query}`);
    expect(status).toBe(400);
    expect(body.error?.message).toContain(parameter);
  });

  it("needs a token that may read, and an auditor's read-only token will do", async () => {
    const uploader = await tokenFor(world.users.beneficiary.MAKER, ["upload"]);
    expect((await find("", uploader)).status).toBe(403);
    expect((await find("", await tokenFor(world.users.auditor.VIEWER, ["read"]))).status).toBe(200);
  });
});
