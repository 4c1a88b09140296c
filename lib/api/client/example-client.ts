import type { components, operations } from "./openapi-types";

// An example client of the TradeTrail API, typed by the types generated from openapi.json
// (lib/api/client/openapi-types.ts, npm run api:types): when the API changes under it, `npm run
// typecheck` fails. docs/API.md shows this file as it is (a unit test compares them), and
// tests/integration/api-example-client.test.ts runs it against the real route handlers.

type Schemas = components["schemas"];
/** The JSON body of an operation's success (200, else 201). */
type Ok<O> = O extends { responses: { 200: { content: { "application/json": infer T } } } } ? T : O extends { responses: { 201: { content: { "application/json": infer T } } } } ? T : never;
type Query<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type Body<K extends keyof operations> = operations[K] extends { requestBody: { content: { "application/json": infer B } } } ? B : never;
/** The lifecycle steps: the operations whose body may name the credit version it acts on. */
export type Step = { [K in keyof operations]: "expectedVersion" extends keyof Body<K> ? K : never }[keyof operations];
export type CreditListItem = Schemas["CreditListPage"]["items"][number];

export class TradeTrailApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: Schemas["Error"]["error"],
  ) {
    super(`${status} ${error.code}: ${error.message}`);
  }
}

export function tradeTrailClient(options: { baseUrl: string; token: string; fetch?: typeof fetch }) {
  const send = options.fetch ?? fetch;
  async function call<T>(method: "GET" | "POST", path: string, init: { query?: object; body?: unknown; idempotencyKey?: string } = {}): Promise<T> {
    const url = new URL(`${options.baseUrl}${path}`);
    for (const [name, value] of Object.entries(init.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}` };
    if (init.body !== undefined) headers["content-type"] = "application/json";
    // A retry with the same key is answered with the first result instead of acting twice.
    if (init.idempotencyKey) headers["idempotency-key"] = init.idempotencyKey;
    const response = await send(url, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const body = (await response.json()) as unknown;
    if (!response.ok) throw new TradeTrailApiError(response.status, (body as Schemas["Error"]).error);
    return body as T;
  }
  return {
    listCredits: (query: Query<operations["listCredits"]> = {}) => call<Ok<operations["listCredits"]>>("GET", "/credits", { query }),
    getCredit: (creditId: string) => call<Ok<operations["getCredit"]>>("GET", `/credits/${creditId}`),
    listMessages: (creditId: string) => call<Ok<operations["listMessages"]>>("GET", `/credits/${creditId}/messages`),
    postMessage: (creditId: string, text: string, idempotencyKey: string = crypto.randomUUID()) =>
      call<Ok<operations["postMessage"]>>("POST", `/credits/${creditId}/messages`, { body: { body: text } satisfies Body<"postMessage">, idempotencyKey }),
    listEvents: (query: Query<operations["listEvents"]> = {}) => call<Ok<operations["listEvents"]>>("GET", "/events", { query }),
    findOrganizations: (query: Query<operations["findOrganizations"]>) => call<Ok<operations["findOrganizations"]>>("GET", "/organizations", { query }),
    takeStep: <S extends Step>(creditId: string, step: S, body: Body<S>, idempotencyKey: string = crypto.randomUUID()) =>
      call<Ok<operations[S]>>("POST", `/credits/${creditId}/actions/${step}`, { body, idempotencyKey }),
  };
}
export type TradeTrailClient = ReturnType<typeof tradeTrailClient>;

/**
 * A back office's sync: every credit changed since the last run, with its terms, page by page.
 * Returns when this run started: pass it as `since` next time. A minute of overlap covers a change
 * that committed a moment after its time; `store` sees such a credit twice and keeps the newer.
 */
export async function syncChangedCredits(client: TradeTrailClient, since: Date | null, store: (credit: CreditListItem) => Promise<void>): Promise<Date> {
  const startedAt = new Date();
  const updatedSince = since ? new Date(since.getTime() - 60_000).toISOString() : undefined;
  let after: string | undefined;
  do {
    const page = await client.listCredits({ updatedSince, include: "terms", limit: 200, after });
    for (const credit of page.items) await store(credit);
    after = page.next ?? undefined;
  } while (after);
  return startedAt;
}
