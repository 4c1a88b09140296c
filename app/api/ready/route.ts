import { observed } from "@/lib/http/route";
import { readiness } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

/**
 * GET /api/ready: readiness. PostgreSQL (SELECT 1), the chain (eth_blockNumber) and the document
 * store (a probe written, read and deleted), each with its latency; 200 when all answer, else
 * 503 naming what failed. No account needed; it says nothing a stranger could use: no URLs,
 * no credentials, no stack traces (docs/OPERATIONS.md).
 */
export const GET = observed(async () => {
  const { ready, checks } = await readiness();
  const failing = Object.entries(checks)
    .filter(([, check]) => !check.ok)
    .map(([name]) => name);
  return Response.json({ status: ready ? "ready" : "unavailable", ...(ready ? {} : { failing }), checks }, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } });
});
