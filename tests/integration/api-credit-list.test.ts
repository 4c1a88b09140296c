import { beforeAll, describe, expect, it } from "vitest";
import { GET as listCreditsRoute } from "@/app/api/v1/credits/route";
import { useTestDatabase } from "./support/database";
import { tokenFor } from "./support/tokens";
import { type World, createWorld, creditIn } from "./support/world";

// GET /api/v1/credits as an integrator calls it (issue 15): every query parameter is checked,
// and a value the API does not understand is refused with a 400 naming it, never ignored.

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
