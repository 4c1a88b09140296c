import { FetchRequest, type JsonRpcApiProvider, JsonRpcProvider, Network, isError } from "ethers";
import { ANCHORS_OF_CHUNK, type AnchorRecord, connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import type { OnChainAnchor } from "./types";

// Reading batch roots from the AnchorRegistry contract. Browser-safe (ethers only): the public
// /verify page, the command-line verifier and the server all use it.

export interface AnchorReader {
  /** The contract's anchor of each root (keys lower-case), null for roots never anchored. */
  anchorsOf(roots: readonly string[]): Promise<Map<string, OnChainAnchor | null>>;
  /** The chain id the endpoint serves, asked of the node itself (not a cached guess). */
  chainId?(): Promise<bigint>;
}

/**
 * A provider for verifiers: the network is fixed (given, or detected once), so ethers does not
 * ask eth_chainId before every call, and concurrent reads share one HTTP batch.
 */
export function verifierProvider(rpcUrl: string, chainId?: bigint | number | string, timeoutMs = 30_000): JsonRpcProvider {
  const network = chainId === undefined ? undefined : Network.from(BigInt(chainId));
  const request = new FetchRequest(rpcUrl);
  request.timeout = timeoutMs; // ethers waits five minutes by default
  return new JsonRpcProvider(request, network, { staticNetwork: network ?? true, batchMaxCount: 20, cacheTimeout: -1 });
}

function toAnchor(record: AnchorRecord | null): OnChainAnchor | null {
  return record && { timestamp: record.timestamp, blockNumber: record.blockNumber, leafCount: record.leafCount, anchorer: record.anchorer };
}

/** ethers' error for a call to an address without code is "could not decode 0x": say what it means. */
function explain(error: unknown, contractAddress: string): unknown {
  if (isError(error, "BAD_DATA") && error.value === "0x") {
    return new Error(`No AnchorRegistry contract answers at ${contractAddress} on this endpoint: check the contract address and that the RPC endpoint serves the chain it was deployed on.`);
  }
  return error;
}

function reader(provider: JsonRpcApiProvider, contractAddress: string, read: (roots: string[]) => Promise<(AnchorRecord | null)[]>): AnchorReader {
  return {
    async anchorsOf(roots) {
      const unique = [...new Set(roots.map((r) => r.toLowerCase()))];
      const answers = new Map<string, OnChainAnchor | null>();
      if (unique.length === 0) return answers;
      let records: (AnchorRecord | null)[];
      try {
        records = await read(unique);
      } catch (error) {
        throw explain(error, contractAddress);
      }
      unique.forEach((root, i) => answers.set(root, toAnchor(records[i] ?? null)));
      return answers;
    },
    async chainId() {
      return BigInt((await provider.send("eth_chainId", [])) as string);
    },
  };
}

/** Reads every root with the contract's `anchorsOf`: one eth_call per chunk of roots. */
export function rpcAnchorReader(provider: JsonRpcApiProvider, contractAddress: string, chunkSize = ANCHORS_OF_CHUNK): AnchorReader {
  const registry = connectAnchorRegistry(contractAddress, provider);
  return reader(provider, contractAddress, (roots) => registry.anchorsOf(roots, { chunkSize }));
}

/** One `anchorOf` call per root, one after another: the naive way, kept as the benchmark's baseline. */
export function perRootAnchorReader(provider: JsonRpcApiProvider, contractAddress: string): AnchorReader {
  const registry = connectAnchorRegistry(contractAddress, provider);
  return reader(provider, contractAddress, async (roots) => {
    const records: (AnchorRecord | null)[] = [];
    for (const root of roots) records.push(await registry.anchorOf(root));
    return records;
  });
}
