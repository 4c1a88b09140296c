import { openApiDocument } from "@/lib/api/openapi";
import { siteUrl } from "@/lib/config";
import { observed } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/openapi.json: the API description, generated from the lifecycle definition. Its
 * server is the configured public address (APP_URL, else AUTH_URL): behind a proxy the request's
 * own origin is the internal one. Without either, the origin the request came to.
 */
export const GET = observed((request: Request) => {
  return Response.json(openApiDocument(siteUrl() ?? new URL(request.url).origin));
});
