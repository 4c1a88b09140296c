-- Written by hand: rules Prisma's schema language cannot express. The database enforces them
-- even against a buggy or bypassed application.

-- Four eyes: whoever prepared an issuance, amendment or payment may not approve it.
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_four_eyes" CHECK ("checker_id" IS NULL OR "checker_id" <> "maker_id");
ALTER TABLE "payments" ADD CONSTRAINT "payments_four_eyes" CHECK ("checker_id" <> "maker_id");

-- Money and counters.
ALTER TABLE "credits" ADD CONSTRAINT "credits_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "credits" ADD CONSTRAINT "credits_drawn_within_range" CHECK ("drawn_amount" >= 0);
ALTER TABLE "credits" ADD CONSTRAINT "credits_parties_distinct" CHECK ("applicant_id" <> "beneficiary_id");
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_seq_positive" CHECK ("seq" >= 1);

-- Hashes have one spelling: lower-case hex.
ALTER TABLE "documents" ADD CONSTRAINT "documents_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_digest_hex" CHECK ("digest" ~ '^0x[0-9a-f]{64}$' AND "prev_digest" ~ '^0x[0-9a-f]{64}$' AND "salt" ~ '^0x[0-9a-f]{64}$');

-- The audit trail is append-only: once written, a milestone's committed fields never change
-- and it is never deleted. (Anchoring fills in status, batch and proof.) Someone with enough
-- privileges can still bypass this; the on-chain anchors are what catch them.
CREATE FUNCTION "milestones_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'milestones are append-only: % cannot be deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.credit_id IS DISTINCT FROM OLD.credit_id OR NEW.seq IS DISTINCT FROM OLD.seq OR NEW.kind IS DISTINCT FROM OLD.kind
     OR NEW.subject_id IS DISTINCT FROM OLD.subject_id OR NEW.content IS DISTINCT FROM OLD.content
     OR NEW.document_hashes IS DISTINCT FROM OLD.document_hashes OR NEW.prev_digest IS DISTINCT FROM OLD.prev_digest
     OR NEW.salt IS DISTINCT FROM OLD.salt OR NEW.digest IS DISTINCT FROM OLD.digest
     OR NEW.actor_id IS DISTINCT FROM OLD.actor_id OR NEW.actor_org_id IS DISTINCT FROM OLD.actor_org_id
     OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'milestones are append-only: % cannot be altered', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "milestones_append_only"
  BEFORE UPDATE OR DELETE ON "milestones"
  FOR EACH ROW EXECUTE FUNCTION "milestones_append_only"();

-- Human references for credits (TT-2026-000042), unique and gap-tolerant.
CREATE SEQUENCE "credit_reference_seq" START 1;
