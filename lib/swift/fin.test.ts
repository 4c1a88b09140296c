import { describe, expect, it } from "vitest";
import { checkFieldFormat, checkSwiftAmount, isBic, isSwiftDate } from "./fields";
import { type FinMessage, parseFin, serialiseFin, serialiseFinFile, textBlock, validateFin } from "./fin";

const textBlockSize = (message: FinMessage) => textBlock(message.fields).length;

// Real-looking messages of every Category 7 type TradeTrail writes, as FinMessage values: each
// must survive serialise -> parse unchanged and pass validation.
const ISSUER = "DBSSSGSG";
const ADVISER = "ABNANL2A500";
const fixture = (type: FinMessage["type"], fields: [string, string][], sender = ISSUER, receiver = ADVISER): FinMessage => ({
  type,
  sender,
  receiver,
  userReference: `TT2026000042${type}`,
  fields: fields.map(([tag, value]) => ({ tag, value })),
});

const FIXTURES: FinMessage[] = [
  fixture("700", [
    ["27", "1/2"],
    ["40A", "IRREVOCABLE"],
    ["20", "MTB/LC/2026/0042"],
    ["31C", "261201"],
    ["40E", "UCP LATEST VERSION"],
    ["31D", "270301ROTTERDAM"],
    ["50", "LION CITY ENGINEERING PTE LTD\n21 TUAS AVENUE 3\nSINGAPORE 639413"],
    ["59", "DELTA PUMPS B.V.\nWAALHAVEN ZUIDZIJDE 19\n3089 JH ROTTERDAM, NETHERLANDS"],
    ["32B", "USD125000,00"],
    ["39A", "5/5"],
    ["41A", "ABNANL2A500\nBY PAYMENT"],
    ["42C", "SIGHT"],
    ["42A", "DBSSSGSG"],
    ["43P", "NOT ALLOWED"],
    ["43T", "ALLOWED"],
    ["44E", "ROTTERDAM, NETHERLANDS"],
    ["44F", "SINGAPORE"],
    ["44C", "270130"],
    ["45A", "24 UNITS INDUSTRIAL CENTRIFUGAL PUMPS, MODEL DP-450\nTERMS OF DELIVERY: CIF SINGAPORE (INCOTERMS 2020)"],
    ["46A", "+COMMERCIAL INVOICE IN 3 ORIGINALS AND 2 COPIES\n+FULL SET CLEAN ON BOARD BILLS OF LADING"],
    ["47A", "ALL DOCUMENTS MUST SHOW THE CREDIT NUMBER."],
    ["71D", "ALL CHARGES OUTSIDE SINGAPORE ARE\nFOR THE BENEFICIARY'S ACCOUNT"],
    ["48", "21"],
    ["49", "WITHOUT"],
    ["72Z", "PLEASE ACKNOWLEDGE RECEIPT"],
  ]),
  fixture("701", [
    ["27", "2/2"],
    ["20", "MTB/LC/2026/0042"],
    ["45B", "SPARE PARTS AS PER PROFORMA INVOICE PI-2026-118"],
  ]),
  fixture("707", [
    ["27", "1/1"],
    ["20", "MTB/LC/2026/0042"],
    ["21", "TT-2026-000042"],
    ["23", "MTB/LC/2026/0042"],
    ["31C", "261201"],
    ["26E", "1"],
    ["30", "261215"],
    ["22A", "ISSU"],
    ["32B", "USD5000,00"],
    ["45B", "/REPALL/\n25 UNITS INDUSTRIAL CENTRIFUGAL PUMPS"],
    ["71N", "APPL"],
  ]),
  fixture("708", [
    ["27", "2/2"],
    ["20", "MTB/LC/2026/0042"],
    ["21", "TT-2026-000042"],
    ["23", "MTB/LC/2026/0042"],
    ["26E", "1"],
    ["30", "261215"],
    ["46B", "+PACKING LIST IN 1 ORIGINAL"],
  ]),
  fixture("730", [
    ["20", "TT-2026-000042"],
    ["21", "MTB/LC/2026/0042"],
    ["30", "261201"],
    ["72Z", "/BENACC/\nAMENDMENT NO. 1"],
  ], ADVISER, ISSUER),
  fixture("732", [
    ["20", "MTB/LC/2026/0042"],
    ["21", "TT2026000042P1"],
    ["30", "270115"],
    ["32B", "USD124000,00"],
  ]),
  fixture("734", [
    ["20", "MTB/LC/2026/0042"],
    ["21", "TT2026000042P1"],
    ["32A", "270115USD124000,00"],
    ["77J", "+COMMERCIAL INVOICE: SHIPMENT DATE 270201 IS AFTER\nTHE LATEST SHIPMENT DATE 270130"],
    ["77B", "/NOTIFY/"],
  ]),
  fixture("750", [
    ["20", "TT2026000042P1"],
    ["21", "MTB/LC/2026/0042"],
    ["32B", "USD124000,00"],
    ["77J", "+LATE SHIPMENT"],
  ], ADVISER, ISSUER),
  fixture("752", [
    ["20", "MTB/LC/2026/0042"],
    ["21", "TT2026000042P1"],
    ["23", "ACCEPT"],
    ["30", "270116"],
    ["32B", "USD124000,00"],
  ]),
  fixture("754", [
    ["20", "TT2026000042P1"],
    ["21", "MTB/LC/2026/0042"],
    ["32A", "270120USD124000,00"],
  ], ADVISER, ISSUER),
  fixture("756", [
    ["20", "MTB/LC/2026/0042"],
    ["21", "TT2026000042P1"],
    ["32B", "USD124000,00"],
    ["33A", "270120USD124000,00"],
  ]),
  fixture("759", [
    ["27", "1/1"],
    ["20", "MTB/LC/2026/0042"],
    ["21", "TT-2026-000042"],
    ["22D", "DOCR"],
    ["23H", "GENINFAD"],
    ["45D", "DOCUMENTARY CREDIT MTB/LC/2026/0042 EXPIRED ON 2027-03-01."],
  ]),
];

