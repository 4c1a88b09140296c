import type { JsonRpcProvider } from "ethers";
import { chainRpcOptions, requireSetting } from "@/lib/config";
import { makeProvider } from "./provider";

// The web process's read-only view of the chain (it never holds a signing key).

const globalForChain = globalThis as unknown as { __tradetrailChain?: { url: string; provider: JsonRpcProvider } };

export function appChain(): { provider: JsonRpcProvider; contractAddress: string } {
  const url = requireSetting("CHAIN_RPC_URL", "verification needs the chain's JSON-RPC URL");
  const contractAddress = requireSetting("ANCHOR_CONTRACT_ADDRESS", "verification needs the AnchorRegistry address");
  let cached = globalForChain.__tradetrailChain;
  if (!cached || cached.url !== url) {
    cached = { url, provider: makeProvider(url, chainRpcOptions()) };
    globalForChain.__tradetrailChain = cached;
  }
  return { provider: cached.provider, contractAddress };
}
