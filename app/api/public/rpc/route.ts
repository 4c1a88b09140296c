import { config } from "@/lib/config";

export const dynamic = "force-dynamic";

// A read-only JSON-RPC relay for in-browser bundle verification when no public RPC URL is
// configured (the configured one may carry an API key that must never reach a browser). Only
// reads that verification needs pass: chain id, block number, calls/code of the registry, and the
// registry's own logs (a credit's heads, a root's transaction) for at most a few topics.

const ALLOWED = new Set(["eth_chainId", "net_version", "eth_blockNumber", "eth_call", "eth_getCode", "eth_getLogs"]);
/** The registry's events a verifier reads: RootAnchored(bytes32) and CreditAdvanced(bytes32,uint32,bytes32). */
const VERIFIER_TOPICS = new Set([
  "0x62e872bd24dad4a8e80606d4614e6b24a25198e85dd344a1d5eda82791615fce",
  "0x212a7c04bd35a96db1dc1e6108428f5bac55880ec1151eab5965b9dd0f081f4b",
]);
const MAX_LOG_TOPICS = 100;

/** Why a log filter may not pass: only the registry's verifier events, by up to 100 keys or roots. */
function logFilterProblem(filter: unknown, contract: string): string | null {
  if (!filter || typeof filter !== "object") return "eth_getLogs needs a filter";
  const { address, topics } = filter as { address?: unknown; topics?: unknown };
  if (typeof address !== "string" || address.toLowerCase() !== contract) return "Only the AnchorRegistry's logs may be read through this relay";
  if (!Array.isArray(topics) || typeof topics[0] !== "string" || !VERIFIER_TOPICS.has(topics[0].toLowerCase())) return "Only RootAnchored and CreditAdvanced logs may be read";
  const keys = topics[1];
  const count = typeof keys === "string" ? 1 : Array.isArray(keys) ? keys.length : 0;
  if (count === 0 || count > MAX_LOG_TOPICS || topics.length > 2) return `Name 1 to ${MAX_LOG_TOPICS} roots or credit keys`;
  return null;
}

type RpcRequest = { jsonrpc: "2.0"; id: unknown; method: string; params?: unknown[] };

function refusal(request: Partial<RpcRequest>, message: string) {
  return { jsonrpc: "2.0", id: request.id ?? null, error: { code: -32601, message } };
}

export async function POST(request: Request) {
  const upstream = config().CHAIN_RPC_URL;
  const contract = config().ANCHOR_CONTRACT_ADDRESS?.toLowerCase();
  if (!upstream || !contract) return Response.json(refusal({}, "No chain is configured"), { status: 503 });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json(refusal({}, "Invalid JSON"), { status: 400 });
  }
  const batch = Array.isArray(body) ? body : [body];
  if (batch.length === 0 || batch.length > 100) return Response.json(refusal({}, "Send 1 to 100 requests"), { status: 400 });
  const answers: unknown[] = new Array(batch.length);
  const forward: { index: number; request: RpcRequest }[] = [];
  batch.forEach((item, index) => {
    const rpc = item as Partial<RpcRequest>;
    if (!rpc || typeof rpc.method !== "string" || !ALLOWED.has(rpc.method)) {
      answers[index] = refusal(rpc ?? {}, "Method not allowed on this relay");
      return;
    }
    if (rpc.method === "eth_call" || rpc.method === "eth_getCode") {
      const target = rpc.method === "eth_call" ? (rpc.params?.[0] as { to?: string } | undefined)?.to : (rpc.params?.[0] as string | undefined);
      if (typeof target !== "string" || target.toLowerCase() !== contract) {
        answers[index] = refusal(rpc, "Only the AnchorRegistry may be read through this relay");
        return;
      }
    }
    if (rpc.method === "eth_getLogs") {
      const problem = logFilterProblem(rpc.params?.[0], contract);
      if (problem) {
        answers[index] = refusal(rpc, problem);
        return;
      }
    }
    forward.push({ index, request: { jsonrpc: "2.0", id: rpc.id ?? index, method: rpc.method, params: rpc.params ?? [] } });
  });
  if (forward.length > 0) {
    const response = await fetch(upstream, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(forward.map((f) => f.request)) });
    const results = (await response.json()) as { id: unknown }[];
    const byId = new Map(Array.isArray(results) ? results.map((r) => [JSON.stringify(r.id), r]) : []);
    for (const f of forward) answers[f.index] = byId.get(JSON.stringify(f.request.id)) ?? refusal(f.request, "No answer from the chain");
  }
  return Response.json(Array.isArray(body) ? answers : answers[0]);
}