describe("FIN round trip", () => {
  it.each(FIXTURES.map((m) => [m.type, m] as const))("MT%s: parse(serialise(message)) is the message, with no problem", (_type, message) => {
    expect(validateFin(message)).toEqual([]);
    const parsed = parseFin(serialiseFin(message));
    expect(parsed.ok).toBe(true);
    expect(parsed.messages).toHaveLength(1);
    expect(parsed.messages[0]!.message).toEqual(message);
  });

  it("reads a file of several messages (an MT700 and its MT701) in order", () => {
    const parsed = parseFin(serialiseFinFile([FIXTURES[0]!, FIXTURES[1]!]));
    expect(parsed.ok).toBe(true);
    expect(parsed.messages.map((m) => m.message.type)).toEqual(["700", "701"]);
    expect(parsed.messages[1]!.message).toEqual(FIXTURES[1]);
  });
});

describe("header blocks", () => {
  it("writes the sender's logical terminal with code A and the receiver's with X, XXX for an 8-character BIC", () => {
    const text = serialiseFin(FIXTURES[0]!);
    expect(text.startsWith("{1:F01DBSSSGSGAXXX0000000000}{2:I700ABNANL2AX500N}{3:{108:TT2026000042700}}{4:\r\n:27:1/2\r\n")).toBe(true);
    expect(text.endsWith("\r\n:49:WITHOUT\r\n:72Z:PLEASE ACKNOWLEDGE RECEIPT\r\n-}")).toBe(true);
  });

  it("reads an 11-character BIC with branch XXX back as its 8 characters", () => {
    const parsed = parseFin(serialiseFin({ ...FIXTURES[1]!, sender: "DBSSSGSGXXX" }));
    expect(parsed.messages[0]!.message.sender).toBe("DBSSSGSG");
  });

  it("reads an output header (as a bank receives the message): sender from the MIR, receiver from block 1, and the trailer", () => {
    const text =
      "{1:F01ABNANL2AA5001234567890}{2:O7001200261201DBSSSGSGAXXX12345678902612011201N}{4:\r\n:27:1/1\r\n:40A:IRREVOCABLE\r\n:20:MTB/LC/2026/0042\r\n-}{5:{CHK:123456789ABC}}";
    const parsed = parseFin(text);
    expect(parsed.messages[0]!.message).toMatchObject({ type: "700", sender: "DBSSSGSG", receiver: "ABNANL2A500" });
    expect(parsed.messages[0]!.trailer).toEqual({ CHK: "123456789ABC" });
  });

  it("names a bank without a valid BIC", () => {
    expect(validateFin({ ...FIXTURES[1]!, sender: "DBSSSG" })).toEqual([{ tag: "block 1", message: 'sender "DBSSSG" is not a BIC (8 or 11 characters)' }]);
    expect(isBic("DBSSSGSG")).toBe(true);
    expect(isBic("ABNANL2A500")).toBe(true);
    expect(isBic("ABNANL2A50")).toBe(false);
    expect(isBic("dbsssgsg")).toBe(false);
  });
});

