import { describe, expect, it } from "vitest";
import { businessDay, pastDateErrors, termsDateWarnings } from "./dates";
import { parseTerms } from "./schema";
import { sampleTerms } from "./sample";

describe("businessDay", () => {
  it("is the UTC calendar date, whatever the machine's time zone", () => {
    // 23:30 UTC is already the next day in Singapore and still the same day in New York.
    expect(businessDay(new Date("2027-03-15T23:30:00Z"))).toBe("2027-03-15");
    expect(businessDay(new Date("2027-03-16T00:00:00Z"))).toBe("2027-03-16");
    expect(businessDay(new Date("2027-03-15T00:30:00+08:00"))).toBe("2027-03-14");
  });
});

describe("pastDateErrors", () => {
  const terms = { expiryDate: "2027-03-15", latestShipmentDate: "2027-02-28" };

  it("accepts dates from today on", () => {
    expect(pastDateErrors(terms, "2027-02-28")).toEqual({});
  });

  it("names a past latest shipment date, then a past expiry date too", () => {
    expect(Object.keys(pastDateErrors(terms, "2027-03-01"))).toEqual(["latestShipmentDate"]);
    expect(pastDateErrors(terms, "2027-03-16")).toEqual({
      expiryDate: "The expiry date (31D) 2027-03-15 is in the past (today is 2027-03-16, UTC)",
      latestShipmentDate: "The latest shipment date (44C) 2027-02-28 is in the past (today is 2027-03-16, UTC)",
    });
  });

  it("treats the expiry day itself as still open", () => {
    expect(pastDateErrors(terms, "2027-03-15")).toEqual({ latestShipmentDate: expect.any(String) });
  });
});

describe("terms without a latest shipment date (a standby, or a shipment period in 44D)", () => {
  it("judges the expiry date alone and warns about no presentation period", () => {
    expect(pastDateErrors({ expiryDate: "2026-01-01", latestShipmentDate: undefined }, "2026-03-01")).toEqual({
      expiryDate: "The expiry date (31D) 2026-01-01 is in the past (today is 2026-03-01, UTC)",
    });
    expect(pastDateErrors({ expiryDate: "2026-06-01", latestShipmentDate: undefined }, "2026-03-01")).toEqual({});
    expect(termsDateWarnings({ expiryDate: "2026-06-01", latestShipmentDate: undefined, presentationPeriodDays: 21 })).toEqual([]);
  });
});

describe("termsDateWarnings", () => {
  it("says nothing when the whole presentation period fits before expiry", () => {
    expect(termsDateWarnings({ expiryDate: "2027-03-22", latestShipmentDate: "2027-03-01", presentationPeriodDays: 21 })).toEqual([]);
  });

  it("warns when shipment on the last day leaves less than the period (field 48) before expiry", () => {
    const [warning, ...rest] = termsDateWarnings({ expiryDate: "2027-03-21", latestShipmentDate: "2027-03-01", presentationPeriodDays: 21 });
    expect(rest).toEqual([]);
    expect(warning).toMatch(/leave 20 days to present documents before the expiry date \(2027-03-21\), not the 21 days of field 48/);
    expect(termsDateWarnings({ expiryDate: "2027-03-02", latestShipmentDate: "2027-03-01", presentationPeriodDays: 5 })[0]).toMatch(/leave 1 day to present/);
  });

  it("uses the default 21 days when field 48 is not given", () => {
    expect(termsDateWarnings({ expiryDate: "2027-03-10", latestShipmentDate: "2027-03-01" })[0]).toMatch(/not the 21 days/);
  });

  it("counts calendar days across a daylight-saving change", () => {
    // Europe and the US move their clocks in March; a UTC calendar is not fooled into 20.96 days.
    expect(termsDateWarnings({ expiryDate: "2027-03-29", latestShipmentDate: "2027-03-08", presentationPeriodDays: 21 })).toEqual([]);
  });
});

describe("terms validation", () => {
  it("refuses a latest shipment date after the expiry date", () => {
    const result = parseTerms(sampleTerms({ expiryDate: "2027-03-01", latestShipmentDate: "2027-03-02" }));
    expect(result).toEqual({ ok: false, fields: { latestShipmentDate: "The latest shipment date must be on or before the expiry date" } });
  });
});
