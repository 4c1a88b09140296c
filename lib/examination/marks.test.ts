import { describe, expect, it } from "vitest";
import { compareAddresses, compareMarks } from "./marks";

describe("compareMarks (ISBP 821 section A, shipping marks)", () => {
  it("finds the same marks in another layout, or with information added", () => {
    expect(compareMarks("LCE / SINGAPORE / C/NO. 1-24", "LCE SINGAPORE NOS. 1-24")).toBe("same");
    expect(compareMarks("LCE SINGAPORE 1-24", "LCE SINGAPORE 1-24 MADE IN THE NETHERLANDS")).toBe("same");
  });

  it("finds marks that leave out part of each other, and leaves N/M against marks undetermined", () => {
    expect(compareMarks("LCE SINGAPORE 1-24", "LCE SINGAPORE 1-20")).toBe("different");
    expect(compareMarks("N/M", "LCE SINGAPORE 1-24")).toBe("undetermined");
    expect(compareMarks("N/M", "no marks")).toBe("same");
  });
});

describe("compareAddresses (art. 14(j))", () => {
  const credit = "21 Tuas Avenue 3, Singapore 639413";
  it("finds the credit's address in another layout, with street words abbreviated", () => {
    expect(compareAddresses(credit, "21 TUAS AVE 3\nSINGAPORE 639413")).toBe("same");
  });

  it("finds another address, and leaves added words or contact details to the examiner", () => {
    expect(compareAddresses(credit, "12 Tuas Avenue 3, Singapore 639413")).toBe("different");
    expect(compareAddresses(credit, "21 Tuas Avenue 3, Singapore 639413, Tel +65 6861 0000")).toBe("undetermined");
  });
});