describe("parser errors name the tag and the line", () => {
  const lines = (message: FinMessage) => serialiseFin(message).split("\r\n");

  it("names the line of a bad field in the third message of a file, in CR LF and LF files (lines counted on from the messages before)", () => {
    const bad = { ...FIXTURES[1]!, fields: FIXTURES[1]!.fields.map((f, i) => (i === 1 ? { ...f, value: "/BAD" } : f)) };
    const text = serialiseFinFile([FIXTURES[0]!, FIXTURES[1]!, bad]);
    const line = text.split("\r\n").findLastIndex((l) => l === `:${bad.fields[1]!.tag}:/BAD`) + 1;
    expect(line).toBeGreaterThan(lines(FIXTURES[0]!).length + lines(FIXTURES[1]!).length);
    for (const file of [text, text.replaceAll("\r\n", "\n")]) {
      const parsed = parseFin(file);
      expect(parsed.ok ? [] : parsed.problems.map((p) => [p.tag, p.line])).toEqual([[bad.fields[1]!.tag, line]]);
    }
  });

  it("measures the text block it read as SWIFT does (CR LF between lines): 10,000 characters pass, 10,001 do not, in CR LF and LF files alike", () => {
    const withBlock = (size: number): FinMessage => {
      // An MT759 whose 45D fills the block: k lines of 65 and a last line of t (each line break counts 2, CR LF).
      const base = fixture("759", [["27", "1/1"], ["20", "LC1"], ["22D", "DOCR"], ["23H", "GENINFAD"], ["45D", ""]]);
      const need = size - textBlockSize(base);
      const k = Math.floor((need - 1) / 67);
      const t = need - 67 * k;
      const full = Array.from({ length: k }, (_, i) => "A".repeat(i === 0 && t > 65 ? 65 - (t - 65) : 65));
      const value = [...full, "B".repeat(Math.min(t, 65))].join("\n");
      return { ...base, fields: [...base.fields.slice(0, -1), { tag: "45D", value }] };
    };
    for (const [size, ok] of [[10_000, true], [10_001, false]] as const) {
      const message = withBlock(size);
      expect(textBlockSize(message)).toBe(size);
      for (const text of [serialiseFin(message), serialiseFin(message).replaceAll("\r\n", "\n")]) {
        const parsed = parseFin(text);
        expect(parsed.ok, `${size}`).toBe(ok);
        if (!parsed.ok) expect(parsed.problems).toEqual([{ tag: "block 4", message: "the text block has 10001 characters, SWIFT allows 10000" }]);
      }
    }
  });

  it("a bad date in 31C, on its line of the text", () => {
    const message = FIXTURES[0]!;
    const text = serialiseFin({ ...message, fields: message.fields.map((f) => (f.tag === "31C" ? { ...f, value: "261301" } : f)) });
    const parsed = parseFin(text);
    expect(parsed.ok).toBe(false);
    const line = lines(message).findIndex((l) => l.startsWith(":31C:")) + 1;
    expect(parsed.ok ? [] : parsed.problems).toEqual([{ tag: "31C", line, message: '31C Date of issue: "261301" is not a date as YYMMDD' }]);
  });

  it("an overlong line inside a multi-line 45A, on the line it is", () => {
    const message = FIXTURES[0]!;
    const long = "X".repeat(66);
    const text = serialiseFin({ ...message, fields: message.fields.map((f) => (f.tag === "45A" ? { ...f, value: `FIRST LINE\n${long}` } : f)) });
    const parsed = parseFin(text);
    const line = text.split("\r\n").indexOf(long) + 1;
    expect(parsed.ok ? [] : parsed.problems).toEqual([{ tag: "45A", line, message: "45A Description of goods and/or services: line of 66 characters, at most 65 allowed (100*65z)" }]);
  });

  it("a field that does not belong to the message type, and a mandatory one missing", () => {
    const text = serialiseFin({ ...FIXTURES[5]!, fields: [...FIXTURES[5]!.fields.filter((f) => f.tag !== "32B"), { tag: "45A", value: "GOODS" }] });
    const parsed = parseFin(text);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.message)).toEqual(["field 45A is not part of an MT732", "mandatory field 32B Amount of utilisation is missing"]);
  });

  it("a text block that is not closed, and text before the first field", () => {
    expect(parseFin("{1:F01DBSSSGSGAXXX0000000000}{2:I730ABNANL2AX500N}{4:\r\n:20:X\r\n")).toMatchObject({ ok: false, problems: [{ line: 1, message: 'block 4 does not end with a line "-}"' }] });
    const stray = parseFin("{1:F01DBSSSGSGAXXX0000000000}{2:I730ABNANL2AX500N}{4:\r\nHELLO\r\n:20:X\r\n-}");
    expect(stray.ok ? [] : stray.problems[0]).toEqual({ line: 2, tag: "block 4", message: 'text before the first field: "HELLO"' });
  });

  it("a message type outside Category 7, and an empty text", () => {
    expect(parseFin("{1:F01DBSSSGSGAXXX0000000000}{2:I103ABNANL2AX500N}{4:\r\n:20:X\r\n-}")).toMatchObject({ ok: false, problems: [{ tag: "block 2", message: "MT103 is not a Category 7 message TradeTrail reads" }] });
    expect(parseFin("  \r\n")).toMatchObject({ ok: false, problems: [{ line: 1, message: "the text is empty" }] });
  });
});

