import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHECK_BY_HAND_ONLY, RULE_IDS } from "./catalogue";
import { examinePresentation } from "./index";
import { presentation } from "./test-presentation";


describe("the rule catalogue", () => {
  it("names every rule the engine's sources can report, and nothing else", () => {
    const dir = path.join(import.meta.dirname, "rules");
    const sources = [...fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => path.join(dir, f)), path.join(import.meta.dirname, "index.ts")];
    const ids = new Set(sources.flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(/rule: "([a-z0-9-]+)"/g)].map((m) => m[1]!)));
    expect([...ids].filter((id) => !(CHECK_BY_HAND_ONLY as readonly string[]).includes(id)).sort()).toEqual([...RULE_IDS].sort());
  });
});

describe("rules a bank checks by hand", () => {
  it("hands their findings to the examiner instead of the notice, and leaves the other rules alone", () => {
    const input = presentation({ data: { COMMERCIAL_INVOICE: { amount: "999999.00" }, BILL_OF_LADING: { portOfDischarge: "Port Klang" } } });
    const automatic = examinePresentation(input);
    expect(automatic.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["invoice-amount-exceeds-credit", "bill-of-lading-port-of-discharge"]));
    const manual = examinePresentation({ ...input, manualRules: ["invoice-amount-exceeds-credit"] });
    expect(manual.findings.map((f) => f.rule)).not.toContain("invoice-amount-exceeds-credit");
    expect(manual.findings.map((f) => f.rule)).toContain("bill-of-lading-port-of-discharge");
    expect(manual.checkByHand.map((f) => f.rule)).toContain("invoice-amount-exceeds-credit");
    expect(manual.compliant).toBe(false);
  });
});
