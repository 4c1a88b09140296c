import { describe, expect, it } from "vitest";
import { EUCP_REFUSAL_STATEMENT, formatRefusal, meetsRecordFormats, recordFormats } from "./eucp-rules";
import { completeOn } from "./eucp";

describe("eUCP art. e5: the formats a credit accepts for electronic records", () => {
  it("accepts any format when the credit names none", () => {
    expect(meetsRecordFormats("image/png", undefined)).toBe(true);
    expect(recordFormats(undefined)).toEqual([]);
  });
  it("accepts a record whose file family is named, a version of it included (PDF/A-3 is a PDF)", () => {
    expect(meetsRecordFormats("application/pdf", "PDF, XML")).toBe(true);
    expect(meetsRecordFormats("application/pdf", "PDF/A-3")).toBe(true);
    expect(meetsRecordFormats("image/jpeg", "JPG")).toBe(true);
  });
  it("refuses a record in a format the credit does not name, saying which it accepts", () => {
    expect(meetsRecordFormats("image/png", "PDF, XML")).toBe(false);
    expect(meetsRecordFormats("application/pdf", "XML")).toBe(false);
    expect(formatRefusal("image/png", "PDF, XML")).toBe("The credit accepts electronic records as PDF, XML (eUCP art. e5): this file is PNG.");
  });
});

describe("a mixed presentation is complete once its paper is at the counter", () => {
  it("counts from the notice, or from the last paper document received after it", () => {
    expect(completeOn("2026-12-03", [])).toBe("2026-12-03");
    expect(completeOn("2026-12-03", ["2026-12-01", "2026-12-02"])).toBe("2026-12-03");
    expect(completeOn("2026-12-03", ["2026-12-07", "2026-12-04"])).toBe("2026-12-07");
  });
});

describe("eUCP art. e8: the notice of refusal", () => {
  it("counts from the notice of completeness and says what happens to the records after 30 days", () => {
    expect(EUCP_REFUSAL_STATEMENT).toContain("notice of completeness (eUCP art. e7(a)(i))");
    expect(EUCP_REFUSAL_STATEMENT).toContain("within 30 calendar days");
    expect(EUCP_REFUSAL_STATEMENT).toContain("return any paper documents not previously returned");
    expect(EUCP_REFUSAL_STATEMENT).toContain("(eUCP art. e8)");
  });
});
