-- Written by hand. Payment follows the issuing bank's four-eyes setting (issue 11): under four
-- eyes a maker prepares it and a different checker approves it; a bank that turned four eyes off
-- records it in one step, and the payment names that one officer as its maker and its checker.
-- The check "checker_id <> maker_id" becomes a trigger, since a check cannot read another table:
-- one person may be both only when the credit's issuing bank has four eyes off as the payment is
-- written. (Whoever can turn the setting off, the bank's administrator or the app's role, can
-- therefore record a one-person payment; the setting is the bank's decision, as in the app.)

ALTER TABLE "payments" DROP CONSTRAINT "payments_four_eyes";

CREATE FUNCTION "payments_four_eyes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.checker_id = NEW.maker_id AND NOT EXISTS (
       SELECT 1 FROM "credits" c JOIN "organizations" o ON o.id = c.issuing_bank_id
        WHERE c.id = NEW.credit_id AND NOT o.four_eyes) THEN
    RAISE EXCEPTION 'payments need four eyes: % was made and approved by the same user, and the issuing bank works under four eyes', NEW.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "payments_four_eyes"
  BEFORE INSERT OR UPDATE OF "maker_id", "checker_id", "credit_id" ON "payments"
  FOR EACH ROW EXECUTE FUNCTION "payments_four_eyes"();
