-- AlterTable
ALTER TABLE "anchor_batches" ADD COLUMN     "heads" JSONB NOT NULL DEFAULT '[]';
