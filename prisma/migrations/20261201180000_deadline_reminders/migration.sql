-- CreateEnum
CREATE TYPE "DeadlineKind" AS ENUM ('EXAMINATION', 'EXPIRY');

-- CreateTable
CREATE TABLE "deadline_reminders" (
    "id" UUID NOT NULL,
    "kind" "DeadlineKind" NOT NULL,
    "subject_id" UUID NOT NULL,
    "due_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deadline_reminders_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "deadline_reminders_kind_subject_id_due_on_key" ON "deadline_reminders"("kind", "subject_id", "due_on");
