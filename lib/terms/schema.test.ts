import { describe, expect, it } from "vitest";
import { MT700_TEXT_FIELDS } from "./mt700";
import { sampleTerms } from "./sample";
import { type Terms, parseTerms, storedTermsSchema, termsSchema } from "./schema";

const base = sampleTerms({ latestShipmentDate: "2027-01-29", expiryDate: "2027-02-26" });
const lines = (count: number, width: number, ch = "A") => Array.from({ length: count }, () => ch.repeat(width)).join("\n");

/** Terms of a standby under ISP98: no shipment, drawn by a demand and a statement of default. */
export function standbyTerms(overrides: Partial<Terms> = {}): Record<string, unknown> {
  const { portOfLoading: _l, portOfDischarge: _d, latestShipmentDate: _s, incoterm: _i, incotermPlace: _p, goodsDescription: _g, ...rest } = base;
  return {
    ...rest,
    creditKind: "STANDBY",
    applicableRules: "ISP_LATEST_VERSION",
    goodsDescription: "Performance of supply contract DP-2026-118",
    documentsRequired: [
      { kind: "DEMAND", originals: 1, copies: 0, details: "Signed by the beneficiary, stating the amount demanded" },
      { kind: "STATEMENT_OF_DEFAULT", originals: 1, copies: 0, details: "Stating that the applicant failed to pay invoice DP-118 when due" },
    ],
    ...overrides,
  };
}

const fieldsOf = (input: unknown) => {
  const result = parseTerms(input);
  return result.ok ? {} : result.fields;
};