describe("field formats", () => {
  it("65 characters fit a 65z line, 66 do not", () => {
    expect(checkFieldFormat("A".repeat(65), "100*65z")).toBeNull();
    expect(checkFieldFormat("A".repeat(66), "100*65z")).toEqual({ line: 1, message: "line of 66 characters, at most 65 allowed (100*65z)" });
  });

  it("100 lines fit 100*65z, the 101st does not", () => {
    expect(checkFieldFormat(Array(100).fill("LINE").join("\n"), "100*65z")).toBeNull();
    expect(checkFieldFormat(Array(101).fill("LINE").join("\n"), "100*65z")).toEqual({ line: 101, message: "101 lines, at most 100 allowed (100*65z)" });
  });

  it("4*35x: four lines of 35", () => {
    expect(checkFieldFormat(["A".repeat(35), "B", "C", "D"].join("\n"), "4*35x")).toBeNull();
    expect(checkFieldFormat(["A", "B", "C", "D", "E"].join("\n"), "4*35x")?.message).toBe("5 lines, at most 4 allowed (4*35x)");
    expect(checkFieldFormat("A".repeat(36), "4*35x")?.message).toBe("line of 36 characters, at most 35 allowed (4*35x)");
  });

  it("z carries = ! \" % & * < > ; { @ # _, x does not", () => {
    for (const ch of "=!\"%&*<>;{@#_") {
      expect(checkFieldFormat(`A${ch}B`, "100*65z")).toBeNull();
      expect(checkFieldFormat(`A${ch}B`, "4*35x")?.message).toBe(`"${ch}" is not in the SWIFT X character set (4*35x)`);
    }
    expect(checkFieldFormat("Café", "100*65z")?.message).toBe('"é" is not in the SWIFT Z character set (100*65z)');
  });

  it("a line may not start with : or - (it would read as a new field or the end of the text)", () => {
    expect(checkFieldFormat("GOODS\n-SPARE PARTS", "100*65z")).toEqual({ line: 2, message: 'a line may not start with "-"' });
    expect(checkFieldFormat("GOODS\n:20:X", "100*65z")).toEqual({ line: 2, message: 'a line may not start with ":"' });
  });

  it("16x references: at most 16, no slash at either end, no double slash", () => {
    expect(checkFieldFormat("MTB/LC/2026/0042", "16x")).toBeNull();
    expect(checkFieldFormat("MTB/LC/2026/00421", "16x")?.message).toBe("line of 17 characters, at most 16 allowed (16x)");
    expect(checkFieldFormat("/MTB", "16x")?.message).toContain('may not start or end with "/"');
    expect(checkFieldFormat("MTB//LC", "16x")?.message).toContain('contain "//"');
  });

  it("dates are YYMMDD and real", () => {
    expect(isSwiftDate("261231")).toBe(true);
    expect(isSwiftDate("280229")).toBe(true);
    expect(isSwiftDate("270229")).toBe(false);
    expect(isSwiftDate("261301")).toBe(false);
    expect(isSwiftDate("2612011")).toBe(false);
    expect(checkFieldFormat("2026-12-01", "6!n")?.message).toBe('"2026-12-01" is not a date as YYMMDD');
  });

  it("amounts: a decimal comma, at most the currency's decimals (USD 2, JPY 0, BHD 3), at most 15 characters", () => {
    expect(checkSwiftAmount("1234,5", "USD")).toBeNull();
    expect(checkSwiftAmount("1234,50", "USD")).toBeNull();
    expect(checkSwiftAmount("1234,", "USD")).toBeNull();
    expect(checkSwiftAmount("1234,505", "USD")).toBe('USD amounts have at most 2 decimals; "1234,505" has 3');
    expect(checkSwiftAmount("5000000,", "JPY")).toBeNull();
    expect(checkSwiftAmount("5000000,5", "JPY")).toBe('JPY amounts have no decimals; "5000000,5" has 1');
    expect(checkSwiftAmount("1234,505", "BHD")).toBeNull();
    expect(checkSwiftAmount("1234,5055", "BHD")).toBe('BHD amounts have at most 3 decimals; "1234,5055" has 4');
    expect(checkSwiftAmount("1234.50", "USD")).toContain("decimal comma");
    expect(checkSwiftAmount("1234", "USD")).toContain("decimal comma");
    expect(checkSwiftAmount("12345678901234,5", "USD")).toContain("longer than 15");
    expect(checkFieldFormat("USD125000,00", "3!a15d")).toBeNull();
    expect(checkFieldFormat("usd125000,00", "3!a15d")?.message).toContain("ISO currency code");
    expect(checkFieldFormat("261201JPY5000000,", "6!n3!a15d")).toBeNull();
  });

  it("41a: the bank, then its code on the next line", () => {
    expect(checkFieldFormat("ABNANL2A500\nBY PAYMENT", "4!a2!a2!c[3!c]\n14x")).toBeNull();
    expect(checkFieldFormat("ABNANL2\nBY PAYMENT", "4!a2!a2!c[3!c]\n14x")?.message).toBe('"ABNANL2" is not a BIC (8 or 11 characters)');
    expect(checkFieldFormat("ANY BANK\nBY NEGOTIATION AND MORE", "4*35x\n14x")).toEqual({ line: 2, message: "line of 23 characters, at most 14 allowed (14x)" });
  });
});
