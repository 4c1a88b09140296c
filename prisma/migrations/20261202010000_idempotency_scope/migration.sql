-- Idempotency keys are scoped to the request they were first used for (issue 15): the credit,
-- the subject and a hash of the body are kept, so a key reused elsewhere is refused, not replayed.
ALTER TABLE "idempotency_keys" ADD COLUMN "credit_id" UUID,
ADD COLUMN "subject_id" UUID,
ADD COLUMN "request_hash" TEXT;
