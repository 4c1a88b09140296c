import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json: the API description, generated from the lifecycle definition. */
export function GET(request: Request) {
  const url = new URL(request.url);
  return Response.json(openApiDocument(url.origin));
}
