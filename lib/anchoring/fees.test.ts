import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { FeeCapError, bumped, gweiToWei, initialFees, replacementFees } from "./fees";

const GWEI = 1_000_000_000n;
const policy = { maxFeePerGas: 50n * GWEI, priorityFeePerGas: 2n * GWEI };

describe("EIP-1559 fees under a cap", () => {
  it("offers twice the base fee plus the priority fee", () => {
    expect(initialFees(10n * GWEI, policy)).toEqual({ maxFeePerGas: 22n * GWEI, maxPriorityFeePerGas: 2n * GWEI });
  });

  it("never offers more than the cap", () => {
    expect(initialFees(30n * GWEI, policy)).toEqual({ maxFeePerGas: 50n * GWEI, maxPriorityFeePerGas: 2n * GWEI });
    expect(initialFees(50n * GWEI, policy)).toEqual({ maxFeePerGas: 50n * GWEI, maxPriorityFeePerGas: 2n * GWEI });
  });

  it("keeps the priority fee within the max fee when the cap is below the tip", () => {
    expect(initialFees(0n, { maxFeePerGas: GWEI, priorityFeePerGas: 2n * GWEI })).toEqual({ maxFeePerGas: GWEI, maxPriorityFeePerGas: GWEI });
  });

  it("refuses to send while the base fee alone is above the cap, and says so", () => {
    expect(() => initialFees(50n * GWEI + 1n, policy)).toThrow(FeeCapError);
    expect(() => initialFees(51n * GWEI, policy)).toThrow("the base fee (51 gwei) is above ANCHOR_MAX_FEE_GWEI (50 gwei): not sending until it comes down");
  });

  it("raises both fee fields of a replacement by at least an eighth, rounded up", () => {
    expect(bumped(8n)).toBe(9n);
    expect(bumped(9n)).toBe(11n); // 10.125 rounded up
    expect(bumped(0n)).toBe(0n);
    const previous = { maxFeePerGas: 10n * GWEI, maxPriorityFeePerGas: 2n * GWEI };
    // The base fee fell: the bump decides.
    expect(replacementFees(previous, GWEI, policy)).toEqual({ maxFeePerGas: 11_250_000_000n, maxPriorityFeePerGas: 2_250_000_000n });
  });

  it("offers a replacement at least what a first send would offer now", () => {
    const previous = { maxFeePerGas: 3n * GWEI, maxPriorityFeePerGas: GWEI };
    expect(replacementFees(previous, 20n * GWEI, policy)).toEqual({ maxFeePerGas: 42n * GWEI, maxPriorityFeePerGas: 2n * GWEI });
  });

  it("replaces up to the cap itself", () => {
    expect(replacementFees({ maxFeePerGas: 40n * GWEI, maxPriorityFeePerGas: 2n * GWEI }, GWEI, { ...policy, maxFeePerGas: 45n * GWEI })).toEqual({
      maxFeePerGas: 45n * GWEI,
      maxPriorityFeePerGas: 2_250_000_000n,
    });
  });

  it("names fees in gwei as configured, decimals kept", () => {
    const error = (() => {
      try {
        initialFees(10_050_000_000n, { ...policy, maxFeePerGas: 10n * GWEI });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.name).toBe("FeeCapError");
    expect(error?.message).toBe("the base fee (10.05 gwei) is above ANCHOR_MAX_FEE_GWEI (10 gwei): not sending until it comes down");
  });

  it("does not replace above the cap: the transaction waits at its fee", () => {
    const previous = { maxFeePerGas: 45n * GWEI, maxPriorityFeePerGas: 2n * GWEI };
    expect(() => replacementFees(previous, 10n * GWEI, policy)).toThrow("a replacement would need a max fee of 50.625 gwei, above ANCHOR_MAX_FEE_GWEI (50 gwei): the transaction waits at 45 gwei");
    expect(replacementFees({ maxFeePerGas: 44n * GWEI, maxPriorityFeePerGas: 2n * GWEI }, 10n * GWEI, policy)).toEqual({ maxFeePerGas: 49_500_000_000n, maxPriorityFeePerGas: 2_250_000_000n });
    expect(() => replacementFees({ maxFeePerGas: GWEI, maxPriorityFeePerGas: GWEI }, 60n * GWEI, policy)).toThrow("the base fee (60 gwei) is above ANCHOR_MAX_FEE_GWEI (50 gwei)");
  });

  it("reads configured gwei exactly", () => {
    expect(gweiToWei("1.5")).toBe(1_500_000_000n);
    expect(gweiToWei("0.000000001")).toBe(1n);
    expect(gweiToWei("100")).toBe(100n * GWEI);
  });
});

describe("the fee settings in configuration", () => {
  it("defaults to a 100 gwei cap, a 1.5 gwei tip, replacement after 3 minutes and a warning under 3 days", () => {
    const defaults = parseConfig({});
    expect([defaults.ANCHOR_MAX_FEE_GWEI, defaults.ANCHOR_PRIORITY_FEE_GWEI, defaults.ANCHOR_REPLACE_AFTER_MS, defaults.ANCHOR_BALANCE_WARN_DAYS]).toEqual(["100", "1.5", 180_000, 3]);
    expect(gweiToWei(parseConfig({ ANCHOR_MAX_FEE_GWEI: " 30.25 " }).ANCHOR_MAX_FEE_GWEI)).toBe(30_250_000_000n);
  });

  it("refuses an amount that is not gwei, naming the variable", () => {
    expect(() => parseConfig({ ANCHOR_MAX_FEE_GWEI: "30 gwei" })).toThrow(/ANCHOR_MAX_FEE_GWEI: expected an amount of gwei, such as 30 or 1\.5/);
    expect(() => parseConfig({ ANCHOR_PRIORITY_FEE_GWEI: "0.0000000001" })).toThrow("ANCHOR_PRIORITY_FEE_GWEI");
    expect(() => parseConfig({ ANCHOR_REPLACE_AFTER_MS: "10" })).toThrow("ANCHOR_REPLACE_AFTER_MS");
  });
});
