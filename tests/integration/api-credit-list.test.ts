import { beforeAll, describe, expect, it } from "vitest";
import { GET as listCreditsRoute } from "@/app/api/v1/credits/route";
import { listCredits } from "@/lib/credits/list-credits";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "./support/database";
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

  it("refuses a cursor of the pages' own order, which the API does not walk", async () => {
    const uiPage = await listCredits(world.users.issuingBank.MAKER, {}, 1);
    expect(uiPage.next).not.toBeNull();
    expect((await list(`?after=${uiPage.next}`)).status).toBe(400);
  });
});
