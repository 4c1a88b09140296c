import { describe, expect, it } from "vitest";
import { certificateMilestoneLine, certificateStatusLine } from "./certificate-text";

// Bug 9: the certificate printed raw enum names (TERMS_AGREED, ADVISED), "USD 262000" and ISO
// timestamps, unlike every page of the app.

describe("the audit certificate's lines", () => {
  it("names the status in words and formats money with the currency's minor units", () => {
    expect(certificateStatusLine({ status: "ADVISED", currency: "USD", amount: "262000", drawnAmount: "0" })).toBe("Status: Advised    Amount: USD 262,000.00    Drawn: USD 0.00");
    expect(certificateStatusLine({ status: "SETTLED", currency: "JPY", amount: "15000000", drawnAmount: "15000000" })).toBe("Status: Settled    Amount: JPY 15,000,000    Drawn: JPY 15,000,000");
    expect(certificateStatusLine({ status: "ISSUED", currency: "BHD", amount: "1250.5", drawnAmount: "0" })).toContain("Amount: BHD 1,250.500");
  });

  it("names each milestone in words, with the app's date format", () => {
    const line = certificateMilestoneLine({ seq: 1, kind: "TERMS_AGREED", status: "verified" }, { createdAt: new Date("2027-03-15T14:05:09Z"), actorOrg: "Delta Pumps B.V." });
    expect(line).toBe("1. Terms agreed - VERIFIED - recorded 15 Mar 2027, 14:05 UTC by Delta Pumps B.V.");
    expect(line).not.toMatch(/[A-Z]+_[A-Z]+/);
    expect(certificateMilestoneLine({ seq: 7, kind: "PAYMENT_RECORDED", status: "pending" })).toBe("7. Payment recorded - PENDING");
  });
});
