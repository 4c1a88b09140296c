-- AlterTable
ALTER TABLE "anchor_batches" ADD COLUMN     "reorg_count" INTEGER NOT NULL DEFAULT 0;

-- Written by hand: a database that resists its own application. The app connects as a role that
-- owns nothing (lib/db/roles.ts): it cannot disable, drop or replace these triggers, nor set
-- session_replication_role. Only the owner role that runs migrations, or a superuser, can.

-- Milestones: the committed fields never change (as before), and the anchoring columns only move
-- forward: status PENDING -> BATCHED -> ANCHORED, never back; batch_id NULL -> a batch once, never
-- changed again; proof set in the same update as batch_id and fixed from then on. A milestone
-- becomes ANCHORED only while its batch is CONFIRMED. After a reorg the milestone keeps its
-- status: the batch's status says whether its root is (again) confirmed.
CREATE OR REPLACE FUNCTION "milestones_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stages CONSTANT text[] := ARRAY['PENDING', 'BATCHED', 'ANCHORED'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'milestones are append-only: % cannot be deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.credit_id IS DISTINCT FROM OLD.credit_id OR NEW.seq IS DISTINCT FROM OLD.seq OR NEW.kind IS DISTINCT FROM OLD.kind
     OR NEW.subject_id IS DISTINCT FROM OLD.subject_id OR NEW.content IS DISTINCT FROM OLD.content
     OR NEW.document_hashes IS DISTINCT FROM OLD.document_hashes OR NEW.prev_digest IS DISTINCT FROM OLD.prev_digest
     OR NEW.salt IS DISTINCT FROM OLD.salt OR NEW.digest IS DISTINCT FROM OLD.digest
     OR NEW.actor_id IS DISTINCT FROM OLD.actor_id OR NEW.actor_org_id IS DISTINCT FROM OLD.actor_org_id
     OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'milestones are append-only: % cannot be altered', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF array_position(stages, NEW.status::text) < array_position(stages, OLD.status::text) THEN
    RAISE EXCEPTION 'milestone anchoring only moves forward: % cannot go back from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD.batch_id IS NOT NULL AND NEW.batch_id IS DISTINCT FROM OLD.batch_id THEN
    RAISE EXCEPTION 'milestone anchoring only moves forward: the batch of % is fixed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.proof IS DISTINCT FROM OLD.proof AND NOT (OLD.batch_id IS NULL AND NEW.batch_id IS NOT NULL) THEN
    RAISE EXCEPTION 'milestone anchoring only moves forward: the proof of % is set once, with its batch', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF (NEW.status = 'PENDING') <> (NEW.batch_id IS NULL) THEN
    RAISE EXCEPTION 'milestone anchoring only moves forward: % is % but its batch is %', OLD.id, NEW.status, coalesce(NEW.batch_id::text, 'none')
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.status = 'ANCHORED' AND OLD.status <> 'ANCHORED'
     AND NOT EXISTS (SELECT 1 FROM "anchor_batches" b WHERE b.id = NEW.batch_id AND b.status = 'CONFIRMED') THEN
    RAISE EXCEPTION 'milestone anchoring only moves forward: % cannot be ANCHORED before its batch is CONFIRMED', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

