import { describe, expect, it } from "vitest";
import { transliterate } from "./transliterate";

describe("transliterate", () => {
  it("leaves text the set carries alone and reports nothing", () => {
    expect(transliterate("24 UNITS, MODEL DP-450 (STAINLESS)", "x")).toEqual({ text: "24 UNITS, MODEL DP-450 (STAINLESS)", changes: [] });
  });

  it("strips accents and reports each character with its line", () => {
    expect(transliterate("Société Générale\nMünchen", "x")).toEqual({
      text: "Societe Generale\nMunchen",
      changes: [
        { line: 1, from: "é", to: "e" },
        { line: 1, from: "é", to: "e" },
        { line: 1, from: "é", to: "e" },
        { line: 1, from: "é", to: "e" },
        { line: 2, from: "ü", to: "u" },
      ],
    });
  });

  it("writes & and @ as words with spaces in X, keeps them in Z", () => {
    expect(transliterate("Smith&Sons @ Rotterdam", "x").text).toBe("Smith AND Sons AT Rotterdam");
    expect(transliterate("Smith & Sons", "x").text).toBe("Smith AND Sons");
    expect(transliterate("Smith & Sons @ Rotterdam", "z")).toEqual({ text: "Smith & Sons @ Rotterdam", changes: [] });
  });

  it("uses the table for letters and signs no accent rule covers", () => {
    expect(transliterate("Straße, Ørsted, €100, 50%, 'quoted' “curly” – dash", "x").text).toBe("Strasse, Orsted, EUR100, 50 PCT, 'quoted' 'curly' - dash");
  });

  it("replaces what it cannot write with ? and says so", () => {
    expect(transliterate("北京 Beijing", "z")).toEqual({
      text: "?? Beijing",
      changes: [
        { line: 1, from: "北", to: "?" },
        { line: 1, from: "京", to: "?" },
      ],
    });
  });

  it("keeps a line from starting with : or -, which FIN would read as a field or the end", () => {
    expect(transliterate("GOODS\n- 24 PUMPS\n:NOTE", "z")).toEqual({
      text: "GOODS\n. 24 PUMPS\n.NOTE",
      changes: [
        { line: 2, from: "-", to: "." },
        { line: 3, from: ":", to: "." },
      ],
    });
  });
});
