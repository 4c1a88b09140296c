-- CreateTable
CREATE TABLE "sign_in_throttles" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("key")
);

-- Written by hand (issue 12, L1): failures are counted per address (known or not), per address
-- and network, and per network (lib/auth/authenticate.ts), no longer on the user's row, whose
-- count only existing accounts had.
ALTER TABLE "users" DROP COLUMN "failed_sign_ins";
ALTER TABLE "users" DROP COLUMN "locked_until";
