import { AbiCoder, keccak256, toUtf8Bytes } from "ethers";
import { describe, expect, it } from "vitest";
import { CREDIT_KEY_DOMAIN, creditKey } from "./credit-key";

// The key the registry publishes a credit's heads under. Verifiers derive it themselves from the
// credit id in a proof bundle: the vector pins it, and changing it orphans every published head.

const CREDIT_ID = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

describe("creditKey", () => {
  it("uses the domain keccak256(\"TradeTrail.CreditKey.v2\")", () => {
    expect(CREDIT_KEY_DOMAIN).toBe(keccak256(toUtf8Bytes("TradeTrail.CreditKey.v2")));
  });

  it("is keccak256(abi.encode(bytes32 domain, string creditId)), lower-case hex", () => {
    const expected = keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "string"], [keccak256(toUtf8Bytes("TradeTrail.CreditKey.v2")), CREDIT_ID]));
    expect(creditKey(CREDIT_ID)).toBe(expected);
    expect(creditKey(CREDIT_ID)).toMatch(/^0x[0-9a-f]{64}$/);
    expect(creditKey(`${CREDIT_ID.slice(0, -1)}c`)).not.toBe(expected);
  });

  it("matches the ABI encoding for ids of every length around the 32-byte word boundaries, and multi-byte UTF-8", () => {
    const abi = (creditId: string) => keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "string"], [CREDIT_KEY_DOMAIN, creditId]));
    for (const length of [1, 31, 32, 33, 63, 64, 65, 255, 256, 300]) {
      const creditId = "x".repeat(length);
      expect(creditKey(creditId), `length ${length}`).toBe(abi(creditId));
    }
    expect(creditKey("crédit-€-信用证")).toBe(abi("crédit-€-信用证"));
  });

  it("refuses an empty credit id", () => {
    expect(() => creditKey("")).toThrow(new TypeError("A credit key needs the credit's id"));
    expect(creditKey("x")).toMatch(/^0x[0-9a-f]{64}$/);
  });
});
