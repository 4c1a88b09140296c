import { describe, expect, it } from "vitest";
import { ACTION_NAMES, actionRule } from "./definition";
import { ACTION_DONE, CANCELLATION_WORDING, actionWording } from "./words";

describe("actionWording", () => {
  it("uses the definition's label and confirmation for ordinary steps", () => {
    for (const name of ACTION_NAMES) {
      const rule = actionRule(name);
      expect(actionWording(name)).toEqual({ label: rule.label, confirm: "confirm" in rule ? rule.confirm : undefined });
    }
  });

  it("speaks of cancelling the credit when the beneficiary accepts a cancellation request (bug 9)", () => {
    const accept = actionWording("acceptAmendment", { cancellation: true });
    expect(accept.label).toBe("Consent to cancellation");
    expect(accept.confirm).toMatch(/cancelling the credit/);
    expect(accept.confirm).not.toMatch(/terms change|amendment as a whole/);
    expect(actionWording("rejectAmendment", { cancellation: true }).confirm).toMatch(/refuse to cancel the credit/);
  });

  it("only rewords amendment steps", () => {
    for (const name of Object.keys(CANCELLATION_WORDING) as (keyof typeof CANCELLATION_WORDING)[]) {
      expect(actionRule(name).subject).toBe("amendment");
      expect(ACTION_DONE[name]).toBeTruthy();
    }
  });
});
