import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { DEFAULT_MAX_BLOCK_RANGE, DEFAULT_RETRY, DEFAULT_RPC_TIMEOUT_MS, ResilientJsonRpcProvider, backoffDelay, parseRpcUrls } from "./rpc-transport";

// The transport's pure parts; its behaviour against a misbehaving network is in
// tests/integration/rpc-resilience.test.ts (a fault proxy in front of anvil).

describe("parseRpcUrls", () => {
  it("reads one URL as today, and several separated by commas in order", () => {
    expect(parseRpcUrls("http://127.0.0.1:8545")).toEqual(["http://127.0.0.1:8545"]);
    expect(parseRpcUrls(" https://a.example/v3/k , https://b.example ,")).toEqual(["https://a.example/v3/k", "https://b.example"]);
    expect(() => parseRpcUrls(" , ")).toThrow("No JSON-RPC URL given");
  });
});

describe("backoffDelay", () => {
  const retry = { retries: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
  it("doubles from the base up to the cap, with full jitter", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, retry, () => 0.999999))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, retry, () => 0)).toBe(0);
    expect(backoffDelay(3, retry, () => 0.5)).toBe(200);
  });
});

describe("ResilientJsonRpcProvider", () => {
  it("has safe defaults: a 30 s timeout, 4 retries, 2,000-block log ranges", () => {
    const p = new ResilientJsonRpcProvider("http://127.0.0.1:9", 1);
    expect(p.urls).toEqual(["http://127.0.0.1:9"]);
    expect(p.timeoutMs).toBe(DEFAULT_RPC_TIMEOUT_MS);
    expect(p.retry).toEqual(DEFAULT_RETRY);
    expect(p.maxBlockRange).toBe(DEFAULT_MAX_BLOCK_RANGE);
    expect(p._getConnection().url).toBe("http://127.0.0.1:9");
    p.destroy();
  });

  it("fails over to the next URL and gives up after its retries with a transport error", async () => {
    const p = new ResilientJsonRpcProvider("http://127.0.0.1:9,http://127.0.0.1:10", 1, { staticNetwork: true, retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    await expect(p.getBlockNumber()).rejects.toMatchObject({ name: "RpcTransportError" });
    p.destroy();
  });
});

describe("configuration", () => {
  it("accepts one URL or a comma-separated list, and refuses a list with a bad entry", () => {
    expect(parseConfig({ CHAIN_RPC_URL: "http://127.0.0.1:8545" }).CHAIN_RPC_URL).toBe("http://127.0.0.1:8545");
    expect(parseConfig({ CHAIN_RPC_URL: "https://a.example,https://b.example" }).CHAIN_RPC_URL).toBe("https://a.example,https://b.example");
    expect(() => parseConfig({ CHAIN_RPC_URL: "https://a.example,ftp://b" })).toThrow("CHAIN_RPC_URL");
    const defaults = parseConfig({});
    expect([defaults.CHAIN_RPC_TIMEOUT_MS, defaults.CHAIN_RPC_RETRIES, defaults.CHAIN_RPC_BACKOFF_MS, defaults.CHAIN_RPC_BACKOFF_MAX_MS, defaults.CHAIN_RPC_MAX_BLOCK_RANGE]).toEqual([30_000, 4, 250, 10_000, 2_000]);
    expect(defaults.RECONCILE_MAX_BLOCK_RANGE).toBeUndefined();
  });
});
