import {
  FetchRequest,
  type Filter,
  type FilterByBlockHash,
  JsonRpcProvider,
  type JsonRpcApiProviderOptions,
  type JsonRpcError,
  type JsonRpcPayload,
  type JsonRpcResult,
  type Log,
  type Networkish,
  keccak256,
} from "ethers";

// JSON-RPC over HTTP as public networks serve it: several endpoints, any of which may answer 429,
// time out, drop the connection or refuse a wide eth_getLogs range. Browser-safe (ethers only).
//
// Why not ethers' FallbackProvider: it asks a quorum of endpoints for each read and broadcasts a
// transaction to every endpoint, and it is not a JsonRpcProvider (no `send` for raw methods).
// Here each request goes to one endpoint, the healthiest first; a failed request moves on to the
// next endpoint, then every endpoint is tried again after an exponential backoff (capped, with
// full jitter). The provider stays a JsonRpcProvider: the worker, the verifiers and the
// reconciliation use it as they used a single-URL one.
//
// Sends: eth_sendRawTransaction carries a signed transaction whose nonce the signer chose (the
// worker manages nonces), so sending the same bytes again can never spend a second nonce. When
// an attempt may have reached a node (a timeout, a connection dropped after the request went out)
// and the retry is refused (already known, nonce too low), the transaction's own hash is asked
// for: a node that knows it means the first attempt went through, and its hash is the answer.

export interface RetrySettings {
  /** Rounds over every endpoint after the first (0: no retry). */
  retries: number;
  /** The first backoff, in ms; each later one doubles, up to `maxDelayMs`, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetrySettings = { retries: 4, baseDelayMs: 250, maxDelayMs: 10_000 };
/** ethers waits five minutes by default; a hosted RPC that has not answered in 30 s will not. */
export const DEFAULT_RPC_TIMEOUT_MS = 30_000;
/** Most blocks one eth_getLogs asks for by default: many hosted RPCs cap ranges at 10,000 or less. */
export const DEFAULT_MAX_BLOCK_RANGE = 2_000;

export interface ResilientOptions {
  /** Per HTTP request, in ms. */
  timeoutMs?: number;
  retry?: Partial<RetrySettings>;
  /** Most blocks per eth_getLogs: wider queries are split; a range the node refuses is halved. */
  maxBlockRange?: number;
  /** Waits between retries (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
  /** Told of every failed attempt, by kind (the server counts them: lib/observability/metrics.ts). Browser-safe: a plain callback. */
  onFailure?: (kind: RpcFailureKind) => void;
  random?: () => number;
}

/**
 * What went wrong with one attempt: rate_limited (429, or a JSON-RPC "slow down"), timeout,
 * connection (refused, reset, dropped), http_status (another non-2xx), bad_response (a body that
 * is not JSON), exhausted (every endpoint failed every round: the request itself failed).
 */
export type RpcFailureKind = "rate_limited" | "timeout" | "connection" | "http_status" | "bad_response" | "exhausted";

/** The endpoints in a CHAIN_RPC_URL setting: one URL, or several separated by commas (in order of preference). */
export function parseRpcUrls(setting: string | readonly string[]): string[] {
  const urls = (typeof setting === "string" ? setting.split(",") : setting).map((u) => u.trim()).filter((u) => u !== "");
  if (urls.length === 0) throw new Error("No JSON-RPC URL given");
  return urls;
}

/** The delay before retry round `attempt` (1, 2, …): base·2^(attempt-1), capped, with full jitter. */
export function backoffDelay(attempt: number, retry: RetrySettings, random: () => number = Math.random): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.min(attempt - 1, 30));
  return Math.floor(random() * ceiling);
}

/** An error of the transport (no endpoint answered usefully), not of the node: never a reason to split a log range. */
export class RpcTransportError extends Error {
  override name = "RpcTransportError";
  readonly code = "NETWORK_ERROR";
  constructor(
    message: string,
    readonly causes: readonly string[],
  ) {
    super(message);
  }
}

interface Endpoint {
  url: string;
  /** Skipped (tried last) until then, after a failure. */
  downUntil: number;
}

/** Node and ethers codes of a request that failed on its way: the endpoint may well answer next time. */
const TRANSIENT_CODES = new Set(["TIMEOUT", "ECONNRESET", "ECONNREFUSED", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "UND_ERR_SOCKET", "SERVER_ERROR", "CANCELLED"]);

/** Whether an attempt that failed this way may have reached the node (so a send may have gone through). */
function mayHaveArrived(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code !== "ECONNREFUSED" && code !== "EHOSTUNREACH" && code !== "ENETUNREACH" && code !== "EAI_AGAIN";
}

/** A JSON-RPC error answer that means "slow down", not "wrong request". */
function isRateLimited(error: JsonRpcError["error"]): boolean {
  return error.code === 429 || /rate.?limit|too many requests|request limit|throughput|capacity exceeded/i.test(error.message ?? "");
}

