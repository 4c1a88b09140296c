// Every rule of the automatic examination that can find a discrepancy, by its identifier, in
// words a bank's settings can show. A bank may switch any of them to "check by hand" (its
// findings then go to the examiner, never to a notice). catalogue.test.ts keeps this list and
// the rules in step.

export const RULE_TITLES = {
  "required-document-missing": "A document the credit requires is missing",
  "originals-short": "Fewer originals than the credit requires",
  "copies-short": "Fewer copies than the credit requires",
  "dated-after-presentation": "A document dated after the day of presentation",
  "presented-after-expiry": "Presented after the credit expired",
  "presented-after-presentation-period": "Presented after the presentation period following shipment",
  "invoice-issuer": "The invoice not issued by the beneficiary",
  "invoice-addressee": "The invoice not made out to the applicant",
  "invoice-currency": "The invoice in another currency than the credit",
  "invoice-goods-description": "The invoice's goods description does not correspond with the credit's",
  "document-goods-conflict": "Another document's goods description conflicts with the credit or the invoice",
  "document-gross-weight-conflict": "Gross weights that conflict between documents",
  "document-net-weight-conflict": "Net weights that conflict between documents",
  "document-packages-conflict": "Numbers of packages that conflict between documents",
  "document-marks-conflict": "Shipping marks that conflict between documents",
  "document-origin-conflict": "A country of origin that conflicts with the credit or another document",
  "document-port-conflict": "A port on the invoice that conflicts with the credit or the transport document",
  "transport-applicant-address": "The applicant's address as consignee or notify party not as stated in the credit",
  "certificate-consignee-conflict": "The certificate of origin's consignee conflicts with the transport document's",
  "invoice-amount-exceeds-credit": "The invoice for more than the credit allows",
  "invoice-amount-exceeds-balance": "The invoice for more than the undrawn balance",
  "invoice-amount-below-credit": "The invoice for less than the credit where partial shipments are not allowed",
  "partial-shipment-quantity": "A smaller quantity than the credit's where partial shipments are not allowed",
  "partial-shipment-prohibited": "Shipment in parts where partial shipments are not allowed",
  "partial-drawing-prohibited": "A further drawing where partial shipments are not allowed",
  "bill-of-lading-not-on-board": "The bill of lading does not show the goods shipped on board",
  "bill-of-lading-port-of-loading": "The bill of lading's port of loading is not the credit's",
  "bill-of-lading-port-of-discharge": "The bill of lading's port of discharge is not the credit's",
  "bill-of-lading-full-set": "Not the full set of original bills of lading",
  "bill-of-lading-signature": "The bill of lading not signed by the carrier or master, or a named agent, in that capacity",
  "bill-of-lading-not-clean": "The bill of lading not clean: a clause declares defective goods or packaging",
  "bill-of-lading-on-deck": "The bill of lading states the goods are loaded on deck",
  "bill-of-lading-charter-party": "The bill of lading is subject to a charter party",
  "shipped-after-latest-shipment-date": "Shipped after the latest shipment date",
  "transhipment-prohibited": "Transhipment where the credit prohibits it",
  "insurance-currency": "The insurance in another currency than the credit",
  "insurance-dated-after-shipment": "The insurance dated after shipment",
  "insurance-under-110-percent": "Insurance for less than 110% of the goods' value",
  "demand-currency": "A standby's demand in another currency",
  "demand-exceeds-available-balance": "A standby's demand for more than is available",
  "demand-partial-drawing": "A partial demand under a standby that does not allow it",
} as const satisfies Record<string, string>;

export type RuleId = keyof typeof RULE_TITLES;
export const RULE_IDS = Object.keys(RULE_TITLES) as RuleId[];
export const isRuleId = (value: string): value is RuleId => Object.hasOwn(RULE_TITLES, value);
