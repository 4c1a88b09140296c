import { describe, expect, it } from "vitest";
import { shiftTermsDates } from "./shift-dates";

describe("shiftTermsDates", () => {
  const terms = { expiryDate: "2026-03-31", latestShipmentDate: "2026-03-10", amount: "1.00" };

  it("moves expiry and latest shipment by the whole days since the terms were written", () => {
    expect(shiftTermsDates(terms, new Date("2026-01-01T23:30:00Z"), new Date("2026-01-11T00:10:00Z"))).toEqual({ expiryDate: "2026-04-10", latestShipmentDate: "2026-03-20", amount: "1.00" });
  });

  it("crosses month and leap-year ends by calendar days", () => {
    expect(shiftTermsDates({ expiryDate: "2028-02-28", latestShipmentDate: "2028-02-27" }, new Date("2027-12-31T00:00:00Z"), new Date("2028-01-01T00:00:00Z"))).toEqual({ expiryDate: "2028-02-29", latestShipmentDate: "2028-02-28" });
  });

  it("moves a standby's expiry and adds no latest shipment date", () => {
    const standby = { expiryDate: "2026-03-31", latestShipmentDate: undefined, creditKind: "STANDBY" };
    expect(shiftTermsDates(standby, new Date("2026-01-01T00:00:00Z"), new Date("2026-01-03T00:00:00Z"))).toStrictEqual({ expiryDate: "2026-04-02", latestShipmentDate: undefined, creditKind: "STANDBY" });
  });

  it("leaves terms written today (or, by a skewed clock, later) as they are", () => {
    expect(shiftTermsDates(terms, new Date("2026-01-01T08:00:00Z"), new Date("2026-01-01T20:00:00Z"))).toBe(terms);
    expect(shiftTermsDates(terms, new Date("2026-01-05T00:00:00Z"), new Date("2026-01-01T00:00:00Z"))).toBe(terms);
  });
});
