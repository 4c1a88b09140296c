import { describe, expect, it } from "vitest";
import { WEBHOOK_RETRY, webhookRetryDelayMs } from "./sender";
import { webhookUrl } from "./subscriptions";

describe("the webhook retry schedule", () => {
  it("doubles from 10 s to at most an hour, taking a random 50-100 % of each ceiling", () => {
    expect([1, 2, 3, 4, 5].map((n) => webhookRetryDelayMs(n, () => 1))).toEqual([10_000, 20_000, 40_000, 80_000, 160_000]);
    expect([1, 2, 3].map((n) => webhookRetryDelayMs(n, () => 0))).toEqual([5_000, 10_000, 20_000]);
    expect(webhookRetryDelayMs(20, () => 1)).toBe(3_600_000);
    expect(webhookRetryDelayMs(20, () => 0)).toBe(1_800_000);
  });

  it("spreads the attempts of a receiver that never answers over 45 to 85 minutes, as docs/API.md says", () => {
    const total = (random: () => number) => Array.from({ length: WEBHOOK_RETRY.maxAttempts - 1 }, (_, i) => webhookRetryDelayMs(i + 1, random)).reduce((a, b) => a + b, 0);
    expect(total(() => 0) / 60_000).toBeGreaterThanOrEqual(42);
    expect(total(() => 1) / 60_000).toBeLessThanOrEqual(86);
  });
});

describe("a webhook's address", () => {
  it("is https, or http to this machine outside production", () => {
    expect(webhookUrl("https://erp.bank.example/hook", true)).toBe("https://erp.bank.example/hook");
    expect(webhookUrl("http://localhost:4000/hook", false)).toBe("http://localhost:4000/hook");
    expect(webhookUrl("http://[::1]:4000/hook", false)).toBe("http://[::1]:4000/hook");
    expect(() => webhookUrl("http://localhost:4000/hook", true)).toThrow(/must use https/);
    expect(() => webhookUrl("http://erp.bank.example/hook", false)).toThrow(/http only to localhost/);
    expect(() => webhookUrl("https://user:secret@erp.bank.example/hook", true)).toThrow(/user name or password/);
    expect(() => webhookUrl("https://erp.bank.example/hook#x", true)).toThrow(/fragment/);
    expect(() => webhookUrl("erp.bank.example", true)).toThrow(/not a valid address/);
  });
});
