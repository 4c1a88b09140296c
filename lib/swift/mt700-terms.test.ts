import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalAmount, currencyDecimals } from "@/lib/money";
import { type RequiredDocument, type Terms, termsSchema } from "@/lib/terms/schema";
import { parseFin } from "./fin";
import { documentsRequiredText, swiftMessages } from "./messages";
import { type Mt700Terms, mt700Fields, mt700ToTerms } from "./mt700-terms";
import { transliterate } from "./transliterate";

// Round trip (issue 15, acceptance): terms -> MT700 (+ MT701s) as FIN text -> parseFin ->
// mt700ToTerms gives back the terms, over 250 generated credits (fast-check).
//
// How the fields compare:
//   - exactly: every coded and structured field (40A, 40E, 31C, 31D, 32B with the currency's
//     decimals, 39A, 41a, 42C/42P, 43P/43T, 44C, 48, 49, the banks' BICs) and every free-text
//     field the terms hold in lines that already fit its width (45A with the Incoterm line, 47A,
//     44E/44F, 71D, 72Z ...), including the lines that travelled in MT701s;
//   - 50/59 (applicant, beneficiary): the parties' names and addresses may carry characters the X
//     set cannot (é, ß, Ø, &): they compare as the transliteration of "name address"
//     (lib/swift/transliterate.ts, e.g. "Société & Fils" -> "Societe AND Fils") with white space
//     folded, as the 4*35x wrapping turns spaces into line breaks; and every change is reported
//     on the export, for 50 or 59 only;
//   - 46A: the structured documents come back as the text they travel as, white space folded;
//   - "about" (art. 30(a)) comes back as 39A 10/10.

const BIC_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ALNUM = `${BIC_LETTERS}0123456789`;
const chars = (alphabet: string, n: number) => fc.array(fc.constantFrom(...alphabet), { minLength: n, maxLength: n }).map((a) => a.join(""));
/** ISO 9362: 8 characters, or 11 with a branch (not XXX, which is the 8-character BIC itself). */
const bic = fc
  .tuple(chars(BIC_LETTERS, 6), chars(ALNUM, 2), fc.option(chars(ALNUM, 3).filter((b) => b !== "XXX"), { nil: undefined }))
  .map(([head, location, branch]) => `${head}${location}${branch ?? ""}`);

// Words of the X set (so valid in Z fields too), none starting with ":" or "-".
const WORDS = ["PUMP", "DP-450", "(SPARE)", "QTY/UNIT", "O'NEIL", "A+B", "50,5", "MODEL?", "STEEL", "Valve", "grade", "2026", "NO.7", "per", "ISO", "9001", "x", "Rotterdam", "Bay", "of"];
const word = fc.constantFrom(...WORDS);
/** One line of words, at most `width` characters. */
const line = (width: number) =>
  fc
    .array(word, { minLength: 1, maxLength: 12 })
    .map((w) => w.join(" "))
    .map((l) => (l.length > width ? l.slice(0, width).trimEnd() : l))
    .filter((l) => l.length > 0 && !/[ ]$/.test(l));
const lines = (width: number, min: number, max: number) => fc.array(line(width), { minLength: min, maxLength: max }).map((l) => l.join("\n"));

// Names and addresses with characters the X set cannot carry.
const NAMES = ["Société des Pompes Delta & Fils", "Müller Maschinenbau GmbH", "Øresund Shipping A/S", "Lion City Engineering Pte Ltd", "José Núñez e Hijos S.A.", "Łódź Trading Sp. z o.o.", "Smith & Wesson @ Dock 4", "Straße 7 Handels AG"];
const ADDRESSES = ["Waalhaven Zuidzijde 19, 3089 JH Rotterdam", "Königsallee 92a, 40212 Düsseldorf", "21 Tuas Avenue 3, Singapore 639413", "Calle Mayor 5, 28013 Madrid, España", "Havnegade 39, 1058 København K"];
const party = fc.record({ name: fc.constantFrom(...NAMES), address: fc.constantFrom(...ADDRESSES) });