/**
 * Reads answers as ethers' `bodyText` does (invalid UTF-8 throws, a byte order mark is kept and
 * so fails JSON.parse), but natively: ethers' own UTF-8 decoder took ~60 ms on the ~1 MB of
 * answers a 1,000-milestone verification reads (bench/verify.ts).
 */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    /** The status was fine but the body was not JSON. */
    readonly badBody = false,
  ) {
    super(badBody ? "an answer that is not JSON" : `HTTP ${status}`);
  }
}

/** The kind of a failed attempt (see RpcFailureKind). */
export function failureKind(error: unknown): RpcFailureKind {
  if (error instanceof HttpStatusError) {
    if (error.badBody) return "bad_response";
    if (error.status === 429) return "rate_limited";
    if (error.status === 408 || error.status === 504) return "timeout";
    return "http_status";
  }
  const code = (error as { code?: string }).code;
  if (code === "TIMEOUT" || code === "ETIMEDOUT" || (error instanceof Error && /timeout|timed out/i.test(error.message))) return "timeout";
  return "connection";
}

/** A JsonRpcProvider over one or several endpoints, with retries, failover and log range limits. */
export class ResilientJsonRpcProvider extends JsonRpcProvider {
  readonly urls: readonly string[];
  readonly timeoutMs: number;
  readonly retry: RetrySettings;
  readonly maxBlockRange: number;
  readonly #endpoints: Endpoint[];
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;
  readonly #onFailure: (kind: RpcFailureKind) => void;

  constructor(urls: string | readonly string[], network?: Networkish, options: JsonRpcApiProviderOptions & ResilientOptions = {}) {
    const list = parseRpcUrls(urls);
    const { timeoutMs, retry, maxBlockRange, sleep, random, onFailure, ...ethersOptions } = options;
    const first = new FetchRequest(list[0]!);
    first.timeout = timeoutMs ?? DEFAULT_RPC_TIMEOUT_MS;
    super(first, network, ethersOptions);
    this.urls = list;
    this.timeoutMs = first.timeout;
    this.retry = { ...DEFAULT_RETRY, ...retry };
    this.maxBlockRange = maxBlockRange ?? DEFAULT_MAX_BLOCK_RANGE;
    if (!Number.isInteger(this.maxBlockRange) || this.maxBlockRange < 1) throw new RangeError(`maxBlockRange must be a positive integer, got ${this.maxBlockRange}`);
    this.#endpoints = list.map((url) => ({ url, downUntil: 0 }));
    this.#sleep = sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.#random = random ?? Math.random;
    this.#onFailure = onFailure ?? (() => {});
  }

  /** Healthy endpoints first, in configured order; those that failed lately after them. */
  #ordered(): Endpoint[] {
    const now = Date.now();
    return [...this.#endpoints.filter((e) => e.downUntil <= now), ...this.#endpoints.filter((e) => e.downUntil > now).sort((a, b) => a.downUntil - b.downUntil)];
  }

