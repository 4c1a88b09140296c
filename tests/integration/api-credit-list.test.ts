import { beforeAll, describe, expect, it } from "vitest";
import { GET as listCreditsRoute } from "@/app/api/v1/credits/route";
import { listCredits } from "@/lib/credits/list-credits";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "./support/database";
import { violations } from "./support/openapi-schema";
import { tokenFor } from "./support/tokens";
import { type World, createWorld, creditIn } from "./support/world";

// GET /api/v1/credits as an integrator calls it (issue 15): every query parameter is checked,
// and a value the API does not understand is refused with a 400 naming it, never ignored; a walk
// through the pages sees every credit once, however many are updated meanwhile.

useTestDatabase();
let world: World;
let token: string;
beforeAll(async () => {
  world = await createWorld();
  for (const status of ["ISSUED", "ADVISED", "ADVISED", "SUBMITTED"] as const) await creditIn(world, status);
  token = await tokenFor(world.users.issuingBank.MAKER, ["read"]);
});

type Page = { items: { id: string; status: string }[]; next: string | null; previous: string | null };
type Refusal = { error: { code: string; message: string; fields?: Record<string, string> } };

const list = async (query: string) => {
  const response = await listCreditsRoute(new Request(`http://localhost/api/v1/credits${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as unknown };
};

describe("GET /api/v1/credits query validation", () => {
  it.each([
    ["an unknown status", "?status=BOGUS", "status"],
    ["a status in lower case", "?status=draft", "status"],
    ["an empty status", "?status=", "status"],
    ["a garbage cursor", "?after=garbage", "after"],
    ["a cursor that decodes to nonsense", `?before=${Buffer.from("yesterday|not-an-id").toString("base64url")}`, "before"],
    ["a limit of 0", "?limit=0", "limit"],
    ["a limit above the maximum", "?limit=1000", "limit"],
    ["a limit that is not a whole number", "?limit=2.5", "limit"],
    ["a limit that is not a number", "?limit=ten", "limit"],
    ["a counterparty that is not an id", "?counterparty=Acme", "counterparty"],
    ["an unknown parameter", "?sort=amount", "sort"],
    ["a parameter given twice", "?status=ISSUED&status=ADVISED", "status"],
    ["both cursors", "?after=x&before=y", "after"],
    ["a changed-since that is not an instant", "?updatedSince=yesterday", "updatedSince"],
    ["a changed-since that is a date alone", "?updatedSince=2026-12-01", "updatedSince"],
    ["a changed-since without its offset", "?updatedSince=2026-12-01T09:30:00", "updatedSince"],
    ["a changed-since on no real day", "?updatedSince=2026-13-45T09:30:00Z", "updatedSince"],
    ["a changed-since whose + was not encoded", "?updatedSince=2026-12-01T09:30:00+01:00", "updatedSince"],
    ["ids that are not ids", "?ids=TT-2026-000042", "ids"],
    ["ids with an empty item", `?ids=${"0193a1b2-0000-7000-8000-000000000001"},,`, "ids"],
    ["more ids than a page holds", `?ids=${Array.from({ length: 201 }, (_, i) => `0193a1b2-0000-7000-8000-${String(i).padStart(12, "0")}`).join(",")}`, "ids"],
    ["an unknown include", "?include=documents", "include"],
    ["include in another case", "?include=TERMS", "include"],
  ])("answers 400 naming the parameter for %s", async (_name, query, parameter) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    const { error } = body as Refusal;
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.message).toContain(parameter);
    expect(Object.keys(error.fields ?? {})).toContain(parameter);
  });

  it("tells which statuses there are when one is unknown", async () => {
    const { body } = await list("?status=draft");
    expect((body as Refusal).error.message).toMatch(/DRAFT/);
    expect((body as Refusal).error.message).toMatch(/ADVISED/);
  });

  it("filters by a known status, pages by limit, and takes the cursors it issued", async () => {
    const advised = await list("?status=ADVISED");
    expect(advised.status).toBe(200);
    expect((advised.body as Page).items.map((i) => i.status)).toEqual(["ADVISED", "ADVISED"]);

    const first = await list("?limit=1");
    expect(first.status).toBe(200);
    const page = first.body as Page;
    expect(page.items).toHaveLength(1);
    expect(page.next).not.toBeNull();
    const second = await list(`?limit=1&after=${page.next}`);
    expect(second.status).toBe(200);
    expect((second.body as Page).items).toHaveLength(1);
    expect((second.body as Page).items[0]!.id).not.toBe(page.items[0]!.id);
    const back = await list(`?limit=1&before=${(second.body as Page).previous}`);
    expect((back.body as Page).items.map((i) => i.id)).toEqual(page.items.map((i) => i.id));

    const everything = await list("?limit=100&q=");
    expect(everything.status).toBe(200);
    expect((everything.body as Page).items).toHaveLength(4);
  });
});

describe("GET /api/v1/credits?updatedSince= (changed since)", () => {
  it("lists only credits changed at or after the instant, with its offset however written", async () => {
    const other = await createWorld();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await creditIn(other, "ISSUED")).creditId);
    const reader = await tokenFor(other.users.applicant.VIEWER, ["read"]);
    const at = (iso: string) => new Date(iso);
    const times = ["2026-11-30T23:59:59.999Z", "2026-12-01T00:00:00.000Z", "2026-12-01T08:00:00.000Z", "2026-12-02T00:00:00.000Z"];
    for (const [i, id] of ids.entries()) await db().credit.update({ where: { id }, data: { updatedAt: at(times[i]!) } });
    const listed = async (query: string) => {
      const response = await listCreditsRoute(new Request(`http://localhost/api/v1/credits${query}`, { headers: { authorization: `Bearer ${reader}` } }), { params: Promise.resolve({}) });
      const body = (await response.json()) as Page;
      expect(response.status, query).toBe(200);
      expect(violations("/credits", "get", 200, body)).toEqual([]);
      return body.items.map((i) => i.id);
    };
    expect(await listed("?updatedSince=2026-12-01T00:00:00Z")).toEqual([ids[3], ids[2], ids[1]]);
    // The same instant written in Singapore time (the + encoded, as in any query string).
    expect(await listed("?updatedSince=2026-12-01T08:00:00%2B08:00")).toEqual([ids[3], ids[2], ids[1]]);
    expect(await listed("?updatedSince=2026-12-01T08:00:00.001Z")).toEqual([ids[3]]);
    expect(await listed("?updatedSince=2026-12-03T00:00:00Z")).toEqual([]);
    // With the other filters and paging: a changed-since walk by `next`.
    const first = (await (await listCreditsRoute(new Request("http://localhost/api/v1/credits?updatedSince=2026-12-01T00:00:00Z&limit=2", { headers: { authorization: `Bearer ${reader}` } }), { params: Promise.resolve({}) })).json()) as Page;
    expect(first.items.map((i) => i.id)).toEqual([ids[3], ids[2]]);
    expect(await listed(`?updatedSince=2026-12-01T00:00:00Z&limit=2&after=${first.next}`)).toEqual([ids[1]]);
  });
});

