import { type JsonRpcProvider, type Provider, NonceManager, type TransactionRequest, type TransactionResponse, Network, Wallet } from "ethers";
import { countRpcError } from "@/lib/observability/metrics";
import { type ResilientOptions, ResilientJsonRpcProvider, parseRpcUrls } from "./rpc-transport";

// JSON-RPC access to any EVM chain: a local anvil in development and tests, a testnet or
// mainnet endpoint in production.

export interface ProviderOptions {
  /** Most requests sent in one JSON-RPC batch (1 disables batching; some hosted RPCs cap batches). */
  batchMaxCount?: number;
  /** How long requests are collected into a batch, in ms. */
  batchStallTime?: number;
  /** How often transactions and blocks are polled, in ms; defaults to 100 on loopback, 4000 elsewhere. */
  pollingInterval?: number;
  /**
   * The chain id, when known: skips network detection, so a chain that is down makes calls
   * fail at once instead of ethers logging "failed to detect network" every second.
   */
  chainId?: bigint | number;
  /** Per HTTP request, in ms (default 30 s). */
  timeoutMs?: number;
  /** Retries with backoff on 429s, timeouts and dropped connections (lib/chain/rpc-transport.ts). */
  retry?: ResilientOptions["retry"];
  /** Most blocks per eth_getLogs (default 2,000): wider queries are split. */
  maxBlockRange?: number;
  /** Told of each failed attempt (default: counted in tradetrail_rpc_errors_total). */
  onFailure?: ResilientOptions["onFailure"];
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** Whether the URL points at this machine (anvil mines instantly there, so poll often). */
export function isLoopbackUrl(rpcUrl: string): boolean {
  try {
    return LOOPBACK.test(new URL(rpcUrl).hostname);
  } catch {
    return false;
  }
}

/**
 * A provider for `rpcUrl`: one JSON-RPC URL, or several separated by commas (failover, in order
 * of preference). Requests that meet a 429, a timeout or a dropped connection are retried with
 * backoff, on the next endpoint first (lib/chain/rpc-transport.ts).
 */
export function makeProvider(rpcUrl: string | readonly string[], options: ProviderOptions = {}): JsonRpcProvider {
  const urls = parseRpcUrls(rpcUrl);
  const network = options.chainId === undefined ? undefined : Network.from(BigInt(options.chainId));
  return new ResilientJsonRpcProvider(urls, network, {
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    maxBlockRange: options.maxBlockRange,
    onFailure: options.onFailure ?? countRpcError,
    staticNetwork: network ?? null,
    batchMaxCount: options.batchMaxCount ?? 100,
    // Requests issued together (Promise.all) still go as one JSON-RPC batch; a lone request no
    // longer waits 10 ms for company, which cost the worker ~100 ms per batch (bench/anchoring.ts).
    batchStallTime: options.batchStallTime ?? 0,
    pollingInterval: options.pollingInterval ?? (urls.every(isLoopbackUrl) ? 100 : 4_000),
    // ethers answers a repeated request from a 250 ms cache by default: a nonce, a gas estimate
    // or isAnchored read right after a transaction would be stale (seen: reused nonces, and
    // an estimate that hid an AlreadyAnchored revert). Every read goes to the node.
    cacheTimeout: -1,
  });
}

/**
 * ethers' NonceManager, but sends one transaction at a time, re-reads the nonce after a failed
 * send, and sends a transaction that names its own nonce with that nonce. The stock one counts a nonce before gas estimation, so a reverted call (say
 * AlreadyAnchored) would leave a gap and every later transaction would wait forever.
 */
export class SerialNonceManager extends NonceManager {
  #queue: Promise<unknown> = Promise.resolve();

  override connect(provider: Provider | null): SerialNonceManager {
    return new SerialNonceManager(this.signer.connect(provider));
  }

  override sendTransaction(tx: TransactionRequest): Promise<TransactionResponse> {
    const sent = this.#queue.then(() => this.#send(tx));
    this.#queue = sent.catch(() => {});
    return sent;
  }

  async #send(tx: TransactionRequest): Promise<TransactionResponse> {
    if (tx.nonce !== undefined && tx.nonce !== null) {
      // The caller manages nonces (the anchoring worker: lib/anchoring/nonces.ts): the nonce it
      // chose is sent as is (a replacement re-uses one), and the count is re-read next time.
      try {
        return await this.signer.sendTransaction(tx);
      } finally {
        this.reset();
      }
    }
    try {
      return await super.sendTransaction(tx);
    } catch (error) {
      // Serialised, so the node's pending count is exact: earlier sends have all reached it.
      this.reset();
      throw error;
    }
  }
}

/** A signer for `privateKey` on `provider` whose nonces stay in order across many sends. */
export function makeSigner(privateKey: string, provider: Provider): SerialNonceManager {
  return new SerialNonceManager(new Wallet(privateKey, provider));
}

export async function chainIdOf(provider: Provider): Promise<bigint> {
  return (await provider.getNetwork()).chainId;
}
