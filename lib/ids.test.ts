import { describe, expect, it } from "vitest";
import { isUuid } from "./ids";

describe("isUuid", () => {
  it("accepts UUIDs in either case", () => {
    expect(isUuid("0191a0b2-8f3e-7c44-9a55-1234567890ab")).toBe(true);
    expect(isUuid("0191A0B2-8F3E-7C44-9A55-1234567890AB")).toBe(true);
  });

  it("refuses UUID-shaped junk that PostgreSQL would refuse with an error", () => {
    for (const junk of ["-".repeat(36), "0191a0b2-8f3e-7c44-9a55-1234567890a", "0191a0b2-8f3e-7c44-9a55-1234567890abc", "0191a0b28f3e7c449a551234567890ab----", "0191a0b2-8f3e-7c44-9a55_1234567890ab", "g191a0b2-8f3e-7c44-9a55-1234567890ab", " 0191a0b2-8f3e-7c44-9a55-1234567890ab", "0191a0b2-8f3e-7c44-9a55-1234567890ab\n", "", "not-a-credit"]) {
      expect(isUuid(junk), JSON.stringify(junk)).toBe(false);
    }
    expect(isUuid(undefined)).toBe(false);
    expect(isUuid(42)).toBe(false);
  });
});
