import { describe, expect, it } from "vitest";
import { sampleTerms } from "@/lib/terms/sample";
import type { Terms } from "@/lib/terms/schema";
import { serialiseFin, type FinField } from "./fin";
import { importAmendmentFin, importCreditFin, sameBank } from "./import";
import { swiftMessages } from "./messages";

const TODAY = new Date("2026-12-01T00:00:00Z");
const ISSUER = { name: "Gulf Commercial Bank", bic: "GCBKAEAD" };
const ADVISER = { name: "Rotterdam Commerce Bank", bic: "RCBKNL2R500" };
const terms = (overrides: Partial<Terms> = {}): Terms => ({ ...sampleTerms({}, TODAY), ...overrides });

/** The MT700 TradeTrail itself writes for these terms (lib/swift/messages.ts), as a foreign issuing bank would send it. */
function mt700(t: Terms, creditNumber = "GCB/LC/2026/7"): string {
  const [message] = swiftMessages({ reference: "TT-2026-000042", creditNumber, dateOfIssue: "2026-12-01", standby: false, issuingBank: ISSUER, advisingBank: ADVISER, steps: [{ seq: 1, on: "2026-12-01", kind: "issued", terms: t, bankConditions: null }] });
  expect(message!.problems).toEqual([]);
  return message!.text;
}

/** An MT700 written field by field, CR LF as it travels. */
const fin = (fields: FinField[], type: "700" | "707" | "710" = "700", sender = ISSUER.bic, receiver = ADVISER.bic) => serialiseFin({ type, sender, receiver, fields });
const lineOf = (text: string, start: string) => text.split(/\r\n|\n/).findIndex((l) => l.startsWith(start)) + 1;

const BASE: FinField[] = [
  { tag: "27", value: "1/1" },
  { tag: "40A", value: "IRREVOCABLE" },
  { tag: "20", value: "GCB/LC/2026/7" },
  { tag: "31C", value: "261201" },
  { tag: "40E", value: "UCP LATEST VERSION" },
  { tag: "31D", value: "270301ROTTERDAM" },
  { tag: "50", value: "EMIRATES PUMP TRADING LLC\nPO BOX 1234, DUBAI" },
  { tag: "59", value: "DELTA PUMPS B.V.\nWAALHAVEN ZUIDZIJDE 19, ROTTERDAM" },
  { tag: "32B", value: "USD125000,00" },
  { tag: "39A", value: "5/5" },
  { tag: "41D", value: "ANY BANK\nBY NEGOTIATION" },
  { tag: "42C", value: "SIGHT" },
  { tag: "42A", value: "GCBKAEAD" },
  { tag: "43P", value: "ALLOWED" },
  { tag: "43T", value: "NOT ALLOWED" },
  { tag: "44E", value: "ROTTERDAM" },
  { tag: "44F", value: "JEBEL ALI" },
  { tag: "44C", value: "270130" },
  { tag: "45A", value: "24 CENTRIFUGAL PUMPS MODEL DP-450\nCIF JEBEL ALI INCOTERMS 2020" },
  { tag: "46A", value: "+COMMERCIAL INVOICE IN 3 ORIGINALS AND 2 COPIES\n+CLEAN ON BOARD BILL OF LADING IN 3 ORIGINALS AND 0 COPIES MADE\nOUT TO ORDER\n+INSURANCE POLICY FOR 110 PCT OF THE CIF VALUE" },
  { tag: "71D", value: "ALL CHARGES OUTSIDE UAE\nFOR BENEFICIARY" },
  { tag: "48", value: "21/FROM THE DATE OF SHIPMENT" },
  { tag: "49", value: "MAY ADD" },
];
const withField = (tag: string, value: string | null, fields = BASE): FinField[] =>
  value === null ? fields.filter((f) => f.tag !== tag) : fields.map((f) => (f.tag === tag ? { tag, value } : f));

