import type { FunctionFragment } from "ethers";
import { anchorRegistryInterface } from "@/lib/chain/anchor-registry";
import { boundedText } from "./body";
import type { RateLimiter } from "./rate-limit";

// The public JSON-RPC relay's rules (issue 12, M4). It used to check a call's method and target
// and forward the caller's object as sent: an eth_call with state overrides or a caller-chosen gas
// limit ran arbitrary EVM code on our node for anyone. Now each call is rebuilt from scratch out
// of the parts a verifier needs, validated one by one:
//
//   eth_chainId, net_version, eth_blockNumber   no parameters
//   eth_call     { to: registry, data: one of the registry's view functions } and a block tag;
//                no from, gas, gasPrice, value or state overrides
//   eth_getCode  the registry and a block tag
//   eth_getLogs  the registry's RootAnchored / CreditAdvanced logs, by 1 to 100 roots or credit
//                keys, within a block range or at one block hash
//
// The body is capped (1 MB, ethers' own batch size), a batch holds at most 100 calls, every call
// takes a token from the client's bucket, and the chain must answer within 10 seconds.

export const MAX_BODY_BYTES = 1_000_000;
export const MAX_BATCH = 100;
export const UPSTREAM_TIMEOUT_MS = 10_000;
const MAX_LOG_KEYS = 100;

/** RootAnchored(bytes32) and CreditAdvanced(bytes32,uint32,bytes32): the events a verifier reads. */
const VERIFIER_TOPICS = new Set(["RootAnchored", "CreditAdvanced"].map((name) => anchorRegistryInterface.getEvent(name)!.topicHash));

/** The 4-byte selectors of the registry's view functions: the only calls the relay runs. */
export const READ_SELECTORS: ReadonlySet<string> = (() => {
  const selectors = new Set<string>();
  anchorRegistryInterface.forEachFunction((fragment: FunctionFragment) => {
    if (fragment.constant) selectors.add(fragment.selector);
  });
  return selectors;
})();

const HEX_DATA = /^0x(?:[0-9a-f]{2})*$/i;
const WORD = /^0x[0-9a-f]{64}$/i;
const QUANTITY = /^0x(?:0|[1-9a-f][0-9a-f]{0,15})$/i;
const TAGS = new Set(["latest", "safe", "finalized", "earliest"]);

type Id = string | number | null;
interface RpcCall {
  jsonrpc: "2.0";
  id: Id;
  method: string;
  params: unknown[];
}
interface RpcError {
  jsonrpc: "2.0";
  id: Id;
  error: { code: number; message: string };
}

class Refused extends Error {}

function blockTag(value: unknown): string {
  if (value === undefined) return "latest";
  if (typeof value === "string" && (TAGS.has(value) || QUANTITY.test(value))) return value;
  throw new Refused("A block must be latest, safe, finalized, earliest or a block number in hex");
}

function sameAddress(value: unknown, contract: string): boolean {
  return typeof value === "string" && value.toLowerCase() === contract.toLowerCase();
}

function topicList(value: unknown): string | string[] {
  const keys = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  if (keys.length === 0 || keys.length > MAX_LOG_KEYS) throw new Refused(`Name 1 to ${MAX_LOG_KEYS} roots or credit keys`);
  if (!keys.every((k) => typeof k === "string" && WORD.test(k))) throw new Refused("Roots and credit keys are 32-byte hex words");
  return typeof value === "string" ? value : (keys as string[]);
}