describe("the optional MT700 fields", () => {
  const VALID: Record<string, string> = {
    applicantBank: "MERLION TRADE BANK\n1 RAFFLES PLACE\nSINGAPORE 048616",
    additionalAmounts: "INSURANCE PREMIUM UP TO USD 2,500",
    drawee: "MERLION TRADE BANK, SINGAPORE",
    mixedPaymentDetails: "50 PCT AT SIGHT\n50 PCT AT 60 DAYS AFTER B/L DATE",
    placeOfTakingInCharge: "Venlo DC, Netherlands",
    finalDestination: "Jurong Island, Singapore",
    specialPaymentConditionsBeneficiary: "Payment within 3 banking days of a complying presentation.",
    specialPaymentConditionsBank: "Reimburse yourselves from our account 0012-345 with you.",
    amendmentChargesNarrative: "Shared equally",
    requestedConfirmationParty: "ROTTERDAM MARITIME BANK N.V.",
    reimbursingBank: "CITIBANK N.A.\nNEW YORK",
    instructionsToBank: "Send all documents in one lot by courier\nto Merlion Trade Bank, 1 Raffles Place.",
    adviseThroughBank: "ROTTERDAM MARITIME BANK N.V.\nROTTERDAM",
    senderToReceiverInformation: "PLEASE ACKNOWLEDGE RECEIPT",
  };

  it("accepts each field within its SWIFT format and keeps it", () => {
    const terms = termsSchema.parse({ ...base, ...VALID, amendmentChargesPayableBy: "OTHR", dateOfIssue: "2026-12-01" });
    expect(terms).toMatchObject({ ...VALID, amendmentChargesPayableBy: "OTHR", dateOfIssue: "2026-12-01" });
  });

  it.each(Object.entries(MT700_TEXT_FIELDS))("%s (%o): refuses one line too many and one character too wide, naming the tag", (path, spec) => {
    const [count, width] = spec.format.includes("*") ? spec.format.replace(/[xz]$/, "").split("*").map(Number) : [1, Number(spec.format.replace(/[xz]$/, ""))];
    const total = "continuedIn" in spec ? count! * 8 : count!;
    const extra =
      path === "applicableRulesNarrative"
        ? { applicableRules: "OTHER" }
        : path === "amendmentChargesNarrative"
          ? { amendmentChargesPayableBy: "OTHR" }
          : path === "shipmentPeriod"
            ? { latestShipmentDate: "" }
            : {};
    expect(fieldsOf({ ...base, ...extra, [path]: lines(total, width!) })[path], "fits").toBeUndefined();
    if (total > 1) expect(fieldsOf({ ...base, ...extra, [path]: lines(total + 1, 1) })[path]).toMatch(new RegExp(`^${spec.tag} .*${total + 1} lines, SWIFT allows at most ${total} lines`));
    const wide = fieldsOf({ ...base, ...extra, [path]: "W".repeat(width! + 1) })[path];
    expect(wide).toMatch(new RegExp(`^${spec.tag} `));
    expect(wide).toContain(`${width! + 1} characters`);
  });

  it("refuses '€' and '@' in x fields and '€' in z fields, naming the field", () => {
    expect(fieldsOf({ ...base, reimbursingBank: "reimb@citi.example" }).reimbursingBank).toMatch(/^53a Reimbursing bank: "@" cannot be sent in SWIFT field 53a \(4\*35x\)/);
    expect(fieldsOf({ ...base, instructionsToBank: "Fee EUR 50 €" }).instructionsToBank).toMatch(/^78 Instructions .*"€" cannot be sent/);
    expect(fieldsOf({ ...base, senderToReceiverInformation: "Reply to ops@merlion.example" }).senderToReceiverInformation).toBeUndefined();
    expect(fieldsOf({ ...base, senderToReceiverInformation: "Fee 50 €" }).senderToReceiverInformation).toMatch(/^72Z .*"€"/);
    expect(fieldsOf({ ...base, documentsRequired: [{ ...base.documentsRequired[0]!, details: "Priced in € only" }] })["documentsRequired.0.details"]).toMatch(/^46A Documents required: "€"/);
  });

  it("31C takes a real date", () => {
    expect(fieldsOf({ ...base, dateOfIssue: "2026-02-30" }).dateOfIssue).toBe("Enter a real calendar date");
    expect(termsSchema.parse({ ...base, dateOfIssue: "" }).dateOfIssue).toBeUndefined();
  });

  it("eUCP: the place for presentation of electronic records is required (e6(a)(i)), formats are optional (e5), both only under eUCP", () => {
    const eucp = { ...base, applicableRules: "EUCP_LATEST_VERSION" };
    expect(fieldsOf(eucp).eucpPresentationPlace).toMatch(/names the place for presentation of electronic records \(eUCP art. e6\(a\)\(i\)\)/);
    expect(fieldsOf({ ...eucp, eucpPresentationPlace: "   " }).eucpPresentationPlace).toMatch(/e6\(a\)\(i\)/);
    const parsed = termsSchema.parse({ ...eucp, eucpPresentationPlace: " https://trade.merlion.example/eucp ", eucpRecordFormats: "pdf; xml  PDF, pdf/a-3" });
    expect(parsed.eucpPresentationPlace).toBe("https://trade.merlion.example/eucp");
    expect(parsed.eucpRecordFormats).toBe("PDF, XML, PDF/A-3");
    expect(termsSchema.parse({ ...eucp, eucpPresentationPlace: "TradeTrail", eucpRecordFormats: "" }).eucpRecordFormats).toBeUndefined();
    expect(fieldsOf({ ...eucp, eucpPresentationPlace: "TradeTrail", eucpRecordFormats: "PDF, <script>" }).eucpRecordFormats).toMatch(/Name each format/);
    expect(fieldsOf({ ...base, eucpPresentationPlace: "https://bank.example/eucp" }).eucpPresentationPlace).toMatch(/Only an eUCP credit/);
    expect(fieldsOf({ ...base, eucpRecordFormats: "PDF" }).eucpRecordFormats).toMatch(/Only an eUCP credit/);
  });

  it("40E: every SWIFT code is a choice, OTHR needs its narrative and only OTHR takes one", () => {
    for (const rules of ["UCP_LATEST_VERSION", "UCP_URR_LATEST_VERSION"]) {
      expect(parseTerms({ ...base, applicableRules: rules }).ok, rules).toBe(true);
    }
    // eUCP credits name their place for presentation of electronic records (tested below).
    for (const rules of ["EUCP_LATEST_VERSION", "EUCP_URR_LATEST_VERSION"]) {
      expect(parseTerms({ ...base, applicableRules: rules, eucpPresentationPlace: "https://bank.example/eucp" }).ok, rules).toBe(true);
    }
    expect(fieldsOf({ ...base, applicableRules: "OTHER" }).applicableRulesNarrative).toBe("Name the rules the credit is subject to (40E OTHR)");
    expect(parseTerms({ ...base, applicableRules: "OTHER", applicableRulesNarrative: "URDG 758" }).ok).toBe(true);
    expect(fieldsOf({ ...base, applicableRulesNarrative: "URDG 758" }).applicableRulesNarrative).toMatch(/only with OTHR/);
    expect(fieldsOf({ ...base, applicableRules: "UCP 600" }).applicableRules).toBe("Choose the applicable rules");
  });

  it("71N: OTHR needs a narrative", () => {
    expect(fieldsOf({ ...base, amendmentChargesPayableBy: "OTHR" }).amendmentChargesNarrative).toMatch(/71N OTHR/);
    expect(parseTerms({ ...base, amendmentChargesPayableBy: "BENE" }).ok).toBe(true);
    expect(fieldsOf({ ...base, amendmentChargesPayableBy: "BANK" }).amendmentChargesPayableBy).toBe("Choose who pays amendment charges");
  });

  it("44C or 44D, not both (SWIFT network rule), and one of them for a documentary credit", () => {
    const { latestShipmentDate: _s, ...noDate } = base;
    expect(parseTerms({ ...noDate, shipmentPeriod: "JANUARY 2027" }).ok).toBe(true);
    expect(fieldsOf({ ...base, shipmentPeriod: "JANUARY 2027" }).shipmentPeriod).toMatch(/either a latest shipment date \(44C\) or a shipment period \(44D\)/);
    expect(fieldsOf(noDate).latestShipmentDate).toBe("Enter the latest shipment date");
  });

  it("45A, 46A and 47A are limited by lines of 65, not by 2,000 characters", () => {
    const long = lines(60, 60, "g"); // 3,659 characters, within 100*65z
    expect(parseTerms({ ...base, goodsDescription: long, additionalConditions: long }).ok).toBe(true);
    expect(fieldsOf({ ...base, goodsDescription: "g".repeat(66) }).goodsDescription).toMatch(/^45A Description of goods: line 1 has 66 characters/);
    expect(fieldsOf({ ...base, additionalConditions: `ok\n${"c".repeat(70)}` }).additionalConditions).toMatch(/^47A Additional conditions: line 2 has 70/);
  });

  it("reads terms stored before the SWIFT limits (a 45A line of 2,000 characters) but refuses them as new input", () => {
    const legacy = { ...base, goodsDescription: "g".repeat(2000), charges: "All banking charges outside Singapore are for the beneficiary's account." };
    expect(storedTermsSchema.parse(legacy).goodsDescription).toHaveLength(2000);
    expect(Object.keys(fieldsOf(legacy)).sort()).toEqual(["charges", "goodsDescription"]);
  });
});

