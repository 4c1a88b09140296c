import type { z } from "zod";
import { authenticated, json } from "@/lib/http/route";
import { readQuery, wholeNumberParam } from "@/lib/http/query";
import { listWebhookDeliveries } from "@/lib/webhooks/subscriptions";

export const dynamic = "force-dynamic";

const DELIVERY_QUERY = { limit: wholeNumberParam(1, 200) } satisfies Record<string, z.ZodType<unknown, string | undefined>>;

/** GET /api/v1/webhooks/{subscriptionId}/deliveries?limit=: the delivery log, newest event first. */
export const GET = authenticated<{ subscriptionId: string }>(async (request, actor, { subscriptionId }) => {
  const { limit } = readQuery(new URL(request.url).searchParams, DELIVERY_QUERY);
  return json(await listWebhookDeliveries(actor, subscriptionId, limit ?? 50));
});
