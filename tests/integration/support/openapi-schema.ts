import { type OpenApiDocument, conformanceChecker } from "@/lib/api/conformance";
import { openApiDocument } from "@/lib/api/openapi";

// Response bodies of the route handlers against the OpenAPI document (issue 15), with the same
// ajv checker the end-to-end run applies to every /api/v1 response (lib/api/conformance.ts).

const checker = conformanceChecker(openApiDocument("http://localhost") as unknown as OpenApiDocument);

/** The ways `body` breaks the documented JSON response of `method` `path` (a template) at `status`. */
export const violations = (path: string, method: string, status: number, body: unknown) => checker.bodyProblems(path, method, status, body);
