import { describe, expect, it } from "vitest";
import { amendedFields, applyAmendment } from "./amend";
import { sampleTerms } from "./sample";
import type { Terms } from "./schema";

const base: Terms = sampleTerms({ latestShipmentDate: "2027-01-29", expiryDate: "2027-02-26" });

describe("amendments and the optional MT700 fields", () => {
  it("sees an optional field added, and one taken away", () => {
    const withInfo: Terms = { ...base, senderToReceiverInformation: "PLEASE ACKNOWLEDGE" };
    expect(amendedFields(base, withInfo)).toEqual(["senderToReceiverInformation"]);
    expect(amendedFields(withInfo, base)).toEqual(["senderToReceiverInformation"]);
  });

  it("applies an added field and a removed field, keeping what other amendments changed", () => {
    const current: Terms = { ...base, amount: "150000.00", reimbursingBank: "CITIBANK N.A.\nNEW YORK" };
    const added = applyAmendment(current, current, { ...current, senderToReceiverInformation: "PLEASE ACKNOWLEDGE" });
    expect(added).toMatchObject({ amount: "150000.00", reimbursingBank: "CITIBANK N.A.\nNEW YORK", senderToReceiverInformation: "PLEASE ACKNOWLEDGE" });
    const { reimbursingBank: _r, ...withoutBank } = current;
    const removed = applyAmendment(added, current, withoutBank);
    expect("reimbursingBank" in removed).toBe(false);
    expect(removed.senderToReceiverInformation).toBe("PLEASE ACKNOWLEDGE");
  });
});
