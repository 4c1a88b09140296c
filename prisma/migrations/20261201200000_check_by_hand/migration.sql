-- AlterTable: what the automatic examination could not decide, for the examiner (issue 13)
ALTER TABLE "presentations" ADD COLUMN "check_by_hand" JSONB NOT NULL DEFAULT '[]';
