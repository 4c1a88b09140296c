import { describe, expect, it } from "vitest";
import { diffTerms } from "./diff";
import { TERMS_FIELDS, formatIsoDate } from "./fields";
import { sampleTerms } from "./sample";
import { type Terms, termsSchema } from "./schema";

const base = sampleTerms({ latestShipmentDate: "2027-01-29", expiryDate: "2027-02-26" });

/** The optional MT700 fields the sample leaves out. */
const NEW_OPTIONAL_FIELDS = [
  "dateOfIssue",
  "applicableRulesNarrative",
  "applicantBank",
  "additionalAmounts",
  "drawee",
  "mixedPaymentDetails",
  "placeOfTakingInCharge",
  "finalDestination",
  "shipmentPeriod",
  "specialPaymentConditionsBeneficiary",
  "specialPaymentConditionsBank",
  "amendmentChargesPayableBy",
  "amendmentChargesNarrative",
  "requestedConfirmationParty",
  "reimbursingBank",
  "instructionsToBank",
  "adviseThroughBank",
  "senderToReceiverInformation",
  "eucpPresentationPlace",
  "eucpRecordFormats",
];

describe("diffTerms", () => {
  it("finds nothing between equal terms", () => {
    expect(diffTerms(base, structuredClone(base))).toEqual([]);
  });

  it("reports one changed field with before and after as displayed", () => {
    expect(diffTerms(base, { ...base, latestShipmentDate: "2027-03-15" })).toEqual([
      { path: "latestShipmentDate", tag: "44C", label: "Latest shipment date", before: "29 Jan 2027", after: "15 Mar 2027" },
    ]);
  });

  it("shows a change of amount or currency as one 32B row", () => {
    expect(diffTerms(base, { ...base, amount: "275000" })).toEqual([{ path: "amount", tag: "32B", label: "Currency and amount", before: "USD 125,000.00", after: "USD 275,000.00" }]);
    expect(diffTerms(base, { ...base, currency: "EUR" }).map((c) => [c.path, c.after])).toEqual([["amount", "EUR 125,000.00"]]);
  });

  it("shows the documents list readably, one line per document", () => {
    const documentsRequired = base.documentsRequired.map((d) => (d.kind === "PACKING_LIST" ? { ...d, copies: 3 } : d));
    const [change, ...rest] = diffTerms(base, { ...base, documentsRequired });
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ path: "documentsRequired", tag: "46A", label: "Documents required" });
    expect(change!.before).toContain("Packing list: 1 original, 2 copies — Showing gross and net weight of each package");
    expect(change!.after).toContain("Packing list: 1 original, 3 copies");
    expect(change!.after!.split("\n")).toHaveLength(5);
    expect(change!.after!.split("\n")[0]).toBe("Commercial invoice: 3 originals, 2 copies — Signed, showing CIF Singapore Incoterms 2020 and the credit number");
  });

  it("shows a change of 46A conditions in words: freight prepaid to collect, a risk added, the issuer named", () => {
    const documentsRequired = base.documentsRequired.map((d) => {
      if (d.kind === "BILL_OF_LADING") return { ...d, conditions: { transport: { ...d.conditions!.transport, freight: "COLLECT" as const } } };
      if (d.kind === "INSURANCE_CERTIFICATE") return { ...d, conditions: { insurance: { ...d.conditions!.insurance, risks: ["ICC_A" as const, "WAR" as const] } } };
      if (d.kind === "CERTIFICATE_OF_ORIGIN") return { ...d, conditions: { ...d.conditions, issuer: { kind: "NAMED" as const, name: "Kamer van Koophandel Rotterdam" } } };
      return d;
    });
    const [change] = diffTerms(base, { ...base, documentsRequired });
    const before = change!.before!.split("\n");
    const after = change!.after!.split("\n");
    expect(before[1]).toBe("Bill of lading: 3 originals, 3 copies — clean; shipped on board; made out to order; notify the applicant; marked freight prepaid");
    expect(after[1]).toBe("Bill of lading: 3 originals, 3 copies — clean; shipped on board; made out to order; notify the applicant; marked freight collect");
    expect(before[3]).toBe("Certificate of origin: 1 original, 1 copy — origin Netherlands (NL); issued by a chamber of commerce");
    expect(after[3]).toBe("Certificate of origin: 1 original, 1 copy — origin Netherlands (NL); issued by Kamer van Koophandel Rotterdam");
    expect(after[4]).toBe(
      "Insurance certificate: 2 originals, 0 copies — cover 110% of the CIF or CIP value; covering Institute Cargo Clauses (A), Institute War Clauses (Cargo); cover from Rotterdam to Singapore; Claims payable in Singapore",
    );
  });

  it("lists changes in MT700 order, an emptied field as null", () => {
    const after: Terms = { ...base, additionalConditions: "", portOfDischarge: "Port Klang, Malaysia", tolerance: { type: "PERCENT", plus: 5, minus: 5 } };
    expect(diffTerms(base, after).map((c) => [c.tag, c.after])).toEqual([
      ["39A", "+5% / −5%"],
      ["44F", "Port Klang, Malaysia"],
      ["47A", null],
    ]);
  });

  it("with no earlier version, lists every field that has a value", () => {
    const changes = diffTerms(null, base);
    expect(changes.every((c) => c.before === null && c.after !== null)).toBe(true);
    const unset = ["tenorDays", ...NEW_OPTIONAL_FIELDS];
    for (const path of unset) expect(changes.map((c) => c.path)).not.toContain(path);
    expect(changes).toHaveLength(TERMS_FIELDS.length - unset.length);
  });

  it("notices a change to any field of the terms", () => {
    const changed: Partial<Record<keyof Terms, unknown>> = {
      form: "IRREVOCABLE_TRANSFERABLE",
      applicableRules: "UCP_URR_LATEST_VERSION",
      expiryDate: "2027-02-27",
      expiryPlace: "Singapore",
      applicant: { ...base.applicant, address: "1 Other Road, Singapore" },
      beneficiary: { ...base.beneficiary, name: "Delta Pumps Holding B.V." },
      currency: "EUR",
      amount: "1.00",
      tolerance: { type: "ABOUT" },
      availableWith: "ANY_BANK",
      availableBy: "DEFERRED_PAYMENT",
      draftsAt: "60 DAYS AFTER B/L DATE",
      tenorDays: 60,
      partialShipments: "ALLOWED",
      transhipment: "NOT_ALLOWED",
      portOfLoading: "Antwerp",
      portOfDischarge: "Jakarta",
      latestShipmentDate: "2027-01-28",
      incoterm: "CIP",
      incotermPlace: "Jurong",
      goodsDescription: "Valves",
      documentsRequired: [{ kind: "COMMERCIAL_INVOICE", originals: 1, copies: 0, details: "" }],
      additionalConditions: "None",
      charges: "All charges for the applicant",
      presentationPeriodDays: 14,
      confirmation: "CONFIRM",
      creditKind: "STANDBY",
      dateOfIssue: "2026-12-01",
      applicableRulesNarrative: "URDG 758",
      applicantBank: "MERLION TRADE BANK\nSINGAPORE",
      additionalAmounts: "FREIGHT UP TO USD 5,000",
      drawee: "ISSUING BANK",
      mixedPaymentDetails: "50 PCT AT SIGHT, 50 PCT AT 60 DAYS",
      placeOfTakingInCharge: "Venlo warehouse",
      finalDestination: "Jurong",
      shipmentPeriod: "JANUARY 2027",
      specialPaymentConditionsBeneficiary: "Payment within 3 banking days",
      specialPaymentConditionsBank: "Debit our account",
      amendmentChargesPayableBy: "BENE",
      amendmentChargesNarrative: "Shared equally",
      requestedConfirmationParty: "ROTTERDAM MARITIME BANK",
      reimbursingBank: "CITIBANK NEW YORK",
      instructionsToBank: "Send documents by courier",
      adviseThroughBank: "ROTTERDAM MARITIME BANK",
      senderToReceiverInformation: "Please acknowledge",
      eucpPresentationPlace: "https://trade.merlion.example/eucp",
      eucpRecordFormats: "PDF, XML",
    };
    // Every key of the schema is in this list, so a new terms field cannot go unseen.
    expect(Object.keys(changed).sort()).toEqual(Object.keys(termsSchema.shape).sort());
    for (const [key, value] of Object.entries(changed)) {
      expect(diffTerms(base, { ...base, [key]: value }).length, key).toBeGreaterThan(0);
    }
  });
});

