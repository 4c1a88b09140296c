import { NextResponse } from "next/server";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/session";
import { type TokenScope, actorFromBearer } from "@/lib/api/tokens";
import { AppError, forbidden, isAppError } from "@/lib/errors";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/observability/log";
import { observeHttpRequest } from "@/lib/observability/metrics";
import { annotateRequest, currentRequestContext, requestLog, withRequestContext } from "@/lib/observability/request-context";
import { stringify } from "./json";
import { boundedText } from "./body";

// Route handlers: one wrapper that authenticates (API token or session cookie), maps AppError to
// its status with a clear JSON message, and never lets a stack trace reach the client. Every
// route, authenticated or public, is `observed`: a request id, one log line, and its latency by
// route pattern (docs/OPERATIONS.md).

export type RouteContext<P> = { params: Promise<P> };

export function jsonError(error: unknown): NextResponse {
  if (isAppError(error)) return NextResponse.json(error.toJSON(), { status: error.status });
  // The stack goes to the log, with the request's id; the client gets the id to quote.
  const requestId = currentRequestContext()?.requestId;
  requestLog().error({ err: error }, "unhandled error in a route handler");
  const quote = requestId ? ` If it persists, quote request id ${requestId}.` : "";
  return NextResponse.json({ error: { code: "INTERNAL", message: `Something went wrong on our side. Nothing was changed; please try again.${quote}` } }, { status: 500 });
}

/**
 * The route's pattern from the request's path and its params: each param's value is put back as
 * `[name]` (/api/v1/credits/[creditId]). Metrics are labelled with it, never with the raw path,
 * so ids do not become label values. Matched from the end, last param first: a param that is a
 * word (an action, a message id) then never takes the place of a static segment before it.
 */
export function routePattern(pathname: string, params: Record<string, string | string[] | undefined>): string {
  const segments = pathname.split("/");
  let before = segments.length;
  for (const [name, value] of Object.entries(params).reverse()) {
    if (typeof value !== "string") continue;
    const at = segments.findLastIndex((segment, i) => i < before && safeDecode(segment) === value);
    if (at === -1) continue;
    segments[at] = `[${name}]`;
    before = at;
  }
  return segments.join("/");
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Wraps a route handler: the request's id (a well-formed incoming X-Request-Id, else a new one)
 * on the response and on every log line written while serving it, one log line per request,
 * and its latency in tradetrail_http_request_duration_seconds.
 */
export function observed<C extends { params?: Promise<unknown> } | undefined>(handler: (request: Request, context: C) => Promise<Response> | Response) {
  // The context is optional for callers: Next.js always passes one, tests of parameterless routes need not.
  return async (request: Request, context?: C): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    const params = ((await context?.params) ?? {}) as Record<string, string>;
    const route = routePattern(new URL(request.url).pathname, params);
    return withRequestContext({ requestId, route, creditId: typeof params.creditId === "string" ? params.creditId : undefined }, async () => {
      let response: Response;
      try {
        response = await handler(request, context as C);
      } catch (error) {
        response = jsonError(error);
      }
      const seconds = (performance.now() - started) / 1000;
      try {
        response.headers.set(REQUEST_ID_HEADER, requestId);
      } catch {
        // An immutable Response (Response.redirect): it goes out without the header.
      }
      observeHttpRequest(route, request.method, response.status, seconds);
      requestLog().info({ method: request.method, status: response.status, durationMs: Math.round(seconds * 1000) }, "request");
      return response;
    });
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery (issue 12, M3): a request that changes something and is
 * authenticated by the session cookie must come from TradeTrail's own pages. The browser says
 * where a request comes from in Sec-Fetch-Site (every current browser) and Origin; a page on a
 * sibling origin (another port or subdomain, which the cookie does not tell apart) is
 * "same-site", not "same-origin", and is refused, as is a cookie-carrying request that names no
 * origin at all. API clients send a token instead and are not affected.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const refuse = () => new AppError("FORBIDDEN", "This request did not come from TradeTrail's own pages. Programs calling the API send a token (Authorization: Bearer tt_…).");
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) {
    if (site !== "same-origin") throw refuse();
    return;
  }
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) throw refuse();
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw refuse();
  }
  if (originHost.toLowerCase() !== host.split(",")[0]!.trim().toLowerCase()) throw refuse();
}

/** The request's actor: a bearer token if one is sent, else the session (from our own pages only, for changes). */
export async function requestActor(request: Request): Promise<Actor> {
  const fromToken = await actorFromBearer(request.headers.get("authorization"));
  if (fromToken) return fromToken;
  if (request.headers.get("authorization")) throw new AppError("UNAUTHENTICATED", "Send the token as: Authorization: Bearer tt_…");
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in, or send an API token (Authorization: Bearer tt_…).");
  assertSameOrigin(request);
  return actor;
}

const SCOPE_WORDS: Record<TokenScope, string> = { read: "read", act: "take steps or change anything", upload: "upload documents" };

/**
 * A token's scope must cover the request: `read` for GET and HEAD, and for the routes that only
 * check something (verify); `upload` for document uploads; `act` for every other change.
 * Sessions are not scoped: a signed-in user acts through the pages with their roles.
 */
export function assertTokenScope(actor: Actor, request: Request, scope?: TokenScope): void {
  if (!actor.apiTokenScopes) return;
  const needed: TokenScope = scope ?? (request.method === "GET" || request.method === "HEAD" ? "read" : "act");
  if (actor.apiTokenScopes.includes(needed)) return;
  throw forbidden(`This API token may not ${SCOPE_WORDS[needed]}: it has the ${actor.apiTokenScopes.join(", ")} scope${actor.apiTokenScopes.length === 1 ? "" : "s"}. An administrator can create one with the ${needed} scope.`);
}

export function authenticated<P>(handler: (request: Request, actor: Actor, params: P) => Promise<Response>, options: { scope?: TokenScope } = {}) {
  return observed(async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await requestActor(request);
      annotateRequest({ userId: actor.userId, orgId: actor.organizationId });
      assertTokenScope(actor, request, options.scope);
      return await handler(request, actor, await context.params);
    } catch (error) {
      return jsonError(error);
    }
  });
}

/** The JSON body of a request, or a 400 with a clear message. */
export async function readJson(request: Request, maxBytes = 1_000_000): Promise<unknown> {
  // A body of any other type (a text/plain form, a no-cors fetch) is refused, before it is read
  // when its length is announced.
  const type = request.headers.get("content-type");
  const isJson = type !== null && /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type);
  const wrongType = () => new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON, with Content-Type: application/json.");
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > 0 && !isJson) throw wrongType();
  // Counted in bytes as the body arrives: a chunked body announces no length.
  const text = await boundedText(request, maxBytes);
  if (text === null) throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(maxBytes / 1000)} kB.`);
  if (text.trim() === "") return {};
  if (!isJson) throw wrongType();
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_REQUEST", "The request body is not valid JSON.");
  }
}

/** JSON with bigints as strings and dates as ISO strings. */
export function json(data: unknown, init?: ResponseInit): NextResponse {
  return new NextResponse(stringify(data), {
    ...init,
    headers: { "content-type": "application/json; charset=utf-8", ...init?.headers },
  });
}