describe("importCreditFin: the MT700 TradeTrail writes comes back as the same terms", () => {
  it("gives back every term TradeTrail holds as a field of its own", () => {
    const t = terms({ tolerance: { type: "PERCENT", plus: 5, minus: 5 }, additionalAmounts: "INSURANCE UP TO USD 2000", portOfLoading: "Rotterdam", placeOfTakingInCharge: "Venlo warehouse", finalDestination: "Jurong", specialPaymentConditionsBeneficiary: "PAYMENT BY SWIFT", specialPaymentConditionsBank: "REIMBURSE UNDER URR 725", instructionsToBank: "CLAIM REIMBURSEMENT BY MT742", senderToReceiverInformation: "PLEASE ADVISE PROMPTLY", reimbursingBank: "CITIBANK N.A. NEW YORK", adviseThroughBank: "RABOBANK ROTTERDAM", requestedConfirmationParty: "ADVISING BANK", applicantBank: "GULF COMMERCIAL BANK DUBAI", confirmation: "MAY_ADD" });
    const result = importCreditFin(mt700(t), { advisingBankBic: ADVISER.bic });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.messageType).toBe("700");
    expect(result.issuingBankBic).toBe("GCBKAEAD");
    expect(result.creditNumber).toBe("GCB/LC/2026/7");
    expect(result.dateOfIssue).toBe("2026-12-01");
    const back = result.terms!;
    for (const key of ["form", "applicableRules", "expiryDate", "expiryPlace", "currency", "amount", "tolerance", "additionalAmounts", "availableWith", "availableBy", "draftsAt", "partialShipments", "transhipment", "placeOfTakingInCharge", "portOfLoading", "portOfDischarge", "finalDestination", "latestShipmentDate", "incoterm", "incotermPlace", "goodsDescription", "additionalConditions", "specialPaymentConditionsBeneficiary", "specialPaymentConditionsBank", "presentationPeriodDays", "confirmation", "instructionsToBank", "senderToReceiverInformation", "reimbursingBank", "adviseThroughBank", "requestedConfirmationParty", "applicantBank"] as const) {
      expect.soft(back[key], key).toEqual(t[key]);
    }
    expect(back.applicant).toEqual(t.applicant);
    expect(back.beneficiary.name).toBe(t.beneficiary.name);
    // 46A: each document's kind and counts; the structured conditions come back as the document's words.
    expect(back.documentsRequired.map((d) => [d.kind, d.originals, d.copies])).toEqual(t.documentsRequired.map((d) => [d.kind, d.originals, d.copies]));
    const lading = back.documentsRequired.find((d) => d.kind === "BILL_OF_LADING")!;
    expect(lading.conditions).toEqual({ transport: { clean: true, onBoard: true } });
    expect(lading.details).toBe("MADE OUT TO ORDER MARKED FREIGHT PREPAID NOTIFY APPLICANT");
  });

  it("reads deferred payment's tenor, acceptance's drafts and an 'about' tolerance as TradeTrail holds them", () => {
    const deferred = importCreditFin(mt700(terms({ availableBy: "DEFERRED_PAYMENT", tenorDays: 90, draftsAt: "" })), { advisingBankBic: ADVISER.bic });
    expect(deferred.terms).toMatchObject({ availableBy: "DEFERRED_PAYMENT", tenorDays: 90 });
    expect(deferred.terms!.draftsAt).toBe("");
    const acceptance = importCreditFin(mt700(terms({ availableBy: "ACCEPTANCE", tenorDays: 60, draftsAt: "60 DAYS AFTER BILL OF LADING DATE", availableWith: "ISSUING_BANK" })), { advisingBankBic: ADVISER.bic });
    expect(acceptance.terms).toMatchObject({ availableBy: "ACCEPTANCE", tenorDays: 60, draftsAt: "60 DAYS AFTER BILL OF LADING DATE", availableWith: "ISSUING_BANK" });
    const about = importCreditFin(mt700(terms({ tolerance: { type: "ABOUT" } })), { advisingBankBic: ADVISER.bic });
    // 39A 10/10 says "about" and "10% either way" alike; TradeTrail reads the percentage.
    expect(about.terms!.tolerance).toEqual({ type: "PERCENT", plus: 10, minus: 10 });
  });

  it("reads amounts in the currency's minor units: JPY without decimals, BHD with three", () => {
    const jpy = importCreditFin(mt700(terms({ currency: "JPY", amount: "18000000" })), { advisingBankBic: ADVISER.bic });
    expect(jpy.terms).toMatchObject({ currency: "JPY", amount: "18000000" });
    const bhd = importCreditFin(mt700(terms({ currency: "BHD", amount: "47250.125" })), { advisingBankBic: ADVISER.bic });
    expect(bhd.terms).toMatchObject({ currency: "BHD", amount: "47250.125" });
  });

  it("reads a long 46A back from its MT701 continuation", () => {
    const many = Array.from({ length: 130 }, (_, i) => `Line ${i + 1}: one package of pumps, numbered and weighed`).join("\n");
    const t = terms({ goodsDescription: many });
    const text = mt700(t);
    expect(text).toContain("{2:I701");
    const result = importCreditFin(text, { advisingBankBic: ADVISER.bic });
    expect(result.problems).toEqual([]);
    expect(result.terms!.goodsDescription).toBe(many);
  });
});

