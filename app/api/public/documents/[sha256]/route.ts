import { jsonError } from "@/lib/http/route";
import { lookupDocumentHash } from "@/lib/verify/document-lookup";

export const dynamic = "force-dynamic";

/** GET /api/public/documents/{sha256}: whether a document hash is anchored (no account needed). */
export async function GET(_request: Request, { params }: { params: Promise<{ sha256: string }> }) {
  try {
    const { sha256 } = await params;
    return Response.json(await lookupDocumentHash(sha256), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return jsonError(error);
  }
}
