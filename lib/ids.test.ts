import { describe, expect, it } from "vitest";
import { isUuid, uuidv7 } from "./ids";

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

describe("uuidv7", () => {
  it("is a version 7, variant 1 UUID whose first 48 bits are the time in milliseconds", () => {
    const at = Date.parse("2026-12-04T10:00:00.123Z");
    const id = uuidv7(at);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe("7");
    expect("89ab").toContain(id[19]);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
    expect(uuidv7(at)).not.toBe(id);
    expect(uuidv7(at + 1) > id).toBe(true);
  });
});
