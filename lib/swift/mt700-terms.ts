import type { Terms } from "@/lib/terms/schema";
import type { FinField, FinMessage } from "./fin";
import { decimalFromSwift, isoFromSwiftDate } from "./messages";

// The reverse of `termsFields` (messages.ts): the fields of an MT700 (with its MT701s) read back
// to the terms TradeTrail holds. Pure. What an MT700 cannot give back exactly, and so is not
// here or comes back in another shape:
//   - 46A is free text: the structured documents (lib/terms/conditions.ts) come back as that text;
//   - 50/59 are 4*35x lines: the first line is the name, the rest the address (a name longer than
//     35 characters, or one the transliteration lengthened, continues on the address's line);
//   - "about" (art. 30(a)) travels as 39A 10/10 and comes back as a 10/10 percentage;
//   - 41a BY MIXED PYMT does not say how the credit was available besides (availableBy absent);
//   - 42C/42P carry the drafts text or, when there is none, the tenor as "N DAYS AFTER SHIPMENT DATE";
//   - 47A carries the additional conditions and the bank's conditions in one text.
// Text comes back as it travelled: transliterated into the SWIFT sets and wrapped to the field's width.

/** The terms an MT700 carries, in TradeTrail's shape where the MT700 keeps it (see above). */
export type Mt700Terms = Partial<Omit<Terms, "documentsRequired" | "applicant" | "beneficiary" | "amount" | "currency">> & {
  /** 20 */
  creditNumber?: string;
  applicant?: { name: string; address: string };
  beneficiary?: { name: string; address: string };
  currency?: string;
  /** Decimal with the currency's decimals ("125000.00", JPY "5000000", BHD "12.500"). */
  amount?: string;
  /** 46A (+ 46B), as text. */
  documentsRequired?: string;
  /** 42A: the drawee's BIC (42D gives `drawee`). */
  draweeBic?: string;
  /** 51A: the applicant bank's BIC (51D gives `applicantBank`). */
  applicantBankBic?: string;
};

export interface Mt700Reading {
  terms: Mt700Terms;
  /** Fields whose value this mapping could not read, with the reason; the rest of the terms still come back. */
  problems: { tag: string; message: string }[];
}

const RULES: Record<string, Terms["applicableRules"]> = {
  "UCP LATEST VERSION": "UCP_LATEST_VERSION",
  "EUCP LATEST VERSION": "EUCP_LATEST_VERSION",
  "ISP LATEST VERSION": "ISP_LATEST_VERSION",
  "UCPURR LATEST VERSION": "UCP_URR_LATEST_VERSION",
  "EUCPURR LATEST VERSION": "EUCP_URR_LATEST_VERSION",
  "ISPRR LATEST VERSION": "ISP_URR_LATEST_VERSION",
};
const AVAILABLE_BY: Record<string, Terms["availableBy"]> = { "BY PAYMENT": "PAYMENT", "BY ACCEPTANCE": "ACCEPTANCE", "BY NEGOTIATION": "NEGOTIATION", "BY DEF PAYMENT": "DEFERRED_PAYMENT" };
const CONFIRMATION: Record<string, Terms["confirmation"]> = { WITHOUT: "WITHOUT", "MAY ADD": "MAY_ADD", CONFIRM: "CONFIRM" };
const SHIPMENT: Record<string, "ALLOWED" | "NOT_ALLOWED"> = { ALLOWED: "ALLOWED", "NOT ALLOWED": "NOT_ALLOWED" };
const INCOTERM_LINE = /^TERMS OF DELIVERY: ([A-Z]{3})(?: (.+))? \(INCOTERMS 2020\)$/;
const TENOR = /^(\d{1,3}) DAYS AFTER SHIPMENT DATE$/;
/** Continuation fields of the MT701, appended to the MT700 field they continue. */
const CONTINUES: Record<string, string> = { "45B": "45A", "46B": "46A", "47B": "47A" };

