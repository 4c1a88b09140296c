-- Importing an MT700/MT710 from an issuing bank that does not use TradeTrail (issue 15, item 3):
-- such a bank (and its customer, the applicant) is an external organisation, and the message as
-- received is kept with the credit (or the amendment, for an MT707).

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN "external" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "credit_imports" (
    "id" UUID NOT NULL,
    "credit_id" UUID NOT NULL,
    "message_type" TEXT NOT NULL,
    "sender_bic" TEXT NOT NULL,
    "issuing_bank_bic" TEXT NOT NULL,
    "credit_number" TEXT NOT NULL,
    "fin_text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "imported_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_imports_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "credit_imports_message_type_known" CHECK ("message_type" IN ('700', '710')),
    CONSTRAINT "credit_imports_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
);

-- CreateTable
CREATE TABLE "amendment_imports" (
    "id" UUID NOT NULL,
    "amendment_id" UUID NOT NULL,
    "sender_bic" TEXT NOT NULL,
    "fin_text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "imported_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "amendment_imports_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "amendment_imports_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
);

-- CreateIndex
CREATE UNIQUE INDEX "credit_imports_credit_id_key" ON "credit_imports"("credit_id");

-- CreateIndex
CREATE UNIQUE INDEX "credit_imports_issuing_bank_bic_credit_number_key" ON "credit_imports"("issuing_bank_bic", "credit_number");

-- CreateIndex
CREATE UNIQUE INDEX "amendment_imports_amendment_id_key" ON "amendment_imports"("amendment_id");

-- AddForeignKey
ALTER TABLE "credit_imports" ADD CONSTRAINT "credit_imports_credit_id_fkey" FOREIGN KEY ("credit_id") REFERENCES "credits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_imports" ADD CONSTRAINT "credit_imports_imported_by_id_fkey" FOREIGN KEY ("imported_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amendment_imports" ADD CONSTRAINT "amendment_imports_amendment_id_fkey" FOREIGN KEY ("amendment_id") REFERENCES "amendments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amendment_imports" ADD CONSTRAINT "amendment_imports_imported_by_id_fkey" FOREIGN KEY ("imported_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
