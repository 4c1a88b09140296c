-- AlterTable: a bank's time zone and cut-off time for presentations (issue 13, error 3)
ALTER TABLE "organizations" ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE "organizations" ADD COLUMN "cut_off_time" TEXT;

-- A cut-off is a local time on a 24-hour clock.
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_cut_off_time_format" CHECK ("cut_off_time" IS NULL OR "cut_off_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
