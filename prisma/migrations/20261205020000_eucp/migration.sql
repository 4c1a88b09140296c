-- eUCP v2.1 presentation (issue 15, item 5; docs/EUCP.md): a presentation made under eUCP, the
-- medium of each document (electronic record or paper at the counter) with the day a paper
-- document was received, the data-corruption requests of art. e12, and two milestone kinds: the
-- beneficiary's notice of completeness (art. e6(c)) and a re-presented record (art. e12).
-- Presentations and documents made before this were made under UCP 600 alone: eucp false, electronic.
-- CreateEnum
CREATE TYPE "RecordMedium" AS ENUM ('ELECTRONIC', 'PAPER');

-- AlterEnum


ALTER TYPE "MilestoneKind" ADD VALUE 'NOTICE_OF_COMPLETENESS';
ALTER TYPE "MilestoneKind" ADD VALUE 'RECORD_REPRESENTED';

-- AlterTable
ALTER TABLE "presentations" ADD COLUMN     "eucp" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "medium" "RecordMedium" NOT NULL DEFAULT 'ELECTRONIC',
ADD COLUMN     "received_at_counter_by_id" UUID,
ADD COLUMN     "received_at_counter_on" DATE;

-- CreateTable
CREATE TABLE "representation_requests" (
    "id" UUID NOT NULL,
    "presentation_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "suspended_on" DATE NOT NULL,
    "due_on" DATE NOT NULL,
    "represented_at" TIMESTAMPTZ(3),
    "represented_on" DATE,
    "replacement_id" UUID,

    CONSTRAINT "representation_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "representation_requests_presentation_id_idx" ON "representation_requests"("presentation_id");

-- AddForeignKey
ALTER TABLE "representation_requests" ADD CONSTRAINT "representation_requests_presentation_id_fkey" FOREIGN KEY ("presentation_id") REFERENCES "presentations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "representation_requests" ADD CONSTRAINT "representation_requests_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "representation_requests" ADD CONSTRAINT "representation_requests_replacement_id_fkey" FOREIGN KEY ("replacement_id") REFERENCES "documents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

