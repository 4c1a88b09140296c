import { DOCUMENT_KIND_LABELS, TRANSPORT_DOCUMENT_KINDS, type Terms } from "./schema";

// The drafting check (issue 13): while a credit is co-drafted, terms that UCP 600 or ISBP 821
// say will be disregarded, or that conflict with each other, are pointed out with the article.
// Advice, not errors: the parties may still agree them. Pure; the date warnings (a presentation
// period that cannot fit before expiry) live in lib/terms/dates.ts.

export interface DraftingNote {
  /** The terms field the note is about, e.g. "additionalConditions". */
  field: string;
  rule: string;
  reference: string;
  message: string;
}

type Draft = Partial<Pick<Terms, "incoterm" | "documentsRequired" | "additionalConditions" | "goodsDescription" | "amount" | "currency" | "tolerance">>;

// "24 units … at USD 5,000.00 per unit": a quantity and a unit price that 45A states.
const QUANTITY = /\b(\d{1,3}(?:,\d{3})+|\d+)\s*(?:units?|pcs|pieces?|sets?|pairs?|cartons?|drums?|bags?|boxes?|pallets?)\b/i;
const UNIT_PRICE = /(?:\bat\b|@)\s*(?:([A-Z]{3})\s*)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:per\s+\w+|each|\/\s*\w+|a\s+piece)/i;

/** 32B against 45A (and 39A): what the goods as described cost, where quantity and unit price are stated. */
function amountAgainstGoods(terms: Draft): DraftingNote | null {
  if (!terms.goodsDescription || !terms.amount || !terms.currency) return null;
  const quantity = QUANTITY.exec(terms.goodsDescription);
  const price = UNIT_PRICE.exec(terms.goodsDescription);
  if (!quantity || !price || (price[1] && price[1].toUpperCase() !== terms.currency)) return null;
  const value = Number(quantity[1]!.replace(/,/g, "")) * Number(price[2]!.replace(/,/g, ""));
  const amount = Number(terms.amount);
  if (!Number.isFinite(value) || !Number.isFinite(amount) || amount <= 0) return null;
  const tolerance = terms.tolerance?.type === "ABOUT" ? { plus: 10, minus: 10 } : terms.tolerance?.type === "PERCENT" ? terms.tolerance : { plus: 0, minus: 0 };
  const max = amount * (1 + tolerance.plus / 100);
  const min = amount * (1 - tolerance.minus / 100);
  const shown = (n: number) => `${terms.currency} ${n.toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (value > max + 0.005) {
    return { field: "amount", rule: "goods-cost-more-than-credit", reference: "UCP 600 art. 18(b), 30", message: `45A describes goods worth ${shown(value)} (${quantity[0]} at ${price[2]}), more than the credit's ${shown(amount)} with its tolerance (39A): the invoice could not be paid in full.` };
  }
  if (value < min - 0.005) {
    return { field: "amount", rule: "credit-more-than-goods", reference: "UCP 600 art. 18(b), 30", message: `45A describes goods worth ${shown(value)} (${quantity[0]} at ${price[2]}), less than the credit's ${shown(amount)}${tolerance.minus ? " even after its tolerance (39A)" : ""}: the beneficiary cannot draw the whole amount.` };
  }
  return null;
}

// Incoterms 2020: only CIF and CIP oblige the seller to insure; under the others the buyer insures.
const SELLER_INSURES = new Set(["CIF", "CIP"]);
// F-terms: the buyer pays the main carriage, so freight is collect; C- and D-terms: prepaid.
const BUYER_PAYS_CARRIAGE = new Set(["EXW", "FCA", "FAS", "FOB"]);

// UCP 600 art. 3: words that describe an issuer but allow any issuer except the beneficiary.
const VAGUE_ISSUER = /\b(first[- ]class|well[- ]known|qualified|independent|official|competent|local)\b/i;
// Art. 3: "promptly", "immediately", "as soon as possible" are disregarded.
const VAGUE_TIME = /\b(prompt(ly)?|immediately|as soon as possible)\b/i;
// A condition: what a sentence requires.
const REQUIRES = /\b(must|shall|should|to be|is required|are required|required to)\b/i;
// What makes a condition documentary: it names a document, or how a document is to appear.
const DOCUMENTARY = /\b(document|documents|certificate|invoice|bill of lading|b\/l|waybill|receipt|statement|declaration|attestation|packing list|copy|copies|original|originals|presented|presentation|signed|evidenced|showing|indicating|issued by|stating|endorsed|marked)\b/i;

