-- AlterTable
ALTER TABLE "anchor_batches" ADD COLUMN     "effective_gas_price" BIGINT,
ADD COLUMN     "gas_used" BIGINT,
ADD COLUMN     "nonce" INTEGER;

-- CreateTable
CREATE TABLE "anchor_transactions" (
    "tx_hash" TEXT NOT NULL,
    "batch_id" UUID NOT NULL,
    "nonce" INTEGER NOT NULL,
    "max_fee_per_gas" BIGINT NOT NULL,
    "max_priority_fee_per_gas" BIGINT NOT NULL,
    "gas_limit" BIGINT NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "anchor_transactions_pkey" PRIMARY KEY ("tx_hash")
);

-- CreateIndex
CREATE INDEX "anchor_transactions_batch_id_idx" ON "anchor_transactions"("batch_id");

-- AddForeignKey
ALTER TABLE "anchor_transactions" ADD CONSTRAINT "anchor_transactions_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "anchor_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: transaction hashes have one spelling (lower-case hex, as ethers writes them),
-- and nonces and fees are never negative.
ALTER TABLE "anchor_transactions" ADD CONSTRAINT "anchor_transactions_valid" CHECK (
  "tx_hash" ~ '^0x[0-9a-f]{64}$' AND "nonce" >= 0 AND "max_priority_fee_per_gas" >= 0
  AND "max_fee_per_gas" >= "max_priority_fee_per_gas" AND "gas_limit" > 0);

-- What the worker sent is a record: never altered, never deleted.
CREATE FUNCTION "anchor_transactions_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'anchor_transactions is append-only: it cannot be truncated' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RAISE EXCEPTION 'anchor_transactions is append-only: transaction % of batch % cannot be %', OLD.tx_hash, OLD.batch_id,
    CASE TG_OP WHEN 'DELETE' THEN 'deleted' ELSE 'altered' END USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER "anchor_transactions_append_only"
  BEFORE UPDATE OR DELETE ON "anchor_transactions"
  FOR EACH ROW EXECUTE FUNCTION "anchor_transactions_append_only"();

CREATE TRIGGER "anchor_transactions_no_truncate"
  BEFORE TRUNCATE ON "anchor_transactions"
  FOR EACH STATEMENT EXECUTE FUNCTION "anchor_transactions_append_only"();
