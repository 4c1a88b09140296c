import type { SwiftFieldSpec } from "@/lib/swift/format";

// The SWIFT format of every free-text terms field, keyed by its path in Terms: the data that
// lib/swift/format.ts validates against (the schema) and that the form shows as a hint. Formats
// are those of the MT700 (SWIFT Standards MT, Category 7, SR 2021 onwards). Pure data.

export const MT700_TEXT_FIELDS = {
  /** 31D: date and place of expiry (6!n29x): the place part. */
  expiryPlace: { tag: "31D", label: "Place of expiry", format: "29x" },
  /** 40E narrative after OTHR (30x[/35x]). */
  applicableRulesNarrative: { tag: "40E", label: "Other applicable rules", format: "35x" },
  /** 51a option D: applicant bank's name and address. */
  applicantBank: { tag: "51a", label: "Applicant bank", format: "4*35x" },
  /** 39C */
  additionalAmounts: { tag: "39C", label: "Additional amounts covered", format: "4*35x" },
  /** 42C */
  draftsAt: { tag: "42C", label: "Drafts at", format: "3*35x" },
  /** 42a option D: drawee's name and address. */
  drawee: { tag: "42a", label: "Drawee", format: "4*35x" },
  /** 42M */
  mixedPaymentDetails: { tag: "42M", label: "Mixed payment details", format: "4*35x" },
  /** 44A */
  placeOfTakingInCharge: { tag: "44A", label: "Place of taking in charge", format: "140z" },
  /** 44E */
  portOfLoading: { tag: "44E", label: "Port of loading", format: "140z" },
  /** 44F */
  portOfDischarge: { tag: "44F", label: "Port of discharge", format: "140z" },
  /** 44B */
  finalDestination: { tag: "44B", label: "Place of final destination", format: "140z" },
  /** 44D */
  shipmentPeriod: { tag: "44D", label: "Shipment period", format: "6*65x" },
  /** 45A, continued in 45B of MT701s. */
  goodsDescription: { tag: "45A", label: "Description of goods", format: "100*65z", continuedIn: "45B" },
  /** 47A, continued in 47B of MT701s. */
  additionalConditions: { tag: "47A", label: "Additional conditions", format: "100*65z", continuedIn: "47B" },
  /** 49G */
  specialPaymentConditionsBeneficiary: { tag: "49G", label: "Special payment conditions for beneficiary", format: "100*65z" },
  /** 49H */
  specialPaymentConditionsBank: { tag: "49H", label: "Special payment conditions for bank only", format: "100*65z" },
  /** 71D */
  charges: { tag: "71D", label: "Charges", format: "6*35z" },
  /** 71N narrative after OTHR (4!c[6*35z], MT707). */
  amendmentChargesNarrative: { tag: "71N", label: "Amendment charges: other", format: "6*35z" },
  /** 58a option D */
  requestedConfirmationParty: { tag: "58a", label: "Requested confirmation party", format: "4*35x" },
  /** 53a option D */
  reimbursingBank: { tag: "53a", label: "Reimbursing bank", format: "4*35x" },
  /** 78 */
  instructionsToBank: { tag: "78", label: "Instructions to the paying/accepting/negotiating bank", format: "12*65x" },
  /** 57a option D */
  adviseThroughBank: { tag: "57a", label: "'Advise through' bank", format: "4*35x" },
  /** 72Z */
  senderToReceiverInformation: { tag: "72Z", label: "Sender to receiver information", format: "6*35z" },
} as const satisfies Record<string, SwiftFieldSpec>;

export type Mt700TextPath = keyof typeof MT700_TEXT_FIELDS;

/** 46A, continued in 46B: each required document's details travel as lines of this field. */
export const DOCUMENTS_REQUIRED_SPEC: SwiftFieldSpec = { tag: "46A", label: "Documents required", format: "100*65z", continuedIn: "46B" };
