-- Written by hand (issue 12, L7): API tokens get scopes (read, act, upload) and an expiry.
ALTER TABLE "api_tokens" ADD COLUMN "scopes" TEXT[] DEFAULT ARRAY['read']::TEXT[];
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" TIMESTAMPTZ(3);

-- Tokens made before scopes acted with every right of their user: they keep those rights, for
-- 90 more days, and are then replaced like any other.
UPDATE "api_tokens" SET "scopes" = ARRAY['read', 'act', 'upload']::TEXT[], "expires_at" = CURRENT_TIMESTAMP + interval '90 days';

ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;

-- At least one scope, and only the three the API knows (lib/api/tokens.ts, TOKEN_SCOPES). Prisma
-- cannot declare a list NOT NULL, so the check refuses NULL too.
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_scopes_known"
  CHECK ("scopes" IS NOT NULL AND cardinality("scopes") > 0 AND "scopes" <@ ARRAY['read', 'act', 'upload']::TEXT[]);
