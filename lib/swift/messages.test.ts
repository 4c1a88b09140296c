import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleTerms } from "@/lib/terms/sample";
import type { Terms } from "@/lib/terms/schema";
import { parseFin, serialiseFin, validateFin } from "./fin";
import { type SwiftCreditInput, type SwiftStep, buildMt750, buildMt752, decimalFromSwift, documentsRequiredText, swiftAmount, swiftMessages, wrap } from "./messages";

const TODAY = new Date("2026-12-01T00:00:00Z");
const terms = (overrides: Partial<Terms> = {}): Terms => ({ ...sampleTerms({}, TODAY), ...overrides });

const credit = (steps: SwiftStep[], extra: Partial<SwiftCreditInput> = {}): SwiftCreditInput => ({
  reference: "TT-2026-000042",
  creditNumber: "MTB/LC/2026/0042",
  dateOfIssue: "2026-12-01",
  standby: false,
  issuingBank: { name: "Merchant Trade Bank", bic: "MTBKSGSG" },
  advisingBank: { name: "Rotterdam Commerce Bank", bic: "RCBKNL2R500" },
  steps,
  ...extra,
});
const issued = (t: Terms = terms(), bankConditions: string | null = null): SwiftStep => ({ seq: 2, on: "2026-12-01", kind: "issued", terms: t, bankConditions });
const field = (text: string, tag: string) => {
  const parsed = parseFin(text);
  return parsed.messages[0]!.message.fields.find((f) => f.tag === tag)?.value;
};

describe("MT700 from the credit as issued", () => {
  it("maps the terms to their fields, with the issuing bank as sender and the advising bank as receiver", () => {
    const [mt700] = swiftMessages(credit([issued(terms(), "Documents must be sent by courier.")]));
    expect(mt700!.id).toBe("2-mt700");
    expect(mt700!.problems).toEqual([]);
    expect(mt700!.text.startsWith("{1:F01MTBKSGSGAXXX0000000000}{2:I700RCBKNL2RX500N}{3:{108:TT2026000042020}}{4:\r\n:27:1/1\r\n:40A:IRREVOCABLE\r\n:20:MTB/LC/2026/0042\r\n:31C:261201\r\n")).toBe(true);
    const text = mt700!.text;
    expect(field(text, "40E")).toBe("UCP LATEST VERSION");
    expect(field(text, "31D")).toBe("270301Rotterdam");
    expect(field(text, "50")).toBe("Lion City Engineering Pte Ltd\n21 Tuas Avenue 3, Singapore 639413");
    expect(field(text, "59")).toBe("Delta Pumps B.V.\nWaalhaven Zuidzijde 19, 3089 JH\nRotterdam, Netherlands");
    expect(field(text, "32B")).toBe("USD125000,00");
    expect(field(text, "41A")).toBe("RCBKNL2R500\nBY PAYMENT");
    expect(field(text, "42C")).toBe("SIGHT");
    expect(field(text, "42A")).toBe("MTBKSGSG");
    expect(field(text, "44C")).toBe("270130");
    expect(field(text, "45A")).toBe("24 units industrial centrifugal pumps, model DP-450,\nstainless steel, as per proforma invoice PI-2026-118\nTERMS OF DELIVERY: CIF Singapore (INCOTERMS 2020)");
    expect(field(text, "46A")!.split("\n")[0]).toBe("+COMMERCIAL INVOICE IN 3 ORIGINALS AND 2 COPIES, Signed, showing");
    expect(field(text, "47A")).toBe("All documents must show the credit number.\nThird-party documents other than the invoice are acceptable.\nDocuments must be sent by courier.");
    expect(field(text, "48")).toBe("21");
    expect(field(text, "49")).toBe("WITHOUT");
    expect(field(text, "39A")).toBeUndefined();
  });

  it("says 'about' (art. 30(a)) as 10/10, a percentage as given, and available with any bank as 41D", () => {
    const [about] = swiftMessages(credit([issued(terms({ tolerance: { type: "ABOUT" }, availableWith: "ANY_BANK", availableBy: "NEGOTIATION" }))]));
    expect(field(about!.text, "39A")).toBe("10/10");
    expect(field(about!.text, "41D")).toBe("ANY BANK\nBY NEGOTIATION");
    const [percent] = swiftMessages(credit([issued(terms({ tolerance: { type: "PERCENT", plus: 5, minus: 0 } }))]));
    expect(field(percent!.text, "39A")).toBe("5/0");
  });

  it("writes deferred payment as 42P and no drafts", () => {
    const [mt700] = swiftMessages(credit([issued(terms({ availableBy: "DEFERRED_PAYMENT", tenorDays: 90, draftsAt: "" }))]));
    expect(field(mt700!.text, "42P")).toBe("90 DAYS AFTER SHIPMENT DATE");
    expect(field(mt700!.text, "42C")).toBeUndefined();
    expect(field(mt700!.text, "41A")).toBe("RCBKNL2R500\nBY DEF PAYMENT");
  });

  it("writes amounts with a decimal comma and the currency's decimals: USD 2, JPY none, BHD 3", () => {
    expect(swiftAmount("1234.5", "USD")).toBe("1234,50");
    expect(swiftAmount("1234", "USD")).toBe("1234,00");
    expect(swiftAmount("5000000", "JPY")).toBe("5000000,");
    expect(swiftAmount("1234.5", "BHD")).toBe("1234,500");
    expect(decimalFromSwift("1234,5", "USD")).toBe("1234.50");
    expect(decimalFromSwift("1234,50", "USD")).toBe("1234.50");
    expect(decimalFromSwift("5000000,", "JPY")).toBe("5000000");
    expect(() => decimalFromSwift("5000000,5", "JPY")).toThrow("JPY has 0 decimals");
    const [jpy] = swiftMessages(credit([issued(terms({ currency: "JPY", amount: "18000000" }))]));
    expect(field(jpy!.text, "32B")).toBe("JPY18000000,");
    expect(jpy!.problems).toEqual([]);
    const [bhd] = swiftMessages(credit([issued(terms({ currency: "BHD", amount: "47250.125" }))]));
    expect(field(bhd!.text, "32B")).toBe("BHD47250,125");
  });
});

