import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { StartFromTemplate } from "@/components/templates/start-from-template";
import { TermsForm } from "@/components/terms/terms-form";
import { Alert } from "@/components/ui/alert";
import { draftCredit } from "@/app/(app)/credits/[creditId]/actions";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { listTermsTemplates, termsFromTemplate } from "@/lib/templates/find-terms-templates";
import { sampleTerms } from "@/lib/terms/sample";
import type { TermsInput } from "@/lib/terms/schema";

export const metadata: Metadata = { title: "Draft a new credit" };

export default async function NewCreditPage({ searchParams }: { searchParams: Promise<{ template?: string }> }) {
  const actor = await requireActor();
  if (actor.organizationKind !== "CORPORATE" || !actor.roles.some((r) => r === "MAKER" || r === "ADMIN")) redirect("/");
  const { template: templateId } = await searchParams;
  const [me, beneficiaries, banks, templates] = await Promise.all([
    db().organization.findUniqueOrThrow({ where: { id: actor.organizationId } }),
    db().organization.findMany({ where: { kind: "CORPORATE", external: false, id: { not: actor.organizationId } }, orderBy: { name: "asc" }, select: { id: true, name: true, address: true } }),
    db().organization.findMany({ where: { kind: "BANK", external: false }, orderBy: { name: "asc" }, select: { id: true, name: true, address: true } }),
    listTermsTemplates(actor),
  ]);
  // A template of this organisation only: anyone else's is "not found" (lib/templates).
  let template: Awaited<ReturnType<typeof termsFromTemplate>> | null = null;
  let templateMissing = false;
  if (templateId) {
    try {
      template = await termsFromTemplate(actor, templateId);
    } catch (error) {
      if (!isAppError(error) || error.code !== "NOT_FOUND") throw error;
      templateMissing = true;
    }
  }
  // The form starts empty (only the applicant, who is you, and the invoice that 46A always
  // needs), or from a template; "Start from sample" fills in the demo's sample terms. The
  // beneficiary is filled in when chosen.
  const initial = template
    ? { ...template.terms, applicant: { name: me.name, address: me.address ?? "" }, beneficiary: { name: "", address: "" } }
    : blankTerms({ name: me.name, address: me.address ?? "" });
  return (
    <>
      <PageHeader
        title="Draft a new credit"
        breadcrumbs={[{ href: "/credits", label: "Credits" }, { href: "/credits/new", label: "New" }]}
        description="Only you see the draft until you send it to the beneficiary. Every save is a new version."
      />
      {templateMissing ? (
        <Alert tone="warning" title="Template not found" className="mb-6">
          There is no such template of your organisation (it may have been removed). The form starts without it.
        </Alert>
      ) : null}
      <StartFromTemplate templates={templates} current={template?.id} />
      <TermsForm
        key={template?.id ?? "new"}
        initial={initial}
        submitLabel="Save draft"
        serverAction={draftCredit}
        hidden={{ idempotencyKey: randomUUID() }}
        choose={{ beneficiaries, banks }}
        startFrom={{ sample: sampleTerms() }}
      />
    </>
  );
}

/** An empty credit: no amounts, dates or places until the applicant enters them. */
function blankTerms(applicant: { name: string; address: string }): TermsInput {
  return {
    applicant,
    beneficiary: { name: "", address: "" },
    currency: "" as TermsInput["currency"],
    amount: "",
    expiryDate: "",
    expiryPlace: "",
    latestShipmentDate: "",
    portOfLoading: "",
    portOfDischarge: "",
    incoterm: "" as TermsInput["incoterm"],
    goodsDescription: "",
    documentsRequired: [{ kind: "COMMERCIAL_INVOICE", originals: 1, copies: 0, details: "" }],
  };
}
