-- AlterEnum: a maker's correction of captured document data waits for a checker (issue 13)
ALTER TYPE "ApprovalKind" ADD VALUE 'DATA_CORRECTION';

-- AlterTable: the day the documents count as presented, for re-examination
ALTER TABLE "presentations" ADD COLUMN "presented_on" DATE;

-- CreateTable
CREATE TABLE "document_corrections" (
    "id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "presentation_id" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "corrected_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_corrections_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "document_corrections_presentation_id_created_at_idx" ON "document_corrections"("presentation_id", "created_at");

-- AddForeignKey
ALTER TABLE "document_corrections" ADD CONSTRAINT "document_corrections_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_corrections" ADD CONSTRAINT "document_corrections_presentation_id_fkey" FOREIGN KEY ("presentation_id") REFERENCES "presentations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: corrections are evidence of what the bank examined, append-only.
CREATE FUNCTION document_corrections_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'document_corrections are append-only' USING ERRCODE = '23000';
END $$;
CREATE TRIGGER document_corrections_append_only BEFORE UPDATE OR DELETE ON "document_corrections"
  FOR EACH ROW EXECUTE FUNCTION document_corrections_append_only();
