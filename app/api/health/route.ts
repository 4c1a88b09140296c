import { observed } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * GET /api/health: liveness. The process is up and serving; no dependency is touched, so a
 * database or chain outage never makes an orchestrator restart a healthy web server
 * (/api/ready says whether it can serve). No account needed (docs/OPERATIONS.md).
 */
export const GET = observed(() => Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } }));
