import { z } from "zod";
import { amountField, amountFitsCurrency, jsonAmountField } from "@/lib/money";
import { CURRENCIES, type DocumentKind } from "../terms/schema";
import { isRealIsoDate } from "@/lib/format/dates";

// The structured details entered beside each uploaded document (what an examiner reads off
// it: amounts, dates, ports, parties). One zod schema per document kind validates them at the
// edge; DOCUMENT_DATA_FIELDS describes the same fields for the upload form. Client-safe.

export interface DocumentFieldMeta {
  key: string;
  label: string;
  /** "amount" is a decimal string (never a float); "boolean" is a checkbox. */
  type: "text" | "textarea" | "date" | "number" | "amount" | "boolean" | "select";
  required: boolean;
  options?: { value: string; label: string }[];
  hint?: string;
}

// Forms send "" for an untouched field and JSON turns NaN into null: both mean "not given".
const blank = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

const text = (what: string, max = 140) =>
  z.preprocess(blank, z.string({ error: `Enter ${what}` }).trim().max(max, `At most ${max} characters`));
const optionalText = (max = 140) => z.preprocess(blank, z.string({ error: "Enter text" }).trim().max(max, `At most ${max} characters`).optional());

const isoDate = (what: string) => z.string({ error: `Enter ${what}` }).refine(isRealIsoDate, "Enter a real date as YYYY-MM-DD");
const date = (what: string) => z.preprocess(blank, isoDate(what));
const optionalDate = (what: string) => z.preprocess(blank, isoDate(what).optional());

// API clients may send 125000.5 as a JSON number; it is kept as the decimal string it denotes.
const amount = (what: string) => z.preprocess(blank, jsonAmountField(what));

const toNumber = (v: unknown) => {
  const value = blank(v);
  return typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
};
const count = (what: string, min: number, max: number) =>
  z.preprocess(toNumber, z.number({ error: `Enter ${what}` }).int("Whole number").min(min, `At least ${min}`).max(max, `At most ${max}`));
const optionalQuantity = () => z.preprocess(toNumber, z.number({ error: "Enter a number" }).positive("More than zero").max(1e9, "Too large").optional());
const optionalCount = (min: number, max: number) =>
  z.preprocess(toNumber, z.number({ error: "Enter a whole number" }).int("Whole number").min(min, `At least ${min}`).max(max, `At most ${max}`).optional());
/** A weight as the document writes it, with its unit ("12,500 kg", "12.5 MT", "27,558 lbs"); the examination reads the number and the unit. */
const optionalWeight = () => optionalText(40);

// A checkbox: absent or unticked is false.
const flag = () => z.preprocess((v) => (v === undefined || v === null || v === "" || v === "false" ? false : v === "true" || v === "on" ? true : v), z.boolean({ error: "Tick or untick" }));

const currency = () => z.preprocess(blank, z.enum(CURRENCIES, { error: "Choose the currency" }));

/** An amount may not carry more decimals than its currency has (JPY none, KWD three). */
function decimalsFitCurrency(value: { currency: string; amount: string }, ctx: z.RefinementCtx) {
  amountFitsCurrency(ctx, value.currency, value.amount);
}

export const commercialInvoiceSchema = z
  .object({
    number: text("the invoice number", 35),
    date: date("the invoice date"),
    issuer: text("who issued the invoice"),
    addressee: text("whom the invoice is made out to"),
    currency: currency(),
    amount: amount("the invoice amount"),
    goodsDescription: text("the description of goods", 2000),
    // The invoice line: quantity, unit and unit price, against the credit's (art. 30(a), (b)); optional.
    quantity: optionalQuantity(),
    unit: optionalText(20),
    unitPrice: z.preprocess(blank, amountField("the unit price").optional()),
    // Shown on the invoice and compared with the other documents (art. 14(d)); optional.
    packages: optionalCount(1, 100_000),
    grossWeight: optionalWeight(),
    netWeight: optionalWeight(),
    shippingMarks: optionalText(500),
    countryOfOrigin: optionalText(60),
    portOfLoading: optionalText(),
    portOfDischarge: optionalText(),
  })
  .superRefine(decimalsFitCurrency);

/** Who signed a transport document, in what capacity: the carrier or the master, or a named agent for either (art. 19-21). */
const SIGNED_BY_CARRIER_OR_MASTER = ["CARRIER", "MASTER", "AGENT_FOR_CARRIER", "AGENT_FOR_MASTER", "NOT_INDICATED"] as const;
const signedAs = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blank, z.enum(values, { error: "Choose who signed it" }).optional());

