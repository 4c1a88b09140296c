import { type BlockTag, type JsonRpcApiProvider, type JsonRpcProvider, Network, getAddress, isError } from "ethers";
import { type ResilientOptions, ResilientJsonRpcProvider } from "@/lib/chain/rpc-transport";
import { ANCHORS_OF_CHUNK, ANCHORER_ROLE, type AnchorRecord, anchorRegistryInterface, connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import type { ChainHead, OnChainAnchor } from "./types";

// Reading what the AnchorRegistry says. Browser-safe (ethers only): the public /verify page, the
// command-line verifier and the server all use it. Every read names a block, so one verdict sees
// one state of the chain.

export interface AnchorReader {
  /** The registry address this reader asks: verifiers show it to the person verifying. */
  readonly contractAddress: string;
  /** The contract's anchor of each root (keys lower-case), null for roots never anchored. */
  anchorsOf(roots: readonly string[], blockTag?: BlockTag): Promise<Map<string, OnChainAnchor | null>>;
  /** The chain id the endpoint serves, asked of the node itself (not a cached guess). */
  chainId?(): Promise<bigint>;
  /** The latest block number. */
  blockNumber?(): Promise<number>;
  /** 2 for a registry that publishes credit heads, 1 for one that does not. Throws when no registry answers. */
  registryVersion?(): Promise<number>;
  /** Every head published for `creditKey` in [fromBlock, toBlock], in chain order. */
  creditHeads?(creditKey: string, fromBlock: number, toBlock: number): Promise<ChainHead[]>;
  /** The transactions holding each root's RootAnchored log in [fromBlock, toBlock] (lower-case keys). */
  rootTransactions?(roots: readonly string[], fromBlock: number, toBlock: number): Promise<Map<string, string[]>>;
  /** Whether each account holds the anchorer role at `blockTag` (keys checksummed). */
  anchorerRoles?(accounts: readonly string[], blockTag: BlockTag): Promise<Map<string, boolean>>;
}

/**
 * A provider for verifiers: the network is fixed (given, or detected once), so ethers does not
 * ask eth_chainId before every call, and concurrent reads share one HTTP batch. `rpcUrl` may list
 * several endpoints separated by commas; requests are retried with backoff and fail over
 * (lib/chain/rpc-transport.ts), and log queries keep to `options.maxBlockRange` blocks each.
 */
export function verifierProvider(
  rpcUrl: string,
  chainId?: bigint | number | string,
  timeoutMs = 30_000, // ethers waits five minutes by default
  options: Pick<ResilientOptions, "retry" | "maxBlockRange"> = {},
): JsonRpcProvider {
  const network = chainId === undefined ? undefined : Network.from(BigInt(chainId));
  return new ResilientJsonRpcProvider(rpcUrl, network, { ...options, timeoutMs, staticNetwork: network ?? true, batchMaxCount: 20, cacheTimeout: -1 });
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

function reader(provider: JsonRpcApiProvider, contractAddress: string, read: (roots: string[], blockTag?: BlockTag) => Promise<(AnchorRecord | null)[]>): AnchorReader {
  const registry = connectAnchorRegistry(contractAddress, provider);
  const address = getAddress(contractAddress);
  return {
    contractAddress: address,
    async anchorsOf(roots, blockTag) {
      const unique = [...new Set(roots.map((r) => r.toLowerCase()))];
      const answers = new Map<string, OnChainAnchor | null>();
      // Stryker disable next-line ConditionalExpression: a shortcut; both reads answer no roots with no records and no request
      if (unique.length === 0) return answers;
      let records: (AnchorRecord | null)[];
      try {
        records = await read(unique, blockTag);
      } catch (error) {
        throw explain(error, address);
      }
      unique.forEach((root, i) => answers.set(root, toAnchor(records[i] ?? null)));
      return answers;
    },
    async chainId() {
      return BigInt((await provider.send("eth_chainId", [])) as string);
    },
    async blockNumber() {
      return Number(BigInt((await provider.send("eth_blockNumber", [])) as string));
    },
    async registryVersion() {
      const call = (name: "ANCHORER_ROLE" | "VERSION") => provider.call({ to: address, data: anchorRegistryInterface.encodeFunctionData(name) }).catch(() => "0x");
      const [role, version] = await Promise.all([call("ANCHORER_ROLE"), call("VERSION")]);
      if (role !== ANCHORER_ROLE) {
        throw new Error(`No AnchorRegistry contract answers at ${address} on this endpoint: check the contract address and that the RPC endpoint serves the chain it was deployed on.`);
      }
      return version === "0x" ? 1 : Number(BigInt(version));
    },
    async creditHeads(creditKey, fromBlock, toBlock) {
      const heads = await registry.creditHeads([creditKey], fromBlock, toBlock);
      return heads.map((h) => ({ seq: h.seq, digest: h.digest, blockNumber: h.blockNumber, txHash: h.txHash.toLowerCase() }));
    },
    async rootTransactions(roots, fromBlock, toBlock) {
      const logs = await registry.rootLogs(roots, fromBlock, toBlock);
      const byRoot = new Map<string, string[]>();
      for (const log of logs) byRoot.set(log.root, [...(byRoot.get(log.root) ?? []), log.txHash.toLowerCase()]);
      return byRoot;
    },
    async anchorerRoles(accounts, blockTag) {
      const unique = [...new Set(accounts.map((a) => getAddress(a)))];
      const answers = await Promise.all(
        unique.map(async (account) => {
          const data = anchorRegistryInterface.encodeFunctionData("hasRole", [ANCHORER_ROLE, account]);
          const result = await provider.call({ to: address, data, blockTag });
          return [account, BigInt(result) === 1n] as const;
        }),
      );
      return new Map(answers);
    },
  };
}

/** Reads every root with the contract's `anchorsOf`: one eth_call per chunk of roots. */
export function rpcAnchorReader(provider: JsonRpcApiProvider, contractAddress: string, chunkSize = ANCHORS_OF_CHUNK): AnchorReader {
  const registry = connectAnchorRegistry(contractAddress, provider);
  return reader(provider, contractAddress, (roots, blockTag) => registry.anchorsOf(roots, { chunkSize, blockTag }));
}

/** One `anchorOf` call per root, one after another: the naive way, kept as the benchmark's baseline. */
export function perRootAnchorReader(provider: JsonRpcApiProvider, contractAddress: string): AnchorReader {
  const registry = connectAnchorRegistry(contractAddress, provider);
  return reader(provider, contractAddress, async (roots, blockTag) => {
    const records: (AnchorRecord | null)[] = [];
    for (const root of roots) records.push(await registry.anchorOf(root, blockTag));
    return records;
  });
}
