-- Four eyes wherever money or rights move (issue 11): a per-bank setting, the new kinds of
-- approval a checker decides on, the issuing bank's acceptance of a waiver, and a confirming
-- bank's decision on each amendment (UCP 600 art. 10(b)). Columns and enum values only.

-- AlterEnum
ALTER TYPE "ApprovalKind" ADD VALUE 'CONFIRMATION';
ALTER TYPE "ApprovalKind" ADD VALUE 'COMPLIANCE';
ALTER TYPE "ApprovalKind" ADD VALUE 'DISCREPANCY_NOTICE';
ALTER TYPE "ApprovalKind" ADD VALUE 'FINDING_DISMISSAL';
ALTER TYPE "ApprovalKind" ADD VALUE 'REFUSAL';
ALTER TYPE "ApprovalKind" ADD VALUE 'WAIVER_ACCEPTANCE';

-- AlterEnum
ALTER TYPE "PresentationStatus" ADD VALUE 'WAIVER_ACCEPTED' AFTER 'WAIVED';

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN "four_eyes" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "amendments" ADD COLUMN "confirmation_extended" BOOLEAN;