/** Parties and cargo as a transport document shows them, compared with the credit and the other documents (art. 14(d), (j), (k)). */
const transportCargo = {
  shipper: optionalText(),
  consignee: optionalText(),
  consigneeAddress: optionalText(280),
  notifyParty: optionalText(),
  notifyPartyAddress: optionalText(280),
  /** The freight marking, against the credit's (46A conditions); absent on documents captured before it was asked. */
  freight: z.preprocess(blank, z.enum(["PREPAID", "COLLECT"], { error: "Choose prepaid or collect" }).optional()),
  packages: optionalCount(1, 100_000),
  grossWeight: optionalWeight(),
  shippingMarks: optionalText(500),
};

export const billOfLadingSchema = z.object({
  number: text("the bill of lading number", 35),
  carrier: text("the carrier"),
  vessel: optionalText(),
  voyage: optionalText(35),
  portOfLoading: text("the port of loading"),
  portOfDischarge: text("the port of discharge"),
  onBoardDate: date("the shipped on board date"),
  shippedOnBoard: flag(),
  originalsIssued: count("how many originals were issued", 1, 10),
  transhipment: flag(),
  containerised: flag(),
  /** Who signed it, in what capacity (art. 20(a)(i)); absent on bills captured before it was asked. */
  signedAs: signedAs(SIGNED_BY_CARRIER_OR_MASTER),
  /** Clauses or notations on its face about the goods or their packaging (art. 27). */
  clauses: optionalText(1000),
  onDeck: flag(),
  charterParty: flag(),
  ...transportCargo,
});

/** Art. 21: a non-negotiable sea waybill reads as a bill of lading does (port to port, on board, full set). */
export const seaWaybillSchema = billOfLadingSchema;

/** Art. 19: a transport document covering at least two modes of transport, from a place of dispatch to a place of final destination. */
export const multimodalTransportDocumentSchema = z.object({
  number: text("the document number", 35),
  carrier: text("the carrier"),
  signedAs: signedAs(SIGNED_BY_CARRIER_OR_MASTER),
  placeOfTakingInCharge: text("the place of dispatch, taking in charge or shipment"),
  placeOfFinalDestination: text("the place of final destination"),
  portOfLoading: optionalText(),
  portOfDischarge: optionalText(),
  issueDate: date("the date of issue"),
  /** A stamp or notation dating dispatch, taking in charge or shipment on board; the issue date otherwise (art. 19(a)(ii)). */
  shipmentDate: optionalDate("the date of the dispatch notation"),
  originalsIssued: count("how many originals were issued", 1, 10),
  transhipment: flag(),
  clauses: optionalText(1000),
  onDeck: flag(),
  charterParty: flag(),
  ...transportCargo,
});

/** Art. 22: a bill of lading subject to a charter party, signed by the master, the owner or the charterer, or a named agent for one of them. */
export const charterPartyBillOfLadingSchema = z.object({
  number: optionalText(35),
  vessel: optionalText(),
  signedAs: signedAs(["MASTER", "OWNER", "CHARTERER", "AGENT_FOR_MASTER", "AGENT_FOR_OWNER", "AGENT_FOR_CHARTERER", "NOT_INDICATED"] as const),
  portOfLoading: text("the port of loading"),
  portOfDischarge: text("the port of discharge"),
  onBoardDate: date("the shipped on board date"),
  shippedOnBoard: flag(),
  originalsIssued: count("how many originals were issued", 1, 10),
  clauses: optionalText(1000),
  onDeck: flag(),
  ...transportCargo,
});

/** Art. 23: an air transport document from the airport of departure to the airport of destination. */
export const airWaybillSchema = z.object({
  number: text("the air waybill number", 35),
  carrier: text("the carrier"),
  signedAs: signedAs(["CARRIER", "AGENT_FOR_CARRIER", "NOT_INDICATED"] as const),
  airportOfDeparture: text("the airport of departure"),
  airportOfDestination: text("the airport of destination"),
  issueDate: date("the date of issue"),
  /** A specific notation of the actual date of shipment; the issue date otherwise (art. 23(a)(iii)). Flight details in the box are not it. */
  flightDate: optionalDate("the date of the shipment notation"),
  acceptedForCarriage: flag(),
  /** Marked as prepared for someone other than the consignor or shipper (art. 23(a)(v)). */
  notForConsignor: flag(),
  transhipment: flag(),
  ...transportCargo,
});