const isoDay = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
const CURRENCIES = ["USD", "EUR", "JPY", "BHD", "KWD", "GBP", "CHF"] as const;
/** An amount of the currency's minor units, as a decimal string with its decimals. */
const amount = (currency: string) =>
  fc.bigInt({ min: 1n, max: 999_999_999_999n }).map((minor) => {
    const d = currencyDecimals(currency);
    const text = minor.toString().padStart(d + 1, "0");
    return d === 0 ? text : `${text.slice(0, -d)}.${text.slice(-d)}`;
  });

const INVOICE: RequiredDocument = { kind: "COMMERCIAL_INVOICE", originals: 3, copies: 2, details: "Signed, showing the credit number" };
const BILL: RequiredDocument = {
  kind: "BILL_OF_LADING",
  originals: 3,
  copies: 3,
  conditions: { transport: { clean: true, onBoard: true, consignee: "TO_ORDER_OF_ISSUING_BANK", notifyParty: "APPLICANT", freight: "PREPAID" } },
  details: "",
};
const ORIGIN: RequiredDocument = { kind: "CERTIFICATE_OF_ORIGIN", originals: 1, copies: 1, conditions: { issuer: { kind: "CHAMBER_OF_COMMERCE" }, origin: { originCountry: "DE" } }, details: "" };
/** "Other" documents with long details: many of them make 46A overflow into 46B. */
const other = fc.record({ details: lines(60, 4, 8).map((l) => l.replace(/\n/g, " ").slice(0, 480).trimEnd()) }).map((d): RequiredDocument => ({ kind: "OTHER", originals: 1, copies: 0, details: d.details }));

const FILLER = "ISSUED AND SIGNED BY AN INDEPENDENT SURVEYOR APPOINTED BY THE APPLICANT, CERTIFYING QUANTITY, QUALITY AND PACKING OF THE GOODS, DATED NOT LATER THAN THE DATE OF SHIPMENT, IN 2 ORIGINALS, NAMING THE VESSEL, THE PORT OF LOADING AND THE PORT OF DISCHARGE, THE NUMBER OF PACKAGES, THEIR GROSS AND NET WEIGHT, AND THE MARKS AND NUMBERS SHOWN ON THE PACKAGES, WITH REFERENCE TO THE CREDIT NUMBER AND THE PROFORMA INVOICE";
/** An "other" document whose details take about eight lines of 46A: fifteen of them continue in 46B. */
const longOther = other.map((d): RequiredDocument => ({ ...d, details: `${d.details} ${FILLER}`.slice(0, 480).trimEnd() }));

/** Which of 45A, 46A, 47A is long enough to continue in MT701s (one at a time keeps each message under 10,000 characters). */
const LONG = ["none", "45A", "46A", "47A"] as const;

