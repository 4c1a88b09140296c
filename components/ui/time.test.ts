import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Time, formatRelative, formatUtcDate, formatUtcDateTime, toDate } from "./time";

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

describe("<Time>", () => {
  // Runs in UTC, Singapore and New York (vitest.config.ts): the markup must not move a day.
  const markup = (props: Parameters<typeof Time>[0]) => renderToStaticMarkup(createElement(Time, props));

  it("shows an expiry date (a calendar date) as that day, with a machine-readable day", () => {
    expect(markup({ value: "2027-03-15", dateOnly: true })).toBe('<time dateTime="2027-03-15" class="whitespace-nowrap">15 Mar 2027</time>');
    // As it comes from an @db.Date column: UTC midnight.
    expect(markup({ value: new Date("2027-01-01T00:00:00Z"), dateOnly: true })).toBe('<time dateTime="2027-01-01" class="whitespace-nowrap">1 Jan 2027</time>');
  });

  it("shows a moment next to midnight on its UTC day", () => {
    expect(markup({ value: new Date("2027-03-15T23:30:00Z") })).toContain(">15 Mar 2027, 23:30 UTC</time>");
    expect(markup({ value: "2027-03-16T00:30:00.000Z" })).toContain(">16 Mar 2027, 00:30 UTC</time>");
    expect(markup({ value: new Date("2027-03-16T00:30:00Z"), dateOnly: true })).toContain('dateTime="2027-03-16"');
  });

  it("prints what it cannot read as it is", () => {
    expect(markup({ value: "soon" })).toBe("<span>soon</span>");
  });
});
