import { DOCUMENT_KIND_LABELS } from "@/lib/terms/schema";
import { checkByHand, finding } from "../context";
import { compareAddresses, compareMarks } from "../marks";
import { sameCompanyName } from "../names";
import { comparePorts, countriesNamedIn, readCountry } from "../ports";
import type { ExaminationContext, Parsed, PresentedDocument, Rule, RuleOutcome } from "../types";
import { compareWeights } from "../weights";

// Art. 14(d): data in a document, read in context with the credit, the document itself and
// international standard banking practice, need not be identical to, but must not conflict with,
// data in that document, any other stipulated document or the credit. Each rule below compares
// one kind of data across the documents that carry it; what it cannot decide (a weight or a
// country it cannot read, several documents of one kind sharing the cargo) goes to the examiner.

interface Shown {
  doc: PresentedDocument;
  value: string;
}

const label = (doc: PresentedDocument) => DOCUMENT_KIND_LABELS[doc.kind].toLowerCase();
const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
const shown = (documents: Parsed<unknown>[], read: (data: Record<string, unknown>) => string | null): Shown[] =>
  documents.flatMap((d) => {
    const value = read(d.data as Record<string, unknown>);
    return value === null ? [] : [{ doc: d.doc, value }];
  });

/** The documents that show where and how the goods travel (art. 19-25); courier receipts carry no cargo details. */
const transportDocuments = (context: ExaminationContext) => [...context.billsOfLading, ...context.otherTransport.filter((t) => t.kind !== "COURIER_RECEIPT")] as Parsed<unknown>[];

/**
 * Cargo figures (a weight, a number of packages) of one shipment: a kind of document presented more
 * than once may share the cargo between its documents (two bills of lading, two packing lists), so
 * those are set aside for the examiner to add up; the others are compared, one after the other,
 * with the first that can be read.
 */
function compareFigures(
  sources: Shown[][],
  { rule, what }: { rule: string; what: string },
  compare: (reference: string, other: string) => "same" | "different" | "undetermined",
): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  const single: Shown[] = [];
  for (const list of sources) {
    if (list.length === 1) single.push(list[0]!);
    else if (list.length > 1) {
      outcomes.push(
        checkByHand(null, {
          rule,
          article: "14(d)",
          message: `The ${what} is shown on ${list.length} documents of one kind (${label(list[0]!.doc)}): check by hand that together they do not conflict with the other documents.`,
          found: list.map((s) => s.value).join("; "),
          expected: null,
        }),
      );
    }
  }
  const reference = single.find((s) => single.some((o) => o !== s && compare(s.value, o.value) !== "undetermined")) ?? single[0];
  if (!reference) return outcomes;
  for (const other of single) {
    if (other === reference) continue;
    const comparison = compare(reference.value, other.value);
    if (comparison === "same") continue;
    const fields = { rule, article: "14(d)", found: other.value, expected: `${reference.value}, as on the ${label(reference.doc)}` };
    outcomes.push(
      comparison === "different"
        ? finding(other.doc, { ...fields, message: `The ${what} on the ${label(other.doc)} conflicts with the ${what} on the ${label(reference.doc)}.` })
        : checkByHand(other.doc, { ...fields, message: `The ${what} on the ${label(other.doc)} or the ${label(reference.doc)} could not be read as a number with its unit: compare them by hand.` }),
    );
  }
  return outcomes;
}

const kg = (value: unknown) => (typeof value === "number" ? `${value} kg` : null);

/** Gross and net weights compared as kilograms after reading their units (kg, MT, lbs), within the rounding they are written to. */
export const weightsConsistent: Rule = (context) => [
  ...compareFigures(
    [shown(context.packingLists, (d) => kg(d.grossWeightKg)), shown(context.invoices, (d) => text(d.grossWeight)), shown(transportDocuments(context), (d) => text(d.grossWeight))],
    { rule: "document-gross-weight-conflict", what: "gross weight" },
    compareWeights,
  ),
  ...compareFigures([shown(context.packingLists, (d) => kg(d.netWeightKg)), shown(context.invoices, (d) => text(d.netWeight))], { rule: "document-net-weight-conflict", what: "net weight" }, compareWeights),
];

const packages = (value: unknown) => (typeof value === "number" ? String(value) : null);

/** The number of packages on the packing list, the invoice and the transport document. */
export const packagesConsistent: Rule = (context) =>
  compareFigures(
    [shown(context.packingLists, (d) => packages(d.packages)), shown(context.invoices, (d) => packages(d.packages)), shown(transportDocuments(context), (d) => packages(d.packages))],
    { rule: "document-packages-conflict", what: "number of packages" },
    (a, b) => (a === b ? "same" : "different"),
  );