const credit = fc
  .record({
    long: fc.constantFrom(...LONG),
    issuingBank: bic,
    advisingBank: bic,
    currency: fc.constantFrom(...CURRENCIES),
    form: fc.constantFrom("IRREVOCABLE" as const, "IRREVOCABLE_TRANSFERABLE" as const),
    rules: fc.constantFrom("UCP_LATEST_VERSION" as const, "EUCP_LATEST_VERSION" as const, "UCP_URR_LATEST_VERSION" as const, "OTHER" as const),
    expiryIn: fc.integer({ min: 30, max: 20_000 }),
    shipmentBefore: fc.integer({ min: 0, max: 29 }),
    shipmentPeriod: fc.boolean(),
    applicant: party,
    beneficiary: party,
    tolerance: fc.oneof(fc.constant({ type: "NONE" as const }), fc.constant({ type: "ABOUT" as const }), fc.record({ type: fc.constant("PERCENT" as const), plus: fc.integer({ min: 0, max: 10 }), minus: fc.integer({ min: 0, max: 10 }) })),
    availableWith: fc.constantFrom("ISSUING_BANK" as const, "ADVISING_BANK" as const, "ANY_BANK" as const),
    availableBy: fc.constantFrom("PAYMENT" as const, "DEFERRED_PAYMENT" as const, "ACCEPTANCE" as const, "NEGOTIATION" as const),
    draftsAt: fc.constantFrom("", "SIGHT", "AT 60 DAYS SIGHT"),
    tenorDays: fc.integer({ min: 1, max: 360 }),
    partialShipments: fc.constantFrom("ALLOWED" as const, "NOT_ALLOWED" as const),
    transhipment: fc.constantFrom("ALLOWED" as const, "NOT_ALLOWED" as const),
    incoterm: fc.constantFrom("FOB" as const, "CIF" as const, "DAP" as const),
    incotermPlace: fc.constantFrom("", "Singapore", "Port of Jebel Ali"),
    charges: fc.option(lines(35, 1, 6), { nil: undefined }),
    senderToReceiver: fc.option(lines(35, 1, 6), { nil: undefined }),
    instructions: fc.option(lines(65, 1, 12), { nil: undefined }),
    reimbursingBank: fc.option(lines(35, 1, 4), { nil: undefined }),
    others: fc.array(other, { minLength: 0, maxLength: 3 }),
    manyOthers: fc.array(longOther, { minLength: 14, maxLength: 17 }),
    shortGoods: lines(65, 1, 40),
    longGoods: lines(40, 101, 220),
    shortConditions: fc.option(lines(65, 1, 30), { nil: undefined }),
    longConditions: lines(40, 101, 220),
    presentationPeriodDays: fc.integer({ min: 1, max: 180 }),
    confirmation: fc.constantFrom("WITHOUT" as const, "MAY_ADD" as const, "CONFIRM" as const),
  })
  .filter((c) => c.issuingBank.slice(0, 8) !== c.advisingBank.slice(0, 8))
  .chain((c) => amount(c.currency).map((a) => ({ ...c, amount: a })))
  .map((c) => {
    const expiryDate = isoDay(c.expiryIn);
    const terms = termsSchema.parse({
      form: c.form,
      applicableRules: c.rules,
      ...(c.rules === "OTHER" ? { applicableRulesNarrative: "ISP98 AND URDG 758" } : {}),
      // eUCP names where electronic records are presented (eUCP art. e6(a)(i)); not an MT700 field of its own.
      ...(c.rules === "EUCP_LATEST_VERSION" ? { eucpPresentationPlace: "TradeTrail, https://tradetrail.example/presentations" } : {}),
      expiryDate,
      expiryPlace: "Rotterdam",
      applicant: c.applicant,
      beneficiary: c.beneficiary,
      currency: c.currency,
      amount: c.amount,
      tolerance: c.tolerance,
      availableWith: c.availableWith,
      availableBy: c.availableBy,
      draftsAt: c.draftsAt,
      ...(c.availableBy === "DEFERRED_PAYMENT" || c.availableBy === "ACCEPTANCE" ? { tenorDays: c.tenorDays } : {}),
      partialShipments: c.partialShipments,
      transhipment: c.transhipment,
      portOfLoading: "Rotterdam, Netherlands",
      portOfDischarge: "Singapore",
      ...(c.shipmentPeriod ? { shipmentPeriod: "SHIPMENT IN TWO LOTS, MARCH AND APRIL" } : { latestShipmentDate: isoDay(c.expiryIn - c.shipmentBefore) }),
      incoterm: c.incoterm,
      incotermPlace: c.incotermPlace,
      goodsDescription: c.long === "45A" ? c.longGoods : c.shortGoods,
      documentsRequired: [INVOICE, BILL, ORIGIN, ...(c.long === "46A" ? c.manyOthers : c.others)],
      additionalConditions: c.long === "47A" ? c.longConditions : (c.shortConditions ?? ""),
      charges: c.charges ?? "",
      ...(c.senderToReceiver ? { senderToReceiverInformation: c.senderToReceiver } : {}),
      ...(c.instructions ? { instructionsToBank: c.instructions } : {}),
      ...(c.reimbursingBank ? { reimbursingBank: c.reimbursingBank } : {}),
      presentationPeriodDays: c.presentationPeriodDays,
      confirmation: c.confirmation,
    });
    return { terms, issuingBank: c.issuingBank, advisingBank: c.advisingBank, dateOfIssue: isoDay(c.expiryIn - 30), long: c.long };
  });