/** Art. 24: a road, rail or inland waterway transport document from the place of shipment to the place of destination. */
export const roadRailInlandWaterwaySchema = z.object({
  mode: z.preprocess(blank, z.enum(["ROAD", "RAIL", "INLAND_WATERWAY"], { error: "Choose road, rail or inland waterway" })),
  number: optionalText(35),
  carrier: text("the carrier"),
  /** Signed, or a receipt stamp or notation, by the carrier or a named agent; a rail document may bear the railway's stamp (art. 24(a)(i)). */
  signedAs: signedAs(["CARRIER", "AGENT_FOR_CARRIER", "RAILWAY_STAMP", "NOT_INDICATED"] as const),
  placeOfShipment: text("the place of shipment"),
  placeOfDestination: text("the place of destination"),
  issueDate: date("the date of issue"),
  /** The date of a reception stamp; the issue date otherwise (art. 24(a)(ii)). */
  receiptDate: optionalDate("the date of the reception stamp"),
  /** A road document marked as prepared for someone other than the consignor or shipper (art. 24(b)(i)). */
  notForConsignor: flag(),
  transhipment: flag(),
  ...transportCargo,
});

/** Art. 25: a courier receipt or a post receipt or certificate of posting. */
export const courierReceiptSchema = z.object({
  service: z.preprocess(blank, z.enum(["COURIER", "POST"], { error: "Choose courier or post" })),
  /** The courier service's name (art. 25(a)(i)); a post receipt needs none. */
  courier: optionalText(),
  number: optionalText(35),
  /** Stamped or signed by the named courier service, or stamped by the post office (art. 25(a)(i), (c)). */
  stampedOrSigned: flag(),
  /** The date of pick-up or of receipt, or of the post's stamp: the date of shipment (art. 25(a)(ii), (c)). */
  pickupDate: date("the date of pick-up or receipt"),
  placeOfDispatch: text("the place of dispatch"),
  placeOfDestination: optionalText(),
});

export const packingListSchema = z.object({
  date: date("the date of the packing list"),
  packages: count("the number of packages", 1, 100_000),
  grossWeightKg: optionalQuantity(),
  netWeightKg: optionalQuantity(),
  issuer: optionalText(),
  goodsDescription: optionalText(2000),
  shippingMarks: optionalText(500),
});

export const certificateOfOriginSchema = z.object({
  number: optionalText(35),
  date: date("the date of the certificate"),
  issuer: text("who issued the certificate"),
  countryOfOrigin: text("the country of origin", 60),
  goodsDescription: optionalText(2000),
  consignor: optionalText(),
  consignee: optionalText(),
  shippingMarks: optionalText(500),
});

export const insuranceCertificateSchema = z
  .object({
    number: text("the policy or certificate number", 35),
    issuer: text("the insurer"),
    date: date("the date of issue"),
    coverFrom: optionalDate("the date cover starts"),
    currency: currency(),
    amount: amount("the insured amount"),
    risks: text("the risks covered", 500),
    claimsPayableAt: optionalText(),
    /** The places cover runs from and to (art. 28(f)(iii)), against the credit's (46A conditions). */
    coverFromPlace: optionalText(),
    coverToPlace: optionalText(),
  })
  .superRefine(decimalsFitCurrency);

export const inspectionCertificateSchema = z.object({
  number: optionalText(35),
  issuer: text("the inspection company"),
  date: date("the date of the certificate"),
  result: text("the result of the inspection", 1000),
});

export const otherDocumentSchema = z.object({
  title: text("the document's title"),
  issuer: optionalText(),
  date: optionalDate("the document's date"),
  description: optionalText(1000),
});

/** ISP98 4.16(b): a demand states the amount demanded, is dated and signed by the beneficiary. */
export const demandSchema = z
  .object({
    date: date("the date of the demand"),
    signedBy: text("who signed the demand for the beneficiary"),
    currency: currency(),
    amount: amount("the amount demanded"),
    wording: optionalText(2000),
  })
  .superRefine(decimalsFitCurrency);

/** ISP98 4.17: a statement that payment is due because the drawing event (the default) occurred, dated and signed. */
export const statementOfDefaultSchema = z.object({
  date: date("the date of the statement"),
  signedBy: text("who signed the statement for the beneficiary"),
  statement: text("the statement of default", 2000),
});

/** A draft (bill of exchange): drawn by the beneficiary on the bank 42a names, at the tenor of 42C, for the amount drawn. */
export const draftSchema = z
  .object({
    number: optionalText(35),
    date: date("the date of the draft"),
    drawer: text("who drew the draft"),
    drawee: text("on whom the draft is drawn"),
    tenor: text("the tenor, e.g. at sight or 60 days after bill of lading date", 140),
    currency: currency(),
    amount: amount("the amount of the draft"),
  })
  .superRefine(decimalsFitCurrency);

/** A certificate issued by the beneficiary: its wording is held to what the credit requires it to state. */
export const beneficiaryCertificateSchema = z.object({
  date: date("the date of the certificate"),
  issuer: text("who issued the certificate"),
  wording: text("what the certificate states", 2000),
});

