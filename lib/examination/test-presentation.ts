import type { DocumentKind, Terms } from "@/lib/terms/schema";
import { type SampleTerms, sampleTerms } from "@/lib/terms/sample";
import type { ExaminationInput, ExaminationResult, PresentedDocument } from "./types";

// A complying presentation under fixed sample terms, for the examination tests to break one
// requirement at a time. Calendar: shipped on board Wed 2027-01-20, latest shipment Fri
// 2027-01-29, day 21 after shipment Wed 2027-02-10, expiry Fri 2027-02-26.

// The sample credit's 46A with its structured conditions only: what 46A says in words is the
// examiner's to check by hand (credit-requirement-in-words, tested on its own in
// requirements.test.ts), and would add the same points to every case here.
const SAMPLE = sampleTerms({ latestShipmentDate: "2027-01-29", expiryDate: "2027-02-26" });
export const TEST_TERMS: SampleTerms = { ...SAMPLE, documentsRequired: SAMPLE.documentsRequired.map((d) => ({ ...d, details: "" })) };

const DOCUMENTS: PresentedDocument[] = [
  {
    id: "doc-invoice",
    kind: "COMMERCIAL_INVOICE",
    originals: 3,
    copies: 2,
    data: {
      number: "INV-2027-0042",
      date: "2027-01-20",
      issuer: "DELTA PUMPS BV",
      addressee: "Lion City Engineering Pte. Ltd.",
      currency: "USD",
      amount: "125000.00",
      goodsDescription: `${TEST_TERMS.goodsDescription}. CIF Singapore Incoterms 2020`,
    },
  },
  {
    id: "doc-bl",
    kind: "BILL_OF_LADING",
    originals: 3,
    copies: 3,
    data: {
      number: "RTMSIN778812",
      carrier: "Maersk A/S",
      vessel: "Maersk Elba",
      portOfLoading: "Rotterdam",
      portOfDischarge: "Singapore",
      onBoardDate: "2027-01-20",
      shippedOnBoard: true,
      originalsIssued: 3,
      transhipment: false,
      containerised: true,
      // As 46A requires them (the sample's structured conditions).
      consignee: "To order",
      notifyParty: "Lion City Engineering Pte Ltd",
      freight: "PREPAID",
    },
  },
  { id: "doc-packing", kind: "PACKING_LIST", originals: 1, copies: 2, data: { date: "2027-01-19", packages: 24 } },
  { id: "doc-origin", kind: "CERTIFICATE_OF_ORIGIN", originals: 1, copies: 1, data: { date: "2027-01-18", issuer: "Rotterdam Chamber of Commerce", countryOfOrigin: "Netherlands" } },
  {
    id: "doc-insurance",
    kind: "INSURANCE_CERTIFICATE",
    originals: 2,
    copies: 0,
    data: { number: "POL-5531", issuer: "Lloyd's Marine", date: "2027-01-19", currency: "USD", amount: "137500.00", risks: "Institute Cargo Clauses (A)", coverFromPlace: "Rotterdam", coverToPlace: "Singapore" },
  },
];

export interface Changes {
  terms?: Partial<Terms>;
  presentedOn?: string;
  /** Data fields to replace per document kind; `null` removes the document. */
  data?: Partial<Record<DocumentKind, Record<string, unknown> | null>>;
  counts?: Partial<Record<DocumentKind, { originals?: number; copies?: number }>>;
  extra?: PresentedDocument[];
  drawnBefore?: string;
  earlierPresentations?: number;
  holidays?: string[];
}

export function presentation(changes: Changes = {}): ExaminationInput {
  const documents = DOCUMENTS.flatMap((doc) => {
    const patch = changes.data?.[doc.kind];
    if (patch === null) return [];
    return [{ ...doc, ...changes.counts?.[doc.kind], data: { ...doc.data, ...patch } }];
  });
  return {
    terms: { ...TEST_TERMS, ...changes.terms },
    presentedOn: changes.presentedOn ?? "2027-02-01",
    documents: [...documents, ...(changes.extra ?? [])],
    drawnBefore: changes.drawnBefore ?? "0",
    earlierPresentations: changes.earlierPresentations ?? 0,
    holidays: changes.holidays,
  };
}

export const rulesOf = (result: ExaminationResult) => result.findings.map((f) => f.rule);
