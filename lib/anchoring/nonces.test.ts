import { makeError } from "ethers";
import { describe, expect, it } from "vitest";
import { isInsufficientFunds, isNonceSpent, isReplacementUnderpriced } from "./nonces";

// What nodes answer about nonces and funds, as ethers wraps it and as it comes raw.

describe("reading the node's refusals", () => {
  it("knows a spent nonce in ethers' code and in the node's own words", () => {
    expect(isNonceSpent(makeError("nonce has already been used", "NONCE_EXPIRED"))).toBe(true);
    expect(isNonceSpent({ error: { message: "nonce too low: next nonce 5, tx nonce 4" } })).toBe(true);
    expect(isNonceSpent(new Error("execution reverted"))).toBe(false);
    expect(isNonceSpent(null)).toBe(false);
    // Only codes and messages count, however deep the node's reply is wrapped, and not forever.
    expect(isNonceSpent({ code: "NONCE_EXPIRED" })).toBe(true);
    expect(isNonceSpent({ info: { error: { error: { message: "nonce too low" } } } })).toBe(true);
    expect(isNonceSpent({ data: "nonce too low" })).toBe(false);
    expect(isNonceSpent({ cause: { message: "nonce too low" } })).toBe(true);
    expect(isNonceSpent({ error: { error: { error: { error: { message: "nonce too low" } } } } })).toBe(true);
    const deep = { error: { error: { error: { error: { error: { error: { message: "nonce too low" } } } } } } };
    expect(isNonceSpent(deep)).toBe(false);
  });

  it("knows an underpriced replacement", () => {
    expect(isReplacementUnderpriced(makeError("replacement fee too low", "REPLACEMENT_UNDERPRICED"))).toBe(true);
    expect(isReplacementUnderpriced({ info: { error: { message: "replacement transaction underpriced" } } })).toBe(true);
    expect(isReplacementUnderpriced(new Error("nonce too low"))).toBe(false);
  });

  it("knows a want of funds", () => {
    expect(isInsufficientFunds(makeError("insufficient funds for intrinsic transaction cost", "INSUFFICIENT_FUNDS"))).toBe(true);
    expect(isInsufficientFunds({ message: "Insufficient funds for gas * price + value" })).toBe(true);
    expect(isInsufficientFunds({ code: "INSUFFICIENT_FUNDS", message: "" })).toBe(true);
    expect(isInsufficientFunds(new Error("nonce too low"))).toBe(false);
  });
});
