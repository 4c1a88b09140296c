import { beforeAll, describe, expect, it } from "vitest";
import { GET as listCreditsRoute } from "@/app/api/v1/credits/route";
import { GET as getCreditRoute } from "@/app/api/v1/credits/[creditId]/route";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "./support/database";
import { tokenFor } from "./support/tokens";
import { type World, createWorld, creditIn } from "./support/world";

// One canonical form for every amount the API returns (issue 15): a decimal string with exactly
// the currency's minor units, USD "42000.00", JPY "42000", BHD "42000.000", whichever endpoint
// returns it (the list used to say "42000.000", the credit "42000", its terms "42000.00").

useTestDatabase();
let world: World;
let token: string;
const credits: Record<"USD" | "JPY" | "BHD", string> = { USD: "", JPY: "", BHD: "" };
const CANONICAL = { USD: "42000.00", JPY: "42000", BHD: "42000.000" } as const;

beforeAll(async () => {
  world = await createWorld();
  for (const currency of ["USD", "JPY", "BHD"] as const) {
    // Entered without decimals, as a user may; stored as Decimal(18,3).
    credits[currency] = (await creditIn(world, "ADVISED", { presentation: "PRESENTED", terms: { currency, amount: "42000" } })).creditId;
    await db().payment.create({
      data: { creditId: credits[currency], presentationId: (await db().presentation.findFirstOrThrow({ where: { creditId: credits[currency] } })).id, kind: "SIGHT", currency, amount: "42000", makerId: world.users.issuingBank.MAKER.userId, checkerId: world.users.issuingBank.CHECKER.userId },
    });
  }
  token = await tokenFor(world.users.issuingBank.MAKER, ["read"]);
});

const get = async (route: typeof listCreditsRoute, path: string, params: Record<string, string>) => {
  const response = await route(new Request(`http://localhost/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) } as never);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
};

describe("amounts in API responses", () => {
  it.each(["USD", "JPY", "BHD"] as const)("are %s amounts with the currency's minor units in the list and in the credit", async (currency) => {
    const list = (await get(listCreditsRoute, "/credits", {})) as { items: { id: string; amount: string }[] };
    expect(list.items.find((i) => i.id === credits[currency])?.amount).toBe(CANONICAL[currency]);

    const credit = (await get(getCreditRoute as never, `/credits/${credits[currency]}`, { creditId: credits[currency] })) as {
      amount: string;
      drawnAmount: string;
      terms: { amount: string };
      presentations: { claimedAmount: string | null; payments: { amount: string }[] }[];
    };
    expect(credit.amount).toBe(CANONICAL[currency]);
    expect(credit.terms.amount).toBe(CANONICAL[currency]);
    expect(credit.drawnAmount).toBe({ USD: "0.00", JPY: "0", BHD: "0.000" }[currency]);
    expect(credit.presentations[0]!.claimedAmount).toBe(CANONICAL[currency]);
    expect(credit.presentations[0]!.payments[0]!.amount).toBe(CANONICAL[currency]);
  });
});
