import { describe, expect, it } from "vitest";
import { examinePresentation } from "./index";
import { readTenor } from "./rules/drafts";
import { TEST_TERMS, presentation, rulesOf } from "./test-presentation";
import type { PresentedDocument } from "./types";

// Drafts (art. 6(c), 42C, 42a), beneficiary's certificates and inspection certificates (art. 14(f)).

const DRAFT = { number: "D-1", date: "2027-01-25", drawer: "Delta Pumps BV", drawee: "DBS Bank Ltd, Singapore", tenor: "At 60 days after bill of lading date", currency: "USD", amount: "125000.00" };
const draftTerms = { draftsAt: "60 DAYS AFTER B/L DATE", drawee: "DBS BANK LTD\nSINGAPORE", documentsRequired: [...TEST_TERMS.documentsRequired, { kind: "DRAFT" as const, originals: 1, copies: 0, details: "" }] };
const withDraft = (data: Record<string, unknown> = {}, terms: Record<string, unknown> = {}) =>
  presentation({ terms: { ...draftTerms, ...terms }, extra: [{ id: "doc-draft", kind: "DRAFT", originals: 1, copies: 0, data: { ...DRAFT, ...data } } satisfies PresentedDocument] });

describe("readTenor", () => {
  it("reads sight and days after an event", () => {
    expect(readTenor("AT SIGHT")).toEqual({ sight: true });
    expect(readTenor("60 DAYS AFTER B/L DATE")).toEqual({ sight: false, days: 60, after: "shipment" });
    expect(readTenor("at 90 days from invoice date")).toEqual({ sight: false, days: 90, after: "invoice" });
    expect(readTenor("30 days after sight")).toEqual({ sight: false, days: 30, after: "sight" });
    expect(readTenor("usance")).toBeNull();
  });
});

describe("drafts (art. 6(c), 42C, 42a)", () => {
  it("accepts a draft by the beneficiary on the credit's drawee at its tenor for the invoiced amount", () => {
    const result = examinePresentation(withDraft());
    expect(result.findings).toEqual([]);
    expect(result.checkByHand).toEqual([]);
  });

  it("refuses a draft drawn on the applicant (6(c)) or on another bank (42a)", () => {
    expect(examinePresentation(withDraft({ drawee: "Lion City Engineering Pte. Ltd." })).findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["draft-drawn-on-applicant 6(c)"]);
    expect(rulesOf(examinePresentation(withDraft({ drawee: "OCBC Bank, Singapore" })))).toEqual(["draft-drawee"]);
    const bic = examinePresentation(withDraft({ drawee: "OCBC Bank" }, { drawee: "DBSSSGSG" }));
    expect(bic.findings).toEqual([]);
    expect(bic.checkByHand.map((f) => f.rule)).toEqual(["draft-drawee"]);
    expect(examinePresentation(withDraft({ drawee: "DBS Bank (DBSSSGSG)" }, { drawee: "DBSSSGSG" })).checkByHand).toEqual([]);
  });

  it("refuses another tenor than 42C, and leaves a tenor it cannot read to the examiner", () => {
    const result = examinePresentation(withDraft({ tenor: "At sight" }));
    expect(rulesOf(result)).toEqual(["draft-tenor"]);
    expect(result.findings[0]).toMatchObject({ found: "At sight", expected: "60 DAYS AFTER B/L DATE" });
    expect(rulesOf(examinePresentation(withDraft({ tenor: "At 90 days after bill of lading date" })))).toEqual(["draft-tenor"]);
    expect(examinePresentation(withDraft({ tenor: "Usance as agreed" })).checkByHand.map((f) => f.rule)).toEqual(["draft-tenor"]);
  });

  it("refuses a draft not drawn by the beneficiary, or for another amount than the invoice's", () => {
    expect(rulesOf(examinePresentation(withDraft({ drawer: "Rotterdam Forwarding B.V." })))).toEqual(["draft-drawer"]);
    const amount = examinePresentation(withDraft({ amount: "120000.00" }));
    expect(rulesOf(amount)).toEqual(["draft-amount"]);
    expect(amount.findings[0]).toMatchObject({ found: "USD 120,000.00", expected: "USD 125,000.00" });
    expect(rulesOf(examinePresentation(withDraft({ currency: "EUR" })))).toEqual(["draft-amount"]);
  });
});

describe("beneficiary's certificate (art. 14(f))", () => {
  const required = "Certifying that one set of non-negotiable documents was sent to the applicant by courier within 2 days after shipment";
  const terms = { documentsRequired: [...TEST_TERMS.documentsRequired, { kind: "BENEFICIARY_CERTIFICATE" as const, originals: 1, copies: 0, details: required }] };
  const withCertificate = (data: Record<string, unknown>) =>
    presentation({ terms, extra: [{ id: "doc-cert", kind: "BENEFICIARY_CERTIFICATE", originals: 1, copies: 0, data: { date: "2027-01-22", issuer: "Delta Pumps B.V.", ...data } }] });

  it("accepts a certificate by the beneficiary stating what the credit requires", () => {
    const result = examinePresentation(withCertificate({ wording: "We certify that one set of non-negotiable documents was sent to the applicant by courier within 2 days after shipment." }));
    expect(result.findings).toEqual([]);
    expect(result.checkByHand).toEqual([]);
  });

  it("refuses another issuer or a certificate stating another figure; words otherwise are the examiner's", () => {
    expect(rulesOf(examinePresentation(withCertificate({ issuer: "Rotterdam Forwarding B.V.", wording: required })))).toEqual(["beneficiary-certificate-issuer"]);
    const figure = examinePresentation(withCertificate({ wording: "We certify that one set of non-negotiable documents was sent to the applicant by courier within 5 days after shipment" }));
    expect(figure.findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["beneficiary-certificate-content 14(f)"]);
    const worded = examinePresentation(withCertificate({ wording: "We certify that 1 set of copy documents went to the applicant by DHL within 2 days after shipment" }));
    expect(worded.findings).toEqual([]);
    expect(worded.checkByHand.map((f) => f.rule)).toEqual(["beneficiary-certificate-content"]);
  });
});

describe("inspection certificate (art. 14(f))", () => {
  const withInspection = (result: string) => presentation({ extra: [{ id: "doc-insp", kind: "INSPECTION_CERTIFICATE", originals: 1, copies: 0, data: { issuer: "SGS", date: "2027-01-15", result } }] });

  it("accepts a favourable result, including one that denies defects, and refuses an adverse one", () => {
    expect(examinePresentation(withInspection("Goods found in conformity with the order; no defects found")).findings).toEqual([]);
    const result = examinePresentation(withInspection("3 of 24 pumps not in conformity with the specification"));
    expect(result.findings.map((f) => `${f.rule} ${f.article}`)).toEqual(["inspection-result-adverse 14(f)"]);
  });
});