describe("importCreditFin: a bank's own MT700, field by field", () => {
  it("maps each field to its TradeTrail term, side by side, with the line it is on", () => {
    const text = fin(BASE);
    const result = importCreditFin(text, { advisingBankBic: ADVISER.bic });
    expect(result.problems).toEqual([]);
    const row = (tag: string) => result.mapping.find((m) => m.tag === tag)!;
    expect(row("32B")).toMatchObject({ line: lineOf(text, ":32B:"), term: "Currency and amount (32B)", held: "USD 125000.00" });
    expect(row("41D")).toMatchObject({ term: "Available with … by … (41a)", held: "any bank, negotiation" });
    expect(row("42A").held).toBe("the issuing bank");
    expect(row("48").held).toBe('21 days (not kept: "FROM THE DATE OF SHIPMENT")');
    expect(row("23")).toBeUndefined();
    expect(row("20")).toMatchObject({ term: "Credit number (20)" });
    expect(result.terms).toMatchObject({
      partialShipments: "ALLOWED", transhipment: "NOT_ALLOWED", availableWith: "ANY_BANK", availableBy: "NEGOTIATION", confirmation: "MAY_ADD",
      // The Incoterm named in 45A's words, when there is no TERMS OF DELIVERY line.
      incoterm: "CIF", incotermPlace: "JEBEL ALI", presentationPeriodDays: 21,
      applicant: { name: "EMIRATES PUMP TRADING LLC", address: "PO BOX 1234, DUBAI" },
    });
    // A paragraph TradeTrail has no kind for is kept whole as "other document".
    expect(result.terms!.documentsRequired.at(-1)).toMatchObject({ kind: "OTHER", details: "INSURANCE POLICY FOR 110 PCT OF THE CIF VALUE" });
  });

  it("reads 41A naming the advising bank, and 41A naming the issuing bank", () => {
    expect(importCreditFin(fin(withField("41D", null, [...BASE, { tag: "41A", value: "RCBKNL2R500\nBY PAYMENT" }])), { advisingBankBic: ADVISER.bic }).terms?.availableWith).toBe("ADVISING_BANK");
    expect(importCreditFin(fin(withField("41D", null, [...BASE, { tag: "41A", value: "GCBKAEAD\nBY PAYMENT" }])), { advisingBankBic: ADVISER.bic }).terms?.availableWith).toBe("ISSUING_BANK");
  });

  it("names a bad amount with its tag and line, and creates no terms", () => {
    const text = fin(withField("32B", "USD125000,005"));
    const result = importCreditFin(text, { advisingBankBic: ADVISER.bic });
    expect(result.ok).toBe(false);
    expect(result.terms).toBeNull();
    expect(result.problems).toEqual([expect.objectContaining({ tag: "32B", line: lineOf(text, ":32B:"), message: expect.stringContaining("at most 2 decimals") })]);
  });

  it("names a bad date with its line", () => {
    const text = fin(withField("44C", "270231"));
    const result = importCreditFin(text);
    expect(result.problems).toEqual([expect.objectContaining({ tag: "44C", line: lineOf(text, ":44C:"), message: expect.stringContaining("not a date") })]);
  });

  it("names the line inside a multi-line field: a 46A line longer than 65 characters", () => {
    const long = `+PACKING LIST IN 1 ORIGINAL AND 1 COPY ${"X".repeat(40)}`;
    const text = fin(withField("46A", `+COMMERCIAL INVOICE IN 3 ORIGINALS AND 2 COPIES\n${long}`));
    const result = importCreditFin(text);
    expect(result.problems).toEqual([expect.objectContaining({ tag: "46A", line: lineOf(text, ":46A:") + 1, message: expect.stringContaining("at most 65") })]);
  });

  it("refuses what TradeTrail cannot hold, naming the field and its line", () => {
    const cases: [string, string, string][] = [
      ["40A", "REVOCABLE", "irrevocable credits only"],
      ["39A", "15/15", "at most 10%"],
      ["43P", "CONDITIONAL", "ALLOWED or NOT ALLOWED"],
      ["40E", "URDG LATEST VERSION", "not an applicable rules code"],
      ["41D", "BANK OF ELSEWHERE\nBY PAYMENT", "the issuing bank, the advising bank"],
      ["59", "DELTA PUMPS B.V.", "name on the first line"],
    ];
    for (const [tag, value, words] of cases) {
      const text = fin(withField(tag, value));
      const result = importCreditFin(text, { advisingBankBic: ADVISER.bic });
      expect(result.ok, tag).toBe(false);
      expect(result.problems, tag).toEqual([expect.objectContaining({ tag, line: lineOf(text, `:${tag}:`), message: expect.stringContaining(words) })]);
    }
  });

  it("names a term TradeTrail requires but the message lacks, on the field it comes from", () => {
    // No commercial invoice in 46A: TradeTrail's rule names 46A's line.
    const text = fin(withField("46A", "+PACKING LIST IN 1 ORIGINAL AND 1 COPY"));
    const result = importCreditFin(text);
    expect(result.problems).toEqual([expect.objectContaining({ tag: "46A", line: lineOf(text, ":46A:"), message: expect.stringContaining("commercial invoice is always required") })]);
    // No Incoterm anywhere in 45A.
    const noIncoterm = fin(withField("45A", "24 CENTRIFUGAL PUMPS"));
    expect(importCreditFin(noIncoterm).problems).toEqual([expect.objectContaining({ tag: "45A", line: lineOf(noIncoterm, ":45A:"), message: expect.stringContaining("Choose an Incoterm") })]);
  });

  it("reports a mandatory field missing, a field twice and an MT of another kind", () => {
    const missing = importCreditFin(fin(withField("32B", null)));
    expect(missing.problems).toContainEqual(expect.objectContaining({ tag: "32B", message: expect.stringContaining("mandatory field 32B") }));
    const twice = fin([...BASE.slice(0, 11), { tag: "32B", value: "USD1,00" }, ...BASE.slice(11)]);
    expect(importCreditFin(twice).problems).toContainEqual(expect.objectContaining({ tag: "32B", line: lineOf(twice, ":32B:USD1,"), message: expect.stringContaining("more than once") }));
    const amendment = importCreditFin(fin([{ tag: "20", value: "X" }], "707"));
    expect(amendment.ok).toBe(false);
  });

  it("refuses text that is not FIN, with the line", () => {
    expect(importCreditFin("hello").problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('expected a block "{1:"') })]);
    expect(importCreditFin("").problems).toEqual([expect.objectContaining({ line: 1, message: "the text is empty" })]);
  });
});

