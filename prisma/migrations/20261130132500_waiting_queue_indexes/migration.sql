-- The dashboard's queues (lib/credits/waiting.ts) read one party's credits in one state, oldest
-- first: one index range per (party, state), cut to the queue's length. Partial: only credits
-- that can still wait for someone (an expired credit can, for a presentation made in time).

-- CreateIndex
CREATE INDEX "credits_applicant_id_status_updated_at_id_idx" ON "credits"("applicant_id", "status", "updated_at", "id") WHERE (status NOT IN ('SETTLED', 'CANCELLED', 'WITHDRAWN'));

-- CreateIndex
CREATE INDEX "credits_beneficiary_id_status_updated_at_id_idx" ON "credits"("beneficiary_id", "status", "updated_at", "id") WHERE (status NOT IN ('SETTLED', 'CANCELLED', 'WITHDRAWN'));

-- CreateIndex
CREATE INDEX "credits_issuing_bank_id_status_updated_at_id_idx" ON "credits"("issuing_bank_id", "status", "updated_at", "id") WHERE (status NOT IN ('SETTLED', 'CANCELLED', 'WITHDRAWN'));

-- CreateIndex
CREATE INDEX "credits_advising_bank_id_status_updated_at_id_idx" ON "credits"("advising_bank_id", "status", "updated_at", "id") WHERE (status NOT IN ('SETTLED', 'CANCELLED', 'WITHDRAWN'));

-- CreateIndex
CREATE INDEX "credits_confirming_bank_id_status_updated_at_id_idx" ON "credits"("confirming_bank_id", "status", "updated_at", "id") WHERE (status NOT IN ('SETTLED', 'CANCELLED', 'WITHDRAWN'));

