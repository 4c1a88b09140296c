import { openApiDocument } from "@/lib/api/openapi";

// Checking a response body against the schema the OpenAPI document gives it (issue 15): the JSON
// Schema keywords the document uses, each violation with its path.

export type Schema = { type?: string | string[]; required?: string[]; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; const?: unknown; pattern?: string; format?: string };

/** The ways `value` breaks `schema` (the JSON Schema keywords the document uses), with their paths. */
export function violations(schema: Schema, value: unknown, path = "$"): string[] {
  const kind = value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
  const types = schema.type === undefined ? null : ([] as string[]).concat(schema.type);
  if (types && !types.includes(kind) && !(kind === "integer" && types.includes("number"))) return [`${path}: ${kind} where the schema says ${types.join(" or ")}`];
  const found: string[] = [];
  if (schema.enum && !schema.enum.includes(value)) found.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (schema.const !== undefined && value !== schema.const) found.push(`${path}: not ${JSON.stringify(schema.const)}`);
  if (typeof value === "string" && schema.pattern && !new RegExp(schema.pattern).test(value)) found.push(`${path}: "${value}" does not match ${schema.pattern}`);
  if (typeof value === "string" && schema.format === "date-time" && Number.isNaN(Date.parse(value))) found.push(`${path}: "${value}" is not a date-time`);
  if (typeof value === "string" && schema.format === "uuid" && !/^[0-9a-f-]{36}$/i.test(value)) found.push(`${path}: "${value}" is not a uuid`);
  if (kind === "object") {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in object)) found.push(`${path}.${name}: missing`);
    for (const [name, property] of Object.entries(schema.properties ?? {})) if (name in object) found.push(...violations(property, object[name], `${path}.${name}`));
  }
  if (kind === "array" && schema.items) (value as unknown[]).forEach((item, i) => found.push(...violations(schema.items!, item, `${path}[${i}]`)));
  return found;
}

const paths = openApiDocument("http://localhost").paths as Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: Schema }> }> }>>;
export const schemaOf = (path: string, method: string, status: number) => paths[path]![method]!.responses[status]!.content["application/json"]!.schema;
