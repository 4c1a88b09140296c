-- Reconciliation of the registry's anchors on chain with anchor_batches (lib/jobs/reconcile-anchors.ts).
-- New tables only: the chain side (a cursor per registry and every RootAnchored log read), and
-- each run with its findings.

-- CreateEnum
CREATE TYPE "ReconciliationTrigger" AS ENUM ('SCHEDULE', 'MANUAL');

-- CreateEnum
CREATE TYPE "ReconciliationFindingKind" AS ENUM ('UNKNOWN_ROOT', 'ROOT_NOT_ON_CHAIN', 'ANCHOR_MISMATCH', 'STALE_BATCH');

-- CreateTable
CREATE TABLE "reconciliation_cursors" (
    "chain_id" BIGINT NOT NULL,
    "contract_address" TEXT NOT NULL,
    "start_block" BIGINT NOT NULL,
    "last_block" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reconciliation_cursors_pkey" PRIMARY KEY ("chain_id","contract_address")
);

-- CreateTable
CREATE TABLE "chain_anchored_roots" (
    "id" UUID NOT NULL,
    "chain_id" BIGINT NOT NULL,
    "contract_address" TEXT NOT NULL,
    "root" TEXT NOT NULL,
    "tx_hash" TEXT NOT NULL,
    "block_number" BIGINT NOT NULL,
    "block_hash" TEXT NOT NULL,
    "log_index" INTEGER NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chain_anchored_roots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciliation_runs" (
    "id" UUID NOT NULL,
    "chain_id" BIGINT NOT NULL,
    "contract_address" TEXT NOT NULL,
    "trigger" "ReconciliationTrigger" NOT NULL,
    "requested_by_id" UUID,
    "status" "RunStatus" NOT NULL DEFAULT 'RUNNING',
    "from_block" BIGINT,
    "to_block" BIGINT,
    "start_block" BIGINT,
    "head_block" BIGINT,
    "logs_read" INTEGER NOT NULL DEFAULT 0,
    "roots_on_chain" INTEGER NOT NULL DEFAULT 0,
    "batches_checked" INTEGER NOT NULL DEFAULT 0,
    "batches_elsewhere" INTEGER NOT NULL DEFAULT 0,
    "expected_anchorers" TEXT[],
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "reconciliation_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciliation_findings" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "kind" "ReconciliationFindingKind" NOT NULL,
    "root" TEXT NOT NULL,
    "batch_id" UUID,
    "tx_hash" TEXT,
    "block_number" BIGINT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "reconciliation_findings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "chain_anchored_roots_chain_id_contract_address_root_key" ON "chain_anchored_roots"("chain_id", "contract_address", "root");

-- CreateIndex
CREATE INDEX "reconciliation_runs_chain_id_contract_address_started_at_idx" ON "reconciliation_runs"("chain_id", "contract_address", "started_at");

-- CreateIndex
CREATE INDEX "reconciliation_findings_run_id_idx" ON "reconciliation_findings"("run_id");

-- AddForeignKey
ALTER TABLE "reconciliation_findings" ADD CONSTRAINT "reconciliation_findings_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "reconciliation_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
