-- AlterTable: a correction of the presentation itself (the day the documents were received) names no document
ALTER TABLE "document_corrections" ALTER COLUMN "document_id" DROP NOT NULL;
