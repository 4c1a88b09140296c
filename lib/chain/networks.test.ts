import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";
import { additionalNetworks, networkNames, networkPrefix, primaryNetworkName } from "./networks";

// The configuration of additional networks (issue 16): every variable checked, the ANCHOR_…
// defaults applied, and today's single-network environment unchanged.

const REG = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const ANCHORER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const KEY = `0x${"ab".repeat(32)}`;

function networks(env: Record<string, string>) {
  return additionalNetworks(env, parseConfig(env));
}

describe("additionalNetworks", () => {
  it("is empty without CHAIN_NETWORKS: one network, as before", () => {
    expect(networks({ CHAIN_RPC_URL: "http://127.0.0.1:8545" })).toEqual([]);
    expect(primaryNetworkName(11155111n, parseConfig({}))).toBe("chain-11155111");
    expect(primaryNetworkName(11155111n, parseConfig({ CHAIN_NAME: "sepolia" }))).toBe("sepolia");
  });

  it("reads each network's variables, with the ANCHOR_… defaults", () => {
    const env = {
      ANCHOR_SIGNER_KEY: KEY,
      ANCHOR_CONFIRMATIONS: "3",
      ANCHOR_MAX_FEE_GWEI: "40",
      CHAIN_NETWORKS: "Hoodi, base-sepolia,hoodi",
      CHAIN_HOODI_RPC_URL: "https://a.example, https://b.example",
      CHAIN_HOODI_CHAIN_ID: "560048",
      CHAIN_HOODI_CONTRACT_ADDRESS: REG.toLowerCase(),
      CHAIN_HOODI_FROM_BLOCK: "1200",
      CHAIN_HOODI_ALLOWED_ANCHORERS: ANCHORER.toLowerCase(),
      CHAIN_BASE_SEPOLIA_RPC_URL: "https://base.example",
      CHAIN_BASE_SEPOLIA_CHAIN_ID: "84532",
      CHAIN_BASE_SEPOLIA_CONTRACT_ADDRESS: REG,
      CHAIN_BASE_SEPOLIA_CONFIRMATIONS: "10",
      CHAIN_BASE_SEPOLIA_PRIORITY_FEE_GWEI: "0.01",
    };
    expect(networks(env)).toEqual([
      {
        name: "hoodi",
        rpcUrls: ["https://a.example", "https://b.example"],
        chainId: 560048n,
        contractAddress: REG,
        fromBlock: 1200,
        allowedAnchorers: [ANCHORER],
        signerKey: KEY,
        confirmations: 3,
        maxFeePerGas: 40_000_000_000n,
        priorityFeePerGas: 1_500_000_000n,
      },
      {
        name: "base-sepolia",
        rpcUrls: ["https://base.example"],
        chainId: 84532n,
        contractAddress: REG,
        fromBlock: 0,
        allowedAnchorers: null,
        signerKey: KEY,
        confirmations: 10,
        maxFeePerGas: 40_000_000_000n,
        priorityFeePerGas: 10_000_000n,
      },
    ]);
    expect(networkNames(" a,B ,,a")).toEqual(["a", "b"]);
    expect(networkPrefix("base-sepolia")).toBe("CHAIN_BASE_SEPOLIA_");
  });

  it("names every missing or bad variable", () => {
    const attempt = () => networks({ CHAIN_NAME: "sepolia", CHAIN_NETWORKS: "hoodi,sepolia,9x", CHAIN_HOODI_RPC_URL: "ftp://x", CHAIN_HOODI_CONTRACT_ADDRESS: "0x12" });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
      } catch (error) {
        return (error as Error).message;
      }
    })()!;
    expect(message).toContain("CHAIN_HOODI_RPC_URL: expected an http(s):// JSON-RPC URL");
    expect(message).toContain('CHAIN_HOODI_CHAIN_ID: required for network "hoodi" in CHAIN_NETWORKS');
    expect(message).toContain("CHAIN_HOODI_CONTRACT_ADDRESS: expected a 0x-prefixed 20-byte address");
    expect(message).toContain('CHAIN_NETWORKS: "sepolia" is the batch\'s own network (CHAIN_NAME)');
    expect(message).toContain('CHAIN_NETWORKS: "9x" is not a network name');
  });
});
