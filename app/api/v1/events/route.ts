import { EVENT_QUERY } from "@/lib/api/event-query";
import { readEventFeed } from "@/lib/events/read-feed";
import { authenticated, json } from "@/lib/http/route";
import { readQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

/** GET /api/v1/events?after=&limit=: the organisation's event feed, in commit order (lib/events). */
export const GET = authenticated(async (request, actor) => {
  const query = readQuery(new URL(request.url).searchParams, EVENT_QUERY);
  return json(await readEventFeed(actor, query));
});