const fold = (text: string) => text.replace(/\s+/g, " ").trim();
const partyAsSent = (p: { name: string; address: string }) => fold(transliterate(`${p.name}\n${p.address}`, "x").text);
const normaliseBic = (b: string) => (b.length === 11 && b.endsWith("XXX") ? b.slice(0, 8) : b);

/** What an MT700 carries of the terms, in mt700ToTerms's shape: written from the rules in the header, not from termsFields. */
function carried(t: Terms, c: { issuingBank: string; creditNumber: string; dateOfIssue: string }): Mt700Terms {
  const tenor = t.tenorDays !== undefined ? { tenorDays: t.tenorDays } : {};
  const drafts =
    t.availableBy === "DEFERRED_PAYMENT" || t.availableBy === "ACCEPTANCE" ? (t.draftsAt ? { draftsAt: t.draftsAt } : tenor) : t.draftsAt ? { draftsAt: t.draftsAt } : {};
  const drawee = t.availableBy !== "DEFERRED_PAYMENT" && (t.draftsAt || t.availableBy === "ACCEPTANCE") ? { draweeBic: c.issuingBank } : {};
  const optional = <K extends keyof Terms>(key: K) => (t[key] ? { [key]: t[key] } : {});
  return {
    creditNumber: c.creditNumber,
    dateOfIssue: c.dateOfIssue,
    form: t.form,
    applicableRules: t.applicableRules,
    ...optional("applicableRulesNarrative"),
    expiryDate: t.expiryDate,
    expiryPlace: t.expiryPlace,
    currency: t.currency,
    amount: canonicalAmount(t.currency, t.amount),
    tolerance: t.tolerance.type === "ABOUT" ? { type: "PERCENT", plus: 10, minus: 10 } : t.tolerance,
    availableWith: t.availableWith,
    availableBy: t.availableBy,
    ...drafts,
    ...drawee,
    partialShipments: t.partialShipments,
    transhipment: t.transhipment,
    portOfLoading: t.portOfLoading,
    portOfDischarge: t.portOfDischarge,
    ...optional("latestShipmentDate"),
    ...optional("shipmentPeriod"),
    goodsDescription: t.goodsDescription,
    incoterm: t.incoterm,
    ...optional("incotermPlace"),
    ...optional("additionalConditions"),
    ...optional("charges"),
    ...optional("senderToReceiverInformation"),
    ...optional("instructionsToBank"),
    ...optional("reimbursingBank"),
    presentationPeriodDays: t.presentationPeriodDays,
    confirmation: t.confirmation,
  };
}

