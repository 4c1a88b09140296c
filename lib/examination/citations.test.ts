import { describe, expect, it } from "vitest";
import { DOCUMENT_KINDS } from "@/lib/terms/schema";
import { CHECK_BY_HAND_ONLY, RULE_IDS } from "./catalogue";
import { ISBP_SECTIONS, RULE_CITATIONS, isIsbpCitation, isUcpArticle, isbpCitation, isbpCitationsIn, withIsbp } from "./citations";

describe("citation shapes", () => {
  it("reads UCP 600 articles 1 to 39 with their sub-articles, and nothing else", () => {
    for (const article of ["1", "6(c)", "14(d)", "20(a)(ii)", "27", "28(f)(iii)", "39"]) expect(isUcpArticle(article), article).toBe(true);
    for (const article of ["0", "40", "42C", "14d", "20(a)(ii", "art. 14(d)", "ISP98 4.16", ""]) expect(isUcpArticle(article), article).toBe(false);
  });

  it("reads ISBP 821 sections, and paragraphs only within a section's known count", () => {
    for (const c of ["section E", "section K", "A1", "E1(b)", "E5", "E28", "D1(b)(ii)", "K18", "K23", "L5", "B18", "C15"]) expect(isIsbpCitation(c), c).toBe(true);
    // E29 does not exist (section E ends at E28); L9, K24 neither; F, G, H, J, M, N, P, Q are cited by section only.
    for (const c of ["E29", "L9", "K24", "A42", "E0", "F3", "section I", "section O", "E6-E7", "L1-L8", "e5"]) expect(isIsbpCitation(c), c).toBe(false);
  });

  it("adds a citation before the message's full stop, and finds it again", () => {
    expect(withIsbp("The bill of lading is not clean.", "section E")).toBe("The bill of lading is not clean (ISBP 821 section E).");
    expect(withIsbp("No stop", "E5")).toBe("No stop (ISBP 821 E5)");
    expect(withIsbp("Uncited.", null)).toBe("Uncited.");
    expect(isbpCitationsIn("A (ISBP 821 D1(b)(ii)) and (ISBP 821 section K).")).toEqual(["D1(b)(ii)", "section K"]);
  });
});

describe("the rules' citations (citations.ts)", () => {
  it("lists every rule the engine can report", () => {
    expect(Object.keys(RULE_CITATIONS)).toEqual(expect.arrayContaining([...RULE_IDS, ...CHECK_BY_HAND_ONLY]));
  });

  it("cites only UCP 600 articles that exist and ISBP 821 paragraphs that exist in the section they belong to", () => {
    for (const [rule, citation] of Object.entries(RULE_CITATIONS)) {
      expect(citation.ucp.length, rule).toBeGreaterThan(0);
      for (const article of citation.ucp) expect(isUcpArticle(article), `${rule}: art. ${article}`).toBe(true);
      for (const kind of [null, ...DOCUMENT_KINDS]) {
        const c = isbpCitation(rule, kind);
        if (c !== null) expect(isIsbpCitation(c), `${rule} (${kind}): ${c}`).toBe(true);
      }
      for (const c of citation.alsoIsbp ?? []) expect(isIsbpCitation(c), `${rule}: ${c}`).toBe(true);
    }
  });

  it("cites by the document's own section where it cites by kind", () => {
    expect(isbpCitation("transport-document-signature", "AIR_WAYBILL")).toBe("section H");
    expect(isbpCitation("transport-document-signature", "COURIER_RECEIPT")).toBeNull();
    expect(isbpCitation("shipped-after-latest-shipment-date", "BILL_OF_LADING")).toBe("section E");
    expect(isbpCitation("bill-of-lading-signature", "BILL_OF_LADING")).toBe("E5");
    expect(isbpCitation("certificate-consignee-conflict", "CERTIFICATE_OF_ORIGIN")).toBe("L5");
    expect(Object.keys(ISBP_SECTIONS)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "Q"]);
  });
});
