import { describe, expect, it } from "vitest";
import { companyNameKey, sameCompanyName } from "./names";

// ISBP 821 A1 and UCP 600 art. 14(j): generally accepted abbreviations of a legal form may stand
// for the full word, and capitals, punctuation and spacing do not make another party.

describe("company names (ISBP 821 A1, art. 14(j))", () => {
  it.each([
    ["Shanghai Widgets Limited", "Shanghai Widgets Ltd"],
    ["Shanghai Widgets Co., Ltd.", "SHANGHAI WIDGETS COMPANY LIMITED"],
    ["Acme Corporation", "ACME CORP."],
    ["Acme Incorporated", "Acme, Inc."],
    ["Delta Pumps B.V.", "DELTA PUMPS BV"],
    ["Lion City Engineering Pte Ltd", "Lion City Engineering Private Limited"],
    ["Lion City Engineering Pte. Ltd.", "lion  city   engineering pte ltd"],
    ["Smith & Sons Ltd", "Smith and Sons Limited"],
  ])("reads %s and %s as one party", (a, b) => {
    expect(sameCompanyName(a, b)).toBe(true);
  });

  it.each([
    ["Shanghai Widgets Ltd", "Shanghai Gadgets Ltd"],
    ["Delta Pumps B.V.", "Delta Trading B.V."],
    ["Acme Corp", "Acme Inc"],
    ["Shanghai Widgets Ltd", "Shanghai Widgets"],
  ])("keeps %s and %s apart", (a, b) => {
    expect(sameCompanyName(a, b)).toBe(false);
  });

  it("gives one key per legal form, whatever its spelling", () => {
    expect(companyNameKey("Shanghai Widgets Company Limited")).toBe(companyNameKey("Shanghai Widgets Co Ltd"));
  });
});
