-- Written by hand. The dashboard's queues are cached per user in each web process
-- (lib/credits/queue-cache.ts) and dropped when a change commits that can move a credit in or
-- out of a queue: every row change of the tables the queues read notifies channel
-- "queue_change" with the organisations party to the credit (before and after the change), or
-- "*" for a change that can touch any queue (an organisation's name or four-eyes setting, a
-- bank holiday, an auditor's grant). PostgreSQL delivers a notification only when its
-- transaction commits, in commit order, and sends one of each distinct payload per transaction.

CREATE FUNCTION "queue_change_parties"(VARIADIC ids uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT pg_notify('queue_change', string_agg(DISTINCT p::text, ',' ORDER BY p::text))
    FROM unnest(ids) p
   WHERE p IS NOT NULL
  HAVING count(p) > 0;
$$;

CREATE FUNCTION "credits_queue_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "queue_change_parties"(NEW.applicant_id, NEW.beneficiary_id, NEW.issuing_bank_id, NEW.advising_bank_id, NEW.confirming_bank_id);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "queue_change_parties"(OLD.applicant_id, OLD.beneficiary_id, OLD.issuing_bank_id, OLD.advising_bank_id, OLD.confirming_bank_id,
                                   NEW.applicant_id, NEW.beneficiary_id, NEW.issuing_bank_id, NEW.advising_bank_id, NEW.confirming_bank_id);
  ELSE
    PERFORM "queue_change_parties"(OLD.applicant_id, OLD.beneficiary_id, OLD.issuing_bank_id, OLD.advising_bank_id, OLD.confirming_bank_id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "credits_queue_change"
  AFTER INSERT OR UPDATE OR DELETE ON "credits"
  FOR EACH ROW EXECUTE FUNCTION "credits_queue_change"();

-- Approvals, amendments and presentations name their credit; a finding names its presentation.
CREATE FUNCTION "credit_queue_change"(credit uuid) RETURNS void LANGUAGE sql AS $$
  SELECT "queue_change_parties"(c.applicant_id, c.beneficiary_id, c.issuing_bank_id, c.advising_bank_id, c.confirming_bank_id)
    FROM credits c WHERE c.id = credit;
$$;

CREATE FUNCTION "credit_subject_queue_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM "credit_queue_change"(OLD.credit_id);
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM "credit_queue_change"(NEW.credit_id);
  ELSIF TG_OP = 'UPDATE' THEN
    IF NEW.credit_id IS DISTINCT FROM OLD.credit_id THEN
      PERFORM "credit_queue_change"(NEW.credit_id);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "findings_queue_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM "credit_queue_change"(p.credit_id) FROM presentations p WHERE p.id = OLD.presentation_id;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM "credit_queue_change"(p.credit_id) FROM presentations p WHERE p.id = NEW.presentation_id;
  ELSIF TG_OP = 'UPDATE' THEN
    IF NEW.presentation_id IS DISTINCT FROM OLD.presentation_id THEN
      PERFORM "credit_queue_change"(p.credit_id) FROM presentations p WHERE p.id = NEW.presentation_id;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "approvals_queue_change" AFTER INSERT OR UPDATE OR DELETE ON "approvals" FOR EACH ROW EXECUTE FUNCTION "credit_subject_queue_change"();
CREATE TRIGGER "amendments_queue_change" AFTER INSERT OR UPDATE OR DELETE ON "amendments" FOR EACH ROW EXECUTE FUNCTION "credit_subject_queue_change"();
CREATE TRIGGER "presentations_queue_change" AFTER INSERT OR UPDATE OR DELETE ON "presentations" FOR EACH ROW EXECUTE FUNCTION "credit_subject_queue_change"();
CREATE TRIGGER "findings_queue_change" AFTER INSERT OR UPDATE OR DELETE ON "findings" FOR EACH ROW EXECUTE FUNCTION "findings_queue_change"();

CREATE FUNCTION "any_queue_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('queue_change', '*');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "organizations_queue_change" AFTER UPDATE OF "name", "four_eyes" OR DELETE ON "organizations" FOR EACH ROW EXECUTE FUNCTION "any_queue_change"();
CREATE TRIGGER "bank_holidays_queue_change" AFTER INSERT OR UPDATE OR DELETE ON "bank_holidays" FOR EACH ROW EXECUTE FUNCTION "any_queue_change"();
CREATE TRIGGER "audit_grants_queue_change" AFTER INSERT OR UPDATE OR DELETE ON "audit_grants" FOR EACH ROW EXECUTE FUNCTION "any_queue_change"();
