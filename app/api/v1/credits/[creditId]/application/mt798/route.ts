import { creditFileName } from "@/lib/credits/label-db";
import { getMt798Application } from "@/lib/credits/mt798-application";
import { invalid } from "@/lib/errors";
import { authenticated } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/credits/{id}/application/mt798: the applicant's agreed application as MT798<770>
 * (+ <700>, <701>) FIN text. The applicant's organisation, and the issuing bank once the
 * application was submitted to it (lib/credits/mt798-application.ts). `?download=fin|txt` as a file.
 */
export const GET = authenticated<{ creditId: string }>(async (request, actor, { creditId }) => {
  const download = new URL(request.url).searchParams.get("download");
  if (download !== null && download !== "fin" && download !== "txt") throw invalid('download is "fin" or "txt"', { download: 'Use "fin" or "txt"' });
  const file = await getMt798Application(actor, creditId);
  const headers: Record<string, string> = {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "private, no-store",
    "x-swift-message-type": "MT798",
    "x-swift-valid": file.problems.length === 0 ? "true" : "false",
  };
  if (download) headers["content-disposition"] = `attachment; filename="${await creditFileName(creditId, `mt798-application.${download}`)}"`;
  return new Response(file.text, { headers });
});
