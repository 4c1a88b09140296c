-- Standby credits (ISP98 or UCP 600) are drawn by a demand and a statement of default, not by
-- shipping documents: two new document kinds. ADD VALUE runs inside the runner's transaction on
-- PostgreSQL 12+; nothing in this migration uses the new values.

-- AlterEnum
ALTER TYPE "DocumentKind" ADD VALUE 'DEMAND';
ALTER TYPE "DocumentKind" ADD VALUE 'STATEMENT_OF_DEFAULT';
