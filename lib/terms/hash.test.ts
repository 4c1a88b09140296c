import { describe, expect, it } from "vitest";
import { termsHash } from "./hash";
import { sampleTerms } from "./sample";
import { storedTermsSchema, termsSchema } from "./schema";

// Terms as stored before the optional MT700 fields (31C, 51a, 39C, 42a, 42M, 44A, 44B, 44D,
// 49G, 49H, 53a, 57a, 58a, 71N, 72Z, 78) and standby credits existed. Its hash was computed
// with the schema of that time (commit db925f0): parsing it today must not add a key, so
// anchored terms hashes stay reproducible.
const LEGACY_INPUT = {
  applicableRules: "UCP_LATEST_VERSION",
  expiryDate: "2027-02-26",
  expiryPlace: "Rotterdam",
  applicant: { name: "Lion City Engineering Pte Ltd", address: "21 Tuas Avenue 3, Singapore 639413" },
  beneficiary: { name: "Delta Pumps B.V.", address: "Waalhaven Zuidzijde 19, 3089 JH Rotterdam, Netherlands" },
  currency: "USD",
  amount: "125000.00",
  availableBy: "PAYMENT",
  draftsAt: "SIGHT",
  portOfLoading: "Rotterdam, Netherlands",
  portOfDischarge: "Singapore",
  latestShipmentDate: "2027-01-29",
  incoterm: "CIF",
  incotermPlace: "Singapore",
  goodsDescription: "24 units industrial centrifugal pumps, model DP-450,\nstainless steel",
  documentsRequired: [
    { kind: "COMMERCIAL_INVOICE", originals: 3, copies: 2, details: "Signed" },
    { kind: "BILL_OF_LADING", originals: 3, copies: 0 },
  ],
};
const LEGACY_HASH = "74e18c11650b19ba3d258b339ed8852619c281c84788ce40b3575f30140e79c7";

describe("termsHash with the optional MT700 fields", () => {
  it("hashes terms that lack the new fields exactly as before they existed", () => {
    expect(termsHash(termsSchema.parse(LEGACY_INPUT))).toBe(LEGACY_HASH);
    expect(termsHash(storedTermsSchema.parse(LEGACY_INPUT))).toBe(LEGACY_HASH);
  });

  it("treats an optional field left empty in the form as absent: same terms, same hash", () => {
    const empty = Object.fromEntries(
      ["dateOfIssue", "applicantBank", "additionalAmounts", "drawee", "mixedPaymentDetails", "placeOfTakingInCharge", "finalDestination", "shipmentPeriod",
        "specialPaymentConditionsBeneficiary", "specialPaymentConditionsBank", "amendmentChargesPayableBy", "amendmentChargesNarrative", "requestedConfirmationParty",
        "reimbursingBank", "instructionsToBank", "adviseThroughBank", "senderToReceiverInformation", "applicableRulesNarrative"].map((k) => [k, ""]),
    );
    expect(termsHash(termsSchema.parse({ ...LEGACY_INPUT, ...empty }))).toBe(LEGACY_HASH);
    // A stored version read back and hashed again keeps its hash.
    const stored = JSON.parse(JSON.stringify(termsSchema.parse({ ...LEGACY_INPUT, ...empty })));
    expect(termsHash(storedTermsSchema.parse(stored))).toBe(LEGACY_HASH);
  });

  it("hashes a stored terms JSON without 46A conditions as before they existed, and conditions left blank as absent", () => {
    // Read back from storage (a JSON round trip), exactly as terms_versions.terms holds it.
    const stored = JSON.parse(JSON.stringify(LEGACY_INPUT)) as typeof LEGACY_INPUT;
    const parsed = storedTermsSchema.parse(stored);
    expect(parsed.documentsRequired.every((d) => !("conditions" in d))).toBe(true);
    expect(termsHash(parsed)).toBe(LEGACY_HASH);
    // The form sends every condition control, blank: nothing required, same terms, same hash.
    const blank = { issuer: { kind: "", name: "" }, transport: { consignee: "", consigneeName: "", notifyParty: "", freight: "", clean: "" } };
    const withBlank = { ...LEGACY_INPUT, documentsRequired: LEGACY_INPUT.documentsRequired.map((d) => ({ ...d, conditions: d.kind === "BILL_OF_LADING" ? blank : {} })) };
    expect(termsHash(termsSchema.parse(withBlank))).toBe(LEGACY_HASH);
    // A condition given is part of the terms.
    const required = { ...LEGACY_INPUT, documentsRequired: [LEGACY_INPUT.documentsRequired[0], { ...LEGACY_INPUT.documentsRequired[1], conditions: { transport: { freight: "PREPAID" } } }] };
    expect(termsHash(termsSchema.parse(required))).not.toBe(LEGACY_HASH);
  });

  it("changes the hash once a new field is given", () => {
    expect(termsHash(termsSchema.parse({ ...LEGACY_INPUT, senderToReceiverInformation: "PLEASE ACKNOWLEDGE" }))).not.toBe(LEGACY_HASH);
    expect(termsHash(termsSchema.parse({ ...LEGACY_INPUT, creditKind: "DOCUMENTARY" }))).not.toBe(LEGACY_HASH);
  });

  it("is stable for the sample terms across a parse", () => {
    const terms = sampleTerms();
    expect(termsHash(termsSchema.parse(terms))).toBe(termsHash(terms));
  });
});
