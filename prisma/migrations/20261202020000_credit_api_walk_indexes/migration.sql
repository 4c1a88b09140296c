-- The API lists credits by id (issue 15): an immutable key, so a walk through the pages sees every
-- credit once while credits change. One index per party column serves each page as a range read.

-- CreateIndex
CREATE INDEX "credits_applicant_id_id_idx" ON "credits"("applicant_id", "id");

-- CreateIndex
CREATE INDEX "credits_beneficiary_id_id_idx" ON "credits"("beneficiary_id", "id");

-- CreateIndex
CREATE INDEX "credits_issuing_bank_id_id_idx" ON "credits"("issuing_bank_id", "id");

-- CreateIndex
CREATE INDEX "credits_advising_bank_id_id_idx" ON "credits"("advising_bank_id", "id");

-- CreateIndex
CREATE INDEX "credits_confirming_bank_id_id_idx" ON "credits"("confirming_bank_id", "id");
