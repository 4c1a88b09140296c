import { beforeAll, describe, expect, it } from "vitest";
import { addHoliday, listHolidays } from "@/lib/calendar/holidays";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "./support/database";
import { type World, createWorld } from "./support/world";

// Issue 13, bug 5: "2026-02-30" was stored as 2 March. Impossible dates are refused with a
// message naming them, and nothing is stored; a real leap day is kept as it is.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe("bank holidays", () => {
  it("refuses a date the calendar does not have, storing nothing, and keeps a real leap day", async () => {
    const admin = world.users.issuingBank.ADMIN;
    for (const date of ["2026-02-30", "2026-04-31", "2027-02-29", "2026-13-01"]) {
      const error = await addHoliday(admin, { date, name: "Not a day" }).then(() => null, (e: unknown) => e);
      expect(error, date).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("INVALID_REQUEST");
      expect((error as AppError).message).toContain(date);
    }
    expect(await listHolidays(world.orgs.issuingBank)).toEqual([]);
    await addHoliday(admin, { date: "2028-02-29", name: "Leap day" });
    expect((await listHolidays(world.orgs.issuingBank)).map((h) => h.date.toISOString().slice(0, 10))).toEqual(["2028-02-29"]);
  });
});
