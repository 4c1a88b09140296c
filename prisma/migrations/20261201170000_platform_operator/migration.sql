-- AlterEnum: the platform operator, whose administrators onboard organisations (issue 12)
ALTER TYPE "OrganizationKind" ADD VALUE 'OPERATOR';

-- AlterTable: invitations sent by the operator's command line have no inviting user
ALTER TABLE "invitations" ALTER COLUMN "invited_by_id" DROP NOT NULL;