export const DOCUMENT_DATA_SCHEMAS = {
  COMMERCIAL_INVOICE: commercialInvoiceSchema,
  BILL_OF_LADING: billOfLadingSchema,
  PACKING_LIST: packingListSchema,
  CERTIFICATE_OF_ORIGIN: certificateOfOriginSchema,
  INSURANCE_CERTIFICATE: insuranceCertificateSchema,
  INSPECTION_CERTIFICATE: inspectionCertificateSchema,
  OTHER: otherDocumentSchema,
  DEMAND: demandSchema,
  STATEMENT_OF_DEFAULT: statementOfDefaultSchema,
  MULTIMODAL_TRANSPORT_DOCUMENT: multimodalTransportDocumentSchema,
  SEA_WAYBILL: seaWaybillSchema,
  CHARTER_PARTY_BILL_OF_LADING: charterPartyBillOfLadingSchema,
  AIR_WAYBILL: airWaybillSchema,
  ROAD_RAIL_INLAND_WATERWAY_DOCUMENT: roadRailInlandWaterwaySchema,
  COURIER_RECEIPT: courierReceiptSchema,
  DRAFT: draftSchema,
  BENEFICIARY_CERTIFICATE: beneficiaryCertificateSchema,
} as const satisfies Record<DocumentKind, z.ZodType>;

export type DocumentDataOf<K extends DocumentKind> = z.output<(typeof DOCUMENT_DATA_SCHEMAS)[K]>;
export type CommercialInvoiceData = DocumentDataOf<"COMMERCIAL_INVOICE">;
export type BillOfLadingData = DocumentDataOf<"BILL_OF_LADING">;
export type InsuranceCertificateData = DocumentDataOf<"INSURANCE_CERTIFICATE">;
export type PackingListData = DocumentDataOf<"PACKING_LIST">;
export type MultimodalTransportDocumentData = DocumentDataOf<"MULTIMODAL_TRANSPORT_DOCUMENT">;
export type CharterPartyBillOfLadingData = DocumentDataOf<"CHARTER_PARTY_BILL_OF_LADING">;
export type AirWaybillData = DocumentDataOf<"AIR_WAYBILL">;
export type RoadRailInlandWaterwayData = DocumentDataOf<"ROAD_RAIL_INLAND_WATERWAY_DOCUMENT">;
export type CourierReceiptData = DocumentDataOf<"COURIER_RECEIPT">;
export type DraftData = DocumentDataOf<"DRAFT">;
export type BeneficiaryCertificateData = DocumentDataOf<"BENEFICIARY_CERTIFICATE">;
export type InspectionCertificateData = DocumentDataOf<"INSPECTION_CERTIFICATE">;
export type CertificateOfOriginData = DocumentDataOf<"CERTIFICATE_OF_ORIGIN">;
export type DemandData = DocumentDataOf<"DEMAND">;
export type StatementOfDefaultData = DocumentDataOf<"STATEMENT_OF_DEFAULT">;

export type DocumentDataResult<K extends DocumentKind> = { ok: true; data: DocumentDataOf<K> } | { ok: false; fields: Record<string, string> };

/** Validate a document's details; on failure, one message per field key (the form's keys). */
export function parseDocumentData<K extends DocumentKind>(kind: K, input: unknown): DocumentDataResult<K> {
  const schema: z.ZodType = DOCUMENT_DATA_SCHEMAS[kind];
  if (!schema) return { ok: false, fields: { kind: "Choose the document type" } };
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { ok: false, fields: { _: "Send the document details as an object" } };
  const result = schema.safeParse(input);
  if (result.success) {
    // Drop keys of optional fields left empty, so the stored JSON holds only what was given.
    const data = Object.fromEntries(Object.entries(result.data as Record<string, unknown>).filter(([, v]) => v !== undefined));
    return { ok: true, data: data as DocumentDataOf<K> };
  }
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
  return { ok: false, fields };
}

const CURRENCY_OPTIONS = CURRENCIES.map((c) => ({ value: c, label: c }));

const SIGNED_BY_CARRIER_OR_MASTER_OPTIONS = [
  { value: "CARRIER", label: "The carrier" },
  { value: "MASTER", label: "The master" },
  { value: "AGENT_FOR_CARRIER", label: "A named agent for the carrier" },
  { value: "AGENT_FOR_MASTER", label: "A named agent for the master" },
  { value: "NOT_INDICATED", label: "Capacity not indicated" },
];

