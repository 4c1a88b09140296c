// Writes lib/api/client/openapi-types.ts: the TypeScript types of /api/v1, generated from the live
// OpenAPI document (npm run api:types). lib/api/client/openapi-types.test.ts fails when the file
// is not what this writes, so run it after changing the API.
import { writeFileSync } from "node:fs";
import { API_TYPES_FILE, apiTypesSource } from "@/lib/api/client/api-types-source";

writeFileSync(API_TYPES_FILE, apiTypesSource());
console.log(`wrote ${API_TYPES_FILE}`);