/** Shipping marks on any two documents: the same marks, or marks with information added (ISBP 821 section A, shipping marks), not marks that leave out part of each other. */
export const marksConsistent: Rule = (context) => {
  const marks = shown([...context.invoices, ...transportDocuments(context), ...context.packingLists, ...context.certificatesOfOrigin] as Parsed<unknown>[], (d) => text(d.shippingMarks));
  const outcomes: RuleOutcome[] = [];
  // Each document against those before it that conflict with nothing: one wrong document is named once, not every one after it.
  const agreed: Shown[] = [];
  for (const other of marks) {
    const against = agreed.map((reference) => ({ reference, comparison: compareMarks(reference.value, other.value) })).find((c) => c.comparison !== "same");
    if (!against) {
      agreed.push(other);
      continue;
    }
    const { reference, comparison } = against;
    const fields = { rule: "document-marks-conflict", article: "14(d)", found: other.value, expected: `${reference.value}, as on the ${label(reference.doc)}` };
    outcomes.push(
      comparison === "different"
        ? finding(other.doc, { ...fields, message: `The shipping marks on the ${label(other.doc)} conflict with those on the ${label(reference.doc)} (marks may add information, not differ).` })
        : checkByHand(other.doc, { ...fields, message: `The ${label(other.doc)} or the ${label(reference.doc)} shows no marks ("N/M") where the other shows marks: check by hand.` }),
    );
  }
  return outcomes;
};

/**
 * The country of origin the credit states: in the goods description (45A) or the certificate of
 * origin it calls for (46A), in a sentence speaking of origin or "made in"; null unless exactly one
 * country is named there.
 */
export function originInCredit(terms: ExaminationContext["terms"]): string | null {
  // 46A as data: the country the certificate of origin must show decides (ISBP 821 section L).
  const required = terms.documentsRequired.find((d) => d.kind === "CERTIFICATE_OF_ORIGIN")?.conditions?.origin?.originCountry;
  if (required) return required;
  const texts = [terms.goodsDescription, ...terms.documentsRequired.filter((d) => d.kind === "CERTIFICATE_OF_ORIGIN").map((d) => d.details)];
  const countries = new Set(
    texts
      // Sentences across the 65-character lines of 45A; "P.R. China" is no sentence end.
      .flatMap((t) => (t ?? "").replace(/\s*\n\s*/g, " ").split(/;|(?<=\p{L}{3})\.\s+/u))
      .filter((sentence) => /\borigin\b|\bmade\s+in\b/i.test(sentence))
      .flatMap((sentence) => countriesNamedIn(sentence)),
  );
  return countries.size === 1 ? [...countries][0]! : null;
}

/**
 * The country of origin on the certificate of origin and on the invoice, against the credit's when
 * it states one, else against the certificate's. A country the table cannot read is compared by
 * its text, and a difference is for the examiner.
 */
export const originConsistent: Rule = (context) => {
  const inCredit = originInCredit(context.terms);
  const certificates = shown(context.certificatesOfOrigin as Parsed<unknown>[], (d) => text(d.countryOfOrigin));
  const invoices = shown(context.invoices as Parsed<unknown>[], (d) => text(d.countryOfOrigin));
  const outcomes: RuleOutcome[] = [];
  const compare = (other: Shown, expected: { country: string | null; value: string; where: string }) => {
    const country = readCountry(other.value);
    const same = country !== null && expected.country !== null ? country === expected.country : other.value.toLowerCase().replace(/[^\p{L}]+/gu, "") === expected.value.toLowerCase().replace(/[^\p{L}]+/gu, "");
    if (same) return;
    const decided = country !== null && expected.country !== null;
    const fields = { rule: "document-origin-conflict", article: "14(d)", found: other.value, expected: `${expected.value}, as ${expected.where}` };
    outcomes.push(
      decided
        ? finding(other.doc, { ...fields, message: `The country of origin on the ${label(other.doc)} conflicts with the country of origin ${expected.where}.` })
        : checkByHand(other.doc, { ...fields, message: `The country of origin on the ${label(other.doc)} could not be matched with the country ${expected.where}: check by hand.` }),
    );
  };
  if (inCredit) {
    const expected = { country: inCredit, value: inCredit, where: "stated in the credit" };
    for (const other of [...certificates, ...invoices]) compare(other, expected);
    return outcomes;
  }
  const certificate = certificates[0];
  if (!certificate) return outcomes;
  for (const other of [...certificates.slice(1), ...invoices]) compare(other, { country: readCountry(certificate.value), value: certificate.value, where: `on the ${label(certificate.doc)}` });
  return outcomes;
};

