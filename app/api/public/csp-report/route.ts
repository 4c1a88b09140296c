import { boundedText } from "@/lib/http/body";
import { observed } from "@/lib/http/route";
import { requestLog } from "@/lib/observability/request-context";
import { RateLimiter, clientAddress } from "@/lib/http/rate-limit";

export const dynamic = "force-dynamic";

// POST /api/public/csp-report: browsers report content-security-policy violations here
// (lib/http/csp.ts). Each is logged as one line for the operator; nothing is stored. Bodies are
// capped and each address rate-limited, since anyone can post here.

const limiter = new RateLimiter({ burst: 20, perSecond: 1 });

export const POST = observed(async (request: Request): Promise<Response> => {
  if (limiter.take(clientAddress(request)) > 0) return new Response(null, { status: 429 });
  const text = await boundedText(request, 16_000);
  if (text === null) return new Response(null, { status: 413 });
  try {
    const body = JSON.parse(text) as { "csp-report"?: Record<string, unknown> } | { body?: Record<string, unknown> }[];
    const reports = Array.isArray(body) ? body.map((r) => r.body ?? {}) : [body["csp-report"] ?? {}];
    for (const report of reports) {
      const directive = String(report["violated-directive"] ?? report.effectiveDirective ?? report["effective-directive"] ?? "?").slice(0, 100);
      const blocked = String(report["blocked-uri"] ?? report.blockedURL ?? "?").slice(0, 200);
      const page = String(report["document-uri"] ?? report.documentURL ?? "?").slice(0, 200);
      requestLog().warn({ directive, blocked, page }, "csp: violation reported");
    }
  } catch {
    return new Response(null, { status: 400 });
  }
  return new Response(null, { status: 204 });
});
