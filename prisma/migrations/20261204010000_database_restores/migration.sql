-- Restores of this database from a backup (issue 16, npm run restore): the reconciliation reads
-- them to explain a root on chain anchored after the backup and before the restore.
CREATE TABLE "database_restores" (
    "id" UUID NOT NULL,
    "backup_created_at" TIMESTAMPTZ(3) NOT NULL,
    "backup_database" TEXT NOT NULL,
    "manifest_sha256" TEXT NOT NULL,
    "anchored_up_to" JSONB NOT NULL DEFAULT '[]',
    "chain_id" BIGINT,
    "head_at_backup" BIGINT,
    "head_at_restore" BIGINT,
    "restored_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "database_restores_pkey" PRIMARY KEY ("id")
);
