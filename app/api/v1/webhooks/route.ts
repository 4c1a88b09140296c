import { authenticated, json, readJson } from "@/lib/http/route";
import { AppError } from "@/lib/errors";
import { createWebhookSubscription, listWebhookSubscriptions } from "@/lib/webhooks/subscriptions";

export const dynamic = "force-dynamic";

/** GET /api/v1/webhooks: the organisation's webhook subscriptions (administrators). */
export const GET = authenticated(async (_request, actor) => json({ webhooks: await listWebhookSubscriptions(actor) }));

/** POST /api/v1/webhooks {url, events?, description?}: a new subscription, its secret shown this once. */
export const POST = authenticated(async (request, actor) => {
  const body = await readJson(request, 10_000);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("INVALID_REQUEST", "Send a JSON object: {\"url\": \"https://…\", \"events\": [\"credit.issued\", …]}.");
  const { url, events, description, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new AppError("INVALID_REQUEST", `Unknown field${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}. A webhook takes url, events and description.`);
  return json(await createWebhookSubscription(actor, { url, events, description }), { status: 201 });
});
