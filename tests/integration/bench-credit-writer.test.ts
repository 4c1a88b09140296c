import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startCreditWriter } from "@/bench/support/credit-writer";
import { seedCredits, seedOrganisations } from "@/bench/support/seed";
import { useTestDatabase } from "./support/database";

// The dashboard benchmark's writer (bench/support/credit-writer.ts): it changes the credits it is
// given, and only those, at the rate it is given, as a lifecycle step changes a credit (a new
// version, a new updated_at), on the app's own role, and stops when told.

const database = useTestDatabase();
let ids: string[];

beforeAll(async () => {
  const orgs = await seedOrganisations(2, 2);
  ids = await seedCredits(20, orgs);
});

type Row = { id: string; version: number; updated_at: Date };
const snapshot = async () => new Map((await db().$queryRaw<Row[]>`SELECT id, version, updated_at FROM credits`).map((r) => [r.id, r]));

describe("the benchmark's credit writer", () => {
  it("changes only the credits it is given, no faster than its rate, and stops when told", async () => {
    const chosen = ids.slice(0, 5);
    const before = await snapshot();
    const started = performance.now();
    const writer = await startCreditWriter(database.url(), chosen, 40);
    await new Promise((r) => setTimeout(r, 800));
    await writer.stop();
    const seconds = (performance.now() - started) / 1000;
    const after = await snapshot();

    expect(writer.errors().count).toBe(0);
    expect(writer.writes()).toBeGreaterThan(0);
    // The n-th change is due n / 40 s after the start: never more than the schedule allows.
    expect(writer.writes()).toBeLessThanOrEqual(Math.floor(seconds * 40) + 1);
    // Each write is one new version of one chosen credit, with a later updated_at.
    const added = [...after.values()].reduce((sum, row) => sum + row.version - before.get(row.id)!.version, 0);
    expect(added).toBe(writer.writes());
    for (const [id, row] of after) {
      const was = before.get(id)!;
      if (!chosen.includes(id)) expect(row).toEqual(was);
      else if (row.version > was.version) expect(row.updated_at.getTime()).toBeGreaterThan(was.updated_at.getTime());
    }

    // Stopped: nothing changes any more, and stopping again is harmless.
    await new Promise((r) => setTimeout(r, 200));
    expect(await snapshot()).toEqual(after);
    await writer.stop();
  });

  it("refuses a rate of zero and an empty list of credits", async () => {
    await expect(startCreditWriter(database.url(), ids, 0)).rejects.toThrow(/perSecond/);
    await expect(startCreditWriter(database.url(), [], 10)).rejects.toThrow(/no credits/);
  });
});
