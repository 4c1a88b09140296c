import { AppError } from "@/lib/errors";
import { z } from "zod";
import { authenticated, json } from "@/lib/http/route";
import { readQuery } from "@/lib/http/query";
import { type PortfolioReport, getRun, reportCsv } from "@/lib/jobs/verification-runs";

export const dynamic = "force-dynamic";

/** GET /api/v1/audit/runs/{id}/report?format=csv|json: the exceptions report as a download. */
const REPORT_QUERY = { format: z.enum(["json", "csv"], { error: "must be json or csv" }).optional() };

export const GET = authenticated<{ runId: string }>(async (request, actor, { runId }) => {
  const { format } = readQuery(new URL(request.url).searchParams, REPORT_QUERY);
  const run = await getRun(actor, runId);
  if (run.status !== "DONE" || !run.report) throw new AppError("INVALID_STATE", "The check has not finished yet.");
  const report = run.report as unknown as PortfolioReport;
  const name = `tradetrail-portfolio-check-${run.createdAt.toISOString().slice(0, 10)}`;
  if (format === "csv") {
    return new Response(reportCsv(report), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` } });
  }
  return json(report, { headers: { "content-disposition": `attachment; filename="${name}.json"` } });
});
