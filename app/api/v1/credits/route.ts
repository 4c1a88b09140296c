import { API_CREDIT_ORDER, CREDIT_LIST_QUERY, CREDIT_PAGE } from "@/lib/api/credit-list-query";
import { creditPageResource } from "@/lib/api/resources";
import { listCredits } from "@/lib/credits/list-credits";
import { performAction } from "@/lib/lifecycle/perform";
import { AppError } from "@/lib/errors";
import { authenticated, json, readJson } from "@/lib/http/route";
import { readQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/credits: the credits this organisation sees, newest created first (by id, so a walk
 * through the pages sees each credit once however many change meanwhile), 50 a page unless
 * `limit` says otherwise. `updatedSince` narrows it to what changed (a back office's sync), `ids`
 * to given credits (a bulk read), and `include=terms` adds each credit's operative terms.
 */
export const GET = authenticated(async (request, actor) => {
  const query = readQuery(new URL(request.url).searchParams, CREDIT_LIST_QUERY);
  if (query.after !== undefined && query.before !== undefined) {
    throw new AppError("INVALID_REQUEST", "Give after or before, not both.", { after: "Not with before", before: "Not with after" });
  }
  const page = await listCredits(
    actor,
    { q: query.q, status: query.status, counterpartyId: query.counterparty, ids: query.ids, updatedSince: query.updatedSince, after: query.after, before: query.before, order: API_CREDIT_ORDER },
    // A bulk read answers in one page unless asked otherwise.
    query.limit ?? (query.ids ? query.ids.length : CREDIT_PAGE.default),
  );
  return json(await creditPageResource(page, { terms: query.include?.includes("terms") ?? false }));
});

/** POST /api/v1/credits: draft a new credit (applicant). */
export const POST = authenticated(async (request, actor) => {
  const body = (await readJson(request)) as Record<string, unknown>;
  const result = await performAction({
    actor,
    action: "createCredit",
    input: body,
    idempotencyKey: request.headers.get("idempotency-key") ?? undefined,
  });
  return json(result, { status: result.replayed ? 200 : 201 });
});
