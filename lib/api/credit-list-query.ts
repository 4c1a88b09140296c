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

export const CREDIT_LIST_QUERY = {
  q: z.string().optional(),
  status: z.enum(CREDIT_STATES as [CreditStatus, ...CreditStatus[]], { error: `must be one of ${CREDIT_STATES.join(", ")} (in capitals)` }).optional(),
  counterparty: z.string().refine(isUuid, { error: "must be an organisation's id (a UUID)" }).optional(),
  after: cursorParam,
  before: cursorParam,
  limit: wholeNumberParam(CREDIT_PAGE.min, CREDIT_PAGE.max),
};

/** What each parameter means, for the OpenAPI document. */
export const CREDIT_LIST_QUERY_DOCS: Record<keyof typeof CREDIT_LIST_QUERY, { description: string; schema: Record<string, unknown> }> = {
  q: { description: "Part of the reference, the credit number or the applicant's or beneficiary's name (case-insensitive)", schema: { type: "string" } },
  status: { description: "Only credits in this state", schema: { type: "string", enum: [...CREDIT_STATES] } },
  counterparty: { description: "Only credits where this organisation is a party", schema: { type: "string", format: "uuid" } },
  after: { description: "The `next` cursor of the previous page", schema: { type: "string" } },
  before: { description: "The `previous` cursor of the next page (not with after)", schema: { type: "string" } },
  limit: { description: `Credits a page, ${CREDIT_PAGE.min} to ${CREDIT_PAGE.max} (${CREDIT_PAGE.default} unless given)`, schema: { type: "integer", minimum: CREDIT_PAGE.min, maximum: CREDIT_PAGE.max, default: CREDIT_PAGE.default } },
};
