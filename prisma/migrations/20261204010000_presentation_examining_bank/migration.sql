-- The bank that examines a presentation (issue 13, item 7): the nominated or confirming bank the
-- credit is available with, else the issuing bank; fixed when the documents are presented.
-- Presentations made before this examined at the issuing bank, as the app then had it.
ALTER TABLE "presentations" ADD COLUMN "examining_bank_id" UUID;
UPDATE "presentations" p SET "examining_bank_id" = c."issuing_bank_id" FROM "credits" c WHERE c."id" = p."credit_id" AND p."status" <> 'DRAFT';
