import { authenticated, json } from "@/lib/http/route";
import { listRuns, requestPortfolioCheck } from "@/lib/jobs/verification-runs";

export const dynamic = "force-dynamic";

/** POST /api/v1/audit/runs: queue a check of every credit this auditor may see. */
export const POST = authenticated(async (_request, actor) => json(await requestPortfolioCheck(actor), { status: 202 }), { scope: "read" });

export const GET = authenticated(async (_request, actor) => json(await listRuns(actor)));