describe("TERMS_FIELDS", () => {
  it("formats every field of the sample terms, grouped as on an MT700", () => {
    const shown = Object.fromEntries(TERMS_FIELDS.map((f) => [f.path, f.format(base)]));
    expect(shown).toMatchObject({
      amount: "USD 125,000.00",
      tolerance: "None",
      expiryDate: "26 Feb 2027",
      applicant: "Lion City Engineering Pte Ltd\n21 Tuas Avenue 3, Singapore 639413",
      partialShipments: "Not allowed",
      transhipment: "Allowed",
      incoterm: "CIF Singapore (Incoterms 2020)",
      tenorDays: "",
    });
    expect([...new Set(TERMS_FIELDS.map((f) => f.group))]).toEqual(["Credit", "Parties", "Amount", "Shipment", "Goods and documents", "Conditions", "Banks and instructions"]);
    expect(new Set(TERMS_FIELDS.map((f) => f.path)).size).toBe(TERMS_FIELDS.length);
  });

  it("shows currencies with their own decimals", () => {
    const amount = TERMS_FIELDS.find((f) => f.path === "amount")!;
    expect(amount.format({ ...base, currency: "JPY", amount: "18000000" })).toBe("JPY 18,000,000");
    expect(amount.format({ ...base, currency: "KWD", amount: "38000.125" })).toBe("KWD 38,000.125");
  });

  it("formats calendar dates without time zones", () => {
    expect(formatIsoDate("2027-03-15")).toBe("15 Mar 2027");
    expect(formatIsoDate("2027-12-01")).toBe("1 Dec 2027");
    expect(formatIsoDate("not a date")).toBe("not a date");
  });
});
