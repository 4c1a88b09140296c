import { jsonError, observed } from "@/lib/http/route";
import { RateLimited, RateLimiter, clientAddress } from "@/lib/http/rate-limit";
import { lookupDocumentHash } from "@/lib/verify/document-lookup";

export const dynamic = "force-dynamic";

// Anyone may ask; nobody may ask fast (a bucket of 20, refilled at 2 a second, per address).
const limiter = new RateLimiter({ burst: 20, perSecond: 2 });

/**
 * GET /api/public/documents/{sha256}: where the document's commitment is anchored, with its Merkle
 * proof to each confirmed root (no account needed). Check the answer against the chain: /verify does.
 */
export const GET = observed(async (request: Request, { params }: { params: Promise<{ sha256: string }> }) => {
  try {
    limiter.check(clientAddress(request));
    const { sha256 } = await params;
    return Response.json(await lookupDocumentHash(sha256), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    const response = jsonError(error);
    if (error instanceof RateLimited) response.headers.set("retry-after", String(error.retryAfterSeconds));
    return response;
  }
});