describe("46A from the structured requirements", () => {
  it("writes each document's conditions in SWIFT's usual words, then its free text, every line within 65", () => {
    const [mt700] = swiftMessages(credit([issued()]));
    expect(mt700!.problems).toEqual([]);
    const lines = field(mt700!.text, "46A")!.split("\n");
    expect(lines.every((line) => line.length <= 65)).toBe(true);
    // Paragraphs start with "+": rejoin each one's wrapped lines to read it whole.
    const paragraphs = lines.join(" ").split(/ (?=\+)/);
    expect(paragraphs).toEqual([
      "+COMMERCIAL INVOICE IN 3 ORIGINALS AND 2 COPIES, Signed, showing CIF Singapore Incoterms 2020 and the credit number",
      "+CLEAN ON BOARD BILL OF LADING IN 3 ORIGINALS AND 3 COPIES MADE OUT TO ORDER MARKED FREIGHT PREPAID NOTIFY APPLICANT",
      "+PACKING LIST IN 1 ORIGINAL AND 2 COPIES, Showing gross and net weight of each package",
      "+CERTIFICATE OF ORIGIN IN 1 ORIGINAL AND 1 COPY ISSUED BY A CHAMBER OF COMMERCE CERTIFYING NETHERLANDS ORIGIN",
      "+INSURANCE CERTIFICATE IN 2 ORIGINALS AND 0 COPIES FOR 110 PCT OF THE CIF OR CIP VALUE COVERING INSTITUTE CARGO CLAUSES (A) FROM Rotterdam TO Singapore, Claims payable in Singapore",
    ]);
  });

  it("names the order party, a named consignee and notify party, and what the credit allows", () => {
    const bl = {
      kind: "BILL_OF_LADING" as const,
      originals: 3,
      copies: 0,
      conditions: {
        transport: { clean: true, onBoard: true, consignee: "TO_ORDER_OF_ISSUING_BANK" as const, freight: "COLLECT" as const, notifyParty: "NAMED" as const, notifyPartyName: "Jurong Forwarding Pte Ltd", charterPartyAllowed: false, onDeckAllowed: true },
      },
      details: "",
    };
    const insurance = { kind: "INSURANCE_CERTIFICATE" as const, originals: 1, copies: 0, conditions: { insurance: { risks: ["ICC_A" as const, "WAR" as const, "STRIKES" as const] }, issuer: { kind: "NAMED" as const, name: "Lloyd's" } }, details: "" };
    expect(documentsRequiredText([bl, insurance]).split("\n")).toEqual([
      "+CLEAN ON BOARD BILL OF LADING IN 3 ORIGINALS AND 0 COPIES MADE OUT TO ORDER OF ISSUING BANK MARKED FREIGHT COLLECT NOTIFY Jurong Forwarding Pte Ltd CHARTER PARTY BILL OF LADING NOT ACCEPTABLE ON DECK SHIPMENT ACCEPTABLE",
      "+INSURANCE CERTIFICATE IN 1 ORIGINAL AND 0 COPIES COVERING INSTITUTE CARGO CLAUSES (A) AND INSTITUTE WAR CLAUSES (CARGO) AND INSTITUTE STRIKES CLAUSES (CARGO) ISSUED BY Lloyd's",
    ]);
    const claused = { ...bl, conditions: { transport: { clean: false } } };
    expect(documentsRequiredText([claused])).toBe("+BILL OF LADING IN 3 ORIGINALS AND 0 COPIES CLAUSED DOCUMENT ACCEPTABLE");
    const named = { ...bl, conditions: { transport: { consignee: "NAMED" as const, consigneeName: "Lion City Engineering Pte Ltd" } } };
    expect(documentsRequiredText([named])).toBe("+BILL OF LADING IN 3 ORIGINALS AND 0 COPIES CONSIGNED TO Lion City Engineering Pte Ltd");
  });

  it("writes a document without conditions as before", () => {
    expect(documentsRequiredText([{ kind: "PACKING_LIST", originals: 1, copies: 2, details: "Showing gross\nand net weight" }])).toBe("+PACKING LIST IN 1 ORIGINAL AND 2 COPIES, Showing gross and net weight");
  });
});

