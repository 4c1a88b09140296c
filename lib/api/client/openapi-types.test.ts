import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, apiTypesSource } from "./api-types-source";
import { generateApiTypes } from "./generate-types";

// The generated client types and the example client (issue 15: "an example client in
// docs/API.md, type-checked in CI against the generated types"). `npm run typecheck` compiles the
// example against lib/api/client/openapi-types.ts; these tests keep that file equal to what the
// live OpenAPI document generates, and docs/API.md equal to the example that compiles.

describe("lib/api/client/openapi-types.ts", () => {
  it("is exactly what the live OpenAPI document generates (run npm run api:types after changing the API)", () => {
    expect(readFileSync(API_TYPES_FILE, "utf8") === apiTypesSource(), "openapi-types.ts is stale: run npm run api:types").toBe(true);
  });

  it("types every operation of the document, each read's 200 by its named schema", () => {
    const source = apiTypesSource();
    for (const operation of ["listCredits", "getCredit", "listMessages", "postMessage", "listEvents", "findOrganizations", "approveIssuance", "approveIssuanceSigningRequest"]) {
      expect(source).toContain(`  ${operation}: {`);
    }
    expect(source).toMatch(/listMessages: \{[\s\S]*?200: \{ content: \{ "application\/json": components\["schemas"\]\["MessageThread"\] \} \};/);
    expect(source).toContain('"/credits/{creditId}/messages": {\n    get: operations["listMessages"];\n    post: operations["postMessage"];');
  });
});

describe("generateApiTypes", () => {
  const document = (schema: Record<string, unknown>, parameters: unknown[] = []) => ({
    paths: { "/things/{thingId}": { get: { operationId: "getThing", summary: "A thing", parameters, responses: { 200: { description: "The thing", content: { "application/json": { schema } } }, 404: { description: "None" } } } } },
  });
  const typeOf = (schema: Record<string, unknown>) => /"application\/json": ([\s\S]*?) \} \};\n|"application\/json": ([\s\S]*?);\n {8}\};/.exec(generateApiTypes(document(schema) as never))!.slice(1).find(Boolean);

  it.each([
    [{ type: "string" }, "string"],
    [{ type: ["string", "null"] }, "string | null"],
    [{ type: "integer" }, "number"],
    [{ type: "string", enum: ["A", "B"] }, '"A" | "B"'],
    [{ const: true }, "true"],
    [{ type: "array", items: { type: ["integer", "null"] } }, "(number | null)[]"],
    [{ type: "object" }, "Record<string, unknown>"],
    [{ type: "object", additionalProperties: false }, "Record<string, never>"],
    [{ oneOf: [{ type: "string" }, { type: "integer" }] }, "(string | number)"],
    [{ anyOf: [{ const: "x" }, { type: "null" }] }, '("x" | null)'],
    [{ allOf: [{ type: "object", properties: { a: { type: "string" } }, required: ["a"] }, { type: "object", properties: { b: { type: "boolean" } } }] }, "({\n            a: string;\n          } & {\n            b?: boolean;\n          })"],
    [{}, "unknown"],
  ])("writes %j as %s", (schema, expected) => {
    expect(typeOf(schema)).toBe(expected);
  });

  it("writes objects with required and optional properties, quoting names that are not identifiers, with their descriptions", () => {
    const source = generateApiTypes(document({ type: "object", required: ["id"], properties: { id: { type: "string", description: "Its id */ here" }, "x-rate": { type: "number" }, extra: { type: "object", additionalProperties: { type: "string" } } } }) as never);
    expect(source).toContain('/** Its id *\\/ here */\n            id: string;\n            "x-rate"?: number;\n            extra?: {\n              [key: string]: string;\n            };');
  });

  it("types path, query and header parameters, required or not, and a response without a body as never", () => {
    const source = generateApiTypes(
      document({ type: "string" }, [
        { name: "thingId", in: "path", required: true, schema: { type: "string" } },
        { name: "limit", in: "query", schema: { type: "integer" } },
        { name: "Idempotency-Key", in: "header", schema: { type: "string" } },
      ]) as never,
    );
    expect(source).toContain("query?: {\n        limit?: number;\n      };");
    expect(source).toContain('header?: {\n        "Idempotency-Key"?: string;\n      };');
    expect(source).toContain("path: {\n        thingId: string;\n      };");
    expect(source).toContain("404: { content: never };");
    expect(source).toContain('"/things/{thingId}": {\n    get: operations["getThing"];\n  };');
  });

  it("refers to a named schema wherever the document holds the same schema, and defines it once", () => {
    const thing = { type: "object", required: ["id"], properties: { id: { type: "string" } }, description: "A thing" };
    const source = generateApiTypes(document({ type: "object", properties: { first: thing, others: { type: "array", items: thing } } }) as never, { Thing: thing });
    expect(source).toContain('first?: components["schemas"]["Thing"];');
    expect(source).toContain('others?: (components["schemas"]["Thing"])[];');
    expect(source).toContain('schemas: {\n    /** A thing */\n    Thing: {\n      id: string;\n    };\n  };');
  });
});

describe("docs/API.md", () => {
  it("shows the example client exactly as lib/api/client/example-client.ts, which npm run typecheck compiles", () => {
    const docs = readFileSync(join(process.cwd(), "docs", "API.md"), "utf8");
    const example = readFileSync(join(process.cwd(), "lib", "api", "client", "example-client.ts"), "utf8");
    const shown = /<!-- example-client: lib\/api\/client\/example-client\.ts -->\n```ts\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(shown, "docs/API.md has no example-client block").toBeDefined();
    expect(shown).toBe(example);
  });
});
