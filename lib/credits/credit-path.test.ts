import { describe, expect, it } from "vitest";
import { creditIdInPath, presentationIdInPath } from "./credit-path";

describe("creditIdInPath", () => {
  const id = "0191a0b2-8f3e-7c44-9a55-1234567890ab";

  it("finds the credit a page path names", () => {
    expect(creditIdInPath(`/credits/${id}`)).toBe(id);
    expect(creditIdInPath(`/credits/${id}/audit`)).toBe(id);
    expect(creditIdInPath(`/credits/${id}/presentations/abc`)).toBe(id);
    expect(creditIdInPath("/credits/not-a-credit")).toBe("not-a-credit");
  });

  it("ignores pages that name no credit", () => {
    expect(creditIdInPath("/credits")).toBeNull();
    expect(creditIdInPath("/credits/")).toBeNull();
    expect(creditIdInPath("/credits/new")).toBeNull();
    expect(creditIdInPath("/credits/import")).toBeNull();
    expect(creditIdInPath("/")).toBeNull();
    expect(creditIdInPath(null)).toBeNull();
  });
});

describe("presentationIdInPath", () => {
  it("reads the presentation of a presentation page, and nothing from other paths", () => {
    const id = "0191a0b2-8f3e-7c44-9a55-1234567890ab";
    expect(presentationIdInPath(`/credits/${id}/presentations/${id}`)).toBe(id);
    expect(presentationIdInPath(`/credits/${id}/presentations/x%20y`)).toBe("x y");
    expect(presentationIdInPath(`/credits/${id}`)).toBeNull();
    expect(presentationIdInPath(`/credits/${id}/presentations`)).toBeNull();
    expect(presentationIdInPath(`/presentations/${id}`)).toBeNull();
    expect(presentationIdInPath(null)).toBeNull();
  });
});
