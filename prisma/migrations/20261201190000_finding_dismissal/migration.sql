-- AlterTable: who dismissed a finding, and when (issue 13, error 15)
ALTER TABLE "findings" ADD COLUMN "dismissed_by_id" UUID;
ALTER TABLE "findings" ADD COLUMN "dismissed_at" TIMESTAMPTZ(3);

-- AlterTable: what the notice of discrepancies said the bank does with the documents (art. 16(c)(iii))
ALTER TABLE "presentations" ADD COLUMN "document_disposal" TEXT;
