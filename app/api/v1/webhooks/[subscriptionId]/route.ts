import { authenticated, json } from "@/lib/http/route";
import { deleteWebhookSubscription, getWebhookSubscription } from "@/lib/webhooks/subscriptions";

export const dynamic = "force-dynamic";

type Params = { subscriptionId: string };

/** GET /api/v1/webhooks/{subscriptionId}: one subscription (never its secret). */
export const GET = authenticated<Params>(async (_request, actor, { subscriptionId }) => json(await getWebhookSubscription(actor, subscriptionId)));

/** DELETE /api/v1/webhooks/{subscriptionId}: stops it; its undelivered events and its log go with it. */
export const DELETE = authenticated<Params>(async (_request, actor, { subscriptionId }) => {
  await deleteWebhookSubscription(actor, subscriptionId);
  return json({ deleted: true });
});
