import { beforeAll, describe, expect, it, vi } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CreditStatus } from "@/lib/generated/prisma/enums";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { COUNTERPARTIES_TTL_MS, type CreditListFilters, counterparties, listCredits } from "@/lib/credits/list-credits";
import { visibleToSql } from "@/lib/credits/visibility";
import { db } from "@/lib/db/client";
import { ALL_STATUSES, type Organisations, seedCredits, seedOrganisations, seedUsers } from "@/bench/support/seed";
import { useTestDatabase } from "./support/database";

// The credit list reads each party role's newest credits from its own index and merges them
// (lib/credits/list-credits.ts). Its oracle here is the plain definition: every credit
// visibleToSql() admits, filtered, in (updated_at, id) descending order. Paging forwards and
// backwards through the whole list must give exactly that, with ties in updated_at, a bank that
// both advises and confirms a credit, and each filter.

useTestDatabase();

let orgs: Organisations;
let bank: Actor;
let corporate: Actor;
let counterparty: string;

beforeAll(async () => {
  orgs = await seedOrganisations(4, 5);
  await seedCredits(900, orgs, ALL_STATUSES);
  // Ties: 40 credits updated at the same instant, ordered among themselves by id.
  await db().$executeRaw`UPDATE credits SET updated_at = now() - interval '3 days' WHERE id IN (SELECT id FROM credits ORDER BY id LIMIT 40)`;
  // The advising bank adds its confirmation to some issued credits: it then plays two roles.
  await db().$executeRaw`UPDATE credits SET confirming_bank_id = advising_bank_id, confirmed = true
                          WHERE issued_at IS NOT NULL AND id IN (SELECT id FROM credits ORDER BY reference LIMIT 300)`;
  const users = await seedUsers([orgs.banks[0]!, orgs.corporates[0]!], ["MAKER"]);
  bank = (await loadActor(users.get(orgs.banks[0]!)!, orgs.banks[0]!))!;
  corporate = (await loadActor(users.get(orgs.corporates[0]!)!, orgs.corporates[0]!))!;
  counterparty = orgs.banks[1]!;
});

