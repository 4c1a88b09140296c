import { describe, expect, it } from "vitest";
import { examiningBank, placeOfPresentation } from "./place-of-presentation";

// Issue 13, item 7: the bank that examines a presentation, on its own calendar: the nominated or
// confirming bank the credit is available with (41a), else the issuing bank (UCP 600 arts. 12, 14(b)).

const credit = { issuingBankId: "issuer", advisingBankId: "adviser", confirmingBankId: null as string | null };

describe("examiningBank", () => {
  it("a credit available with the issuing bank is examined there, whoever confirmed it", () => {
    expect(examiningBank(credit, { availableWith: "ISSUING_BANK" })).toEqual({ bankId: "issuer", party: "issuingBank", capacity: "ISSUING" });
    expect(examiningBank({ ...credit, confirmingBankId: "adviser" }, { availableWith: "ISSUING_BANK" })).toEqual({ bankId: "issuer", party: "issuingBank", capacity: "ISSUING" });
  });

  it("a credit available with the advising bank, or with any bank, is examined by the advising bank as nominated bank", () => {
    for (const availableWith of ["ADVISING_BANK", "ANY_BANK"] as const) {
      expect(examiningBank(credit, { availableWith })).toEqual({ bankId: "adviser", party: "advisingBank", capacity: "NOMINATED" });
    }
  });

  it("as confirming bank where it added its confirmation; a confirmation by another bank does not make it confirming", () => {
    expect(examiningBank({ ...credit, confirmingBankId: "adviser" }, { availableWith: "ADVISING_BANK" })).toEqual({ bankId: "adviser", party: "advisingBank", capacity: "CONFIRMING" });
    expect(examiningBank({ ...credit, confirmingBankId: "elsewhere" }, { availableWith: "ADVISING_BANK" }).capacity).toBe("NOMINATED");
  });

  it("is always the bank at the place of presentation", () => {
    for (const availableWith of ["ISSUING_BANK", "ADVISING_BANK", "ANY_BANK"] as const) {
      expect(examiningBank(credit, { availableWith }).bankId).toBe(placeOfPresentation({ availableWith }, credit));
    }
  });
});
