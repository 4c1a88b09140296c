import { describe, expect, it } from "vitest";
import { COUNTRIES, countryName, parseBic, parseCountry } from "./identifiers";

describe("parseCountry", () => {
  it("accepts ISO 3166-1 alpha-2 codes in any case and refuses what is not a country", () => {
    expect(parseCountry(" sg ")).toBe("SG");
    expect(parseCountry("XK")).toBe("XK");
    for (const code of ["XY", "ZZ", "EU", "UN", "XA", "SGP", "S", "1A", ""]) expect(parseCountry(code), code).toBeNull();
  });

  it("names a country, and leaves anything else as it is", () => {
    expect(countryName("NL")).toBe("Netherlands");
    expect(countryName("ZZ")).toBe("ZZ");
  });

  it("offers every country once, by name, and nothing that is not one", () => {
    expect(COUNTRIES.length).toBeGreaterThan(240);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(COUNTRIES.length);
    expect(COUNTRIES.every((c) => parseCountry(c.code) === c.code)).toBe(true);
    expect(COUNTRIES.find((c) => c.code === "SG")?.name).toBe("Singapore");
    expect(COUNTRIES.map((c) => c.name)).toEqual([...COUNTRIES.map((c) => c.name)].sort((a, b) => a.localeCompare(b, "en")));
  });
});

describe("parseBic", () => {
  it("reads 8- and 11-character BICs, with the head office's branch XXX made explicit", () => {
    expect(parseBic("mtbksgsg")).toEqual({ bic: "MTBKSGSGXXX", country: "SG" });
    expect(parseBic("MTBK SG SG 123")).toEqual({ bic: "MTBKSGSG123", country: "SG" });
    expect(parseBic("RMBKNL2R")).toEqual({ bic: "RMBKNL2RXXX", country: "NL" });
  });

  it("refuses wrong lengths, digits in the institution or country code, and unknown countries", () => {
    for (const bic of ["MTBKSGS", "MTBKSGSGX", "MTBKSGSGXX", "MTBKSGSGXXXX", "MT1KSGSG", "MTBK5GSG", "MTBKXYSG", "MTBKSG-G", ""]) expect(parseBic(bic), bic).toBeNull();
  });
});
