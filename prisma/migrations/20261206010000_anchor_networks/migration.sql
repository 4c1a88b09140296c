-- AlterTable
ALTER TABLE "anchor_transactions" ADD COLUMN     "anchoring_id" UUID;

-- CreateTable
CREATE TABLE "anchor_network_anchorings" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "network" TEXT NOT NULL,
    "chain_id" BIGINT NOT NULL,
    "contract_address" TEXT NOT NULL,
    "status" "BatchStatus" NOT NULL DEFAULT 'SENDING',
    "tx_hash" TEXT,
    "block_number" BIGINT,
    "block_hash" TEXT,
    "block_time" TIMESTAMPTZ(3),
    "reorg_count" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "nonce" INTEGER,
    "gas_used" BIGINT,
    "effective_gas_price" BIGINT,

    CONSTRAINT "anchor_network_anchorings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "anchor_network_anchorings_status_next_attempt_at_idx" ON "anchor_network_anchorings"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "anchor_network_anchorings_network_status_idx" ON "anchor_network_anchorings"("network", "status");

-- CreateIndex
CREATE UNIQUE INDEX "anchor_network_anchorings_batch_id_chain_id_contract_addres_key" ON "anchor_network_anchorings"("batch_id", "chain_id", "contract_address");

-- CreateIndex
CREATE INDEX "anchor_transactions_anchoring_id_idx" ON "anchor_transactions"("anchoring_id");

-- AddForeignKey
ALTER TABLE "anchor_transactions" ADD CONSTRAINT "anchor_transactions_anchoring_id_fkey" FOREIGN KEY ("anchoring_id") REFERENCES "anchor_network_anchorings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "anchor_network_anchorings" ADD CONSTRAINT "anchor_network_anchorings_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "anchor_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: a network's name is what CHAIN_NETWORKS and proof bundles spell (lib/chain/networks.ts),
-- hashes and addresses have one spelling, counts are never negative.
ALTER TABLE "anchor_network_anchorings" ADD CONSTRAINT "anchor_network_anchorings_valid" CHECK (
  "network" ~ '^[a-z][a-z0-9-]{0,31}$' AND "contract_address" ~ '^0x[0-9a-fA-F]{40}$'
  AND ("tx_hash" IS NULL OR "tx_hash" ~ '^0x[0-9a-fA-F]{64}$')
  AND ("block_hash" IS NULL OR "block_hash" ~ '^0x[0-9a-fA-F]{64}$')
  AND "chain_id" > 0 AND "reorg_count" >= 0 AND "attempts" >= 0 AND ("nonce" IS NULL OR "nonce" >= 0));

-- An anchoring on a network is a record, like its batch: never deleted, and what it anchors
-- (batch, network, chain, registry) never changes. (Its status moves as the batch's does.)
CREATE FUNCTION "anchor_network_anchorings_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'anchor_network_anchorings are never deleted' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.batch_id <> OLD.batch_id OR NEW.network <> OLD.network OR NEW.chain_id <> OLD.chain_id OR NEW.contract_address <> OLD.contract_address THEN
    RAISE EXCEPTION 'the anchoring % names its batch, network, chain and registry once', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "anchor_network_anchorings_guard"
  BEFORE UPDATE OR DELETE ON "anchor_network_anchorings"
  FOR EACH ROW EXECUTE FUNCTION "anchor_network_anchorings_guard"();

CREATE TRIGGER "anchor_network_anchorings_no_truncate"
  BEFORE TRUNCATE ON "anchor_network_anchorings"
  FOR EACH STATEMENT EXECUTE FUNCTION "anchor_network_anchorings_guard"();
