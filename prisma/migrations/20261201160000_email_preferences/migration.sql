-- CreateEnum
CREATE TYPE "EmailPreference" AS ENUM ('IMMEDIATELY', 'DAILY', 'OFF');

-- AlterTable
ALTER TABLE "users" ADD COLUMN "email_notifications" "EmailPreference" NOT NULL DEFAULT 'IMMEDIATELY';
ALTER TABLE "users" ADD COLUMN "last_digest_at" TIMESTAMPTZ(3);
