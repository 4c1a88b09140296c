import { join } from "node:path";
import { namedApiSchemas, openApiDocument } from "@/lib/api/openapi";
import { type OpenApiForTypes, generateApiTypes } from "./generate-types";

/** Where the generated types live (type-checked with everything else by `npm run typecheck`). */
export const API_TYPES_FILE = join(process.cwd(), "lib", "api", "client", "openapi-types.ts");

const HEADER = `// Generated from GET /api/v1/openapi.json by scripts/api-types.ts (npm run api:types): do not edit.
// lib/api/client/openapi-types.test.ts regenerates it from the live document and fails on any difference.

`;

/** The generated types' source, from the document as the server serves it. */
export function apiTypesSource(): string {
  return generateApiTypes(openApiDocument("https://tradetrail.example") as unknown as OpenApiForTypes, namedApiSchemas(), HEADER);
}
