-- Art. 15(c) (issue 13): a nominated or confirming bank that determines a presentation complying
-- forwards the documents to the issuing bank, which examines them within five banking days of its
-- own following receipt (art. 14(b)). When they were forwarded, the issuing bank's day of receipt
-- and its deadline; the forwarding is an anchored milestone. ADD VALUE runs inside the runner's
-- transaction on PostgreSQL 12+; the new value is not used in this migration.
ALTER TABLE "presentations" ADD COLUMN "forwarded_at" TIMESTAMPTZ(3);
ALTER TABLE "presentations" ADD COLUMN "forwarded_on" DATE;
ALTER TABLE "presentations" ADD COLUMN "issuer_examination_deadline" DATE;
ALTER TYPE "MilestoneKind" ADD VALUE 'DOCUMENTS_FORWARDED';
