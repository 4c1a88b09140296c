-- The credit list (lib/credits/list-credits.ts) reads each party role's newest credits from its own
-- index in (updated_at, id) order: with id in the key, keyset pagination needs no sort step.

-- DropIndex
DROP INDEX "credits_applicant_id_updated_at_idx";

-- DropIndex
DROP INDEX "credits_beneficiary_id_updated_at_idx";

-- DropIndex
DROP INDEX "credits_issuing_bank_id_updated_at_idx";

-- DropIndex
DROP INDEX "credits_advising_bank_id_updated_at_idx";

-- DropIndex
DROP INDEX "credits_confirming_bank_id_updated_at_idx";

-- CreateIndex
CREATE INDEX "credits_applicant_id_updated_at_id_idx" ON "credits"("applicant_id", "updated_at", "id");

-- CreateIndex
CREATE INDEX "credits_beneficiary_id_updated_at_id_idx" ON "credits"("beneficiary_id", "updated_at", "id");

-- CreateIndex
CREATE INDEX "credits_issuing_bank_id_updated_at_id_idx" ON "credits"("issuing_bank_id", "updated_at", "id");

-- CreateIndex
CREATE INDEX "credits_advising_bank_id_updated_at_id_idx" ON "credits"("advising_bank_id", "updated_at", "id");

-- CreateIndex
CREATE INDEX "credits_confirming_bank_id_updated_at_id_idx" ON "credits"("confirming_bank_id", "updated_at", "id");
