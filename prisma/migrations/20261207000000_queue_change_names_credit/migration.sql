-- Written by hand. A "queue_change" notification now names the credit that changed before the
-- organisations party to it: "<credit>:<org>,<org>". A web process that cached a dashboard queue
-- then brings it up to date by reading those credits alone (lib/credits/queue-cache.ts), instead
-- of reading the whole queue again. Changes that can touch any queue still notify "*"; the
-- triggers of 20261206020000_queue_change_notify are unchanged, only the functions they call.

CREATE FUNCTION "queue_change_credit"(credit uuid, VARIADIC ids uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT pg_notify('queue_change', credit::text || ':' || string_agg(DISTINCT p::text, ',' ORDER BY p::text))
    FROM unnest(ids) p
   WHERE p IS NOT NULL
  HAVING count(p) > 0;
$$;

CREATE OR REPLACE FUNCTION "credits_queue_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "queue_change_credit"(NEW.id, NEW.applicant_id, NEW.beneficiary_id, NEW.issuing_bank_id, NEW.advising_bank_id, NEW.confirming_bank_id);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "queue_change_credit"(NEW.id, OLD.applicant_id, OLD.beneficiary_id, OLD.issuing_bank_id, OLD.advising_bank_id, OLD.confirming_bank_id,
                                  NEW.applicant_id, NEW.beneficiary_id, NEW.issuing_bank_id, NEW.advising_bank_id, NEW.confirming_bank_id);
    IF NEW.id IS DISTINCT FROM OLD.id THEN
      PERFORM "queue_change_credit"(OLD.id, OLD.applicant_id, OLD.beneficiary_id, OLD.issuing_bank_id, OLD.advising_bank_id, OLD.confirming_bank_id);
    END IF;
  ELSE
    PERFORM "queue_change_credit"(OLD.id, OLD.applicant_id, OLD.beneficiary_id, OLD.issuing_bank_id, OLD.advising_bank_id, OLD.confirming_bank_id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "credit_queue_change"(credit uuid) RETURNS void LANGUAGE sql AS $$
  SELECT "queue_change_credit"(c.id, c.applicant_id, c.beneficiary_id, c.issuing_bank_id, c.advising_bank_id, c.confirming_bank_id)
    FROM credits c WHERE c.id = credit;
$$;

DROP FUNCTION "queue_change_parties"(VARIADIC uuid[]);
