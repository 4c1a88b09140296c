-- AlterTable: the examination rule set that examined the presentation (also anchored in its milestone)
ALTER TABLE "presentations" ADD COLUMN "rules_version" TEXT;