describe("standby credits", () => {
  it("accepts a standby under ISP98 or UCP 600 with a demand, no shipment and no invoice", () => {
    const terms = termsSchema.parse(standbyTerms());
    expect(terms).toMatchObject({ creditKind: "STANDBY", applicableRules: "ISP_LATEST_VERSION" });
    expect(terms.portOfLoading).toBeUndefined();
    expect(parseTerms(standbyTerms({ applicableRules: "UCP_LATEST_VERSION" })).ok).toBe(true);
    expect(parseTerms(standbyTerms({ goodsDescription: "" })).ok).toBe(true);
  });

  it("refuses rules other than ISP98 or UCP 600 for a standby", () => {
    expect(fieldsOf(standbyTerms({ applicableRules: "EUCP_LATEST_VERSION" })).applicableRules).toMatch(/ISP98 or UCP 600/);
  });

  it("refuses ISP98 for a documentary credit", () => {
    expect(fieldsOf({ ...base, applicableRules: "ISP_LATEST_VERSION" }).applicableRules).toMatch(/ISP98 is for standby credits/);
  });

  it("needs a demand, and has no shipment fields", () => {
    expect(fieldsOf(standbyTerms({ documentsRequired: [{ kind: "STATEMENT_OF_DEFAULT", originals: 1, copies: 0, details: "" }] })).documentsRequired).toMatch(/demand for payment/);
    expect(fieldsOf(standbyTerms({ portOfLoading: "Rotterdam" })).portOfLoading).toBe("A standby credit has no shipment: leave this empty");
  });

  it("keeps demands and statements of default out of a documentary credit", () => {
    const documentsRequired = [...base.documentsRequired, { kind: "DEMAND" as const, originals: 1, copies: 0, details: "" }];
    expect(fieldsOf({ ...base, documentsRequired }).documentsRequired).toMatch(/belongs to a standby credit/);
  });

  it("still requires the shipment fields of a documentary credit", () => {
    const { portOfLoading: _l, incoterm: _i, goodsDescription: _g, ...rest } = base;
    expect(fieldsOf({ ...rest, portOfDischarge: "" })).toMatchObject({
      portOfLoading: "Enter the port of loading",
      portOfDischarge: "Enter the port of discharge",
      incoterm: "Choose an Incoterm",
      goodsDescription: "Enter the goods description",
    });
  });
});

