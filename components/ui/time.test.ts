import { describe, expect, it } from "vitest";
import { formatRelative, formatUtcDate, formatUtcDateTime, toDate } from "./time";

describe("UTC formatting", () => {
  it("prints the same characters whatever the machine's time zone", () => {
    const at = new Date("2027-03-15T23:30:00Z");
    expect(formatUtcDate(at)).toBe("15 Mar 2027");
    expect(formatUtcDateTime(at)).toBe("15 Mar 2027, 23:30 UTC");
  });

  it("reads a calendar date as that day, not local midnight", () => {
    expect(toDate("2027-01-01").toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(formatUtcDate(toDate("2027-01-01"))).toBe("1 Jan 2027");
  });
});

describe("formatRelative", () => {
  const now = new Date("2027-03-15T12:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it("says how long ago, in the largest whole unit", () => {
    expect(formatRelative(ago(30), now)).toBe("just now");
    expect(formatRelative(ago(60), now)).toBe("1 minute ago");
    expect(formatRelative(ago(59 * 60), now)).toBe("59 minutes ago");
    expect(formatRelative(ago(2 * 3600 + 59), now)).toBe("2 hours ago");
    expect(formatRelative(ago(3 * 86400), now)).toBe("3 days ago");
  });

  it("speaks of the future too", () => {
    expect(formatRelative(ago(-86400), now)).toBe("in 1 day");
  });

  it("gives the date once it is a month or more away", () => {
    expect(formatRelative(ago(45 * 86400), now)).toBe("29 Jan 2027");
  });
});