/** Parties and cargo on a transport document (art. 14(d), (j), (k)). */
const CARGO_FIELDS: DocumentFieldMeta[] = [
  { key: "shipper", label: "Shipper", type: "text", required: false, hint: "Need not be the beneficiary (art. 14k)" },
  { key: "consignee", label: "Consignee", type: "text", required: false, hint: "e.g. To order, or the name of the consignee" },
  { key: "consigneeAddress", label: "Consignee's address", type: "textarea", required: false, hint: "As shown, with any contact details (art. 14j)" },
  { key: "notifyParty", label: "Notify party", type: "text", required: false },
  { key: "notifyPartyAddress", label: "Notify party's address", type: "textarea", required: false, hint: "As shown, with any contact details (art. 14j)" },
  {
    key: "freight",
    label: "Freight",
    type: "select",
    required: false,
    hint: "As marked on the document",
    options: [
      { value: "PREPAID", label: "Freight prepaid" },
      { value: "COLLECT", label: "Freight collect (payable at destination)" },
    ],
  },
  { key: "packages", label: "Number of packages", type: "number", required: false },
  { key: "grossWeight", label: "Gross weight", type: "text", required: false, hint: "With its unit, e.g. 12,500 kg" },
  { key: "shippingMarks", label: "Shipping marks", type: "textarea", required: false },
];

const BILL_OF_LADING_FIELDS: DocumentFieldMeta[] = [
  { key: "number", label: "Bill of lading number", type: "text", required: true },
  { key: "carrier", label: "Carrier", type: "text", required: true },
  { key: "vessel", label: "Vessel", type: "text", required: false },
  { key: "voyage", label: "Voyage number", type: "text", required: false, hint: "Bills for one vessel and voyage to one destination are one shipment (art. 31b)" },
  { key: "portOfLoading", label: "Port of loading", type: "text", required: true },
  { key: "portOfDischarge", label: "Port of discharge", type: "text", required: true },
  { key: "onBoardDate", label: "Shipped on board date", type: "date", required: true, hint: "The date of the on-board notation, or the issue date if pre-printed" },
  { key: "originalsIssued", label: "Originals issued", type: "number", required: true, hint: "As stated on the bill (the full set)" },
  { key: "shippedOnBoard", label: "Shows the goods shipped on board", type: "boolean", required: false, hint: "Pre-printed wording or a dated on-board notation (art. 20a)" },
  { key: "transhipment", label: "Indicates transhipment", type: "boolean", required: false },
  { key: "containerised", label: "Goods shipped in containers", type: "boolean", required: false, hint: "Transhipment is then acceptable even if prohibited (art. 20c)" },
  {
    key: "signedAs",
    label: "Signed by",
    type: "select",
    required: false,
    hint: "The carrier or the master, or a named agent for either, the capacity indicated (art. 20a(i))",
    options: SIGNED_BY_CARRIER_OR_MASTER_OPTIONS,
  },
  { key: "clauses", label: "Clauses on its face", type: "textarea", required: false, hint: "Any clause or notation about the goods or their packaging, as written (art. 27)" },
  { key: "onDeck", label: "States the goods are loaded on deck", type: "boolean", required: false, hint: "'May be loaded on deck' is not this (art. 26a)" },
  { key: "charterParty", label: "States it is subject to a charter party", type: "boolean", required: false, hint: "Art. 20(a)(vi); a charter party bill is examined under art. 22" },
  ...CARGO_FIELDS,
];

