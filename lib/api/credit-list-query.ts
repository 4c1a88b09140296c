import { z } from "zod";
import type { CreditStatus } from "@/lib/generated/prisma/enums";
import { isCreditListCursor } from "@/lib/credits/list-credits";
import { CREDIT_STATES } from "@/lib/lifecycle/definition";
import { isUuid } from "@/lib/ids";
import { wholeNumberParam } from "@/lib/http/query";

// The query of GET /api/v1/credits, read by the route (lib/http/query.ts readQuery) and
// described by the OpenAPI document from the same definitions.

/** Credits a page: 50 unless `limit` says otherwise. */
export const CREDIT_PAGE = { default: 50, min: 1, max: 200 } as const;

/** The API's order: newest created first, by id, which no update moves (lib/credits/list-credits.ts). */
export const API_CREDIT_ORDER = "created" as const;

const cursorParam = z.string().refine((c) => isCreditListCursor(c, API_CREDIT_ORDER), { error: "is not a cursor this API issued: pass a page's `next` or `previous` as it came" }).optional();

/** What `include` may add to each credit of the page. */
export const CREDIT_LIST_INCLUDES = ["terms"] as const;

// An instant with its offset, as RFC 3339 writes it: a date alone or a local time is ambiguous.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** A comma-separated list of distinct values, each `item`, at most `max`. */
const commaList = (max: number, check: (value: string) => boolean, what: string) =>
  z
    .string()
    .transform((value, ctx) => {
      const items = [...new Set(value.split(",").map((v) => v.trim()))];
      if (items.some((v) => v === "") || items.length === 0) return (ctx.addIssue({ code: "custom", message: `must be ${what}, separated by commas` }), z.NEVER);
      const bad = items.filter((v) => !check(v));
      if (bad.length > 0) return (ctx.addIssue({ code: "custom", message: `must be ${what}, separated by commas; not ${bad.slice(0, 3).map((v) => `"${v.slice(0, 40)}"`).join(", ")}` }), z.NEVER);
      if (items.length > max) return (ctx.addIssue({ code: "custom", message: `takes at most ${max} values; page through more` }), z.NEVER);
      return items;
    })
    .optional();

export const CREDIT_LIST_QUERY = {
  q: z.string().optional(),
  status: z.enum(CREDIT_STATES as [CreditStatus, ...CreditStatus[]], { error: `must be one of ${CREDIT_STATES.join(", ")} (in capitals)` }).optional(),
  counterparty: z.string().refine(isUuid, { error: "must be an organisation's id (a UUID)" }).optional(),
  updatedSince: z
    .string()
    .transform((value, ctx) => {
      const at = INSTANT.test(value) ? new Date(value) : null;
      if (!at || Number.isNaN(at.getTime())) return (ctx.addIssue({ code: "custom", message: "must be an instant with its offset (RFC 3339), such as 2026-12-01T09:30:00Z; encode + as %2B" }), z.NEVER);
      return at;
    })
    .optional(),
  ids: commaList(CREDIT_PAGE.max, isUuid, "credit ids (UUIDs)"),
  include: commaList(CREDIT_LIST_INCLUDES.length, (v) => (CREDIT_LIST_INCLUDES as readonly string[]).includes(v), `one of ${CREDIT_LIST_INCLUDES.join(", ")}`),
  after: cursorParam,
  before: cursorParam,
  limit: wholeNumberParam(CREDIT_PAGE.min, CREDIT_PAGE.max),
};

/** What each parameter means, for the OpenAPI document. */
export const CREDIT_LIST_QUERY_DOCS: Record<keyof typeof CREDIT_LIST_QUERY, { description: string; schema: Record<string, unknown> }> = {
  q: { description: "Part of the reference, the credit number or the applicant's or beneficiary's name (case-insensitive)", schema: { type: "string" } },
  status: { description: "Only credits in this state", schema: { type: "string", enum: [...CREDIT_STATES] } },
  counterparty: { description: "Only credits where this organisation is a party", schema: { type: "string", format: "uuid" } },
  updatedSince: {
    description:
      "Only credits changed at or after this instant (RFC 3339 with its offset, e.g. 2026-12-01T09:30:00Z). For a sync: remember when you started the last walk, subtract a minute (a change can commit a moment after its time), and dedupe by id and updatedAt. Changes are any step, amendment or presentation on the credit; a message in its thread is not one.",
    schema: { type: "string", format: "date-time" },
  },
  ids: {
    description: `Bulk read: only these credits, as comma-separated ids (at most ${CREDIT_PAGE.max}). Ids you may not see, or that do not exist, are simply not listed. The page holds as many credits as ids unless limit says otherwise.`,
    schema: { type: "string" },
  },
  include: { description: "terms: each credit also carries its operative terms (MT700 fields, the amount canonical), as GET /credits/{creditId} does", schema: { type: "string", enum: [...CREDIT_LIST_INCLUDES] } },
  after: { description: "The `next` cursor of the previous page", schema: { type: "string" } },
  before: { description: "The `previous` cursor of the next page (not with after)", schema: { type: "string" } },
  limit: { description: `Credits a page, ${CREDIT_PAGE.min} to ${CREDIT_PAGE.max} (${CREDIT_PAGE.default} unless given)`, schema: { type: "integer", minimum: CREDIT_PAGE.min, maximum: CREDIT_PAGE.max, default: CREDIT_PAGE.default } },
};