describe("overflow into MT701", () => {
  const lines = (n: number, prefix = "LINE") => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`).join("\n");

  it("keeps a 45A of 100 lines (the incoterm line included) in the MT700 alone", () => {
    const [mt700] = swiftMessages(credit([issued(terms({ goodsDescription: lines(99) }))]));
    expect(mt700!.messages.map((m) => m.type)).toEqual(["700"]);
    expect(field(mt700!.text, "45A")!.split("\n")).toHaveLength(100);
  });

  it("sends the 101st line to an MT701 as 45B, with 27 counting 1/2 and 2/2 and the credit number repeated", () => {
    const [mt700] = swiftMessages(credit([issued(terms({ goodsDescription: lines(100) }))]));
    expect(mt700!.messages.map((m) => m.type)).toEqual(["700", "701"]);
    expect(mt700!.problems).toEqual([]);
    const parsed = parseFin(mt700!.text);
    expect(parsed.ok).toBe(true);
    const [first, second] = parsed.messages.map((m) => m.message);
    expect(first!.fields[0]).toEqual({ tag: "27", value: "1/2" });
    expect(first!.fields.find((f) => f.tag === "45A")!.value.split("\n").at(-1)).toBe("LINE 100");
    expect(second!.fields).toEqual([
      { tag: "27", value: "2/2" },
      { tag: "20", value: "MTB/LC/2026/0042" },
      { tag: "45B", value: "TERMS OF DELIVERY: CIF Singapore (INCOTERMS 2020)" },
    ]);
  });

  it("continues several fields side by side, 100 lines each per message", () => {
    const [mt700] = swiftMessages(credit([issued(terms({ goodsDescription: lines(250, "G"), additionalConditions: lines(120, "C") }))]));
    expect(mt700!.messages.map((m) => [m.type, m.fields.map((f) => f.tag).filter((t) => /^4[57]/.test(t))])).toEqual([
      ["700", ["45A", "47A"]],
      ["701", ["45B", "47B"]],
      ["701", ["45B"]],
    ]);
    expect(mt700!.messages[2]!.fields[0]).toEqual({ tag: "27", value: "3/3" });
  });

  it("counts 46A's lines after wrapping its paragraphs to 65: long documents continue in 46B, no MT700 holds more than 100 lines", () => {
    // 15 documents of about 480 characters: 15 paragraphs, about 120 lines once wrapped (found by the fast-check round trip).
    const details = `SURVEY REPORT ${"ISSUED BY AN INDEPENDENT SURVEYOR CERTIFYING QUANTITY AND QUALITY, ".repeat(8)}`.slice(0, 480).trimEnd();
    const others = Array.from({ length: 15 }, () => ({ kind: "OTHER" as const, originals: 1, copies: 0, details }));
    const [mt700] = swiftMessages(credit([issued(terms({ documentsRequired: [...terms().documentsRequired, ...others] }))]));
    expect(mt700!.problems).toEqual([]);
    expect(mt700!.messages.map((m) => m.type)).toEqual(["700", "701"]);
    const [first, second] = parseFin(mt700!.text).messages.map((m) => m.message);
    expect(first!.fields.find((f) => f.tag === "46A")!.value.split("\n")).toHaveLength(100);
    expect(second!.fields.find((f) => f.tag === "46B")!.value.split("\n").length).toBeGreaterThan(10);
  });

  it("wraps a line longer than 65 at a space, never starting a line with '-'", () => {
    expect(wrap(`${"A".repeat(64)} -B`, 65)).toEqual(["A".repeat(64), " -B"]);
    expect(wrap("X".repeat(70), 65)).toEqual(["X".repeat(65), "XXXXX"]);
  });
});

describe("transliteration report", () => {
  it("reports each character a party name could not carry, by field and line", () => {
    const t = terms({ beneficiary: { name: "Pompes Hélène & Fils S.à r.l.", address: "12 Quai d'Orsay, Paris" } });
    const [mt700] = swiftMessages(credit([issued(t)]));
    expect(field(mt700!.text, "59")).toBe("Pompes Helene AND Fils S.a r.l.\n12 Quai d'Orsay, Paris");
    expect(mt700!.transliterations).toEqual([
      { message: 0, tag: "59", line: 1, from: "é", to: "e" },
      { message: 0, tag: "59", line: 1, from: "è", to: "e" },
      { message: 0, tag: "59", line: 1, from: "&", to: "AND" },
      { message: 0, tag: "59", line: 1, from: "à", to: "a" },
    ]);
    expect(mt700!.problems).toEqual([]);
  });

  it("keeps & and @ in a Z field (45A)", () => {
    const [mt700] = swiftMessages(credit([issued(terms({ goodsDescription: "Pumps & valves, contact: sales@delta.nl" }))]));
    expect(field(mt700!.text, "45A")!.split("\n")[0]).toBe("Pumps & valves, contact: sales@delta.nl");
    expect(mt700!.transliterations).toEqual([]);
  });
});

describe("the messages of a credit's steps", () => {
  const base = terms();
  const amended = terms({ amount: "140000.00", latestShipmentDate: "2027-02-15", expiryDate: "2027-03-15" });
  const reduced = terms({ amount: "100000.00" });
  const steps: SwiftStep[] = [
    issued(base),
    { seq: 3, on: "2026-12-02", kind: "advised", confirmationAdded: true },
    { seq: 4, on: "2026-12-10", kind: "amendmentIssued", number: 1, cancellation: false, before: base, after: amended },
    { seq: 5, on: "2026-12-11", kind: "amendmentAdvised", number: 1, amendmentDate: "2026-12-10" },
    { seq: 6, on: "2026-12-12", kind: "amendmentAccepted", number: 1, amendmentDate: "2026-12-10" },
    { seq: 7, on: "2026-12-13", kind: "amendmentIssued", number: 2, cancellation: false, before: amended, after: reduced },
    { seq: 8, on: "2026-12-14", kind: "amendmentRejected", number: 2, amendmentDate: "2026-12-13", reason: "The amount is too low" },
    { seq: 9, on: "2027-01-15", kind: "discrepanciesNotified", presentationNumber: 1, presentedOn: "2027-01-12", currency: "USD", claimedAmount: "139000", discrepancies: [{ document: "BILL_OF_LADING", message: "Shipped on 2027-02-20, after the latest shipment date 2027-02-15" }], disposal: "HOLDING_UNTIL_WAIVER" },
    { seq: 10, on: "2027-01-16", kind: "discrepanciesTakenUp", presentationNumber: 1, presentedOn: "2027-01-12", currency: "USD", claimedAmount: "139000" },
    { seq: 11, on: "2027-01-18", kind: "paid", presentationNumber: 1, currency: "USD", amount: "139000", paymentKind: "SIGHT", dueDate: null, valueDate: "2027-01-18" },
    { seq: 12, on: "2027-02-01", kind: "refused", presentationNumber: 2, reason: "Discrepancies not waived" },
    { seq: 13, on: "2027-03-16", kind: "expired", currency: "USD", creditAmount: "140000", drawnAmount: "139000" },
    { seq: 14, on: "2027-03-16", kind: "amendmentIssued", number: 3, cancellation: true, before: amended, after: null },
  ];
  const all = swiftMessages(credit(steps));

  it("lists one entry per message, in the order of the steps", () => {
    expect(all.map((m) => m.id)).toEqual(["2-mt700", "3-mt730", "4-mt707", "5-mt730", "6-mt730", "7-mt707", "8-mt730", "9-mt734", "10-mt732", "11-mt754", "11-mt756", "12-mt759", "13-mt759", "14-mt707"]);
  });

  it("every message fits its formats and reads back as written", () => {
    for (const entry of all) {
      expect(entry.problems, entry.id).toEqual([]);
      const parsed = parseFin(entry.text);
      expect(parsed.ok, entry.id).toBe(true);
      expect(parsed.messages.map((m) => m.message), entry.id).toEqual(entry.messages);
    }
  });

  it("an MT707 carries only what changed: an increase as 32B, a decrease as 33B", () => {
    const first = all.find((m) => m.id === "4-mt707")!.messages[0]!;
    expect(first.fields.map((f) => f.tag)).toEqual(["27", "20", "21", "23", "31C", "26E", "30", "22A", "31D", "32B", "44C"]);
    expect(first.fields.find((f) => f.tag === "32B")!.value).toBe("USD15000,00");
    expect(first.fields.find((f) => f.tag === "31D")!.value).toBe("270315Rotterdam");
    const second = all.find((m) => m.id === "7-mt707")!.messages[0]!;
    expect(second.fields.find((f) => f.tag === "33B")!.value).toBe("USD40000,00");
    expect(second.fields.find((f) => f.tag === "32B")).toBeUndefined();
    const cancel = all.find((m) => m.id === "14-mt707")!.messages[0]!;
    expect(cancel.fields.find((f) => f.tag === "23S")!.value).toBe("CANCEL");
  });

  it("the beneficiary's answer travels in MT730 72Z as /BENACC/ or /BENREJ/, from the advising bank", () => {
    const accepted = all.find((m) => m.id === "6-mt730")!;
    expect(accepted.sender.bic).toBe("RCBKNL2R500");
    expect(accepted.messages[0]!.fields.find((f) => f.tag === "72Z")!.value).toBe("/BENACC/\nAMENDMENT NO. 1");
    expect(all.find((m) => m.id === "8-mt730")!.messages[0]!.fields.find((f) => f.tag === "72Z")!.value).toBe("/BENREJ/\nAMENDMENT NO. 2\nThe amount is too low");
  });

  it("the refusal advice (MT734) lists the discrepancies in 77J and the disposal code in 77B", () => {
    const mt734 = all.find((m) => m.id === "9-mt734")!.messages[0]!;
    expect(mt734.fields).toEqual([
      { tag: "20", value: "MTB/LC/2026/0042" },
      { tag: "21", value: "TT2026000042P1" },
      { tag: "32A", value: "270112USD139000,00" },
      { tag: "77J", value: "+BILL OF LADING: Shipped on 2027-02-20, after the\nlatest shipment date 2027-02-15" },
      { tag: "77B", value: "/NOTIFY/" },
    ]);
  });

  // A milestone records the SHA-256 of the messages its step produces, built when it is recorded
  // from the steps so far; the export rebuilds them later from the whole trail. Both must give the same bytes.
  it("builds each step's messages from that step and the ones before it only: later steps change no earlier byte", () => {
    for (let n = 1; n <= steps.length; n++) {
      const sofar = swiftMessages(credit(steps.slice(0, n)));
      const last = steps[n - 1]!.seq;
      expect(sofar.filter((m) => m.seq === last).map((m) => m.text), `step ${last}`).toEqual(all.filter((m) => m.seq === last).map((m) => m.text));
    }
  });

  describe("without the clock", () => {
    afterEach(() => vi.useRealTimers());
    it("gives the same bytes for the same steps on another day (dates come from the steps, never from the clock)", () => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date("2031-07-04T23:59:59Z"));
      const later = swiftMessages(credit(steps));
      expect(later.map((m) => m.text)).toEqual(all.map((m) => m.text));
      expect(later.map((m) => m.text).join("")).not.toContain("310704");
    });
  });

  it("the MT754 appears only when the credit is available with a nominated bank", () => {
    const withIssuer = swiftMessages(credit([issued(terms({ availableWith: "ISSUING_BANK" })), steps[9]!]));
    expect(withIssuer.map((m) => m.id)).toEqual(["2-mt700", "11-mt756"]);
  });

  it("names a bank without a BIC instead of writing a file a bank cannot load", () => {
    const [mt700] = swiftMessages(credit([issued()], { advisingBank: { name: "Rotterdam Commerce Bank", bic: null } }));
    expect(mt700!.problems).toEqual([{ tag: "block 2", message: "Rotterdam Commerce Bank has no BIC", messageIndex: 0 }]);
    expect(mt700!.messages[0]!.fields.find((f) => f.tag === "41D")!.value).toBe("Rotterdam Commerce Bank\nBY PAYMENT");
  });

  it("reports a party that needs more than the four lines of 50/59", () => {
    const long = terms({ applicant: { name: "Lion City Engineering and Marine Services Private Limited", address: "Block 21, Tuas Avenue 3, Jurong Industrial Estate, Singapore 639413, Republic of Singapore" } });
    const [mt700] = swiftMessages(credit([issued(long)]));
    expect(mt700!.problems.map((p) => p.message)).toEqual(["50 Applicant: 5 lines, at most 4 allowed (4*35x)"]);
  });
});

describe("MT750 and MT752 (written and read, produced by no TradeTrail step)", () => {
  const refs = { reference: "TT-2026-000042", creditNumber: "MTB/LC/2026/0042" };

  it("an MT750 from the presenting bank lists the discrepancies in 77J, curly quotes transliterated, wrapped to 50", () => {
    const fields = buildMt750(refs, { presentationNumber: 2, currency: "JPY", amount: "18000000", discrepancies: ["Invoice shows “CIF Yokohama”, the credit says CIF Tokyo; 2 originals presented, 3 required"] });
    const message = { type: "750" as const, sender: "RCBKNL2R500", receiver: "MTBKSGSG", fields };
    expect(validateFin(message)).toEqual([]);
    expect(fields).toEqual([
      { tag: "20", value: "TT2026000042P2" },
      { tag: "21", value: "MTB/LC/2026/0042" },
      { tag: "32B", value: "JPY18000000," },
      { tag: "77J", value: "+Invoice shows 'CIF Yokohama', the credit says CIF\nTokyo; 2 originals presented, 3 required" },
    ]);
    expect(parseFin(serialiseFin(message)).messages[0]!.message).toEqual(message);
  });

  it("an MT752 authorises payment with 23 ACCEPT and the date of the advice", () => {
    const fields = buildMt752(refs, { presentationNumber: 2, adviceDate: "2027-01-15", currency: "BHD", amount: "4725.5" });
    const message = { type: "752" as const, sender: "MTBKSGSG", receiver: "RCBKNL2R500", fields };
    expect(validateFin(message)).toEqual([]);
    expect(fields.map((f) => [f.tag, f.value])).toEqual([
      ["20", "MTB/LC/2026/0042"],
      ["21", "TT2026000042P2"],
      ["23", "ACCEPT"],
      ["30", "270115"],
      ["32B", "BHD4725,500"],
    ]);
  });
});
