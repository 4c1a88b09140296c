-- Drafts (bills of exchange) and beneficiary's certificates become document kinds of their own,
-- each examined by its rules (art. 6(c), 42C, 42a; art. 14(f)). New values go last; nothing in
-- this migration uses them.

-- AlterEnum
ALTER TYPE "DocumentKind" ADD VALUE 'DRAFT';
ALTER TYPE "DocumentKind" ADD VALUE 'BENEFICIARY_CERTIFICATE';
