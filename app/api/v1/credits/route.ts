import { CREDIT_STATES } from "@/lib/lifecycle/definition";
import { listCredits } from "@/lib/credits/list-credits";
import { performAction } from "@/lib/lifecycle/perform";
import { authenticated, json, readJson } from "@/lib/http/route";
import type { CreditStatus } from "@/lib/generated/prisma/enums";

export const dynamic = "force-dynamic";

/** GET /api/v1/credits: the credits this organisation sees, newest activity first, 50 a page. */
export const GET = authenticated(async (request, actor) => {
  const url = new URL(request.url);
  const status = url.searchParams.get("status") ?? undefined;
  const page = await listCredits(
    actor,
    {
      q: url.searchParams.get("q") ?? undefined,
      status: status && CREDIT_STATES.includes(status as CreditStatus) ? (status as CreditStatus) : undefined,
      counterpartyId: url.searchParams.get("counterparty") ?? undefined,
      after: url.searchParams.get("after") ?? undefined,
      before: url.searchParams.get("before") ?? undefined,
    },
    50,
  );
  return json(page);
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