  async #post(endpoint: Endpoint, payload: JsonRpcPayload[]): Promise<(JsonRpcResult | JsonRpcError)[]> {
    const request = new FetchRequest(endpoint.url);
    request.timeout = this.timeoutMs;
    // Our own backoff, capped, replaces ethers' (12 attempts, uncapped).
    request.retryFunc = async () => false;
    request.body = JSON.stringify(payload.length === 1 ? payload[0] : payload);
    request.setHeader("content-type", "application/json");
    const response = await request.send();
    if (response.statusCode < 200 || response.statusCode >= 300) throw new HttpStatusError(response.statusCode);
    let body: unknown;
    try {
      body = JSON.parse(response.body === null ? "" : UTF8.decode(response.body));
    } catch {
      // A body cut short (a connection dropped mid-answer, a proxy's error page): try again.
      throw new HttpStatusError(502, true);
    }
    return (Array.isArray(body) ? body : [body]) as (JsonRpcResult | JsonRpcError)[];
  }

  /** Whether the node knows `hash` (a send that timed out may have gone through). */
  async #knows(endpoint: Endpoint, hash: string): Promise<boolean> {
    try {
      const [answer] = await this.#post(endpoint, [{ id: 0, jsonrpc: "2.0", method: "eth_getTransactionByHash", params: [hash] }]);
      return answer !== undefined && "result" in answer && answer.result !== null;
    } catch {
      return false;
    }
  }

  override async _send(payload: JsonRpcPayload | JsonRpcPayload[]): Promise<JsonRpcResult[]> {
    const requests = Array.isArray(payload) ? payload : [payload];
    const answers = new Map<number, JsonRpcResult | JsonRpcError>();
    /** Sends whose bytes may already have reached a node. */
    const maybeSent = new Set<number>();
    const failures: string[] = [];
    for (let attempt = 0; attempt <= this.retry.retries; attempt++) {
      if (attempt > 0) await this.#sleep(backoffDelay(attempt, this.retry, this.#random));
      for (const endpoint of this.#ordered()) {
        const pending = requests.filter((r) => !answers.has(r.id));
        if (pending.length === 0) break;
        let replies: (JsonRpcResult | JsonRpcError)[];
        try {
          replies = await this.#post(endpoint, pending);
        } catch (error) {
          failures.push(`${redact(endpoint.url)}: ${describe(error)}`);
          this.#onFailure(failureKind(error));
          if (error instanceof HttpStatusError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
            // The endpoint refuses us (a bad key, a banned method): another one may not.
            endpoint.downUntil = Date.now() + this.retry.maxDelayMs;
            continue;
          }
          if (!(error instanceof HttpStatusError) && !TRANSIENT_CODES.has((error as { code?: string }).code ?? "") && !isNodeNetworkError(error)) throw error;
          endpoint.downUntil = Date.now() + this.retry.maxDelayMs;
          if (!(error instanceof HttpStatusError) && mayHaveArrived(error)) for (const r of pending) if (r.method === "eth_sendRawTransaction") maybeSent.add(r.id);
          continue;
        }
        endpoint.downUntil = 0;
        const byId = new Map(replies.map((r) => [r.id, r]));
        for (const request of pending) {
          const reply = byId.get(request.id);
          if (!reply) continue;
          if ("error" in reply) {
            if (isRateLimited(reply.error)) {
              failures.push(`${redact(endpoint.url)}: ${reply.error.message}`);
              this.#onFailure("rate_limited");
              continue;
            }
            if (request.method === "eth_sendRawTransaction" && maybeSent.has(request.id)) {
              const hash = keccak256((request.params as string[])[0]!);
              if (await this.#knows(endpoint, hash)) {
                answers.set(request.id, { id: request.id, result: hash });
                continue;
              }
            }
          }
          answers.set(request.id, reply);
        }
      }
      // (JsonRpcProvider types its answers as results, but reads each one's error as it comes.)
      if (answers.size === requests.length) return requests.map((r) => answers.get(r.id)!) as JsonRpcResult[];
    }
    this.#onFailure("exhausted");
    throw new RpcTransportError(
      `No JSON-RPC endpoint answered ${requests.map((r) => r.method).join(", ")} after ${this.retry.retries + 1} round(s): ${failures.slice(-3).join("; ")}`,
      failures,
    );
  }

  /**
   * eth_getLogs in ranges of at most `maxBlockRange` blocks, in chain order. A range the node
   * refuses (too wide, too many results) is halved and retried, down to one block.
   */
  override async getLogs(filter: Filter | FilterByBlockHash): Promise<Log[]> {
    if ("blockHash" in filter && filter.blockHash !== undefined) return super.getLogs(filter);
    const f = filter as Filter;
    const [from, to] = await Promise.all([this.#blockOf(f.fromBlock ?? "latest"), this.#blockOf(f.toBlock ?? "latest")]);
    const logs: Log[] = [];
    for (let start = from; start <= to; start += this.maxBlockRange) {
      logs.push(...(await this.#logsIn(f, start, Math.min(to, start + this.maxBlockRange - 1))));
    }
    return logs;
  }

  async #logsIn(filter: Filter, from: number, to: number): Promise<Log[]> {
    try {
      return await super.getLogs({ ...filter, fromBlock: from, toBlock: to });
    } catch (error) {
      if (from === to || error instanceof RpcTransportError) throw error;
      const middle = from + Math.floor((to - from) / 2);
      return [...(await this.#logsIn(filter, from, middle)), ...(await this.#logsIn(filter, middle + 1, to))];
    }
  }

  async #blockOf(tag: string | number | bigint): Promise<number> {
    if (typeof tag === "number") return tag;
    if (typeof tag === "bigint") return Number(tag);
    if (tag === "earliest") return 0;
    if (/^0x[0-9a-f]+$/i.test(tag)) return Number(BigInt(tag));
    if (tag === "latest" || tag === "pending") return this.getBlockNumber();
    const block = await this.getBlock(tag);
    if (!block) throw new Error(`No ${tag} block`);
    return block.number;
  }
}

function isNodeNetworkError(error: unknown): boolean {
  return error instanceof Error && /socket hang up|network|fetch failed|ECONN|terminated|other side closed/i.test(error.message);
}

function describe(error: unknown): string {
  if (error instanceof HttpStatusError) return error.message;
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
  return code && !message.includes(code) ? `${code} ${message}` : message;
}

/** An endpoint's URL without its path and query (hosted RPCs put API keys there). */
function redact(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return "(endpoint)";
  }
}
