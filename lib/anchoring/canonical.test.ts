import { keccak256, toUtf8Bytes } from "ethers";
import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash, utf8Bytes } from "./canonical";
import type { JsonValue } from "./json";

// RFC 8785 (JSON Canonicalization Scheme); the expected strings are the RFC's own examples.

describe("canonicalJson", () => {
  it("matches the RFC 8785 section 3.2.2 example (whitespace, literals, numbers, string escapes)", () => {
    const input = `{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalJson(JSON.parse(input) as JsonValue)).toBe(
      `{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA'B\\"\\\\\\\\\\"/"}`,
    );
  });

  it("sorts keys by UTF-16 code units, as in RFC 8785 section 3.2.3", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
        '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it("sorts nested objects and keeps array order", () => {
    expect(canonicalJson({ b: [3, 1, { z: 1, a: 2 }], a: { d: true, c: null } })).toBe('{"a":{"c":null,"d":true},"b":[3,1,{"a":2,"z":1}]}');
  });

  it("formats numbers as ECMAScript does (RFC 8785 appendix B)", () => {
    const cases: [number, string][] = [
      [0, "0"],
      [-0, "0"],
      [1e21, "1e+21"],
      [1e20, "100000000000000000000"],
      [0.000001, "0.000001"],
      [1e-7, "1e-7"],
      [9007199254740992, "9007199254740992"],
      [295147905179352830000, "295147905179352830000"],
      [5e-324, "5e-324"],
      [1.7976931348623157e308, "1.7976931348623157e+308"],
      [-1.5, "-1.5"],
    ];
    for (const [value, expected] of cases) expect(canonicalJson(value)).toBe(expected);
  });

  it("keeps non-ASCII text as UTF-8 rather than escaping it", () => {
    expect(canonicalJson({ note: "Größe € 😀" })).toBe('{"note":"Größe € 😀"}');
  });

  it("refuses values JSON cannot represent", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow();
    expect(() => canonicalJson(undefined as unknown as JsonValue)).toThrow(new TypeError("Value has no canonical JSON form"));
  });
});

describe("contentHash", () => {
  it("is keccak256 of the canonical UTF-8 bytes, whatever the key order", () => {
    const expected = keccak256(toUtf8Bytes('{"amount":"100.00","currency":"EUR"}'));
    expect(contentHash({ currency: "EUR", amount: "100.00" })).toBe(expected);
    expect(contentHash({ amount: "100.00", currency: "EUR" })).toBe(expected);
    expect(contentHash({ amount: "100.01", currency: "EUR" })).not.toBe(expected);
  });
});

describe("utf8Bytes and contentHash against ethers", () => {
  it("write the bytes ethers' toUtf8Bytes writes, and hash as keccak256(toUtf8Bytes(canonicalJson))", () => {
    const samples = ["", "a", "Größe €", "信用证", "\u{1F600}x\u{10FFFF}", "\u0000\u007f\u0080\u07ff\u0800\uffff", "lone \udc00 low", "x".repeat(1000)];
    for (const text of samples) {
      expect([...utf8Bytes(text)], JSON.stringify(text)).toEqual([...toUtf8Bytes(text)]);
      if (/[\ud800-\udfff]/.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))) continue; // canonicalize refuses lone surrogates
      const value = { text, list: [text, 1.5, null], [text]: true };
      expect(contentHash(value)).toBe(keccak256(toUtf8Bytes(canonicalJson(value))));
    }
  });

  it("throws as toUtf8Bytes does on a lone high surrogate and on what is not a string", () => {
    for (const bad of ["a\ud800b", "\ud800", undefined, 3]) {
      let expected = "";
      try {
        toUtf8Bytes(bad as string);
      } catch (error) {
        expected = (error as Error).message;
      }
      expect(expected).not.toBe("");
      expect(() => utf8Bytes(bad as string)).toThrow(expected);
    }
  });
});
