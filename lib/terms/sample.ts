import type { DocumentaryTerms, Terms } from "./schema";

/** Documentary terms with a latest shipment date (44C): what the sample and most tests work with. */
export type SampleTerms = DocumentaryTerms & Required<Pick<Terms, "latestShipmentDate">>;

// Realistic, valid terms for a credit between the demo parties: the starting point of the
// "new credit" form and the fixture of tests. Dates are relative to today (UTC) so the credit
// is always open. Runtime-import-free on purpose: Playwright support code imports this file
// by relative path, outside the Next.js alias setup.

const DAY_MS = 86_400_000;
const daysFromToday = (days: number, today: Date) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) + days * DAY_MS).toISOString().slice(0, 10);

/** USD 125,000.00, CIF Singapore, industrial pumps shipped from Rotterdam. Overrides replace whole fields. */
export function sampleTerms(overrides: Partial<SampleTerms> = {}, today: Date = new Date()): SampleTerms {
  const terms: SampleTerms = {
    form: "IRREVOCABLE",
    applicableRules: "UCP_LATEST_VERSION",
    expiryDate: daysFromToday(90, today),
    expiryPlace: "Rotterdam",
    applicant: { name: "Lion City Engineering Pte Ltd", address: "21 Tuas Avenue 3, Singapore 639413" },
    beneficiary: { name: "Delta Pumps B.V.", address: "Waalhaven Zuidzijde 19, 3089 JH Rotterdam, Netherlands" },
    currency: "USD",
    amount: "125000.00",
    tolerance: { type: "NONE" },
    availableWith: "ADVISING_BANK",
    availableBy: "PAYMENT",
    draftsAt: "SIGHT",
    partialShipments: "NOT_ALLOWED",
    transhipment: "ALLOWED",
    portOfLoading: "Rotterdam, Netherlands",
    portOfDischarge: "Singapore",
    latestShipmentDate: daysFromToday(60, today),
    incoterm: "CIF",
    incotermPlace: "Singapore",
    // Free text in lines as it travels on the MT700 (45A 100*65z, 47A 100*65z, 71D 6*35z).
    goodsDescription: "24 units industrial centrifugal pumps, model DP-450,\nstainless steel, as per proforma invoice PI-2026-118",
    documentsRequired: [
      { kind: "COMMERCIAL_INVOICE", originals: 3, copies: 2, details: "Signed, showing CIF Singapore Incoterms 2020 and the credit number" },
      // 46A as data where the structure holds it (lib/terms/conditions.ts); free text for the rest.
      {
        kind: "BILL_OF_LADING",
        originals: 3,
        copies: 3,
        conditions: { transport: { clean: true, onBoard: true, consignee: "TO_ORDER", notifyParty: "APPLICANT", freight: "PREPAID" } },
        details: "",
      },
      { kind: "PACKING_LIST", originals: 1, copies: 2, details: "Showing gross and net weight of each package" },
      { kind: "CERTIFICATE_OF_ORIGIN", originals: 1, copies: 1, conditions: { issuer: { kind: "CHAMBER_OF_COMMERCE" }, origin: { originCountry: "NL" } }, details: "" },
      {
        kind: "INSURANCE_CERTIFICATE",
        originals: 2,
        copies: 0,
        conditions: { insurance: { coverPercent: 110, risks: ["ICC_A"], coverFrom: "Rotterdam", coverTo: "Singapore" } },
        details: "Claims payable in Singapore",
      },
    ],
    additionalConditions: "All documents must show the credit number.\nThird-party documents other than the invoice are acceptable.",
    charges: "All banking charges outside\nSingapore are for the beneficiary's\naccount.",
    presentationPeriodDays: 21,
    confirmation: "WITHOUT",
  };
  return { ...terms, ...overrides };
}

/**
 * A standby letter of credit under ISP98 between the same parties: USD 250,000.00 securing the
 * applicant's payments under the supply contract, drawn by a demand and a statement of default.
 */
export function sampleStandbyTerms(overrides: Partial<Terms> = {}, today: Date = new Date()): Terms {
  const terms: Terms = {
    creditKind: "STANDBY",
    form: "IRREVOCABLE",
    applicableRules: "ISP_LATEST_VERSION",
    expiryDate: daysFromToday(180, today),
    expiryPlace: "Singapore",
    applicant: { name: "Lion City Engineering Pte Ltd", address: "21 Tuas Avenue 3, Singapore 639413" },
    beneficiary: { name: "Delta Pumps B.V.", address: "Waalhaven Zuidzijde 19, 3089 JH Rotterdam, Netherlands" },
    currency: "USD",
    amount: "250000.00",
    tolerance: { type: "NONE" },
    availableWith: "ISSUING_BANK",
    availableBy: "PAYMENT",
    draftsAt: "",
    partialShipments: "ALLOWED",
    transhipment: "NOT_ALLOWED",
    incotermPlace: "",
    goodsDescription: "Payment obligations of the applicant under\nsupply contract DP-2026-118 for industrial pumps",
    documentsRequired: [
      { kind: "DEMAND", originals: 1, copies: 0, details: "Beneficiary's signed and dated demand stating the amount demanded" },
      { kind: "STATEMENT_OF_DEFAULT", originals: 1, copies: 0, details: "Signed statement that the applicant failed to pay an invoice under the contract when due" },
    ],
    additionalConditions: "",
    charges: "All charges are for the applicant.",
    presentationPeriodDays: 21,
    confirmation: "WITHOUT",
  };
  return { ...terms, ...overrides };
}