-- Anchor batches: append-only except forward moves. Root, leaves, heads, chain and contract are
-- fixed when the batch closes; status moves SENDING -> SUBMITTED -> CONFIRMED; the transaction hash
-- may change only while SENDING (re-sends); block number and hash are written when the batch leaves
-- SENDING, block time and confirmed_at when it reaches CONFIRMED. attempts, last_error,
-- next_attempt_at and sent_at are the worker's bookkeeping and free.
--
-- The one backward move is a chain reorganisation: SUBMITTED/CONFIRMED -> SENDING with
-- reorg_count + 1 and the transaction and block columns cleared. It cannot move any milestone's
-- proven time: the root, the leaf count and the heads of the batch are immutable, and so are each
-- milestone's batch and proof, so the batch can only ever be anchored again as the very same root
-- with the very same members; the contract refuses a root it already holds (AlreadyAnchored), so
-- the root has at most one anchoring on the chain, and the time an auditor checks is that block's
-- timestamp, read from the chain, never from these columns. A reorg move faked in the database
-- while the root is still on chain only makes the worker find and record the same transaction
-- again, and leaves reorg_count behind as a trace.
CREATE FUNCTION "anchor_batches_forward_only"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stages CONSTANT text[] := ARRAY['SENDING', 'SUBMITTED', 'CONFIRMED'];
  old_stage int := array_position(stages, OLD.status::text);
  new_stage int := array_position(stages, NEW.status::text);
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'anchor batches are append-only: % cannot be deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.root IS DISTINCT FROM OLD.root OR NEW.leaf_count IS DISTINCT FROM OLD.leaf_count
     OR NEW.heads IS DISTINCT FROM OLD.heads OR NEW.chain_id IS DISTINCT FROM OLD.chain_id
     OR NEW.contract_address IS DISTINCT FROM OLD.contract_address OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'anchor batches are append-only: the root, leaves, heads, chain and contract of % cannot be altered', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF new_stage < old_stage THEN
    IF NEW.status <> 'SENDING' OR NEW.reorg_count IS DISTINCT FROM OLD.reorg_count + 1
       OR NEW.tx_hash IS NOT NULL OR NEW.block_number IS NOT NULL OR NEW.block_hash IS NOT NULL
       OR NEW.block_time IS NOT NULL OR NEW.confirmed_at IS NOT NULL THEN
      RAISE EXCEPTION 'anchor batches only move forward: % may go back from % to SENDING only as a reorg (reorg_count + 1, transaction and block cleared)', OLD.id, OLD.status
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.reorg_count IS DISTINCT FROM OLD.reorg_count THEN
    RAISE EXCEPTION 'anchor batches only move forward: the reorg count of % changes only with a reorg', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.tx_hash IS DISTINCT FROM OLD.tx_hash AND OLD.status <> 'SENDING' THEN
    RAISE EXCEPTION 'anchor batches only move forward: the transaction of % is fixed once it is mined', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF (NEW.block_number IS DISTINCT FROM OLD.block_number OR NEW.block_hash IS DISTINCT FROM OLD.block_hash)
     AND NOT (OLD.status = 'SENDING' AND NEW.status <> 'SENDING') THEN
    RAISE EXCEPTION 'anchor batches only move forward: the block of % is set only when it leaves SENDING', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF (NEW.block_time IS DISTINCT FROM OLD.block_time OR NEW.confirmed_at IS DISTINCT FROM OLD.confirmed_at)
     AND NOT (OLD.status <> 'CONFIRMED' AND NEW.status = 'CONFIRMED') THEN
    RAISE EXCEPTION 'anchor batches only move forward: the block time of % is set only when it reaches CONFIRMED', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF (NEW.status <> 'SENDING' AND (NEW.tx_hash IS NULL OR NEW.block_number IS NULL OR NEW.block_hash IS NULL))
     OR (NEW.status = 'CONFIRMED' AND (NEW.block_time IS NULL OR NEW.confirmed_at IS NULL)) THEN
    RAISE EXCEPTION 'anchor batches only move forward: % cannot be % without its transaction and block', OLD.id, NEW.status
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "anchor_batches_forward_only"
  BEFORE UPDATE OR DELETE ON "anchor_batches"
  FOR EACH ROW EXECUTE FUNCTION "anchor_batches_forward_only"();

-- Documents: the evidence is append-only. The app never deletes a document and never changes its
-- bytes' hash or storage key; the one update it makes is removing a document from a presentation
-- that is still a draft (lib/lifecycle/handlers/presentation.ts removeDocument), which unlinks it
-- (presentation_id -> NULL) and keeps the stored bytes.
CREATE FUNCTION "documents_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'documents are append-only: % cannot be deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.sha256 IS DISTINCT FROM OLD.sha256 OR NEW.storage_key IS DISTINCT FROM OLD.storage_key THEN
    RAISE EXCEPTION 'documents are append-only: the sha256 and storage key of % cannot be changed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.credit_id IS DISTINCT FROM OLD.credit_id OR NEW.kind IS DISTINCT FROM OLD.kind
     OR NEW.file_name IS DISTINCT FROM OLD.file_name OR NEW.media_type IS DISTINCT FROM OLD.media_type
     OR NEW.size IS DISTINCT FROM OLD.size OR NEW.data IS DISTINCT FROM OLD.data OR NEW.originals IS DISTINCT FROM OLD.originals
     OR NEW.copies IS DISTINCT FROM OLD.copies OR NEW.uploaded_by_id IS DISTINCT FROM OLD.uploaded_by_id
     OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'documents are append-only: % cannot be altered', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.presentation_id IS DISTINCT FROM OLD.presentation_id
     AND (NEW.presentation_id IS NOT NULL
          OR NOT EXISTS (SELECT 1 FROM "presentations" p WHERE p.id = OLD.presentation_id AND p.status = 'DRAFT')) THEN
    RAISE EXCEPTION 'documents are append-only: % may only be removed from a draft presentation', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "documents_append_only"
  BEFORE UPDATE OR DELETE ON "documents"
  FOR EACH ROW EXECUTE FUNCTION "documents_append_only"();
