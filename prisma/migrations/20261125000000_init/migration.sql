-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('BANK', 'CORPORATE', 'AUDITOR');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('MAKER', 'CHECKER', 'ADMIN', 'VIEWER');

-- CreateEnum
CREATE TYPE "CreditStatus" AS ENUM ('DRAFT', 'WITH_BENEFICIARY', 'WITH_APPLICANT', 'AGREED', 'SUBMITTED', 'ISSUANCE_PENDING', 'ISSUED', 'ADVISED', 'SETTLED', 'EXPIRED', 'CANCELLED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ApprovalKind" AS ENUM ('ISSUANCE', 'AMENDMENT', 'PAYMENT');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "AmendmentStatus" AS ENUM ('REQUESTED', 'ISSUANCE_PENDING', 'ISSUED', 'ADVISED', 'ACCEPTED', 'REJECTED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('COMMERCIAL_INVOICE', 'BILL_OF_LADING', 'PACKING_LIST', 'CERTIFICATE_OF_ORIGIN', 'INSURANCE_CERTIFICATE', 'INSPECTION_CERTIFICATE', 'OTHER');

-- CreateEnum
CREATE TYPE "PresentationStatus" AS ENUM ('DRAFT', 'PRESENTED', 'COMPLIANT', 'DISCREPANT', 'WAIVED', 'REFUSED', 'PAYMENT_PENDING', 'PAID');

-- CreateEnum
CREATE TYPE "FindingSource" AS ENUM ('AUTOMATIC', 'EXAMINER');

-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('SIGHT', 'DEFERRED', 'ACCEPTANCE', 'NEGOTIATION');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('TERMS_AGREED', 'CREDIT_ISSUED', 'CREDIT_ADVISED', 'AMENDMENT_ISSUED', 'AMENDMENT_ADVISED', 'AMENDMENT_ACCEPTED', 'AMENDMENT_REJECTED', 'DOCUMENTS_PRESENTED', 'PRESENTATION_COMPLIANT', 'DISCREPANCIES_NOTIFIED', 'DISCREPANCIES_WAIVED', 'PRESENTATION_REFUSED', 'PAYMENT_RECORDED', 'CREDIT_SETTLED', 'CREDIT_EXPIRED', 'CREDIT_CANCELLED');

-- CreateEnum
CREATE TYPE "AnchorStatus" AS ENUM ('PENDING', 'BATCHED', 'ANCHORED');

-- CreateEnum
CREATE TYPE "BatchStatus" AS ENUM ('SENDING', 'SUBMITTED', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "organizations" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "bic" TEXT,
    "country" CHAR(2) NOT NULL,
    "address" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "failed_sign_ins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "roles" "MemberRole"[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credits" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "credit_number" TEXT,
    "status" "CreditStatus" NOT NULL DEFAULT 'DRAFT',
    "applicant_id" UUID NOT NULL,
    "beneficiary_id" UUID NOT NULL,
    "issuing_bank_id" UUID NOT NULL,
    "advising_bank_id" UUID NOT NULL,
    "confirming_bank_id" UUID,
    "current_terms_id" UUID,
    "agreed_terms_id" UUID,
    "currency" CHAR(3) NOT NULL,
    "amount" DECIMAL(18,3) NOT NULL,
    "expiry_date" DATE NOT NULL,
    "drawn_amount" DECIMAL(18,3) NOT NULL DEFAULT 0,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "bank_conditions" TEXT,
    "return_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "shared_at" TIMESTAMPTZ(3),
    "submitted_at" TIMESTAMPTZ(3),
    "issued_at" TIMESTAMPTZ(3),

    CONSTRAINT "credits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "terms_versions" (
    "id" UUID NOT NULL,
    "credit_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "parent_id" UUID,
    "author_id" UUID NOT NULL,
    "author_org_id" UUID NOT NULL,
    "terms" JSONB NOT NULL,
    "terms_hash" TEXT NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "terms_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_views" (
    "credit_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "terms_number" INTEGER NOT NULL,
    "viewed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_views_pkey" PRIMARY KEY ("credit_id","user_id")
);

-- CreateTable
CREATE TABLE "approvals" (
    "id" UUID NOT NULL,
    "credit_id" UUID NOT NULL,
    "kind" "ApprovalKind" NOT NULL,
    "subject_id" UUID,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'PENDING',
    "maker_id" UUID NOT NULL,
    "checker_id" UUID,
    "payload" JSONB NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "approvals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "amendments" (
    "id" UUID NOT NULL,
    "credit_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "AmendmentStatus" NOT NULL DEFAULT 'REQUESTED',
    "cancellation" BOOLEAN NOT NULL DEFAULT false,
    "base_terms_id" UUID NOT NULL,
    "proposed_terms_id" UUID,
    "requested_by_id" UUID NOT NULL,
    "note" TEXT,
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "issued_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "amendments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "presentations" (
    "id" UUID NOT NULL,
    "credit_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "PresentationStatus" NOT NULL DEFAULT 'DRAFT',
    "terms_id" UUID,
    "presented_at" TIMESTAMPTZ(3),
    "examination_deadline" DATE,
    "examined_by_id" UUID,
    "examined_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "claimed_amount" DECIMAL(18,3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "presentations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "documents" (
    "id" UUID NOT NULL,
    "credit_id" UUID NOT NULL,
    "presentation_id" UUID,
    "kind" "DocumentKind" NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "originals" INTEGER NOT NULL DEFAULT 1,
    "copies" INTEGER NOT NULL DEFAULT 0,
    "uploaded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "findings" (
    "id" UUID NOT NULL,
    "presentation_id" UUID NOT NULL,
    "document_id" UUID,
    "rule" TEXT NOT NULL,
    "article" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "found" TEXT,
    "expected" TEXT,
    "source" "FindingSource" NOT NULL,
    "dismissed" BOOLEAN NOT NULL DEFAULT false,
    "dismiss_reason" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "findings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "credit_id" UUID NOT NULL,
    "presentation_id" UUID NOT NULL,
    "kind" "PaymentKind" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" DECIMAL(18,3) NOT NULL,
    "due_date" DATE,
    "maker_id" UUID NOT NULL,
    "checker_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bank_holidays" (
    "id" UUID NOT NULL,
    "bank_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "bank_holidays_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestones" (
    "id" UUID NOT NULL,
    "credit_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "subject_id" UUID,
    "actor_id" UUID,
    "actor_org_id" UUID,
    "content" JSONB NOT NULL,
    "document_hashes" TEXT[],
    "prev_digest" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "status" "AnchorStatus" NOT NULL DEFAULT 'PENDING',
    "batch_id" UUID,
    "proof" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "milestones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "anchor_batches" (
    "id" UUID NOT NULL,
    "root" TEXT NOT NULL,
    "leaf_count" INTEGER NOT NULL,
    "status" "BatchStatus" NOT NULL DEFAULT 'SENDING',
    "chain_id" BIGINT NOT NULL,
    "contract_address" TEXT NOT NULL,
    "tx_hash" TEXT,
    "block_number" BIGINT,
    "block_hash" TEXT,
    "block_time" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),

    CONSTRAINT "anchor_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_events" (
    "id" UUID NOT NULL,
    "credit_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "actor_id" UUID,
    "actor_org_id" UUID,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" UUID NOT NULL,
    "credit_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "author_org_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "credit_id" UUID,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "href" TEXT,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "user_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("user_id","key")
);

-- CreateTable
CREATE TABLE "audit_grants" (
    "id" UUID NOT NULL,
    "bank_id" UUID NOT NULL,
    "auditor_id" UUID NOT NULL,
    "credit_id" UUID,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_until" TIMESTAMPTZ(3) NOT NULL,
    "granted_by_id" UUID NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "grant_id" UUID,
    "actor_id" UUID NOT NULL,
    "actor_org_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "credit_id" UUID,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_runs" (
    "id" UUID NOT NULL,
    "auditor_id" UUID NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'QUEUED',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "verification_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organizations_bic_key" ON "organizations"("bic");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "memberships_organization_id_idx" ON "memberships"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_user_id_organization_id_key" ON "memberships"("user_id", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_organization_id_idx" ON "api_tokens"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "credits_reference_key" ON "credits"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "credits_current_terms_id_key" ON "credits"("current_terms_id");

-- CreateIndex
CREATE UNIQUE INDEX "credits_agreed_terms_id_key" ON "credits"("agreed_terms_id");

-- CreateIndex
CREATE INDEX "credits_applicant_id_updated_at_idx" ON "credits"("applicant_id", "updated_at");

-- CreateIndex
CREATE INDEX "credits_beneficiary_id_updated_at_idx" ON "credits"("beneficiary_id", "updated_at");

-- CreateIndex
CREATE INDEX "credits_issuing_bank_id_updated_at_idx" ON "credits"("issuing_bank_id", "updated_at");

-- CreateIndex
CREATE INDEX "credits_advising_bank_id_updated_at_idx" ON "credits"("advising_bank_id", "updated_at");

-- CreateIndex
CREATE INDEX "credits_confirming_bank_id_updated_at_idx" ON "credits"("confirming_bank_id", "updated_at");

-- CreateIndex
CREATE INDEX "credits_status_expiry_date_idx" ON "credits"("status", "expiry_date");

-- CreateIndex
CREATE INDEX "credits_updated_at_id_idx" ON "credits"("updated_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "credits_issuing_bank_id_credit_number_key" ON "credits"("issuing_bank_id", "credit_number");

-- CreateIndex
CREATE UNIQUE INDEX "terms_versions_credit_id_number_key" ON "terms_versions"("credit_id", "number");

-- CreateIndex
CREATE INDEX "approvals_credit_id_status_idx" ON "approvals"("credit_id", "status");

-- CreateIndex
CREATE INDEX "amendments_status_idx" ON "amendments"("status");

-- CreateIndex
CREATE UNIQUE INDEX "amendments_credit_id_number_key" ON "amendments"("credit_id", "number");

-- CreateIndex
CREATE INDEX "presentations_status_examination_deadline_idx" ON "presentations"("status", "examination_deadline");

-- CreateIndex
CREATE UNIQUE INDEX "presentations_credit_id_number_key" ON "presentations"("credit_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "documents_storage_key_key" ON "documents"("storage_key");

-- CreateIndex
CREATE INDEX "documents_credit_id_idx" ON "documents"("credit_id");

-- CreateIndex
CREATE INDEX "documents_presentation_id_idx" ON "documents"("presentation_id");

-- CreateIndex
CREATE INDEX "documents_sha256_idx" ON "documents"("sha256");

-- CreateIndex
CREATE INDEX "findings_presentation_id_idx" ON "findings"("presentation_id");

-- CreateIndex
CREATE INDEX "payments_credit_id_idx" ON "payments"("credit_id");

-- CreateIndex
CREATE UNIQUE INDEX "bank_holidays_bank_id_date_key" ON "bank_holidays"("bank_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "milestones_digest_key" ON "milestones"("digest");

-- CreateIndex
CREATE INDEX "milestones_status_created_at_idx" ON "milestones"("status", "created_at");

-- CreateIndex
CREATE INDEX "milestones_batch_id_idx" ON "milestones"("batch_id");

-- CreateIndex
CREATE UNIQUE INDEX "milestones_credit_id_seq_key" ON "milestones"("credit_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "anchor_batches_root_key" ON "anchor_batches"("root");

-- CreateIndex
CREATE INDEX "anchor_batches_status_next_attempt_at_idx" ON "anchor_batches"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "credit_events_credit_id_created_at_idx" ON "credit_events"("credit_id", "created_at");

-- CreateIndex
CREATE INDEX "messages_credit_id_created_at_idx" ON "messages"("credit_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_created_at_idx" ON "notifications"("user_id", "read_at", "created_at");

-- CreateIndex
CREATE INDEX "audit_grants_auditor_id_valid_until_idx" ON "audit_grants"("auditor_id", "valid_until");

-- CreateIndex
CREATE INDEX "audit_grants_bank_id_idx" ON "audit_grants"("bank_id");

-- CreateIndex
CREATE INDEX "audit_log_grant_id_idx" ON "audit_log"("grant_id");

-- CreateIndex
CREATE INDEX "audit_log_actor_org_id_created_at_idx" ON "audit_log"("actor_org_id", "created_at");

-- CreateIndex
CREATE INDEX "verification_runs_auditor_id_created_at_idx" ON "verification_runs"("auditor_id", "created_at");

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credits" ADD CONSTRAINT "credits_applicant_id_fkey" FOREIGN KEY ("applicant_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credits" ADD CONSTRAINT "credits_beneficiary_id_fkey" FOREIGN KEY ("beneficiary_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credits" ADD CONSTRAINT "credits_issuing_bank_id_fkey" FOREIGN KEY ("issuing_bank_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credits" ADD CONSTRAINT "credits_advising_bank_id_fkey" FOREIGN KEY ("advising_bank_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credits" ADD CONSTRAINT "credits_confirming_bank_id_fkey" FOREIGN KEY ("confirming_bank_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credits" ADD CONSTRAINT "credits_current_terms_id_fkey" FOREIGN KEY ("current_terms_id") REFERENCES "terms_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credits" ADD CONSTRAINT "credits_agreed_terms_id_fkey" FOREIGN KEY ("agreed_terms_id") REFERENCES "terms_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "terms_versions" ADD CONSTRAINT "terms_versions_credit_id_fkey" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "terms_versions" ADD CONSTRAINT "terms_versions_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "terms_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_views" ADD CONSTRAINT "credit_views_credit_id_fkey" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_views" ADD CONSTRAINT "credit_views_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_credit_id_fkey" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_credit_id_fkey" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_base_terms_id_fkey" FOREIGN KEY ("base_terms_id") REFERENCES "terms_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_proposed_terms_id_fkey" FOREIGN KEY ("proposed_terms_id") REFERENCES "terms_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presentations" ADD CONSTRAINT "presentations_credit_id_fkey" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_credit_id_fkey" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_presentation_id_fkey" FOREIGN KEY ("presentation_id") REFERENCES "presentations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_presentation_id_fkey" FOREIGN KEY ("presentation_id") REFERENCES "presentations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_credit_id_fkey" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_presentation_id_fkey" FOREIGN KEY ("presentation_id") REFERENCES "presentations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_holidays" ADD CONSTRAINT "bank_holidays_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_credit_id_fkey" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "anchor_batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_events" ADD CONSTRAINT "credit_events_credit_id_fkey" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_credit_id_fkey" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_credit_id_fkey" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_grants" ADD CONSTRAINT "audit_grants_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_grants" ADD CONSTRAINT "audit_grants_auditor_id_fkey" FOREIGN KEY ("auditor_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_grants" ADD CONSTRAINT "audit_grants_credit_id_fkey" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_grant_id_fkey" FOREIGN KEY ("grant_id") REFERENCES "audit_grants"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_runs" ADD CONSTRAINT "verification_runs_auditor_id_fkey" FOREIGN KEY ("auditor_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
