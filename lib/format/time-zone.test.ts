import { describe, expect, it } from "vitest";

// The unit suite runs once per time zone (vitest.config.ts): prove each run really is in its zone,
// or the date tests below would pass three times in UTC and catch nothing.

describe("the unit run's time zone", () => {
  it("is the zone the project names", () => {
    const tz = process.env.TZ ?? "UTC";
    const resolved = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(tz === "UTC" ? ["UTC", "Etc/UTC"] : [tz]).toContain(resolved);
    // And Date's local methods follow it: 1 Jan 2027 00:30 UTC is 08:30 in Singapore, 19:30 the day before in New York.
    const local = new Date("2027-01-01T00:30:00Z");
    const expected = { UTC: [1, 0], "Asia/Singapore": [1, 8], "America/New_York": [31, 19] }[tz];
    expect(expected).toBeDefined();
    expect([local.getDate(), local.getHours()]).toEqual(expected);
  });
});