/** The call as the relay will send it, built only from validated parts; throws Refused otherwise. */
export function rebuildCall(method: string, params: unknown, contract: string): unknown[] {
  const args = params === undefined ? [] : params;
  if (!Array.isArray(args)) throw new Refused("params must be an array");
  switch (method) {
    case "eth_chainId":
    case "net_version":
    case "eth_blockNumber":
      return [];
    case "eth_getCode":
      if (!sameAddress(args[0], contract)) throw new Refused("Only the AnchorRegistry may be read through this relay");
      return [contract, blockTag(args[1])];
    case "eth_call": {
      const call = args[0] as { to?: unknown; data?: unknown; input?: unknown } | undefined;
      if (!call || typeof call !== "object" || !sameAddress(call.to, contract)) throw new Refused("Only the AnchorRegistry may be read through this relay");
      const data = call.data ?? call.input;
      if (typeof data !== "string" || !HEX_DATA.test(data) || data.length < 10) throw new Refused("eth_call needs the data of one of the registry's read functions");
      if (!READ_SELECTORS.has(data.slice(0, 10).toLowerCase())) throw new Refused("Only the registry's read functions may be called through this relay");
      // Anything else in the call object, and any third parameter (state overrides), is dropped.
      return [{ to: contract, data }, blockTag(args[1])];
    }
    case "eth_getLogs": {
      const filter = args[0] as { address?: unknown; topics?: unknown; fromBlock?: unknown; toBlock?: unknown; blockHash?: unknown } | undefined;
      if (!filter || typeof filter !== "object") throw new Refused("eth_getLogs needs a filter");
      if (!sameAddress(filter.address, contract)) throw new Refused("Only the AnchorRegistry's logs may be read through this relay");
      const topics = filter.topics;
      if (!Array.isArray(topics) || typeof topics[0] !== "string" || !VERIFIER_TOPICS.has(topics[0].toLowerCase())) throw new Refused("Only RootAnchored and CreditAdvanced logs may be read");
      if (topics.length !== 2) throw new Refused(`Name 1 to ${MAX_LOG_KEYS} roots or credit keys`);
      const rebuilt: Record<string, unknown> = { address: contract, topics: [topics[0].toLowerCase(), topicList(topics[1])] };
      if (filter.blockHash !== undefined) {
        if (typeof filter.blockHash !== "string" || !WORD.test(filter.blockHash)) throw new Refused("blockHash is a 32-byte hex word");
        if (filter.fromBlock !== undefined || filter.toBlock !== undefined) throw new Refused("Give a block hash or a block range, not both");
        rebuilt.blockHash = filter.blockHash;
      } else {
        rebuilt.fromBlock = blockTag(filter.fromBlock ?? "earliest");
        rebuilt.toBlock = blockTag(filter.toBlock);
      }
      return [rebuilt];
    }
    default:
      throw new Refused("Method not allowed on this relay");
  }
}

const refusal = (id: Id, message: string, code = -32601): RpcError => ({ jsonrpc: "2.0", id, error: { code, message } });
const idOf = (item: unknown): Id => {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === "string" || typeof id === "number" ? id : null;
};


export interface RelayOptions {
  upstream: string | undefined;
  contract: string | undefined;
  limiter: RateLimiter;
  client: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface RelayAnswer {
  status: number;
  body: unknown;
  retryAfter?: number;
}

export async function relayRequest(request: Request, options: RelayOptions): Promise<RelayAnswer> {
  const { upstream, contract } = options;
  if (!upstream || !contract) return { status: 503, body: refusal(null, "No chain is configured") };
  const text = await boundedText(request, MAX_BODY_BYTES);
  if (text === null) return { status: 413, body: refusal(null, `The request body is larger than ${MAX_BODY_BYTES / 1_000_000} MB`) };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { status: 400, body: refusal(null, "Invalid JSON", -32700) };
  }
  const batch = Array.isArray(body) ? body : [body];
  if (batch.length === 0 || batch.length > MAX_BATCH) return { status: 400, body: refusal(null, `Send 1 to ${MAX_BATCH} requests`, -32600) };
  for (let i = 0; i < batch.length; i++) {
    const wait = options.limiter.take(options.client);
    if (wait > 0) return { status: 429, body: refusal(null, `Too many calls from your address. Try again in ${wait} second${wait === 1 ? "" : "s"}.`, -32005), retryAfter: wait };
  }

  const answers: unknown[] = new Array(batch.length);
  const forward: { index: number; call: RpcCall }[] = [];
  batch.forEach((item, index) => {
    const id = idOf(item);
    const method = (item as { method?: unknown } | null)?.method;
    if (typeof method !== "string") {
      answers[index] = refusal(id, "Method not allowed on this relay");
      return;
    }
    try {
      // The relay numbers the calls itself: the caller's ids are given back, never sent upstream.
      forward.push({ index, call: { jsonrpc: "2.0", id: index, method, params: rebuildCall(method, (item as { params?: unknown }).params, contract) } });
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      answers[index] = refusal(id, error.message);
    }
  });

  if (forward.length > 0) {
    let results: unknown;
    try {
      const response = await (options.fetch ?? fetch)(upstream, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(forward.map((f) => f.call)),
        signal: AbortSignal.timeout(options.timeoutMs ?? UPSTREAM_TIMEOUT_MS),
      });
      results = await response.json();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      const message = timedOut ? "The chain did not answer in time" : "The chain could not be reached";
      return { status: timedOut ? 504 : 502, body: Array.isArray(body) ? batch.map((item) => refusal(idOf(item), message, -32603)) : refusal(idOf(body), message, -32603) };
    }
    const byIndex = new Map((Array.isArray(results) ? results : [results]).map((r) => [(r as { id?: unknown })?.id, r as Record<string, unknown>]));
    for (const f of forward) {
      const result = byIndex.get(f.index);
      answers[f.index] = result ? { ...result, id: idOf(batch[f.index]) } : refusal(idOf(batch[f.index]), "No answer from the chain", -32603);
    }
  }
  return { status: 200, body: Array.isArray(body) ? answers : answers[0] };
}
