import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sampleTerms } from "@/lib/terms/sample";
import type { Terms } from "@/lib/terms/schema";
import { type FinMessage, parseFin, serialiseFin } from "./fin";
import { type SwiftCreditInput, type SwiftStep, buildMt750, buildMt752, swiftMessages } from "./messages";

// Golden files (issue 15 item 7): tests/swift/*.fin are reference messages checked by hand
// against the field specifications (tests/swift/README.md says where each rule comes from).
// lib/swift must write exactly those bytes for the fixed credit below, and parsing them must give
// the fields back. A change to a golden file is a change to what banks receive: check it by hand
// again before committing it. To rewrite them after such a check: SWIFT_GOLDEN_WRITE=1.

const DIR = path.resolve(__dirname, "../../tests/swift");
const WRITE = process.env.SWIFT_GOLDEN_WRITE === "1";

const TODAY = new Date("2026-12-01T00:00:00Z");
// 101 lines of goods with the Incoterm line: 100 in the MT700's 45A, the last two in the MT701's 45B.
const goods = Array.from({ length: 100 }, (_, i) => `ITEM ${String(i + 1).padStart(3, "0")} CENTRIFUGAL PUMP DP-450, STAINLESS STEEL, 1 UNIT`).join("\n");
const base: Terms = {
  ...sampleTerms({}, TODAY),
  goodsDescription: goods,
  beneficiary: { name: "Société des Pompes Delta & Fils", address: "Waalhaven Zuidzijde 19, 3089 JH Rotterdam, Netherlands" },
};
const amended: Terms = { ...base, amount: "140000.00", latestShipmentDate: "2027-02-15", expiryDate: "2027-03-15" };

const steps: SwiftStep[] = [
  { seq: 2, on: "2026-12-01", kind: "issued", terms: base, bankConditions: "Documents to be sent by courier in one lot." },
  { seq: 3, on: "2026-12-02", kind: "advised", confirmationAdded: false },
  { seq: 4, on: "2026-12-10", kind: "amendmentIssued", number: 1, cancellation: false, before: base, after: amended },
  { seq: 6, on: "2026-12-12", kind: "amendmentAccepted", number: 1, amendmentDate: "2026-12-10" },
  { seq: 9, on: "2027-01-15", kind: "discrepanciesNotified", presentationNumber: 1, presentedOn: "2027-01-12", currency: "USD", claimedAmount: "139000", discrepancies: [{ document: "BILL_OF_LADING", message: "Shipped on 2027-02-20, after the latest shipment date 2027-02-15" }], disposal: "HOLDING_UNTIL_WAIVER" },
  { seq: 10, on: "2027-01-16", kind: "discrepanciesTakenUp", presentationNumber: 1, presentedOn: "2027-01-12", currency: "USD", claimedAmount: "139000" },
  { seq: 11, on: "2027-01-18", kind: "paid", presentationNumber: 1, currency: "USD", amount: "139000", paymentKind: "SIGHT", dueDate: null, valueDate: "2027-01-18" },
  { seq: 12, on: "2027-02-01", kind: "refused", presentationNumber: 2, reason: "Discrepancies not waived" },
  { seq: 13, on: "2027-03-16", kind: "expired", currency: "USD", creditAmount: "140000", drawnAmount: "139000" },
];
const input: SwiftCreditInput = {
  reference: "TT-2026-000042",
  creditNumber: "MTB/LC/2026/0042",
  dateOfIssue: "2026-12-01",
  standby: false,
  issuingBank: { name: "Merlion Trade Bank", bic: "MTBKSGSG" },
  advisingBank: { name: "Rotterdam Commerce Bank", bic: "RCBKNL2R500" },
  steps,
};

const exports = swiftMessages(input);
const file = (id: string) => exports.find((e) => e.id === id)!;
/** Presenting-bank messages no step produces: written from their builders, between the same banks. */
const refs = { reference: input.reference, creditNumber: input.creditNumber };
const mt750: FinMessage = { type: "750", sender: "RCBKNL2R500", receiver: "MTBKSGSG", userReference: "TT2026000042P2", fields: buildMt750(refs, { presentationNumber: 2, currency: "BHD", amount: "4725.5", discrepancies: ["Invoice shows “CIF Manama”, the credit says CIF Sitra", "2 originals of the bill of lading presented, 3 required"] }) };
const mt752: FinMessage = { type: "752", sender: "MTBKSGSG", receiver: "RCBKNL2R500", userReference: "MTBLC20260042A", fields: buildMt752(refs, { presentationNumber: 2, adviceDate: "2027-01-15", currency: "BHD", amount: "4725.5" }) };

