import { checkByHand, finding, withDetails } from "../context";
import { compareGoods, conflictsInGeneralTerms } from "../goods";
import { sameCompanyName } from "../names";
import type { Rule } from "../types";

// Art. 18: the commercial invoice must come from the beneficiary, be made out to the applicant,
// be in the credit's currency, and describe the goods as the credit does.

export const invoiceCurrency: Rule = ({ terms, invoices }) =>
  withDetails(invoices, "currency")
    .filter((i) => i.data.currency !== terms.currency)
    .map((i) =>
      finding(i, {
        rule: "invoice-currency",
        article: "18(a)(iii)",
        message: "The invoice is not made out in the currency of the credit.",
        found: i.data.currency,
        expected: terms.currency,
      }),
    );

export const invoiceIssuedByBeneficiary: Rule = ({ terms, invoices }) =>
  withDetails(invoices, "issuer")
    .filter((i) => !sameCompanyName(terms.beneficiary.name, i.data.issuer))
    .map((i) =>
      finding(i, {
        rule: "invoice-issuer",
        article: "18(a)(i)",
        message: "The invoice does not appear to have been issued by the beneficiary.",
        found: i.data.issuer,
        expected: terms.beneficiary.name,
      }),
    );

export const invoiceMadeOutToApplicant: Rule = ({ terms, invoices }) =>
  withDetails(invoices, "addressee")
    .filter((i) => !sameCompanyName(terms.applicant.name, i.data.addressee))
    .map((i) =>
      finding(i, {
        rule: "invoice-addressee",
        article: "18(a)(ii)",
        message: "The invoice is not made out in the name of the applicant.",
        found: i.data.addressee,
        expected: terms.applicant.name,
      }),
    );

/**
 * Art. 18(c): the invoice's description must correspond with the credit's: every model code,
 * number, quantity and word of the credit shown, in any order, with any detail added (goods.ts).
 */
export const invoiceGoodsDescription: Rule = ({ terms, invoices }) =>
  withDetails(invoices, "goodsDescription").flatMap((i) => {
    const { conflicts } = compareGoods(terms.goodsDescription, i.data.goodsDescription);
    if (conflicts.length === 0) return [];
    return [
      finding(i, {
        rule: "invoice-goods-description",
        article: "18(c)",
        message: `The description of the goods on the invoice does not correspond with the description in the credit: ${conflicts.join("; ")}.`,
        found: i.data.goodsDescription,
        expected: terms.goodsDescription,
      }),
    ];
  });

/**
 * Art. 31(a), 43P: with partial shipments prohibited, the invoice shows the whole quantity the
 * credit states. Several invoices may share the quantity between them: the examiner adds them up.
 */
export const invoiceQuantityAsAllowed: Rule = ({ terms, invoices }) => {
  if (terms.partialShipments === "ALLOWED") return [];
  const described = withDetails(invoices, "goodsDescription");
  return described.flatMap((i) => {
    const [short] = compareGoods(terms.goodsDescription, i.data.goodsDescription).short;
    if (short === undefined) return [];
    const fields = { rule: "partial-shipment-quantity", article: "31(a)", found: short.found, expected: short.expected };
    return described.length > 1
      ? [checkByHand(i, { ...fields, message: "Partial shipments are not allowed and this invoice shows less than the quantity of the credit: check that the invoices together show all of it." })]
      : [finding(i, { ...fields, message: "Partial shipments are not allowed, and the invoice shows less than the quantity the credit states." })];
  });
};

// Art. 14(d)/(e): the goods in documents other than the invoice, in general terms, not in conflict.
const DESCRIBING: readonly string[] = ["PACKING_LIST", "CERTIFICATE_OF_ORIGIN"];

export const goodsConsistentAcrossDocuments: Rule = ({ terms, documents, invoices }) => {
  const invoiced = invoices.find((i) => i.data.goodsDescription)?.data.goodsDescription ?? null;
  return documents.flatMap((doc) => {
    const description = typeof doc.data.goodsDescription === "string" ? doc.data.goodsDescription.trim() : "";
    if (!DESCRIBING.includes(doc.kind) || description === "") return [];
    const conflicts = conflictsInGeneralTerms(terms.goodsDescription, description, invoiced);
    return conflicts.length === 0
      ? []
      : [finding(doc, { rule: "document-goods-conflict", article: "14(d)", message: "The description of the goods conflicts with the credit or the invoice.", found: conflicts.join("; "), expected: "Data that does not conflict (general terms are enough, art. 14(e))" })];
  });
};
