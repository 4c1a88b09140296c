import { z } from "zod";
import { DIRECTORY_KINDS, isOrganizationCursor } from "@/lib/organizations/find-organizations";
import { parseBic, parseCountry } from "@/lib/organizations/identifiers";
import { wholeNumberParam } from "@/lib/http/query";

// The query of GET /api/v1/organizations, read by the route and described by the OpenAPI document.

export const ORGANIZATION_PAGE = { default: 50, min: 1, max: 200 } as const;

export const ORGANIZATION_QUERY = {
  q: z.string().optional(),
  country: z
    .string()
    .transform((c, ctx) => parseCountry(c) ?? (ctx.addIssue({ code: "custom", message: "must be a country's two-letter ISO 3166 code, such as DE" }), z.NEVER))
    .optional(),
  bic: z
    .string()
    .transform((b, ctx) => {
      const parsed = parseBic(b);
      if (!parsed) return (ctx.addIssue({ code: "custom", message: "must be a BIC of 8 or 11 characters, such as DEUTDEFF or DEUTDEFF500" }), z.NEVER);
      // Eight characters name a bank: its head office and branches are all found.
      return b.trim().length === 8 ? parsed.bic.slice(0, 8) : parsed.bic;
    })
    .optional(),
  kind: z.enum(DIRECTORY_KINDS, { error: `must be one of ${DIRECTORY_KINDS.join(", ")}` }).optional(),
  after: z.string().refine(isOrganizationCursor, { error: "is not a cursor this API issued: pass a page's `next` as it came" }).optional(),
  limit: wholeNumberParam(ORGANIZATION_PAGE.min, ORGANIZATION_PAGE.max),
};

export const ORGANIZATION_QUERY_DOCS: Record<keyof typeof ORGANIZATION_QUERY, { description: string; schema: Record<string, unknown> }> = {
  q: { description: "Part of the name (case-insensitive)", schema: { type: "string" } },
  country: { description: "ISO 3166-1 alpha-2 country code", schema: { type: "string", pattern: "^[A-Za-z]{2}$" } },
  bic: { description: "A BIC: 11 characters find that office, 8 characters the head office and its branches", schema: { type: "string", pattern: "^[A-Za-z0-9]{8}([A-Za-z0-9]{3})?$" } },
  kind: { description: "Only organisations of this kind", schema: { type: "string", enum: [...DIRECTORY_KINDS] } },
  after: { description: "The `next` cursor of the previous page", schema: { type: "string" } },
  limit: { description: `Organisations a page, ${ORGANIZATION_PAGE.min} to ${ORGANIZATION_PAGE.max} (${ORGANIZATION_PAGE.default} unless given)`, schema: { type: "integer", minimum: ORGANIZATION_PAGE.min, maximum: ORGANIZATION_PAGE.max, default: ORGANIZATION_PAGE.default } },
};