describe("importCreditFin: MT710", () => {
  const mt710 = (issuing: FinField) => {
    const fields = BASE.filter((f) => !["40A", "20"].includes(f.tag));
    return fin([{ tag: "27", value: "1/1" }, { tag: "40B", value: "IRREVOCABLE\nWITHOUT OUR CONFIRMATION" }, { tag: "20", value: "FAB710REF" }, { tag: "21", value: "GCB/LC/2026/7" }, ...fields.slice(1, 4), issuing, ...fields.slice(4)], "710", "FABKAEAA", ADVISER.bic);
  };
  it("takes the credit number from 21 and the issuing bank from 52A; the sender is the first advising bank", () => {
    const result = importCreditFin(mt710({ tag: "52A", value: "GCBKAEAD" }), { advisingBankBic: ADVISER.bic });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, messageType: "710", sender: "FABKAEAA", issuingBankBic: "GCBKAEAD", creditNumber: "GCB/LC/2026/7" });
    expect(result.mapping.find((m) => m.tag === "20")!.held).toBe("Not kept: the sender's own reference");
    expect(result.terms!.form).toBe("IRREVOCABLE");
  });
  it("needs the issuing bank's BIC (52A) to record it", () => {
    const text = mt710({ tag: "52D", value: "GULF COMMERCIAL BANK\nDUBAI" });
    expect(importCreditFin(text).problems).toEqual([expect.objectContaining({ tag: "52a", line: lineOf(text, ":52D:"), message: expect.stringContaining("52A") })]);
  });
});