describe("terms -> MT700 -> terms (fast-check, 250 generated credits)", () => {
  it("gives back the terms: coded fields exactly, parties as transliterated, 46A as its text, overflow read back from the MT701s", () => {
    const seen = { JPY: 0, BHD: 0, bic8: 0, bic11: 0, mt701: 0, transliterated: 0, long: { "45A": 0, "46A": 0, "47A": 0 } };
    fc.assert(
      fc.property(credit, ({ terms, issuingBank, advisingBank, dateOfIssue, long }) => {
        const creditNumber = "MTB/LC/2026/0042";
        const [mt700] = swiftMessages({
          reference: "TT-2026-000042",
          creditNumber,
          dateOfIssue,
          standby: false,
          issuingBank: { name: "Issuing", bic: issuingBank },
          advisingBank: { name: "Advising", bic: advisingBank },
          steps: [{ seq: 2, on: dateOfIssue, kind: "issued", terms, bankConditions: null }],
        });
        expect(mt700!.problems).toEqual([]);
        const parsed = parseFin(mt700!.text);
        expect(parsed.ok).toBe(true);
        const messages = parsed.messages.map((m) => m.message);
        // Blocks 1 and 2 carry the banks' BICs: 8 characters, or 11 with the branch.
        expect(messages[0]!.sender).toBe(normaliseBic(issuingBank));
        expect(messages[0]!.receiver).toBe(normaliseBic(advisingBank));
        if (long !== "none") expect(messages.length).toBeGreaterThan(1);
        expect(messages.slice(1).every((m) => m.type === "701")).toBe(true);

        const { terms: back, problems } = mt700ToTerms(mt700Fields(messages), { issuingBank: messages[0]!.sender, advisingBank: messages[0]!.receiver });
        expect(problems).toEqual([]);
        const { applicant, beneficiary, documentsRequired, ...rest } = back;
        expect(rest).toEqual(carried(terms, { issuingBank: normaliseBic(issuingBank), creditNumber, dateOfIssue }));
        expect(fold(`${applicant!.name} ${applicant!.address}`)).toBe(partyAsSent(terms.applicant));
        expect(fold(`${beneficiary!.name} ${beneficiary!.address}`)).toBe(partyAsSent(terms.beneficiary));
        expect(fold(documentsRequired!)).toBe(fold(documentsRequiredText(terms.documentsRequired)));
        // Every transliteration is reported, and only the parties needed one.
        expect(new Set(mt700!.transliterations.map((t) => t.tag)).size).toBeLessThanOrEqual(2);
        expect(mt700!.transliterations.every((t) => t.tag === "50" || t.tag === "59")).toBe(true);

        if (terms.currency === "JPY") seen.JPY++;
        if (terms.currency === "BHD") seen.BHD++;
        seen[issuingBank.length === 8 ? "bic8" : "bic11"]++;
        if (messages.length > 1) seen.mt701++;
        if (mt700!.transliterations.length > 0) seen.transliterated++;
        if (long !== "none") seen.long[long]++;
      }),
      { numRuns: 250 },
    );
    // The generated credits covered what the acceptance asks for.
    expect(seen.JPY).toBeGreaterThan(0);
    expect(seen.BHD).toBeGreaterThan(0);
    expect(seen.bic8).toBeGreaterThan(0);
    expect(seen.bic11).toBeGreaterThan(0);
    expect(seen.mt701).toBeGreaterThan(0);
    expect(seen.transliterated).toBeGreaterThan(0);
    expect(Object.values(seen.long).every((n) => n > 0)).toBe(true);
  }, 120_000);
});

describe("mt700ToTerms", () => {
  it("names a field it cannot read and still gives back the rest", () => {
    const { terms, problems } = mt700ToTerms(
      [
        { tag: "40A", value: "REVOCABLE" },
        { tag: "32B", value: "JPY1000,5" },
        { tag: "41A", value: "OTHRGB2L\nBY PAYMENT" },
        { tag: "49", value: "WITHOUT" },
      ],
      { issuingBank: "MTBKSGSG", advisingBank: "RCBKNL2R500" },
    );
    expect(problems.map((p) => p.tag)).toEqual(["40A", "32B", "41A"]);
    expect(terms.currency).toBe("JPY");
    expect(terms.availableBy).toBe("PAYMENT");
    expect(terms.confirmation).toBe("WITHOUT");
  });

  it("reads 41A naming the advising bank by its 8-character BIC when the header has its 11 with XXX", () => {
    const { terms } = mt700ToTerms([{ tag: "41A", value: "RCBKNL2R\nBY NEGOTIATION" }], { advisingBank: "RCBKNL2RXXX" });
    expect(terms.availableWith).toBe("ADVISING_BANK");
    expect(terms.availableBy).toBe("NEGOTIATION");
  });

  it("puts MT701 continuation lines after the MT700's in 45A, 46A and 47A", () => {
    const fields = mt700Fields([
      { type: "700", fields: [{ tag: "27", value: "1/2" }, { tag: "20", value: "LC1" }, { tag: "45A", value: "A" }, { tag: "47A", value: "C" }] },
      { type: "701", fields: [{ tag: "27", value: "2/2" }, { tag: "20", value: "LC1" }, { tag: "45B", value: "B" }, { tag: "46B", value: "D" }] },
    ]);
    expect(fields).toEqual([
      { tag: "27", value: "1/2" },
      { tag: "20", value: "LC1" },
      { tag: "45A", value: "A\nB" },
      { tag: "47A", value: "C" },
      { tag: "46A", value: "D" },
    ]);
  });
});
