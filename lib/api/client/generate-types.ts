// TypeScript types from the OpenAPI document, for clients of /api/v1 (issue 15: "an example
// client, type-checked against the generated types"). openapi-typescript would do this, but it is
// not a dependency here; the document uses a small part of JSON Schema (type, enum, const,
// properties/required, items, additionalProperties, oneOf/anyOf/allOf, no $ref), and this reads
// exactly that part. The shape follows openapi-typescript's (`paths`, `operations`,
// `components`), so a client written against these types moves to it unchanged.
//
// Pure: document in, source text out. scripts/api-types.ts writes lib/api/client/openapi-types.ts,
// and lib/api/client/openapi-types.test.ts fails when that file differs from what the live
// document generates, so the types cannot drift from the API.

type Schema = Record<string, unknown>;
interface Operation {
  operationId: string;
  summary?: string;
  parameters?: { name: string; in: "path" | "query" | "header"; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}
export interface OpenApiForTypes {
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string) => (IDENTIFIER.test(name) || /^[1-9]\d*$/.test(name) ? name : JSON.stringify(name));
const literal = (value: unknown) => JSON.stringify(value);
/** A JSDoc line from a description: one line, no comment terminator. */
const doc = (text: unknown, pad: string) => (typeof text === "string" && text.trim() ? `${pad}/** ${text.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim()} */\n` : "");

/**
 * The source of the types. `named` are schemas worth a name of their own (the error body, the
 * credit ...): wherever the document holds one of them (the same JSON), the type refers to
 * `components["schemas"][name]` instead of repeating it.
 */
export function generateApiTypes(document: OpenApiForTypes, named: Record<string, Schema> = {}, header = ""): string {
  const names = new Map(Object.entries(named).map(([name, schema]) => [JSON.stringify(schema), name]));

  function type(schema: unknown, pad: string, root = false): string {
    if (schema === true || schema === undefined || schema === null || typeof schema !== "object") return "unknown";
    const s = schema as Schema;
    const name = root ? undefined : names.get(JSON.stringify(s));
    if (name) return `components["schemas"][${literal(name)}]`;
    if ("const" in s) return literal(s.const);
    if (Array.isArray(s.enum)) return s.enum.map(literal).join(" | ") || "never";
    for (const [combiner, join] of [["oneOf", " | "], ["anyOf", " | "], ["allOf", " & "]] as const) {
      const parts = s[combiner];
      if (Array.isArray(parts) && parts.length > 0) {
        const rest = Object.fromEntries(Object.entries(s).filter(([k]) => k !== combiner));
        const own = "type" in rest || "properties" in rest ? `${type(rest, pad)} & ` : "";
        return `${own}(${parts.map((p) => type(p, pad)).join(join)})`;
      }
    }
    const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : [];
    if (types.length === 0) return "properties" in s ? objectType(s, pad) : "unknown";
    const union = types.map((t) => {
      switch (t) {
        case "string":
          return "string";
        case "integer":
        case "number":
          return "number";
        case "boolean":
          return "boolean";
        case "null":
          return "null";
        case "array":
          return s.items === undefined ? "unknown[]" : `(${type(s.items, pad)})[]`;
        case "object":
          return objectType(s, pad);
        default:
          return "unknown";
      }
    });
    return union.length === 1 ? union[0]! : union.join(" | ");
  }

  function objectType(s: Schema, pad: string): string {
    const properties = (s.properties ?? {}) as Record<string, unknown>;
    const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    const extra = s.additionalProperties;
    const inner = `${pad}  `;
    const lines = Object.entries(properties).map(([name, p]) => `${doc((p as Schema)?.description, inner)}${inner}${key(name)}${required.has(name) ? "" : "?"}: ${type(p, inner)};`);
    // Only a schema for the extra properties makes an index signature; by default objects may carry more (new fields) without one.
    if (extra && typeof extra === "object") lines.push(`${inner}[key: string]: ${type(extra, inner)};`);
    if (lines.length === 0) return extra === false ? "Record<string, never>" : "Record<string, unknown>";
    return `{\n${lines.join("\n")}\n${pad}}`;
  }

  function operationType(op: Operation, pad: string): string {
    const inner = `${pad}  `;
    const params = (where: "path" | "query" | "header") => {
      const list = (op.parameters ?? []).filter((p) => p.in === where);
      if (list.length === 0) return `${inner}  ${where}?: never;`;
      const optional = list.every((p) => !p.required);
      const body = list.map((p) => `${doc(p.description, `${inner}    `)}${inner}    ${key(p.name)}${p.required ? "" : "?"}: ${type(p.schema, `${inner}    `)};`).join("\n");
      return `${inner}  ${where}${optional ? "?" : ""}: {\n${body}\n${inner}  };`;
    };
    const content = (c: Record<string, { schema?: Schema }> | undefined, at: string) => {
      if (!c) return "never";
      const entries = Object.entries(c).map(([media, m]) => [literal(media), type(m.schema, `${at}  `)] as const);
      // A short one (a named schema, a string) on one line: the error responses repeat on every operation.
      if (entries.every(([, t]) => !t.includes("\n"))) return `{ ${entries.map(([media, t]) => `${media}: ${t}`).join("; ")} }`;
      return `{\n${entries.map(([media, t]) => `${at}  ${media}: ${t};`).join("\n")}\n${at}}`;
    };
    const body = op.requestBody ? `${inner}requestBody${op.requestBody.required ? "" : "?"}: {\n${inner}  content: ${content(op.requestBody.content, `${inner}  `)};\n${inner}};` : `${inner}requestBody?: never;`;
    const responses = Object.entries(op.responses)
      .map(([status, r]) => {
        const body = content(r.content, `${inner}    `);
        return `${doc(r.description, `${inner}  `)}${inner}  ${key(status)}: ${body.includes("\n") ? `{\n${inner}    content: ${body};\n${inner}  }` : `{ content: ${body} }`};`;
      })
      .join("\n");
    return `{\n${inner}parameters: {\n${params("query")}\n${params("header")}\n${params("path")}\n${inner}};\n${body}\n${inner}responses: {\n${responses}\n${inner}};\n${pad}}`;
  }

  const operations: string[] = [];
  const paths: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const methods = METHODS.filter((m) => item[m]);
    paths.push(`  ${literal(path)}: {\n${methods.map((m) => `    ${m}: operations[${literal(item[m]!.operationId)}];`).join("\n")}\n  };`);
    for (const m of methods) {
      const op = item[m]!;
      operations.push(`${doc(op.summary, "  ")}  ${key(op.operationId)}: ${operationType(op, "  ")};`);
    }
  }
  const schemas = Object.entries(named).map(([name, schema]) => `${doc(schema.description, "    ")}    ${key(name)}: ${type(schema, "    ", true)};`);
  const components = schemas.length > 0 ? `{\n${schemas.join("\n")}\n  }` : "Record<string, never>";
  return `${header}export interface paths {\n${paths.join("\n")}\n}\n\nexport interface operations {\n${operations.join("\n")}\n}\n\nexport interface components {\n  schemas: ${components};\n}\n`;
}
