-- Written by hand (issue 14): a milestone's signatures are as immutable as the rest of what its
-- digest commits to, and an organisation's key trail is append-only like the milestones. Someone
-- with enough privileges can still bypass this; the anchored digests and heads are what catch them.

-- As 20261130093606_database_guards left it, with the signatures added to the fixed fields.
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
     OR NEW.signatures IS DISTINCT FROM OLD.signatures
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

ALTER TABLE key_events ADD CONSTRAINT key_events_digest_hex CHECK (digest ~ '^0x[0-9a-f]{64}$' AND prev_digest ~ '^0x[0-9a-f]{64}$' AND salt ~ '^0x[0-9a-f]{64}$');

-- Anchoring fills in batch and proof once; nothing else of a key event ever changes, and none is deleted.
CREATE FUNCTION "key_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'key events are append-only: they cannot be truncated' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'key events are append-only: % cannot be deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.organization_id IS DISTINCT FROM OLD.organization_id OR NEW.seq IS DISTINCT FROM OLD.seq OR NEW.kind IS DISTINCT FROM OLD.kind
     OR NEW.content IS DISTINCT FROM OLD.content OR NEW.prev_digest IS DISTINCT FROM OLD.prev_digest OR NEW.salt IS DISTINCT FROM OLD.salt
     OR NEW.digest IS DISTINCT FROM OLD.digest OR NEW.created_at IS DISTINCT FROM OLD.created_at
     OR (OLD.batch_id IS NOT NULL AND NEW.batch_id IS DISTINCT FROM OLD.batch_id) THEN
    RAISE EXCEPTION 'key events are append-only: % cannot be altered', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "key_events_append_only"
  BEFORE UPDATE OR DELETE ON "key_events"
  FOR EACH ROW EXECUTE FUNCTION "key_events_append_only"();
CREATE TRIGGER "key_events_no_truncate"
  BEFORE TRUNCATE ON "key_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "key_events_append_only"();
