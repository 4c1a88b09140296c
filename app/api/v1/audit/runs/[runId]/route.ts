import { authenticated, json } from "@/lib/http/route";
import { getRun } from "@/lib/jobs/verification-runs";

export const dynamic = "force-dynamic";

/** GET /api/v1/audit/runs/{id}: progress (done of total) and, when finished, the report. */
export const GET = authenticated<{ runId: string }>(async (_request, actor, { runId }) => json(await getRun(actor, runId)));
