import { type APIRequestContext, type APIResponse, type BrowserContext, type Response as PageResponse } from "@playwright/test";
import { type ObservedResponse, type OpenApiDocument, conformanceChecker, isJsonMediaType } from "../../lib/api/conformance";
import { runtime } from "./runtime";

// The API conformance check of the e2e run (issue 15): every /api/v1 response the tests receive,
// from the API helpers (./api.ts) or from the pages' own fetches (a listener on each browser
// context ./axe.ts watches), is checked against the running app's openapi.json. A problem fails
// the test it happened in (the apiConformance fixture of ./test.ts), as CSP violations do.

/** Problems found so far in this worker, and how many responses were checked. */
export const conformanceProblems: string[] = [];
export const conformance = { checked: 0, routes: new Map<string, number>() };
/** Checks still reading a body: the fixture waits for them before judging the test. */
const pending = new Set<Promise<void>>();

let checker: Promise<ReturnType<typeof conformanceChecker>> | undefined;
/** The document, fetched once per worker from the running app (the one the tests talk to). */
function documentChecker() {
  checker ??= fetch(`${process.env.E2E_BASE_URL ?? runtime().appUrl}/api/v1/openapi.json`)
    .then((response) => response.json() as Promise<OpenApiDocument>)
    .then(conformanceChecker);
  return checker;
}

const API_PREFIX = "/api/v1/";
/** The path under the server URL, or null for a response outside /api/v1 (pages, assets, other APIs). */
function apiPath(url: string): string | null {
  const { pathname } = new URL(url);
  return pathname.startsWith(API_PREFIX) ? pathname.slice("/api/v1".length) : null;
}

async function check(observed: Promise<ObservedResponse>): Promise<void> {
  const [response, { problems, routeOf }] = await Promise.all([observed, documentChecker()]);
  conformance.checked += 1;
  const route = routeOf(response);
  conformance.routes.set(route, (conformance.routes.get(route) ?? 0) + 1);
  conformanceProblems.push(...problems(response));
}

function track(work: Promise<void>): void {
  const settled = work.catch((error: unknown) => void conformanceProblems.push(`the conformance check itself failed: ${String(error)}`));
  pending.add(settled);
  void settled.finally(() => pending.delete(settled));
}

/**
 * How long a page's headers or body may take to read. Chromium sometimes never answers for a
 * response whose page has reloaded or navigated meanwhile (a CI run hung five minutes in the
 * fixture's teardown on one); such a response is treated as one whose body is gone.
 */
const READ_TIMEOUT_MS = 10_000;
function within<T>(read: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), READ_TIMEOUT_MS)));
  return Promise.race([read.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

/** The body as JSON when it says it is JSON; undefined otherwise (files, PDFs, FIN text) or when unreadable. */
async function jsonOf(contentType: string | null | undefined, text: () => Promise<string>): Promise<unknown> {
  if (!isJsonMediaType(contentType)) return undefined;
  const raw = await within<string | undefined>(text(), undefined); // a page that navigated away has dropped the body
  return raw === undefined || raw === "" ? undefined : (JSON.parse(raw) as unknown);
}

/** Checks a response the node side received (the API helpers' fetch). */
export function recordFetch(method: string, url: string, response: Response): void {
  const path = apiPath(url);
  if (path === null) return;
  const contentType = response.headers.get("content-type");
  const copy = response.clone();
  track(check(jsonOf(contentType, () => copy.text()).then((body) => ({ method, path, status: response.status, contentType, body }))));
}

/**
 * A page's response as the browser shows it. Chromium hides every header of an opaque response
 * (a no-cors fetch from another origin, csrf.spec.ts) and of a document framed in a sandbox (the
 * PDF preview's CSP `sandbox`): our server always sends headers, so none at all means hidden, and
 * only the status is checked (the same routes' content types are checked through the API helpers).
 */
async function observedPageResponse(response: PageResponse, path: string): Promise<ObservedResponse> {
  const headers = await within(response.allHeaders(), {} as Record<string, string>);
  const hidden = Object.keys(headers).length === 0;
  const contentType = hidden ? undefined : (headers["content-type"] ?? null);
  const redirect = response.status() >= 300 && response.status() < 400; // redirects have no body to read
  const body = redirect ? undefined : await jsonOf(contentType, () => response.text());
  return { method: response.request().method(), path, status: response.status(), contentType, body };
}

function recordApiResponse(method: string, response: APIResponse): void {
  const path = apiPath(response.url());
  if (path === null) return;
  const contentType = response.headers()["content-type"] ?? null;
  track(check(jsonOf(contentType, () => response.text()).then((body) => ({ method, path, status: response.status(), contentType, body }))));
}

const VERBS = ["get", "post", "put", "patch", "delete", "head"] as const;
const watchedRequests = new WeakSet<APIRequestContext>();
/** Checks every /api/v1 response of a Playwright request context (the `request` fixture, a context's `request`). */
export function watchRequestContext(request: APIRequestContext): APIRequestContext {
  if (watchedRequests.has(request)) return request;
  watchedRequests.add(request);
  for (const verb of VERBS) {
    const send = request[verb].bind(request);
    request[verb] = async (url, options) => {
      const response = await send(url, options);
      recordApiResponse(verb.toUpperCase(), response);
      return response;
    };
  }
  const fetchOf = request.fetch.bind(request);
  request.fetch = async (urlOrRequest, options) => {
    const response = await fetchOf(urlOrRequest, options);
    recordApiResponse(options?.method ?? (typeof urlOrRequest === "string" ? "GET" : urlOrRequest.method()), response);
    return response;
  };
  return request;
}

const watched = new WeakSet<BrowserContext>();
/** Checks every /api/v1 response the context's pages, and its request context, receive. */
export function watchApiResponses(context: BrowserContext): void {
  if (watched.has(context)) return;
  watched.add(context);
  watchRequestContext(context.request);
  context.on("response", (response) => {
    const path = apiPath(response.url());
    if (path !== null) track(check(observedPageResponse(response, path)));
  });
}

/** Waits for the checks still reading bodies (a closed page's are dropped: its bodies are gone). */
export async function settleConformanceChecks(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
