-- AlterTable: the examination rules a bank checks by hand (issue 13)
ALTER TABLE "organizations" ADD COLUMN "manual_rules" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Written by hand: Prisma cannot declare a list NOT NULL; the column always holds a list.
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_manual_rules_present" CHECK ("manual_rules" IS NOT NULL);
