import type { Holidays } from "@/lib/calendar/banking-days";
import type {
  BeneficiaryCertificateData,
  BillOfLadingData,
  CertificateOfOriginData,
  CommercialInvoiceData,
  DemandData,
  DraftData,
  InspectionCertificateData,
  InsuranceCertificateData,
  PackingListData,
  StatementOfDefaultData,
} from "@/lib/documents/data";
import type { Milli } from "@/lib/money";
import type { OtherTransport } from "./transport-documents";
import type { DocumentKind, DocumentaryTerms, Terms } from "@/lib/terms/schema";

/** A document as stored with a presentation: its kind, counts and the details entered on upload. */
export interface PresentedDocument {
  id: string;
  kind: DocumentKind;
  /** Originals presented (1 when not recorded). */
  originals?: number;
  /** Copies presented (0 when not recorded). */
  copies?: number;
  data: Record<string, unknown>;
}

export interface ExaminationInput {
  terms: Terms;
  /** The day of presentation, "YYYY-MM-DD" (UTC calendar day). */
  presentedOn: string;
  documents: PresentedDocument[];
  /** What earlier drawings have already taken from the credit (decimal string, 0 when none). */
  drawnBefore?: string;
  /** How many earlier presentations under the credit are not refused. */
  earlierPresentations?: number;
  /** The examining bank's holidays (art. 29a extends a last day that falls on one). */
  holidays?: Holidays;
  /** The issuing bank's name, to read a transport document made out "to order of" it (46A conditions). */
  issuingBank?: string;
  /** Rules the examining bank checks by hand (catalogue.ts): what they find goes to the examiner, not to a notice. */
  manualRules?: readonly string[];
}

/** One discrepancy, as it goes into the notice (art. 16c(ii)). */
export interface Finding {
  /** Stable identifier of the rule, e.g. "invoice-amount-exceeds-credit". */
  rule: string;
  /** UCP 600 article, e.g. "30(a)"; or an ISP98 rule for a standby under ISP98, e.g. "ISP98 4.16". */
  article: string;
  documentId: string | null;
  documentKind: DocumentKind | null;
  message: string;
  found: string | null;
  expected: string | null;
}

/**
 * What a check concluded: a discrepancy, which goes into the notice, or a point the engine could
 * not decide (details missing or unreadable), which the examiner checks by hand and which never
 * goes into a notice.
 */
export type Outcome = "discrepancy" | "check-by-hand";

/** A rule's conclusion, before examinePresentation sorts discrepancies from points to check by hand. */
export interface RuleOutcome extends Finding {
  outcome: Outcome;
}

export interface ExaminationResult {
  /** No discrepancy found by the automatic checks (points to check by hand do not count). */
  compliant: boolean;
  /** The discrepancies only: the draft of the single notice (art. 16c). */
  findings: Finding[];
  /** What the automatic checks could not decide, for the examiner: never part of a notice. */
  checkByHand: Finding[];
  /** The rule set that decided (RULES_VERSION): a past examination is reproduced with it. */
  rulesVersion: string;
}

/**
 * A document of one kind with the details that could be read. A detail missing or unreadable is
 * absent from `data` and named in `problems`; the checks that read it skip the document.
 */
export interface Parsed<D> {
  doc: PresentedDocument;
  data: Partial<D>;
  /** Field -> what is wrong with it; empty when every detail validated. */
  problems: Record<string, string>;
}

/** Everything the rules read, derived once from the input; a documentary credit's rules read DocumentaryTerms. */
export interface ExaminationContext<T extends Terms = DocumentaryTerms> {
  terms: T;
  presentedOn: string;
  documents: PresentedDocument[];
  drawnBefore: Milli;
  earlierPresentations: number;
  holidays: string[];
  /** The issuing bank's name when the caller gave it (a bill "to order of" a bank is otherwise the examiner's). */
  issuingBank: string | null;
  invoices: Parsed<CommercialInvoiceData>[];
  billsOfLading: Parsed<BillOfLadingData>[];
  insurance: Parsed<InsuranceCertificateData>[];
  packingLists: Parsed<PackingListData>[];
  certificatesOfOrigin: Parsed<CertificateOfOriginData>[];
  /** Transport documents other than bills of lading (art. 19, 21-25), each with the reading of its article. */
  otherTransport: OtherTransport[];
  inspectionCertificates: Parsed<InspectionCertificateData>[];
  drafts: Parsed<DraftData>[];
  beneficiaryCertificates: Parsed<BeneficiaryCertificateData>[];
  /** Standby credits: the demands for payment and the statements of default presented. */
  demands: Parsed<DemandData>[];
  statements: Parsed<StatementOfDefaultData>[];
  /** Documents with details missing or unreadable, with every problem of each (field -> message). */
  incomplete: { doc: PresentedDocument; problems: Record<string, string> }[];
  /** Date of shipment: the latest date of shipment shown on an original transport document: on-board dates of bills of lading shown on board (art. 20a(ii)), and each other kind's date by its article (19-25); art. 14(c). */
  shipmentDate: string | null;
}

/** A rule: a pure check of one requirement, returning an outcome per discrepancy or point to check by hand. */
export type Rule = (context: ExaminationContext) => RuleOutcome[];
/** A rule of standby examination: reads terms without shipment fields. */
export type StandbyRule = (context: ExaminationContext<Terms>) => RuleOutcome[];
