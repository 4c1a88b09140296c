import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { ImportCreditForm } from "@/components/swift/import-credit-form";
import { Alert } from "@/components/ui/alert";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { importCreditAction } from "./actions";

export const metadata: Metadata = { title: "Import an MT700" };

/** An advising bank imports a credit it received by SWIFT from an issuing bank that does not use TradeTrail (docs/SWIFT.md, Import). */
export default async function ImportCreditPage() {
  const actor = await requireActor();
  if (actor.organizationKind !== "BANK" || !actor.roles.some((r) => r === "MAKER" || r === "CHECKER")) redirect("/");
  const [bank, beneficiaries, externalBanks] = await Promise.all([
    db().organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { name: true, bic: true } }),
    db().organization.findMany({ where: { kind: "CORPORATE", external: false }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().organization.findMany({ where: { kind: "BANK", external: true }, orderBy: { name: "asc" }, select: { name: true, bic: true } }),
  ]);
  return (
    <>
      <PageHeader
        title="Import an MT700"
        breadcrumbs={[{ href: "/credits", label: "Credits" }, { href: "/credits/import", label: "Import" }]}
        description="A credit your bank received by SWIFT (MT700 or MT710) from an issuing bank that does not use TradeTrail. Your bank becomes its advising bank; the issuing bank and the applicant are recorded as external parties. Nothing is created until you confirm."
      />
      {bank.bic ? (
        <ImportCreditForm
          bank={{ name: bank.name, bic: bank.bic }}
          beneficiaries={beneficiaries}
          knownIssuingBanks={externalBanks.flatMap((b) => (b.bic ? [{ name: b.name, bic: b.bic }] : []))}
          action={importCreditAction}
        />
      ) : (
        <Alert tone="warning" title="Your bank has no BIC in TradeTrail">
          A SWIFT message names its receiver by BIC: TradeTrail cannot tell which messages were sent to your bank until its BIC is recorded.
        </Alert>
      )}
    </>
  );
}