describe("GET /api/v1/credits?ids= (bulk read)", () => {
  it("answers the given credits the caller may see in one page, with their terms on include=terms, and leaves out the others", async () => {
    const mine = [await creditIn(world, "ADVISED", { terms: { currency: "JPY", amount: "5000000" } }), await creditIn(world, "ISSUED", { terms: { currency: "BHD", amount: "1250.5" } })].map((c) => c.creditId);
    const other = await createWorld();
    const foreign = (await creditIn(other, "ISSUED")).creditId;
    const missing = "0193a1b2-0000-7000-8000-0000000000aa";
    const { status, body } = await list(`?ids=${[foreign, ...mine, missing, mine[0]].join(",")}&include=terms`);
    expect(status).toBe(200);
    expect(violations("/credits", "get", 200, body)).toEqual([]);
    const page = body as Page & { items: { id: string; amount: string; terms: { currency: string; amount: string; goodsDescription?: string } | null }[] };
    expect(page.items.map((i) => i.id).sort()).toEqual([...mine].sort());
    expect(page.next).toBeNull();
    const byId = new Map(page.items.map((i) => [i.id, i]));
    expect(byId.get(mine[0]!)).toMatchObject({ amount: "5000000", terms: { currency: "JPY", amount: "5000000" } });
    expect(byId.get(mine[1]!)).toMatchObject({ amount: "1250.500", terms: { currency: "BHD", amount: "1250.500" } });

    // Without include, no terms; a bulk read pages like any list when limit is smaller.
    const plain = await list(`?ids=${mine.join(",")}`);
    expect((plain.body as { items: object[] }).items.every((i) => !("terms" in i))).toBe(true);
    const paged = (await list(`?ids=${mine.join(",")}&limit=1`)).body as Page;
    expect(paged.items).toHaveLength(1);
    expect(paged.next).not.toBeNull();
    // The other world's applicant sees its own credit and none of ours.
    const theirs = await tokenFor(other.users.applicant.MAKER, ["read"]);
    const response = await listCreditsRoute(new Request(`http://localhost/api/v1/credits?ids=${[foreign, ...mine].join(",")}`, { headers: { authorization: `Bearer ${theirs}` } }), { params: Promise.resolve({}) });
    expect(((await response.json()) as Page).items.map((i) => i.id)).toEqual([foreign]);
  });
});

