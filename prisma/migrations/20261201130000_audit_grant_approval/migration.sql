-- Written by hand (issue 12): a grant over all of a bank's credits needs a second person of the
-- bank to approve it before it gives access; a grant over one credit is in force at once.
ALTER TABLE "audit_grants" ADD COLUMN "approved_at" TIMESTAMPTZ(3);
ALTER TABLE "audit_grants" ADD COLUMN "approved_by_id" UUID;

-- Grants made before this rule stay in force as they were.
UPDATE "audit_grants" SET "approved_at" = "created_at";

-- Whoever asked for a grant does not approve it.
ALTER TABLE "audit_grants" ADD CONSTRAINT "audit_grants_second_approver"
  CHECK ("approved_by_id" IS NULL OR "approved_by_id" <> "granted_by_id");

-- A grant lasts at most a year (and a day, for a leap year). NOT VALID: grants made before keep
-- their end; every new or changed grant is checked.
ALTER TABLE "audit_grants" ADD CONSTRAINT "audit_grants_period"
  CHECK ("valid_until" > "valid_from" AND "valid_until" <= "valid_from" + interval '366 days') NOT VALID;