/**
 * Art. 14(j): when the applicant's address and contact details appear as part of the consignee or
 * notify party on a transport document, they must be as stated in the credit. Abbreviations aside
 * (Ave/Avenue); words or contact details the credit does not state are for the examiner.
 */
export const transportApplicantAddress: Rule = (context) =>
  (transportDocuments(context) as Parsed<Record<string, unknown>>[]).flatMap((t) =>
    (
      [
        ["consignee", "consigneeAddress"],
        ["notify party", "notifyPartyAddress"],
      ] as const
    ).flatMap(([role, field]) => {
      const name = text(t.data[role === "consignee" ? "consignee" : "notifyParty"]);
      const address = text(t.data[field]);
      if (name === null || address === null || !sameCompanyName(context.terms.applicant.name, name)) return [];
      const comparison = compareAddresses(context.terms.applicant.address, address);
      if (comparison === "same") return [];
      const fields = { rule: "transport-applicant-address", article: "14(j)", found: address, expected: context.terms.applicant.address };
      return [
        comparison === "different"
          ? finding(t, { ...fields, message: `The applicant is the ${role} on the ${label(t.doc)}, and its address there is not the address stated in the credit.` })
          : checkByHand(t, { ...fields, message: `The applicant is the ${role} on the ${label(t.doc)}, with words or contact details the credit does not state: check by hand that they are as stated in the credit.` }),
      ];
    }),
  );

const TO_ORDER = /^\s*(?:to\s+(?:the\s+)?order\b|order\s+of\b)/i;

/**
 * The consignee on a certificate of origin must not conflict with the transport document's
 * (ISBP 821 L5): the same party when the transport document names one; when it is made out to
 * order or to a bank, any party but the beneficiary. The consignor may be another than the
 * beneficiary (art. 14(k), ISBP 821 section L) and is not compared.
 */
export const certificateConsigneeConsistent: Rule = (context) => {
  const consignees = shown(transportDocuments(context), (d) => text(d.consignee));
  return context.certificatesOfOrigin.flatMap((c) => {
    const onCertificate = text(c.data.consignee);
    if (onCertificate === null || consignees.length === 0) return [];
    const fields = { rule: "certificate-consignee-conflict", article: "14(d)", found: onCertificate };
    if (consignees.every((t) => TO_ORDER.test(t.value) || /\bbank\b/i.test(t.value))) {
      return sameCompanyName(context.terms.beneficiary.name, onCertificate)
        ? [finding(c, { ...fields, expected: "Any party named in the credit but the beneficiary", message: "The certificate of origin shows the beneficiary as consignee." })]
        : [];
    }
    return consignees.some((t) => sameCompanyName(t.value, onCertificate))
      ? []
      : [finding(c, { ...fields, expected: consignees.map((t) => t.value).join("; "), message: `The consignee on the certificate of origin conflicts with the consignee on the ${label(consignees[0]!.doc)}.` })];
  });
};

/** Ports stated on the invoice: those of the credit (or inside its range), and those of a transport document. */
export const portsConsistent: Rule = (context) =>
  context.invoices.flatMap((invoice) =>
    (
      [
        ["port of loading", text(invoice.data.portOfLoading), context.terms.portOfLoading, "portOfLoading"],
        ["port of discharge", text(invoice.data.portOfDischarge), context.terms.portOfDischarge, "portOfDischarge"],
      ] as const
    ).flatMap(([what, onInvoice, inCredit, field]): RuleOutcome[] => {
      if (onInvoice === null) return [];
      const fields = { rule: "document-port-conflict", article: "14(d)", found: onInvoice };
      const againstCredit = onInvoice.toLowerCase() === inCredit.toLowerCase() ? "same" : comparePorts(inCredit, onInvoice);
      if (againstCredit === "different") return [finding(invoice, { ...fields, expected: inCredit, message: `The ${what} on the invoice conflicts with the credit.` })];
      const onTransport = shown(transportDocuments(context), (d) => text(d[field]));
      if (againstCredit === "undetermined") {
        if (onTransport.some((t) => comparePorts(t.value, onInvoice) === "same")) return [];
        return [checkByHand(invoice, { ...fields, expected: inCredit, message: `The ${what} on the invoice could not be placed inside the range the credit states: check by hand.` })];
      }
      if (onTransport.length === 0 || onTransport.some((t) => comparePorts(t.value, onInvoice) === "same" || readsAsRange(t.value))) return [];
      return [finding(invoice, { ...fields, expected: onTransport.map((t) => t.value).join("; "), message: `The ${what} on the invoice conflicts with the ${label(onTransport[0]!.doc)}.` })];
    }),
  );

const readsAsRange = (text: string) => /^\s*any\b/i.test(text);