describe("GET /api/v1/credits pagination", () => {
  it("sees every credit exactly once while credits are updated during the walk", async () => {
    const other = await createWorld();
    const ids: string[] = [];
    for (let i = 0; i < 62; i++) ids.push((await creditIn(other, i % 2 ? "ISSUED" : "SUBMITTED")).creditId);
    const walker = await tokenFor(other.users.issuingBank.VIEWER, ["read"]);
    const page = async (query: string) => {
      const response = await listCreditsRoute(new Request(`http://localhost/api/v1/credits${query}`, { headers: { authorization: `Bearer ${walker}` } }), { params: Promise.resolve({}) });
      expect(response.status).toBe(200);
      return (await response.json()) as Page;
    };
    const seen: string[] = [];
    let current = await page("?limit=10");
    seen.push(...current.items.map((i) => i.id));
    let round = 0;
    while (current.next) {
      // Someone works on credits meanwhile: one not yet seen and one already seen get newer activity.
      const unseen = ids.filter((id) => !seen.includes(id));
      const touched = [unseen[unseen.length - 1], unseen[0], seen[round % seen.length]].filter((id): id is string => id !== undefined);
      await db().credit.updateMany({ where: { id: { in: touched } }, data: { version: { increment: 1 }, updatedAt: new Date() } });
      current = await page(`?limit=10&after=${current.next}`);
      seen.push(...current.items.map((i) => i.id));
      expect(++round).toBeLessThan(20);
    }
    expect(seen).toHaveLength(62);
    expect(new Set(seen)).toEqual(new Set(ids));

    // Backwards from the last page by `previous`: the same credits in the same order.
    const back: string[] = [...current.items.map((i) => i.id)];
    while (current.previous) {
      current = await page(`?limit=10&before=${current.previous}`);
      back.unshift(...current.items.map((i) => i.id));
    }
    expect(back).toEqual(seen);
    // The documented order: newest created first, by id (UUID v7).
    expect(seen).toEqual([...ids].sort().reverse());
  });

  it("sees every changed credit exactly once in a changed-since walk while credits keep changing", async () => {
    const other = await createWorld();
    const since = new Date();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await creditIn(other, "ISSUED")).creditId);
    const walker = await tokenFor(other.users.advisingBank.VIEWER, ["read"]);
    const page = async (query: string) => {
      const response = await listCreditsRoute(new Request(`http://localhost/api/v1/credits?updatedSince=${since.toISOString()}&limit=7${query}`, { headers: { authorization: `Bearer ${walker}` } }), { params: Promise.resolve({}) });
      expect(response.status).toBe(200);
      return (await response.json()) as Page;
    };
    const seen: string[] = [];
    let current = await page("");
    seen.push(...current.items.map((i) => i.id));
    while (current.next) {
      const unseen = ids.filter((id) => !seen.includes(id));
      await db().credit.updateMany({ where: { id: { in: [unseen[0], unseen.at(-1), seen[0]].filter((id): id is string => id !== undefined) } }, data: { version: { increment: 1 }, updatedAt: new Date() } });
      current = await page(`&after=${current.next}`);
      seen.push(...current.items.map((i) => i.id));
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen)).toEqual(new Set(ids));
  });

  it("refuses a cursor of the pages' own order, which the API does not walk", async () => {
    const uiPage = await listCredits(world.users.issuingBank.MAKER, {}, 1);
    expect(uiPage.next).not.toBeNull();
    expect((await list(`?after=${uiPage.next}`)).status).toBe(400);
  });
});