describe("importAmendmentFin: an MT707 applied to the credit's terms", () => {
  const current = importCreditFin(fin(BASE), { advisingBankBic: ADVISER.bic }).terms!;
  const expectation = { creditNumber: "GCB/LC/2026/7", issuingBankBic: ISSUER.bic, nextNumber: 1 };
  const head: FinField[] = [
    { tag: "27", value: "1/1" },
    { tag: "20", value: "GCB/LC/2026/7" },
    { tag: "21", value: "NONREF" },
    { tag: "23", value: "GCB/LC/2026/7" },
    { tag: "31C", value: "261201" },
    { tag: "26E", value: "1" },
    { tag: "30", value: "261210" },
    { tag: "22A", value: "ISSU" },
  ];
  it("applies an increase, a new expiry and a replaced goods description; the rest stays", () => {
    const text = fin([...head, { tag: "31D", value: "270401ROTTERDAM" }, { tag: "32B", value: "USD5000,00" }, { tag: "45B", value: "/REPALL/\n30 CENTRIFUGAL PUMPS MODEL DP-450\nTERMS OF DELIVERY: CIF JEBEL ALI (INCOTERMS 2020)" }], "707");
    const result = importAmendmentFin(text, current, expectation);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, number: 1, dateOfAmendment: "2026-12-10", cancellation: false });
    expect(result.terms).toMatchObject({ amount: "130000.00", expiryDate: "2027-04-01", goodsDescription: "30 CENTRIFUGAL PUMPS MODEL DP-450", incoterm: "CIF", portOfDischarge: "JEBEL ALI" });
    expect(result.mapping.find((m) => m.tag === "32B")).toMatchObject({ line: lineOf(text, ":32B:"), held: "increase of USD 5000.00: USD 130000.00" });
  });

  it("applies a decrease (33B) and reads a cancellation (23S)", () => {
    expect(importAmendmentFin(fin([...head, { tag: "33B", value: "USD25000,00" }], "707"), current, expectation).terms!.amount).toBe("100000.00");
    const cancel = importAmendmentFin(fin([...head, { tag: "23S", value: "CANCEL" }], "707"), current, expectation);
    expect(cancel).toMatchObject({ ok: true, cancellation: true, terms: null });
  });

  it("refuses an MT707 of another credit, another bank, or out of turn, with the line", () => {
    const other = fin([...head.map((f) => (f.tag === "20" ? { tag: "20", value: "OTHER/1" } : f)), { tag: "33B", value: "USD1,00" }], "707");
    expect(importAmendmentFin(other, current, expectation).problems).toEqual([expect.objectContaining({ tag: "20", line: lineOf(other, ":20:") })]);
    const stranger = fin([...head, { tag: "33B", value: "USD1,00" }], "707", "FABKAEAA");
    expect(importAmendmentFin(stranger, current, expectation).problems).toEqual([expect.objectContaining({ tag: "block 1", message: expect.stringContaining("not from the credit's issuing bank") })]);
    const second = fin([...head.map((f) => (f.tag === "26E" ? { tag: "26E", value: "2" } : f)), { tag: "33B", value: "USD1,00" }], "707");
    expect(importAmendmentFin(second, current, expectation).problems).toEqual([expect.objectContaining({ tag: "26E", line: lineOf(second, ":26E:") })]);
  });

  it("refuses a decrease that takes the whole amount, a change of currency and /ADD/", () => {
    expect(importAmendmentFin(fin([...head, { tag: "33B", value: "USD125000,00" }], "707"), current, expectation).problems[0]!.message).toContain("whole amount");
    expect(importAmendmentFin(fin([...head, { tag: "32B", value: "EUR1,00" }], "707"), current, expectation).problems[0]!.message).toContain("cannot change its currency");
    const add = fin([...head, { tag: "47B", value: "/ADD/\nONE MORE CONDITION" }], "707");
    expect(importAmendmentFin(add, current, expectation).problems).toEqual([expect.objectContaining({ tag: "47B", line: lineOf(add, ":47B:"), message: expect.stringContaining("/REPALL/") })]);
  });
});

describe("sameBank: whether a message's BIC names the importing bank", () => {
  it("matches the same BIC, its XXX form, and a BIC8 with its branches; not another branch or another bank", () => {
    expect(sameBank("RMBKNL2R", "RMBKNL2RXXX")).toBe(true);
    expect(sameBank("RMBKNL2R", "RMBKNL2R500")).toBe(true);
    expect(sameBank("RMBKNL2R500", "RMBKNL2R500")).toBe(true);
    expect(sameBank("RMBKNL2R500", "RMBKNL2R600")).toBe(false);
    expect(sameBank("RMBKNL2R", "RMBKNL2A")).toBe(false);
    expect(sameBank("RMBKNL2R", "XMBKNL2R")).toBe(false);
  });
});
