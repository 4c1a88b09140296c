import { describe, expect, it } from "vitest";
import { formatIsoDate } from "@/lib/terms/fields";
import { fromSqlDate, formatUtcDate, formatUtcDateTime, isRealIsoDate, toDate } from "./dates";

// Bug 11: these run in UTC, Singapore (UTC+8) and New York (UTC-5/-4) (vitest.config.ts). Each
// case sits next to a midnight, so a date read or printed in the machine's zone instead of UTC
// lands on the neighbouring day in at least one of the three runs.

const EDGES = [
  // Late in the UTC day: already tomorrow in Singapore.
  { at: "2027-03-15T23:30:00Z", date: "15 Mar 2027", time: "23:30" },
  // Early in the UTC day: still yesterday in New York.
  { at: "2027-03-16T00:30:00Z", date: "16 Mar 2027", time: "00:30" },
  // Year ends, both ways.
  { at: "2026-12-31T23:59:00Z", date: "31 Dec 2026", time: "23:59" },
  { at: "2027-01-01T00:00:00Z", date: "1 Jan 2027", time: "00:00" },
  // The night New York moves its clocks (14 Mar 2027, 02:00 local).
  { at: "2027-03-14T06:59:00Z", date: "14 Mar 2027", time: "06:59" },
];

describe("formatUtcDate and formatUtcDateTime", () => {
  for (const edge of EDGES) {
    it(`print ${edge.at} as ${edge.date}, ${edge.time} UTC in every zone`, () => {
      const date = new Date(edge.at);
      expect(formatUtcDate(date)).toBe(edge.date);
      expect(formatUtcDateTime(date)).toBe(`${edge.date}, ${edge.time} UTC`);
    });
  }
});

describe("calendar dates (expiry, shipment, due dates: @db.Date columns and ISO strings)", () => {
  const DAYS = ["2027-01-01", "2027-03-14", "2027-03-15", "2027-11-07", "2026-12-31", "2028-02-29"];

  it("read an ISO date as that day at UTC midnight, never local midnight", () => {
    for (const day of DAYS) {
      expect(toDate(day).toISOString()).toBe(`${day}T00:00:00.000Z`);
      expect(toDate(day).toISOString().slice(0, 10)).toBe(day);
    }
  });

  it("read a SQL DATE the way Prisma reads an @db.Date column, and print the same day", () => {
    for (const day of DAYS) {
      const read = fromSqlDate(day);
      expect(read.toISOString()).toBe(`${day}T00:00:00.000Z`);
      expect(formatUtcDate(read)).toBe(formatIsoDate(day));
    }
    expect(formatUtcDate(fromSqlDate("2027-03-15"))).toBe("15 Mar 2027");
  });

  it("print ISO dates the way the terms show them", () => {
    expect(formatIsoDate("2027-03-15")).toBe("15 Mar 2027");
    expect(formatIsoDate("2027-01-01")).toBe("1 Jan 2027");
    expect(formatIsoDate("2026-12-31")).toBe("31 Dec 2026");
    expect(formatIsoDate("not a date")).toBe("not a date");
  });

  it("keep a moment with an offset as that moment", () => {
    // 08:00 in Singapore on 16 March is midnight UTC: the 16th in UTC.
    expect(formatUtcDateTime(toDate("2027-03-16T08:00:00+08:00"))).toBe("16 Mar 2027, 00:00 UTC");
    const same = new Date("2027-03-15T23:30:00Z");
    expect(toDate(same)).toBe(same);
  });
});

describe("isRealIsoDate", () => {
  it("accepts calendar dates that exist, leap days included", () => {
    for (const day of ["2026-01-31", "2028-02-29", "2026-12-31", "2000-02-29"]) expect(isRealIsoDate(day), day).toBe(true);
  });

  it("refuses dates the calendar does not have, and other shapes", () => {
    for (const day of ["2026-02-30", "2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-5", "2026-01-05T00:00:00Z", " 2026-01-05", ""]) {
      expect(isRealIsoDate(day), day).toBe(false);
    }
  });
});