describe("46A conditions (issue 13)", () => {
  const withDocument = (document: Record<string, unknown>) => ({ ...base, documentsRequired: [base.documentsRequired[0], document] });

  it("accepts the sample's structured bill of lading, certificate of origin and insurance, and keeps them as given", () => {
    const parsed = termsSchema.parse(base);
    expect(parsed.documentsRequired.find((d) => d.kind === "BILL_OF_LADING")!.conditions).toEqual({
      transport: { clean: true, onBoard: true, consignee: "TO_ORDER", notifyParty: "APPLICANT", freight: "PREPAID" },
    });
    expect(parsed.documentsRequired.find((d) => d.kind === "INSURANCE_CERTIFICATE")!.conditions!.insurance!.risks).toEqual(["ICC_A"]);
  });

  it("refuses conditions that do not belong to the kind of document", () => {
    expect(fieldsOf(withDocument({ kind: "PACKING_LIST", originals: 1, copies: 0, conditions: { transport: { freight: "PREPAID" } } }))).toEqual({
      "documentsRequired.1.conditions.transport": "Consignee, freight and loading conditions apply to transport documents, not to a packing list",
    });
    expect(fieldsOf(withDocument({ kind: "BILL_OF_LADING", originals: 3, copies: 0, conditions: { insurance: { coverPercent: 110 } } }))).toHaveProperty(["documentsRequired.1.conditions.insurance"]);
    expect(fieldsOf(withDocument({ kind: "PACKING_LIST", originals: 1, copies: 0, conditions: { origin: { originCountry: "NL" } } }))).toHaveProperty(["documentsRequired.1.conditions.origin"]);
    expect(fieldsOf(withDocument({ kind: "PACKING_LIST", originals: 1, copies: 0, conditions: { issuer: { kind: "CARRIER_OR_AGENT" } } }))).toEqual({
      "documentsRequired.1.conditions.issuer.kind": "A carrier issues transport documents, not a packing list",
    });
  });

  it("asks for a name with a named consignee, notify party or issuer, and for none otherwise", () => {
    const bl = (transport: Record<string, unknown>) => withDocument({ kind: "BILL_OF_LADING", originals: 3, copies: 0, conditions: { transport } });
    expect(fieldsOf(bl({ consignee: "NAMED" }))).toEqual({ "documentsRequired.1.conditions.transport.consigneeName": "Enter the consignee's name" });
    expect(fieldsOf(bl({ consignee: "TO_ORDER", consigneeName: "Acme" }))).toEqual({ "documentsRequired.1.conditions.transport.consigneeName": "A name goes only with a named consignee" });
    expect(fieldsOf(bl({ notifyParty: "NAMED", notifyPartyName: " " }))).toEqual({ "documentsRequired.1.conditions.transport.notifyPartyName": "Enter the notify party's name" });
    expect(fieldsOf(bl({ consignee: "NAMED", consigneeName: "Lion City Engineering Pte Ltd", notifyParty: "NAMED", notifyPartyName: "Jurong Forwarding" }))).toEqual({});
    expect(fieldsOf(withDocument({ kind: "CERTIFICATE_OF_ORIGIN", originals: 1, copies: 0, conditions: { issuer: { kind: "NAMED" } } }))).toEqual({
      "documentsRequired.1.conditions.issuer.name": "Enter the issuer's name",
    });
  });

  it("checks cover, risks and the country code, and upper-cases the code", () => {
    const insurance = (conditions: Record<string, unknown>) => withDocument({ kind: "INSURANCE_CERTIFICATE", originals: 1, copies: 0, conditions: { insurance: conditions } });
    expect(fieldsOf(insurance({ coverPercent: 90 }))).toEqual({ "documentsRequired.1.conditions.insurance.coverPercent": "At least 100%" });
    expect(fieldsOf(insurance({ risks: ["ICC_A", "ICC_A"] }))).toEqual({ "documentsRequired.1.conditions.insurance.risks": "List each risk once" });
    expect(fieldsOf(insurance({ risks: ["USUAL_RISKS"] }))).toHaveProperty(["documentsRequired.1.conditions.insurance.risks.0"]);
    expect(fieldsOf(insurance({ coverFrom: "Rotterdam {port}" }))["documentsRequired.1.conditions.insurance.coverFrom"]).toMatch(/cannot be sent in SWIFT field 46A/);
    const origin = (code: string) => withDocument({ kind: "CERTIFICATE_OF_ORIGIN", originals: 1, copies: 0, conditions: { origin: { originCountry: code } } });
    expect(fieldsOf(origin("Netherlands"))).toEqual({ "documentsRequired.1.conditions.origin.originCountry": "Enter the ISO 3166 two-letter country code, e.g. NL" });
    const parsed = parseTerms(origin("nl"));
    expect(parsed.ok && parsed.terms.documentsRequired[1]!.conditions).toEqual({ origin: { originCountry: "NL" } });
  });

  it("refuses 'on board: no' for the documents whose article requires shipment on board, not for a multimodal document", () => {
    expect(fieldsOf(withDocument({ kind: "BILL_OF_LADING", originals: 3, copies: 0, conditions: { transport: { onBoard: false } } }))).toEqual({
      "documentsRequired.1.conditions.transport.onBoard": "A bill of lading shows the goods shipped on board (UCP 600 art. 20-22): choose yes or leave it not stated",
    });
    expect(fieldsOf(withDocument({ kind: "MULTIMODAL_TRANSPORT_DOCUMENT", originals: 3, copies: 0, conditions: { transport: { onBoard: false } } }))).toEqual({});
  });

  it("refuses keys it does not know, so a misspelt condition is not silently dropped", () => {
    expect(fieldsOf(withDocument({ kind: "BILL_OF_LADING", originals: 3, copies: 0, conditions: { transport: { frieght: "PREPAID" } } }))).toHaveProperty(["documentsRequired.1.conditions.transport"]);
  });
});
