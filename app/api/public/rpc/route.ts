import { chainRpcUrls, config } from "@/lib/config";
import { relayRequest } from "@/lib/http/rpc-relay";
import { observed } from "@/lib/http/route";
import { RateLimiter, clientAddress } from "@/lib/http/rate-limit";

export const dynamic = "force-dynamic";

// A read-only JSON-RPC relay for in-browser bundle verification when no public RPC URL is
// configured (the configured one may carry an API key that must never reach a browser). Anyone
// may call it, so every call is rebuilt from what a verifier needs (lib/http/rpc-relay.ts),
// the body and the batch are capped, each client is rate-limited per call, and the chain gets
// a deadline.

/** Calls per client: a burst of 300 (a portfolio's verification), then 30 per second. */
const limiter = new RateLimiter({ burst: 300, perSecond: 30 });

export const POST = observed(async (request: Request): Promise<Response> => {
  // The first configured endpoint (the relay does not fail over).
  const upstream = chainRpcUrls()[0];
  const contract = config().ANCHOR_CONTRACT_ADDRESS;
  const answer = await relayRequest(request, { upstream, contract, limiter, client: clientAddress(request) });
  return Response.json(answer.body, { status: answer.status, headers: { "cache-control": "no-store", ...(answer.retryAfter ? { "retry-after": String(answer.retryAfter) } : {}) } });
});
