import { describe, expect, it } from "vitest";
import { checkSwiftCharset, checkSwiftText, describeSwiftFormat, maxLines, parseSwiftFormat, type SwiftFieldSpec } from "./format";

const narrative: SwiftFieldSpec = { tag: "72Z", label: "Sender to receiver information", format: "6*35z" };
const bank: SwiftFieldSpec = { tag: "53a", label: "Reimbursing bank", format: "4*35x" };
const place: SwiftFieldSpec = { tag: "31D", label: "Place of expiry", format: "29x" };
const goods: SwiftFieldSpec = { tag: "45A", label: "Description of goods", format: "100*65z", continuedIn: "45B" };

describe("parseSwiftFormat", () => {
  it("reads lines, width and character set from SWIFT's notation", () => {
    expect(parseSwiftFormat("4*35x")).toEqual({ text: "4*35x", lines: 4, width: 35, charset: "x" });
    expect(parseSwiftFormat("100*65z")).toEqual({ text: "100*65z", lines: 100, width: 65, charset: "z" });
    expect(parseSwiftFormat("140z")).toEqual({ text: "140z", lines: 1, width: 140, charset: "z" });
  });

  it("refuses a format it cannot read rather than guessing", () => {
    expect(() => parseSwiftFormat("6!n")).toThrow(/Unsupported SWIFT format "6!n"/);
    expect(() => parseSwiftFormat("35y")).toThrow();
  });
});

describe("checkSwiftText", () => {
  it("accepts text within the lines, the width and the character set", () => {
    expect(checkSwiftText("CITIBANK N.A.\nNEW YORK, NY 10043\n(ACCOUNT 36-112/7)", bank)).toBeNull();
    expect(checkSwiftText("x".repeat(35), bank)).toBeNull();
    expect(checkSwiftText("", bank)).toBeNull();
    expect(checkSwiftText("Rotterdam", place)).toBeNull();
  });

  it("counts lines: the fifth line of a 4*35x field is refused, naming the tag", () => {
    expect(checkSwiftText("A\nB\nC\nD", bank)).toBeNull();
    expect(checkSwiftText("A\nB\nC\nD\nE", bank)).toBe("53a Reimbursing bank: 5 lines, SWIFT allows at most 4 lines of 35 characters");
    expect(checkSwiftText("A\r\nB\r\nC\r\nD\r\nE", bank)).toMatch(/^53a .*5 lines/);
  });

  it("measures each line: a 36-character line of a 4*35x field is refused with its line number", () => {
    expect(checkSwiftText(`OK\n${"B".repeat(36)}`, bank)).toBe(
      "53a Reimbursing bank: line 2 has 36 characters, SWIFT allows at most 35 per line (4*35x); break it into shorter lines",
    );
  });

  it("validates lines times width, not total characters: 100 lines of 65 fit 45A, one line of 66 does not", () => {
    const full = Array.from({ length: 100 }, () => "G".repeat(65)).join("\n");
    expect(checkSwiftText(full, goods)).toBeNull();
    expect(checkSwiftText("G".repeat(66), goods)).toMatch(/^45A Description of goods: line 1 has 66 characters, SWIFT allows at most 65 per line/);
  });

  it("lets 45A continue in 45B of up to seven MT701s: 800 lines, not 801", () => {
    expect(maxLines(goods)).toBe(800);
    expect(maxLines(bank)).toBe(4);
    expect(checkSwiftText(Array.from({ length: 800 }, () => "G").join("\n"), goods)).toBeNull();
    expect(checkSwiftText(Array.from({ length: 801 }, () => "G").join("\n"), goods)).toBe(
      "45A Description of goods: 801 lines, SWIFT allows at most 800 lines of 65 characters (45A in the MT700 and 45B in up to 7 MT701s)",
    );
  });

  it("keeps a one-line field to one line and its width", () => {
    expect(checkSwiftText("Rotterdam\nNetherlands", place)).toBe("31D Place of expiry: must be one line (SWIFT 29x)");
    expect(checkSwiftText("R".repeat(30), place)).toBe("31D Place of expiry: 30 characters, SWIFT allows at most 29 (29x)");
  });

  it("refuses '@' and '€' in an x field, naming the field tag and what is allowed", () => {
    expect(checkSwiftText("payments@bank.example", bank)).toBe(
      `53a Reimbursing bank: "@" cannot be sent in SWIFT field 53a (4*35x); use letters A–Z, digits, spaces and / - ? : ( ) . , ' +`,
    );
    expect(checkSwiftText("EUR 5.000 €", bank)).toMatch(/^53a Reimbursing bank: "€" cannot be sent in SWIFT field 53a/);
    expect(checkSwiftText("100% cover", bank)).toMatch(/"%" cannot be sent/);
    expect(checkSwiftText("Müller GmbH", bank)).toMatch(/"ü" cannot be sent/);
    expect(checkSwiftText("tab\there", bank)).toMatch(/a tab cannot be sent/);
  });

  it("accepts the z set's extra characters ('@', '%', '&', '#') but still refuses '€'", () => {
    expect(checkSwiftText('Contact: ops@bank.example;\n110% & "#1" <a=b> {x _ * !', narrative)).toBeNull();
    expect(checkSwiftText("Charges EUR 50 €", narrative)).toMatch(/^72Z Sender to receiver information: "€" cannot be sent in SWIFT field 72Z \(6\*35z\)/);
    expect(checkSwiftText("em — dash", narrative)).toMatch(/"—" cannot be sent/);
  });

  it("reports the character set before the shape, so the first thing to fix comes first", () => {
    expect(checkSwiftText(`€\n${"B".repeat(40)}`, bank)).toMatch(/"€"/);
  });
});

describe("checkSwiftCharset", () => {
  it("checks only characters, for text that the MT700 rendering wraps itself", () => {
    expect(checkSwiftCharset("x".repeat(500), goods)).toBeNull();
    expect(checkSwiftCharset("Ünder", goods)).toMatch(/^45A Description of goods: "Ü" cannot be sent/);
  });
});

describe("describeSwiftFormat", () => {
  it("says the limit in words for a form hint", () => {
    expect(describeSwiftFormat(bank)).toBe("Up to 4 lines of 35 characters: letters, digits, spaces and / - ? : ( ) . , ' + (SWIFT 4*35x)");
    expect(describeSwiftFormat(place)).toMatch(/^Up to 29 characters on one line: /);
    expect(describeSwiftFormat(goods)).toMatch(/^Up to 800 lines of 65 characters: .*not € or accents \(SWIFT 100\*65z\)$/);
  });
});
