import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { listAdminEvents } from "@/lib/organizations/admin-log";
import { bankingHoursSetting, setBankingHours } from "@/lib/organizations/banking-hours";
import { useTestDatabase } from "./support/database";
import { type World, createWorld } from "./support/world";

// Issue 13, error 3: a bank's administrator sets where the bank is (its time zone) and its
// cut-off for presentations; nobody else can, bad input changes nothing, and the change is logged.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe("banking hours", () => {
  it("a bank's administrator sets them, and the change is in the administrative log", async () => {
    await setBankingHours(world.users.issuingBank.ADMIN, { timeZone: "Asia/Singapore", cutOff: "16:30" });
    expect(await bankingHoursSetting(world.orgs.issuingBank)).toEqual({ timeZone: "Asia/Singapore", cutOff: "16:30" });
    await setBankingHours(world.users.issuingBank.ADMIN, { timeZone: "Asia/Singapore", cutOff: "" });
    expect(await bankingHoursSetting(world.orgs.issuingBank)).toEqual({ timeZone: "Asia/Singapore", cutOff: null });
    expect((await listAdminEvents(world.orgs.issuingBank)).map((e) => `${e.action} ${e.subject}`).slice(0, 2)).toEqual([
      "banking-hours-changed Asia/Singapore, no cut-off",
      "banking-hours-changed Asia/Singapore, cut-off 16:30",
    ]);
  });

  it("refuses anyone else and bad input, changing nothing", async () => {
    const before = await bankingHoursSetting(world.orgs.advisingBank);
    expect(await codeOf(setBankingHours(world.users.advisingBank.CHECKER, { timeZone: "Europe/Amsterdam", cutOff: "" }))).toBe("FORBIDDEN");
    expect(await codeOf(setBankingHours(world.users.applicant.ADMIN, { timeZone: "Europe/Amsterdam", cutOff: "" }))).toBe("FORBIDDEN");
    expect(await codeOf(setBankingHours(world.users.advisingBank.ADMIN, { timeZone: "Mars/Olympus", cutOff: "" }))).toBe("INVALID_REQUEST");
    expect(await codeOf(setBankingHours(world.users.advisingBank.ADMIN, { timeZone: "Europe/Amsterdam", cutOff: "25:00" }))).toBe("INVALID_REQUEST");
    expect(await bankingHoursSetting(world.orgs.advisingBank)).toEqual(before);
    // The database refuses a malformed cut-off too, whoever writes it.
    await expect(db().organization.update({ where: { id: world.orgs.advisingBank }, data: { cutOffTime: "4pm" } })).rejects.toThrow();
  });
});