const sentences = (text: string) =>
  text
    .split(/(?<=[.;])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export function draftingCheck(terms: Draft): DraftingNote[] {
  const notes: DraftingNote[] = [];
  const documents = terms.documentsRequired ?? [];
  const conditions = terms.additionalConditions ?? "";

  // 14(h): a condition with no document to show compliance is deemed not stated and disregarded.
  for (const sentence of sentences(conditions)) {
    if (REQUIRES.test(sentence) && !DOCUMENTARY.test(sentence)) {
      notes.push({
        field: "additionalConditions",
        rule: "non-documentary-condition",
        reference: "UCP 600 art. 14(h)",
        message: `“${sentence}” names no document to show it is met: banks will disregard it. Require a document that evidences it (a certificate, a statement), or leave it out.`,
      });
    }
  }

  const priced = amountAgainstGoods(terms);
  if (priced) notes.push(priced);

  const insurance = documents.some((d) => d.kind === "INSURANCE_CERTIFICATE");
  if (terms.incoterm && SELLER_INSURES.has(terms.incoterm) && !insurance && documents.length > 0) {
    notes.push({
      field: "documentsRequired",
      rule: "insurance-missing",
      reference: "Incoterms 2020; UCP 600 art. 28",
      message: `Under ${terms.incoterm} the seller insures the goods, but 46A requires no insurance document: add one, or the buyer has no evidence of cover.`,
    });
  }
  if (terms.incoterm && !SELLER_INSURES.has(terms.incoterm) && insurance) {
    notes.push({
      field: "documentsRequired",
      rule: "insurance-not-the-sellers",
      reference: "Incoterms 2020; UCP 600 art. 28",
      message: `Under ${terms.incoterm} the buyer insures the goods, yet 46A asks the seller for an insurance document: choose CIF or CIP, or drop the insurance document.`,
    });
  }

  // Every transport document (art. 19-25) shows the freight as the Incoterm puts it; a courier receipt shows none.
  const transport = documents.filter((d) => TRANSPORT_DOCUMENT_KINDS.includes(d.kind) && d.kind !== "COURIER_RECEIPT");
  for (const d of transport) {
    const details = d.details ?? "";
    const title = DOCUMENT_KIND_LABELS[d.kind].toLowerCase();
    // The structured marking (46A conditions) decides; free text is read only where none is given.
    const freight = d.conditions?.transport?.freight ?? (/freight\s+prepaid/i.test(details) ? "PREPAID" : /freight\s+collect/i.test(details) ? "COLLECT" : undefined);
    if (terms.incoterm && BUYER_PAYS_CARRIAGE.has(terms.incoterm) && freight === "PREPAID") {
      notes.push({ field: "documentsRequired", rule: "freight-prepaid-under-f-term", reference: "Incoterms 2020", message: `The ${title} is to show “freight prepaid”, but under ${terms.incoterm} the buyer pays the main carriage (freight collect).` });
    }
    if (terms.incoterm && !BUYER_PAYS_CARRIAGE.has(terms.incoterm) && freight === "COLLECT") {
      notes.push({ field: "documentsRequired", rule: "freight-collect-under-c-term", reference: "Incoterms 2020", message: `The ${title} is to show “freight collect”, but under ${terms.incoterm} the seller pays the main carriage (freight prepaid).` });
    }
  }

  // Art. 3: vague issuers and vague times, wherever the documents or conditions use them.
  const texts = [...documents.map((d, i) => ({ field: `documentsRequired.${i}.details`, text: d.details ?? "" })), { field: "additionalConditions", text: conditions }];
  for (const { field, text } of texts) {
    const issuer = VAGUE_ISSUER.exec(text);
    if (issuer) {
      notes.push({ field, rule: "vague-issuer", reference: "UCP 600 art. 3", message: `“${issuer[0]}” does not restrict who may issue the document: any issuer but the beneficiary will do. Name the issuer if it matters.` });
    }
    const time = VAGUE_TIME.exec(text);
    if (time) {
      notes.push({ field, rule: "vague-time", reference: "UCP 600 art. 3", message: `“${time[0]}” is disregarded by banks: give a date or a number of days.` });
    }
  }
  return notes;
}
