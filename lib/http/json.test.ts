import { describe, expect, it } from "vitest";
import { stringify } from "./json";

describe("stringify", () => {
  it("writes bigints as strings, wherever they are", () => {
    expect(stringify({ block: 19_000_000n, nested: [{ gas: 21_000n, note: "x" }] })).toBe('{"block":"19000000","nested":[{"gas":"21000","note":"x"}]}');
  });

  it("writes what JSON.stringify writes when there is no bigint", () => {
    const page = { items: [{ id: "a", updatedAt: new Date(Date.UTC(2026, 10, 25)), amount: "10.5", creditNumber: null }], next: null };
    expect(stringify(page)).toBe(JSON.stringify(page));
  });

  it("still refuses what cannot be JSON", () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => stringify(loop)).toThrow(/circular/);
  });
});
