import { describe, expect, it } from "vitest";
import { examinePresentation } from "./index";
import { TEST_TERMS, presentation, rulesOf } from "./test-presentation";

describe("required documents (art. 14a)", () => {
  it("reports each required document that is missing, once", () => {
    const result = examinePresentation(presentation({ data: { CERTIFICATE_OF_ORIGIN: null, PACKING_LIST: null } }));
    expect(rulesOf(result)).toEqual(["required-document-missing", "required-document-missing"]);
    expect(result.findings.map((f) => f.message)).toEqual(["Packing list required by the credit was not presented.", "Certificate of origin required by the credit was not presented."]);
  });

  it("counts 'other' documents against the number the credit lists", () => {
    const terms = {
      documentsRequired: [...TEST_TERMS.documentsRequired, { kind: "OTHER" as const, originals: 1, copies: 0, details: "Beneficiary's certificate" }, { kind: "OTHER" as const, originals: 1, copies: 0, details: "Shipping company's certificate" }],
    };
    const other = (id: string) => ({ id, kind: "OTHER" as const, originals: 1, copies: 0, data: { title: "Certificate" } });
    const one = examinePresentation(presentation({ terms, extra: [other("o1")] }));
    expect(rulesOf(one)).toEqual(["required-document-missing"]);
    expect(one.findings[0]).toMatchObject({ found: "1 presented", expected: "2 documents of this type" });
    expect(examinePresentation(presentation({ terms, extra: [other("o1"), other("o2")] })).findings).toEqual([]);
  });

  it("disregards documents the credit does not call for (art. 14g)", () => {
    const extra = [{ id: "x", kind: "INSPECTION_CERTIFICATE" as const, originals: 1, copies: 0, data: { issuer: "SGS", date: "2027-01-15", result: "Conforms" } }];
    expect(examinePresentation(presentation({ extra })).findings).toEqual([]);
  });
});

describe("originals and copies (art. 17)", () => {
  it("refuses fewer originals than the credit stipulates", () => {
    const result = examinePresentation(presentation({ counts: { COMMERCIAL_INVOICE: { originals: 2, copies: 3 } } }));
    expect(rulesOf(result)).toEqual(["originals-short"]);
    expect(result.findings[0]).toMatchObject({ article: "17(a)", documentId: "doc-invoice", found: "2 originals", expected: "3 originals" });
  });

  it("accepts originals in place of copies, but not fewer documents in all (art. 17d)", () => {
    expect(examinePresentation(presentation({ counts: { PACKING_LIST: { originals: 3, copies: 0 } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ counts: { PACKING_LIST: { originals: 1, copies: 1 } } }));
    expect(rulesOf(result)).toEqual(["copies-short"]);
    expect(result.findings[0]).toMatchObject({ article: "17(d)", found: "1 original, 1 copy", expected: "1 original, 2 copies" });
  });

  it("accepts copies alone when the credit asks only for copies", () => {
    const terms = { documentsRequired: TEST_TERMS.documentsRequired.map((d) => (d.kind === "PACKING_LIST" ? { ...d, originals: 0, copies: 2 } : d)) };
    expect(examinePresentation(presentation({ terms, counts: { PACKING_LIST: { originals: 0, copies: 2 } } })).findings).toEqual([]);
  });
});

describe("document dates (art. 14i)", () => {
  it("accepts documents dated before the credit or on the day of presentation, not after it", () => {
    expect(examinePresentation(presentation({ data: { CERTIFICATE_OF_ORIGIN: { date: "2026-06-01" }, PACKING_LIST: { date: "2027-02-01" } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ data: { CERTIFICATE_OF_ORIGIN: { date: "2027-02-02" } } }));
    expect(rulesOf(result)).toEqual(["dated-after-presentation"]);
    expect(result.findings[0]).toMatchObject({ article: "14(i)", documentId: "doc-origin", found: "2027-02-02", expected: "On or before 2027-02-01" });
  });
});