const GOLDEN: { name: string; text: string; types: string[] }[] = [
  { name: "mt700-mt701-issue.fin", text: file("2-mt700").text, types: ["700", "701"] },
  { name: "mt730-advised.fin", text: file("3-mt730").text, types: ["730"] },
  { name: "mt707-amendment.fin", text: file("4-mt707").text, types: ["707"] },
  { name: "mt730-amendment-accepted.fin", text: file("6-mt730").text, types: ["730"] },
  { name: "mt734-refusal.fin", text: file("9-mt734").text, types: ["734"] },
  { name: "mt732-discharge.fin", text: file("10-mt732").text, types: ["732"] },
  { name: "mt754-payment.fin", text: file("11-mt754").text, types: ["754"] },
  { name: "mt756-reimbursement.fin", text: file("11-mt756").text, types: ["756"] },
  { name: "mt759-refused.fin", text: file("12-mt759").text, types: ["759"] },
  { name: "mt759-expired.fin", text: file("13-mt759").text, types: ["759"] },
  { name: "mt750-discrepancy-bhd.fin", text: serialiseFin(mt750), types: ["750"] },
  { name: "mt752-authorisation-bhd.fin", text: serialiseFin(mt752), types: ["752"] },
];

describe("golden files (tests/swift, checked by hand)", () => {
  it("every message the fixed credit produces has its golden file, without problems", () => {
    for (const e of exports) expect(e.problems, e.id).toEqual([]);
    const covered = new Set(GOLDEN.flatMap((g) => g.types));
    expect([...covered].sort()).toEqual(["700", "701", "707", "730", "732", "734", "750", "752", "754", "756", "759"]);
  });

  for (const golden of GOLDEN) {
    it(`${golden.name}: lib/swift writes exactly these bytes, and parsing them gives the fields back`, () => {
      const target = path.join(DIR, golden.name);
      if (WRITE) fs.writeFileSync(target, golden.text);
      const bytes = fs.readFileSync(target, "latin1");
      expect(golden.text).toBe(bytes);
      // FIN is CR LF throughout and every character is of the X or Z set (ASCII).
      expect(/[^\x20-\x7e\r\n]/.test(bytes)).toBe(false);
      expect(/[^\r]\n/.test(bytes)).toBe(false);
      const parsed = parseFin(bytes);
      expect(parsed.ok).toBe(true);
      expect(parsed.messages.map((m) => m.message.type)).toEqual(golden.types);
      expect(parsed.messages.map((m) => serialiseFin(m.message)).join("\r\n")).toBe(bytes);
    });
  }

  it("the MT700's fields read back as the credit's values (a few by hand)", () => {
    const [mt700, mt701] = parseFin(fs.readFileSync(path.join(DIR, "mt700-mt701-issue.fin"), "latin1")).messages.map((m) => m.message);
    const get = (m: FinMessage, tag: string) => m.fields.find((f) => f.tag === tag)?.value;
    expect(mt700!.sender).toBe("MTBKSGSG");
    expect(mt700!.receiver).toBe("RCBKNL2R500");
    expect(get(mt700!, "27")).toBe("1/2");
    expect(get(mt700!, "32B")).toBe("USD125000,00");
    expect(get(mt700!, "31D")).toBe("270301Rotterdam");
    expect(get(mt700!, "59")).toBe("Societe des Pompes Delta AND Fils\nWaalhaven Zuidzijde 19, 3089 JH\nRotterdam, Netherlands");
    expect(get(mt700!, "45A")!.split("\n")).toHaveLength(100);
    expect(mt701!.fields).toEqual([
      { tag: "27", value: "2/2" },
      { tag: "20", value: "MTB/LC/2026/0042" },
      { tag: "45B", value: "TERMS OF DELIVERY: CIF Singapore (INCOTERMS 2020)" },
    ]);
  });
});
