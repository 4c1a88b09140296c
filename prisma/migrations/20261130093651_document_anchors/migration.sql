-- CreateTable
CREATE TABLE "document_anchors" (
    "sha256" TEXT NOT NULL,
    "batch_id" UUID NOT NULL,
    "commitment" TEXT NOT NULL,
    "proof" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_anchors_pkey" PRIMARY KEY ("sha256","batch_id")
);

-- CreateIndex
CREATE INDEX "document_anchors_batch_id_idx" ON "document_anchors"("batch_id");

-- AddForeignKey
ALTER TABLE "document_anchors" ADD CONSTRAINT "document_anchors_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "anchor_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: hashes have one spelling (as documents.sha256 and milestones.digest).
ALTER TABLE "document_anchors" ADD CONSTRAINT "document_anchors_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$' AND "commitment" ~ '^0x[0-9a-f]{64}$');

-- A document's commitment, once written with its batch, is evidence: never altered, never
-- deleted. (A superuser can still bypass this; the chain is what catches a fake: the proof must
-- lead from the commitment to a root the registry holds.)
CREATE FUNCTION "document_anchors_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'document_anchors is append-only: it cannot be truncated' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RAISE EXCEPTION 'document_anchors is append-only: the commitment of % in batch % cannot be %', OLD.sha256, OLD.batch_id,
    CASE TG_OP WHEN 'DELETE' THEN 'deleted' ELSE 'altered' END USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER "document_anchors_append_only"
  BEFORE UPDATE OR DELETE ON "document_anchors"
  FOR EACH ROW EXECUTE FUNCTION "document_anchors_append_only"();

CREATE TRIGGER "document_anchors_no_truncate"
  BEFORE TRUNCATE ON "document_anchors"
  FOR EACH STATEMENT EXECUTE FUNCTION "document_anchors_append_only"();