async function oracle(actor: Actor, filters: { status?: CreditStatus; counterpartyId?: string; like?: string } = {}): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT c.id FROM credits c
      JOIN organizations ap ON ap.id = c.applicant_id JOIN organizations be ON be.id = c.beneficiary_id
     WHERE ${visibleToSql(actor)}
       AND (${filters.status ?? null}::text IS NULL OR c.status::text = ${filters.status ?? null})
       AND (${filters.counterpartyId ?? null}::uuid IS NULL OR ${filters.counterpartyId ?? null}::uuid IN
            (c.applicant_id, c.beneficiary_id, c.issuing_bank_id, c.advising_bank_id, c.confirming_bank_id))
       AND (${filters.like ?? null}::text IS NULL OR c.reference ILIKE ${filters.like ?? null} OR c.credit_number ILIKE ${filters.like ?? null}
            OR ap.name ILIKE ${filters.like ?? null} OR be.name ILIKE ${filters.like ?? null})
     ORDER BY c.updated_at DESC, c.id DESC`;
  return rows.map((r) => r.id);
}

/** Every page from the first, by `next`; then every page back from the last, by `previous`. */
async function walk(actor: Actor, filters: CreditListFilters, pageSize: number) {
  const forward: string[][] = [];
  let page = await listCredits(actor, filters, pageSize);
  expect(page.previous).toBeNull();
  forward.push(page.items.map((i) => i.id));
  while (page.next) {
    page = await listCredits(actor, { ...filters, after: page.next }, pageSize);
    forward.push(page.items.map((i) => i.id));
    expect(forward.length).toBeLessThan(1_000); // a cursor that does not advance would loop forever
  }
  const backward: string[][] = [forward[forward.length - 1]!];
  while (page.previous) {
    page = await listCredits(actor, { ...filters, before: page.previous }, pageSize);
    backward.unshift(page.items.map((i) => i.id));
    expect(backward.length).toBeLessThan(1_000);
  }
  return { forward, backward };
}

describe("listCredits", () => {
  it.each([
    ["a bank (issuing, advising and confirming)", () => bank],
    ["a trading company (applicant and beneficiary)", () => corporate],
  ])("pages forwards and back through exactly the credits %s sees, newest first", async (_name, actor) => {
    const expected = await oracle(actor());
    expect(expected.length).toBeGreaterThan(200);
    const { forward, backward } = await walk(actor(), {}, 25);
    expect(forward.flat()).toEqual(expected);
    expect(forward.slice(0, -1).every((p) => p.length === 25)).toBe(true);
    expect(backward).toEqual(forward);
  });

  it("gives each credit's fields as Prisma reads them (dates at UTC midnight, instants, amounts as text)", async () => {
    // A server far from UTC: a DATE read as local midnight would be the day before in UTC.
    const tz = process.env.TZ;
    process.env.TZ = "America/New_York";
    const { items } = await listCredits(corporate, {}, 5).finally(() => {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    });
    expect(items).toHaveLength(5);
    for (const item of items) {
      const credit = await db().credit.findUniqueOrThrow({
        where: { id: item.id },
        include: { applicant: true, beneficiary: true, issuingBank: true },
      });
      expect(item).toEqual({
        id: credit.id,
        reference: credit.reference,
        creditNumber: credit.creditNumber,
        status: credit.status,
        currency: credit.currency,
        amount: credit.amount.toFixed(3),
        expiryDate: credit.expiryDate,
        updatedAt: credit.updatedAt,
        applicantName: credit.applicant.name,
        beneficiaryName: credit.beneficiary.name,
        issuingBankName: credit.issuingBank.name,
      });
      expect(item.expiryDate.toISOString()).toMatch(/T00:00:00\.000Z$/);
    }
  });

  it("lists a credit that a bank both advises and confirms once", async () => {
    const [{ n }] = (await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM credits WHERE advising_bank_id = ${bank.organizationId}::uuid AND confirming_bank_id = advising_bank_id AND issued_at IS NOT NULL`) as [{ n: bigint }];
    expect(Number(n)).toBeGreaterThan(0);
    const ids = (await walk(bank, {}, 50)).forward.flat();
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each<[string, () => CreditListFilters, () => Parameters<typeof oracle>[1]]>([
    ["status", () => ({ status: "ADVISED" }), () => ({ status: "ADVISED" })],
    ["counterparty", () => ({ counterpartyId: counterparty }), () => ({ counterpartyId: counterparty })],
    ["a party's name", () => ({ q: "trading 002" }), () => ({ like: "%trading 002%" })],
    ["part of a reference", () => ({ q: "-00001" }), () => ({ like: "%-00001%" })],
    ["status and counterparty together", () => ({ status: "ADVISED", counterpartyId: counterparty }), () => ({ status: "ADVISED", counterpartyId: counterparty })],
  ])("filters by %s, on every page", async (_name, filters, oracleFilters) => {
    for (const actor of [bank, corporate]) {
      const expected = await oracle(actor, oracleFilters());
      const { forward, backward } = await walk(actor, filters(), 10);
      expect(forward.flat()).toEqual(expected);
      expect(backward).toEqual(forward);
    }
    // Each filter must leave something to page through, for the bank or for the company.
    expect((await oracle(bank, oracleFilters())).length + (await oracle(corporate, oracleFilters())).length).toBeGreaterThan(10);
  });

  it("takes % and _ in a search literally", async () => {
    expect((await listCredits(bank, { q: "%" }, 25)).items).toEqual([]);
    expect((await listCredits(corporate, { q: "_" }, 25)).items).toEqual([]);
  });

  it("ignores a cursor it did not issue and starts from the first page", async () => {
    const first = await listCredits(bank, {}, 25);
    expect((await listCredits(bank, { after: "not-a-cursor" }, 25)).items).toEqual(first.items);
  });

  it("shows nothing to an organisation that is party to nothing", async () => {
    const [lonely] = await seedOrganisations(2, 2).then((o) => o.corporates);
    const users = await seedUsers([lonely!], ["MAKER"]);
    const actor = (await loadActor(users.get(lonely!)!, lonely!))!;
    expect(await listCredits(actor, {}, 25)).toEqual({ items: [], next: null, previous: null });
  });
});

describe("counterparties", () => {
  async function oracleCounterparties(actor: Actor): Promise<string[]> {
    const rows = await db().$queryRaw<{ id: string }[]>`
      SELECT DISTINCT o.id FROM credits c, organizations o
       WHERE ${visibleToSql(actor)} AND o.id <> ${actor.organizationId}::uuid
         AND o.id IN (c.applicant_id, c.beneficiary_id, c.issuing_bank_id, c.advising_bank_id, c.confirming_bank_id)`;
    return rows.map((r) => r.id).sort();
  }

  it("offers every organisation the actor shares a visible credit with, and reuses the list for a minute", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    try {
      const first = await counterparties(corporate);
      expect(first.map((o) => o.id).sort()).toEqual(await oracleCounterparties(corporate));
      expect(first.length).toBeGreaterThan(2);

      // A credit with a bank the company never dealt with: the filter offers it within the minute.
      const [newBank] = (await seedOrganisations(2, 2)).banks;
      await db().$executeRaw`UPDATE credits SET issuing_bank_id = ${newBank!}::uuid WHERE id = (SELECT id FROM credits WHERE applicant_id = ${corporate.organizationId}::uuid LIMIT 1)`;
      expect((await counterparties(corporate)).map((o) => o.id)).not.toContain(newBank);
      vi.setSystemTime(Date.now() + COUNTERPARTIES_TTL_MS + 1);
      expect((await counterparties(corporate)).map((o) => o.id)).toContain(newBank);
      expect((await counterparties(corporate)).map((o) => o.id).sort()).toEqual(await oracleCounterparties(corporate));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the database client", () => {
  it("runs each statement as a named prepared statement, planned once per connection", async () => {
    const sql = Prisma.sql`SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE ${"%pg_prepared_statements%"}`;
    const rows = await db().$queryRaw<{ name: string; statement: string }[]>(sql);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^tt_[0-9a-f]{40}$/.test(r.name))).toBe(true);
  });
});
