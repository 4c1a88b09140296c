import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";

// SEED_DEMO_SIGNED_STEPS (issue 14): whether the demo seed turns signed steps on at the demo banks.

describe("SEED_DEMO_SIGNED_STEPS", () => {
  it("is on unless set", () => {
    expect(parseConfig({}).SEED_DEMO_SIGNED_STEPS).toBe(true);
  });

  it("reads off, false and 0 (any case, spaces around) as off", () => {
    for (const value of ["off", "false", "0", "OFF", " Off ", "False"]) expect(parseConfig({ SEED_DEMO_SIGNED_STEPS: value }).SEED_DEMO_SIGNED_STEPS, value).toBe(false);
  });

  it("reads on, true and 1 as on", () => {
    for (const value of ["on", "true", "1", "ON", "True"]) expect(parseConfig({ SEED_DEMO_SIGNED_STEPS: value }).SEED_DEMO_SIGNED_STEPS, value).toBe(true);
  });

  it("refuses anything else, naming the variable and what it expects", () => {
    expect(() => parseConfig({ SEED_DEMO_SIGNED_STEPS: "no" })).toThrow(/SEED_DEMO_SIGNED_STEPS: expected "on" or "off" \(or true\/false, 1\/0\) \(got "no"\)/);
    expect(() => parseConfig({ SEED_DEMO_SIGNED_STEPS: "" })).toThrow("SEED_DEMO_SIGNED_STEPS");
  });
});
