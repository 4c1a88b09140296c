import { config } from "@/lib/config";

export const dynamic = "force-dynamic";

// A read-only JSON-RPC relay for in-browser bundle verification when no public RPC URL is
// configured (the configured one may carry an API key that must never reach a browser). Only
// reads that verification needs pass: chain id, block number, and calls/code of the registry.

const ALLOWED = new Set(["eth_chainId", "net_version", "eth_blockNumber", "eth_call", "eth_getCode"]);

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
