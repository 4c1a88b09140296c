import { z } from "zod";
import { EVENT_PAGE } from "@/lib/events/read-feed";
import { isEventCursor } from "@/lib/events/types";
import { wholeNumberParam } from "@/lib/http/query";

// The query of GET /api/v1/events, read by the route and described by the OpenAPI document.

export const EVENT_QUERY = {
  after: z.string().refine(isEventCursor, { error: "is not a cursor this API issued: pass a page's `next` (or an event's `cursor`) as it came" }).optional(),
  limit: wholeNumberParam(EVENT_PAGE.min, EVENT_PAGE.max),
};

export const EVENT_QUERY_DOCS: Record<keyof typeof EVENT_QUERY, { description: string; schema: Record<string, unknown> }> = {
  after: { description: "The `next` cursor of the previous page, or an event's `cursor` (a webhook's body carries it): the events committed after it. Without it, the feed from its start.", schema: { type: "string", pattern: "^ev1_\\d+$" } },
  limit: { description: `Events a page, ${EVENT_PAGE.min} to ${EVENT_PAGE.max} (${EVENT_PAGE.default} unless given)`, schema: { type: "integer", minimum: EVENT_PAGE.min, maximum: EVENT_PAGE.max, default: EVENT_PAGE.default } },
};