export const DOCUMENT_DATA_FIELDS: Record<DocumentKind, DocumentFieldMeta[]> = {
  COMMERCIAL_INVOICE: [
    { key: "number", label: "Invoice number", type: "text", required: true },
    { key: "date", label: "Invoice date", type: "date", required: true },
    { key: "issuer", label: "Issued by", type: "text", required: true, hint: "The beneficiary, as named in the credit (art. 18a)" },
    { key: "addressee", label: "Made out to", type: "text", required: true, hint: "The applicant, as named in the credit" },
    { key: "currency", label: "Currency", type: "select", required: true, options: CURRENCY_OPTIONS },
    { key: "amount", label: "Invoice amount", type: "amount", required: true, hint: "e.g. 125000.00" },
    { key: "goodsDescription", label: "Description of goods", type: "textarea", required: true, hint: "As it appears on the invoice" },
    { key: "quantity", label: "Quantity invoiced", type: "number", required: false, hint: "In the unit below; within the credit's quantity and its tolerance (art. 30)" },
    { key: "unit", label: "Unit", type: "text", required: false, hint: "e.g. units, pcs, kg, MT" },
    { key: "unitPrice", label: "Unit price", type: "amount", required: false, hint: "In the invoice currency; not above the credit's unit price" },
    { key: "packages", label: "Number of packages", type: "number", required: false },
    { key: "grossWeight", label: "Gross weight", type: "text", required: false, hint: "With its unit, e.g. 12,500 kg, 12.5 MT or 27,558 lbs" },
    { key: "netWeight", label: "Net weight", type: "text", required: false, hint: "With its unit" },
    { key: "shippingMarks", label: "Shipping marks", type: "textarea", required: false },
    { key: "countryOfOrigin", label: "Country of origin", type: "text", required: false, hint: "Only if the invoice states it" },
    { key: "portOfLoading", label: "Port of loading", type: "text", required: false, hint: "Only if the invoice states it" },
    { key: "portOfDischarge", label: "Port of discharge", type: "text", required: false, hint: "Only if the invoice states it" },
  ],
  BILL_OF_LADING: BILL_OF_LADING_FIELDS,
  PACKING_LIST: [
    { key: "date", label: "Date", type: "date", required: true },
    { key: "packages", label: "Number of packages", type: "number", required: true },
    { key: "grossWeightKg", label: "Gross weight (kg)", type: "number", required: false },
    { key: "netWeightKg", label: "Net weight (kg)", type: "number", required: false },
    { key: "issuer", label: "Issued by", type: "text", required: false },
    { key: "goodsDescription", label: "Description of goods", type: "textarea", required: false },
    { key: "shippingMarks", label: "Shipping marks", type: "textarea", required: false },
  ],
  CERTIFICATE_OF_ORIGIN: [
    { key: "number", label: "Certificate number", type: "text", required: false },
    { key: "date", label: "Date", type: "date", required: true },
    { key: "issuer", label: "Issued by", type: "text", required: true, hint: "e.g. the chamber of commerce" },
    { key: "countryOfOrigin", label: "Country of origin", type: "text", required: true },
    { key: "goodsDescription", label: "Description of goods", type: "textarea", required: false },
    { key: "consignor", label: "Consignor or exporter", type: "text", required: false, hint: "Need not be the beneficiary (art. 14k)" },
    { key: "consignee", label: "Consignee", type: "text", required: false },
    { key: "shippingMarks", label: "Shipping marks", type: "textarea", required: false },
  ],
  INSURANCE_CERTIFICATE: [
    { key: "number", label: "Policy or certificate number", type: "text", required: true },
    { key: "issuer", label: "Insurer", type: "text", required: true },
    { key: "date", label: "Date of issue", type: "date", required: true, hint: "No later than the date of shipment (art. 28e)" },
    { key: "coverFrom", label: "Cover effective from", type: "date", required: false, hint: "Only if the certificate states it" },
    { key: "currency", label: "Currency", type: "select", required: true, options: CURRENCY_OPTIONS },
    { key: "amount", label: "Insured amount", type: "amount", required: true, hint: "At least 110% of the CIF or CIP value (art. 28f)" },
    { key: "risks", label: "Risks covered", type: "textarea", required: true, hint: "e.g. Institute Cargo Clauses (A)" },
    { key: "claimsPayableAt", label: "Claims payable at", type: "text", required: false },
    { key: "coverFromPlace", label: "Cover from (place)", type: "text", required: false, hint: "Where cover starts, e.g. Rotterdam (art. 28f(iii))" },
    { key: "coverToPlace", label: "Cover to (place)", type: "text", required: false, hint: "Where cover ends, e.g. Singapore" },
  ],
  INSPECTION_CERTIFICATE: [
    { key: "number", label: "Certificate number", type: "text", required: false },
    { key: "issuer", label: "Inspection company", type: "text", required: true },
    { key: "date", label: "Date", type: "date", required: true },
    { key: "result", label: "Result of inspection", type: "textarea", required: true },
  ],
  OTHER: [
    { key: "title", label: "Document title", type: "text", required: true },
    { key: "issuer", label: "Issued by", type: "text", required: false },
    { key: "date", label: "Date", type: "date", required: false },
    { key: "description", label: "Description", type: "textarea", required: false },
  ],
  DEMAND: [
    { key: "date", label: "Date of the demand", type: "date", required: true },
    { key: "signedBy", label: "Signed for the beneficiary by", type: "text", required: true, hint: "ISP98 4.16: a demand is signed by the beneficiary" },
    { key: "currency", label: "Currency", type: "select", required: true, options: CURRENCY_OPTIONS },
    { key: "amount", label: "Amount demanded", type: "amount", required: true, hint: "Within the available balance of the standby" },
    { key: "wording", label: "Wording of the demand", type: "textarea", required: false, hint: "e.g. We hereby demand payment of USD 250,000.00 under your standby no. ..." },
  ],
  STATEMENT_OF_DEFAULT: [
    { key: "date", label: "Date of the statement", type: "date", required: true },
    { key: "signedBy", label: "Signed for the beneficiary by", type: "text", required: true },
    { key: "statement", label: "Statement of default", type: "textarea", required: true, hint: "That payment is due because the default the standby describes has occurred (ISP98 4.17)" },
  ],
  MULTIMODAL_TRANSPORT_DOCUMENT: [
    { key: "number", label: "Document number", type: "text", required: true },
    { key: "carrier", label: "Carrier", type: "text", required: true, hint: "The document must name the carrier (art. 19a(i))" },
    { key: "signedAs", label: "Signed by", type: "select", required: false, hint: "The carrier or the master, or a named agent for either (art. 19a(i))", options: SIGNED_BY_CARRIER_OR_MASTER_OPTIONS },
    { key: "placeOfTakingInCharge", label: "Place of dispatch, taking in charge or shipment", type: "text", required: true },
    { key: "placeOfFinalDestination", label: "Place of final destination", type: "text", required: true },
    { key: "portOfLoading", label: "Port of loading", type: "text", required: false },
    { key: "portOfDischarge", label: "Port of discharge", type: "text", required: false },
    { key: "issueDate", label: "Date of issue", type: "date", required: true },
    { key: "shipmentDate", label: "Date of dispatch, taking in charge or on board", type: "date", required: false, hint: "Only if a stamp or notation dates it; the issue date is otherwise the date of shipment (art. 19a(ii))" },
    { key: "originalsIssued", label: "Originals issued", type: "number", required: true },
    { key: "transhipment", label: "Indicates transhipment", type: "boolean", required: false, hint: "Acceptable under one document for the whole carriage (art. 19c)" },
    { key: "clauses", label: "Clauses on its face", type: "textarea", required: false, hint: "Any clause about the goods or their packaging (art. 27)" },
    { key: "onDeck", label: "States the goods are loaded on deck", type: "boolean", required: false },
    { key: "charterParty", label: "States it is subject to a charter party", type: "boolean", required: false },
    ...CARGO_FIELDS,
  ],
  SEA_WAYBILL: BILL_OF_LADING_FIELDS.map((f) => (f.key === "number" ? { ...f, label: "Sea waybill number" } : f)),
  CHARTER_PARTY_BILL_OF_LADING: [
    { key: "number", label: "Bill of lading number", type: "text", required: false },
    { key: "vessel", label: "Vessel", type: "text", required: false },
    {
      key: "signedAs",
      label: "Signed by",
      type: "select",
      required: false,
      hint: "The master, the owner or the charterer, or a named agent for one of them (art. 22a(i))",
      options: [
        { value: "MASTER", label: "The master" },
        { value: "OWNER", label: "The owner" },
        { value: "CHARTERER", label: "The charterer" },
        { value: "AGENT_FOR_MASTER", label: "A named agent for the master" },
        { value: "AGENT_FOR_OWNER", label: "A named agent for the owner" },
        { value: "AGENT_FOR_CHARTERER", label: "A named agent for the charterer" },
        { value: "NOT_INDICATED", label: "Capacity not indicated" },
      ],
    },
    { key: "portOfLoading", label: "Port of loading", type: "text", required: true },
    { key: "portOfDischarge", label: "Port of discharge", type: "text", required: true, hint: "May be a range or area as the credit states it (art. 22a(iii))" },
    { key: "onBoardDate", label: "Shipped on board date", type: "date", required: true },
    { key: "shippedOnBoard", label: "Shows the goods shipped on board", type: "boolean", required: false, hint: "Pre-printed wording or a dated on-board notation (art. 22a(ii))" },
    { key: "originalsIssued", label: "Originals issued", type: "number", required: true },
    { key: "clauses", label: "Clauses on its face", type: "textarea", required: false, hint: "Any clause about the goods or their packaging (art. 27)" },
    { key: "onDeck", label: "States the goods are loaded on deck", type: "boolean", required: false },
    ...CARGO_FIELDS,
  ],
  AIR_WAYBILL: [
    { key: "number", label: "Air waybill number", type: "text", required: true },
    { key: "carrier", label: "Carrier", type: "text", required: true, hint: "The air waybill must name the carrier (art. 23a(i))" },
    {
      key: "signedAs",
      label: "Signed by",
      type: "select",
      required: false,
      hint: "The carrier, or a named agent for the carrier (art. 23a(i))",
      options: [
        { value: "CARRIER", label: "The carrier" },
        { value: "AGENT_FOR_CARRIER", label: "A named agent for the carrier" },
        { value: "NOT_INDICATED", label: "Capacity not indicated" },
      ],
    },
    { key: "airportOfDeparture", label: "Airport of departure", type: "text", required: true },
    { key: "airportOfDestination", label: "Airport of destination", type: "text", required: true },
    { key: "issueDate", label: "Date of issue", type: "date", required: true },
    { key: "flightDate", label: "Actual date of shipment (notation)", type: "date", required: false, hint: "Only a specific notation; flight details in the box do not date shipment (art. 23a(iii))" },
    { key: "acceptedForCarriage", label: "Indicates the goods accepted for carriage", type: "boolean", required: false, hint: "Art. 23a(ii)" },
    { key: "notForConsignor", label: "Marked as an original for someone other than the consignor or shipper", type: "boolean", required: false, hint: "The credit is met by the original for consignor or shipper (art. 23a(v))" },
    { key: "transhipment", label: "Indicates transhipment", type: "boolean", required: false },
    ...CARGO_FIELDS,
  ],
  ROAD_RAIL_INLAND_WATERWAY_DOCUMENT: [
    {
      key: "mode",
      label: "Mode of transport",
      type: "select",
      required: true,
      options: [
        { value: "ROAD", label: "Road (e.g. CMR)" },
        { value: "RAIL", label: "Rail (e.g. CIM)" },
        { value: "INLAND_WATERWAY", label: "Inland waterway" },
      ],
    },
    { key: "number", label: "Document number", type: "text", required: false },
    { key: "carrier", label: "Carrier", type: "text", required: true, hint: "The document must name the carrier (art. 24a(i))" },
    {
      key: "signedAs",
      label: "Signed or stamped by",
      type: "select",
      required: false,
      hint: "Art. 24a(i)",
      options: [
        { value: "CARRIER", label: "The carrier" },
        { value: "AGENT_FOR_CARRIER", label: "A named agent for the carrier" },
        { value: "RAILWAY_STAMP", label: "The railway's stamp (rail only)" },
        { value: "NOT_INDICATED", label: "Capacity not indicated" },
      ],
    },
    { key: "placeOfShipment", label: "Place of shipment", type: "text", required: true },
    { key: "placeOfDestination", label: "Place of destination", type: "text", required: true },
    { key: "issueDate", label: "Date of issue", type: "date", required: true },
    { key: "receiptDate", label: "Date of the reception stamp", type: "date", required: false, hint: "Only if stamped; the issue date is otherwise the date of shipment (art. 24a(ii))" },
    { key: "notForConsignor", label: "Marked as prepared for someone other than the consignor or shipper", type: "boolean", required: false, hint: "Road: the original for consignor or shipper, or no marking (art. 24b(i))" },
    { key: "transhipment", label: "Indicates transhipment", type: "boolean", required: false },
    ...CARGO_FIELDS,
  ],
  COURIER_RECEIPT: [
    {
      key: "service",
      label: "Courier or post",
      type: "select",
      required: true,
      options: [
        { value: "COURIER", label: "Courier receipt" },
        { value: "POST", label: "Post receipt or certificate of posting" },
      ],
    },
    { key: "courier", label: "Courier service", type: "text", required: false, hint: "A courier receipt must name the courier (art. 25a(i))" },
    { key: "number", label: "Receipt or tracking number", type: "text", required: false },
    { key: "stampedOrSigned", label: "Stamped or signed by the courier, or stamped by the post", type: "boolean", required: false, hint: "Art. 25a(i), 25c" },
    { key: "pickupDate", label: "Date of pick-up, receipt or posting", type: "date", required: true, hint: "The date of shipment (art. 25a(ii))" },
    { key: "placeOfDispatch", label: "Place of dispatch", type: "text", required: true },
    { key: "placeOfDestination", label: "Destination", type: "text", required: false },
  ],
  DRAFT: [
    { key: "number", label: "Draft number", type: "text", required: false },
    { key: "date", label: "Date", type: "date", required: true },
    { key: "drawer", label: "Drawn by", type: "text", required: true, hint: "The beneficiary" },
    { key: "drawee", label: "Drawn on", type: "text", required: true, hint: "The bank the credit names in 42a, never the applicant (art. 6c)" },
    { key: "tenor", label: "Tenor", type: "text", required: true, hint: "e.g. At sight, or 60 days after bill of lading date, as 42C" },
    { key: "currency", label: "Currency", type: "select", required: true, options: CURRENCY_OPTIONS },
    { key: "amount", label: "Amount", type: "amount", required: true, hint: "The amount drawn: as the invoice" },
  ],
  BENEFICIARY_CERTIFICATE: [
    { key: "date", label: "Date", type: "date", required: true },
    { key: "issuer", label: "Issued by", type: "text", required: true, hint: "The beneficiary" },
    { key: "wording", label: "What it certifies", type: "textarea", required: true, hint: "As written on the certificate" },
  ],
};

/** The details of a stored document as label/value pairs, in form order, for display. */
export function describeDocumentData(kind: DocumentKind, data: Record<string, unknown>): { label: string; value: string }[] {
  return (DOCUMENT_DATA_FIELDS[kind] ?? []).flatMap((field) => {
    const value = data[field.key];
    if (value === undefined || value === null || value === "") return [];
    if (field.type === "boolean") return [{ label: field.label, value: value === true ? "Yes" : "No" }];
    return [{ label: field.label, value: String(value) }];
  });
}