/** An MT700 and its MT701s as one list of fields: each 45B/46B/47B appended (as further lines) to its 45A/46A/47A. */
export function mt700Fields(messages: readonly Pick<FinMessage, "type" | "fields">[]): FinField[] {
  const fields: FinField[] = [];
  for (const message of messages) {
    for (const field of message.fields) {
      const continued = message.type === "701" ? CONTINUES[field.tag] : undefined;
      if (message.type === "701" && !continued) continue; // 27 and 20 repeat the MT700's
      const target = continued ? fields.find((f) => f.tag === continued) : undefined;
      if (target) target.value = `${target.value}\n${field.value}`;
      else fields.push({ tag: continued ?? field.tag, value: field.value });
    }
  }
  return fields;
}

/**
 * The terms of an MT700's fields (mt700Fields for one with MT701s). `banks` are the BICs of the
 * issuing bank (the sender) and the advising bank (the receiver): 41A names one of them.
 */
export function mt700ToTerms(fields: readonly FinField[], banks: { issuingBank?: string; advisingBank?: string } = {}): Mt700Reading {
  const terms: Mt700Terms = {};
  const problems: Mt700Reading["problems"] = [];
  const byTag = new Map(fields.map((f) => [f.tag, f.value]));
  const get = (tag: string) => byTag.get(tag);
  const text = (tag: string, key: keyof Mt700Terms) => {
    const value = get(tag);
    if (value !== undefined) (terms as Record<string, unknown>)[key] = value;
  };
  const party = (value: string) => {
    const [name, ...address] = value.split("\n");
    return { name: name!, address: address.join("\n") };
  };
  const sameBank = (a: string, b: string | undefined) => b !== undefined && a.slice(0, 8) === b.slice(0, 8) && (a.length === 8 || b.length === 8 ? a.slice(8).replace(/^XXX$/, "") === b.slice(8).replace(/^XXX$/, "") : a === b);

  text("20", "creditNumber");
  const form = get("40A");
  if (form !== undefined) {
    if (form === "IRREVOCABLE" || form === "IRREVOCABLE TRANSFERABLE") terms.form = form === "IRREVOCABLE" ? "IRREVOCABLE" : "IRREVOCABLE_TRANSFERABLE";
    else problems.push({ tag: "40A", message: `"${form}" is not a form TradeTrail holds (IRREVOCABLE or IRREVOCABLE TRANSFERABLE)` });
  }
  const dateOfIssue = get("31C");
  if (dateOfIssue !== undefined) terms.dateOfIssue = isoFromSwiftDate(dateOfIssue);
  const rules = get("40E");
  if (rules !== undefined) {
    if (rules.startsWith("OTHR")) {
      terms.applicableRules = "OTHER";
      if (rules.startsWith("OTHR/")) terms.applicableRulesNarrative = rules.slice(5);
    } else if (RULES[rules]) terms.applicableRules = RULES[rules];
    else problems.push({ tag: "40E", message: `"${rules}" is not an applicable-rules code` });
  }
  const expiry = get("31D");
  if (expiry !== undefined) {
    terms.expiryDate = isoFromSwiftDate(expiry.slice(0, 6));
    terms.expiryPlace = expiry.slice(6);
  }
  text("51D", "applicantBank");
  text("51A", "applicantBankBic");
  const applicant = get("50");
  if (applicant !== undefined) terms.applicant = party(applicant);
  const beneficiary = get("59");
  if (beneficiary !== undefined) terms.beneficiary = party(beneficiary);
  const amount = get("32B");
  if (amount !== undefined) {
    terms.currency = amount.slice(0, 3);
    try {
      terms.amount = decimalFromSwift(amount.slice(3), terms.currency);
    } catch (error) {
      problems.push({ tag: "32B", message: (error as Error).message });
    }
  }
  const tolerance = /^(\d{1,2})\/(\d{1,2})$/.exec(get("39A") ?? "");
  terms.tolerance = tolerance ? { type: "PERCENT", plus: Number(tolerance[1]), minus: Number(tolerance[2]) } : { type: "NONE" };
  text("39C", "additionalAmounts");

  const available = get("41A") ?? get("41D");
  if (available !== undefined) {
    const lines = available.split("\n");
    const by = lines.pop()!;
    const bank = lines.join("\n");
    if (get("41D") !== undefined) {
      if (bank === "ANY BANK") terms.availableWith = "ANY_BANK";
      else problems.push({ tag: "41D", message: `available with "${bank}": TradeTrail holds the issuing bank, the advising bank or any bank` });
    } else if (sameBank(bank, banks.issuingBank)) terms.availableWith = "ISSUING_BANK";
    else if (sameBank(bank, banks.advisingBank)) terms.availableWith = "ADVISING_BANK";
    else problems.push({ tag: "41A", message: `available with ${bank}, which is neither the issuing nor the advising bank` });
    if (by !== "BY MIXED PYMT") {
      if (AVAILABLE_BY[by]) terms.availableBy = AVAILABLE_BY[by];
      else problems.push({ tag: "41a", message: `"${by}" is not BY PAYMENT, BY ACCEPTANCE, BY NEGOTIATION, BY DEF PAYMENT or BY MIXED PYMT` });
    }
  }
  const drafts = get("42C") ?? get("42P");
  if (drafts !== undefined) {
    const tenor = TENOR.exec(drafts);
    if (tenor) terms.tenorDays = Number(tenor[1]);
    else terms.draftsAt = drafts;
  }
  text("42D", "drawee");
  text("42A", "draweeBic");
  text("42M", "mixedPaymentDetails");
  for (const [tag, key] of [["43P", "partialShipments"], ["43T", "transhipment"]] as const) {
    const value = get(tag);
    if (value === undefined) continue;
    if (SHIPMENT[value]) terms[key] = SHIPMENT[value];
    else problems.push({ tag, message: `"${value}" is not ALLOWED or NOT ALLOWED` });
  }
  text("44A", "placeOfTakingInCharge");
  text("44E", "portOfLoading");
  text("44F", "portOfDischarge");
  text("44B", "finalDestination");
  const latest = get("44C");
  if (latest !== undefined) terms.latestShipmentDate = isoFromSwiftDate(latest);
  text("44D", "shipmentPeriod");

  const goods = get("45A");
  if (goods !== undefined) {
    const lines = goods.split("\n");
    const incoterm = INCOTERM_LINE.exec(lines.at(-1) ?? "");
    if (incoterm) {
      lines.pop();
      terms.incoterm = incoterm[1] as Terms["incoterm"];
      if (incoterm[2] !== undefined) terms.incotermPlace = incoterm[2];
    }
    if (lines.length > 0) terms.goodsDescription = lines.join("\n");
  }
  text("46A", "documentsRequired");
  text("47A", "additionalConditions");
  text("49G", "specialPaymentConditionsBeneficiary");
  text("49H", "specialPaymentConditionsBank");
  text("71D", "charges");
  const period = get("48");
  if (period !== undefined) {
    const days = /^(\d{1,3})(?:\/.*)?$/.exec(period);
    if (days) terms.presentationPeriodDays = Number(days[1]);
    else problems.push({ tag: "48", message: `"${period}" is not a number of days` });
  }
  const confirmation = get("49");
  if (confirmation !== undefined) {
    if (CONFIRMATION[confirmation]) terms.confirmation = CONFIRMATION[confirmation];
    else problems.push({ tag: "49", message: `"${confirmation}" is not CONFIRM, MAY ADD or WITHOUT` });
  }
  text("58D", "requestedConfirmationParty");
  text("53D", "reimbursingBank");
  text("78", "instructionsToBank");
  text("57D", "adviseThroughBank");
  text("72Z", "senderToReceiverInformation");
  return { terms, problems };
}
