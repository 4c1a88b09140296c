import { describe, expect, it } from "vitest";
import { compareAirports } from "./airports";

describe("compareAirports (art. 23(a)(iv))", () => {
  it("meets the credit's city by its airport, by name or IATA code, and a range by an airport inside it", () => {
    expect(compareAirports("Amsterdam", "Amsterdam Schiphol")).toBe("same");
    expect(compareAirports("Amsterdam", "AMS")).toBe("same");
    expect(compareAirports("Shanghai", "Shanghai Pudong International Airport (PVG)")).toBe("same");
    expect(compareAirports("Any European airport", "Frankfurt (FRA)")).toBe("same");
  });

  it("finds another airport, and leaves the undecidable to the examiner", () => {
    expect(compareAirports("Amsterdam", "Frankfurt")).toBe("different");
    expect(compareAirports("Any European airport", "Singapore Changi")).toBe("different");
    expect(compareAirports("Shanghai Pudong (PVG)", "Shanghai")).toBe("undetermined");
    expect(compareAirports("Eindhoven", "Maastricht Aachen")).toBe("undetermined");
  });
});
