import Ajv, { type ValidateFunction } from "ajv";

// Checking a response against the OpenAPI document (issue 15): the route must be documented, its
// status among the operation's responses, its content type among that status's, and a JSON body
// valid against the schema (ajv). Used by the integration tests on the route handlers and by the
// end-to-end run on every /api/v1 response the browser or the API helpers receive.
//
// ajv 6 (the one installed at the top of node_modules) speaks draft-07; the response schemas of the
// document use only keywords draft-07 shares with 2020-12 (type arrays, const, enum, formats).

type JsonSchema = Record<string, unknown>;
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> };
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

export interface ObservedResponse {
  method: string;
  /** The path under the server URL (after /api/v1), without the query. */
  path: string;
  status: number;
  /** Null when the response had none; undefined when the browser hid its headers (see e2e/support/conformance.ts): then the status alone is checked. */
  contentType: string | null | undefined;
  /** The parsed JSON body, or undefined when the body is not JSON or could not be read. */
  body?: unknown;
}

/**
 * The documented path template `path` falls under, e.g. /credits/{creditId}/milestones for
 * /credits/5f…/milestones; a literal segment wins over a parameter (/audit/runs/latest over
 * /audit/runs/{runId}), segment by segment from the left. Null when none matches.
 */
export function matchPathTemplate(templates: readonly string[], path: string): string | null {
  const segments = path.split("/");
  let best: { template: string; rank: string } | null = null;
  for (const template of templates) {
    const parts = template.split("/");
    if (parts.length !== segments.length) continue;
    let rank = "";
    const fits = parts.every((part, i) => {
      const parameter = /^\{[^}]+\}$/.test(part);
      rank += parameter ? "0" : "1";
      return parameter ? segments[i] !== "" : part === decodeURIComponent(segments[i]!);
    });
    if (fits && (!best || rank > best.rank)) best = { template, rank };
  }
  return best?.template ?? null;
}

/** Whether a documented media range (application/json, text/*, *\/*) covers the response's content type. */
function mediaCovers(range: string, contentType: string): boolean {
  const [type, subtype] = range.toLowerCase().split("/");
  const [actualType, actualSubtype] = contentType.toLowerCase().split(";")[0]!.trim().split("/");
  return (type === "*" || type === actualType) && (subtype === "*" || subtype === actualSubtype);
}

export const isJsonMediaType = (contentType: string | null | undefined) => typeof contentType === "string" && /^application\/([\w.+-]+\+)?json\b/i.test(contentType.split(";")[0]!.trim());

/**
 * A request the document does not describe (an unknown path or method, as unauthenticated.spec.ts
 * probes every built route with GET and POST) has no documented answer but a refusal: 404 or 405,
 * or 401 to a caller not signed in at all (authentication comes before routing). Anything else
 * there, a 200 above all, is a route the document lacks.
 */
const refusesUndocumented = (status: number) => status === 401 || status === 404 || status === 405;

/** A checker for one OpenAPI document: compiles each response schema once, on first use. */
export function conformanceChecker(document: OpenApiDocument) {
  const ajv = new Ajv({ allErrors: true, format: "full", unknownFormats: "ignore" });
  const compiled = new Map<string, ValidateFunction>();
  const templates = Object.keys(document.paths);

  function validatorFor(key: string, schema: JsonSchema): ValidateFunction {
    let validate = compiled.get(key);
    if (!validate) compiled.set(key, (validate = ajv.compile(schema)));
    return validate;
  }

  /** What is wrong with `response` by the document: empty when it conforms. */
  function problems(response: ObservedResponse): string[] {
    const method = response.method.toLowerCase();
    const route = `${response.method.toUpperCase()} ${response.path}`;
    const template = matchPathTemplate(templates, response.path);
    if (!template) return refusesUndocumented(response.status) ? [] : [`${route} → ${response.status}: the path is not in the OpenAPI document`];
    const operation = document.paths[template]![method];
    const where = `${response.method.toUpperCase()} ${template} → ${response.status}`;
    if (!operation) return refusesUndocumented(response.status) ? [] : [`${where}: the method is not documented for this path`];
    const documented = operation.responses?.[String(response.status)] ?? operation.responses?.[`${String(response.status)[0]}XX`] ?? operation.responses?.default;
    if (!documented) return [`${where}: the status is not documented (documented: ${Object.keys(operation.responses ?? {}).join(", ")})`];
    if (response.contentType === undefined) return [];
    const content = documented.content ?? {};
    if (Object.keys(content).length === 0) return response.contentType && response.body !== undefined ? [`${where}: a ${response.contentType} body where the document says none`] : [];
    if (!response.contentType) return [`${where}: no content type where the document says ${Object.keys(content).join(" or ")}`];
    const range = Object.keys(content).find((candidate) => mediaCovers(candidate, response.contentType!));
    if (!range) return [`${where}: content type ${response.contentType} is not documented (documented: ${Object.keys(content).join(", ")})`];
    const schema = content[range]!.schema;
    if (!schema || !isJsonMediaType(response.contentType) || response.body === undefined) return [];
    const validate = validatorFor(`${template} ${method} ${response.status} ${range}`, schema);
    if (validate(response.body)) return [];
    return [`${where}: the body does not match the schema: ${ajv.errorsText(validate.errors, { dataVar: "body", separator: "; " })}`];
  }

  /** The JSON response schema of one documented operation and status (for tests that check a body alone). */
  function bodyProblems(template: string, method: string, status: number, body: unknown): string[] {
    return problems({ method, path: template, status, contentType: "application/json", body });
  }

  /** "GET /credits/{creditId} → 200": the documented route a response falls under, for a run's tally. */
  const routeOf = (response: ObservedResponse) => `${response.method.toUpperCase()} ${matchPathTemplate(templates, response.path) ?? response.path} → ${response.status}`;

  return { problems, bodyProblems, routeOf, templates };
}
