-- Terms templates: an organisation's saved terms, to start new credits from (lib/templates).
-- The app role's row privileges come from lib/db/roles.ts, granted after every migration.

-- CreateTable
CREATE TABLE "terms_templates" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "terms" JSONB NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "terms_templates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "terms_templates_organization_id_name_key" ON "terms_templates"("organization_id", "name");

-- AddForeignKey
ALTER TABLE "terms_templates" ADD CONSTRAINT "terms_templates_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
