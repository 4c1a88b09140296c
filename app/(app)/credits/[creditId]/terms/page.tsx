import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { TermsForm } from "@/components/terms/terms-form";
import { saveTerms } from "@/app/(app)/credits/[creditId]/actions";
import { requireActor } from "@/lib/auth/session";
import { getCredit } from "@/lib/credits/get-credit";
import { isAppError } from "@/lib/errors";
import { type ActionName, actionRule } from "@/lib/lifecycle/definition";
import { creditPageMetadata } from "@/lib/credits/credit-title";

export async function generateMetadata({ params, searchParams }: { params: Promise<{ creditId: string }>; searchParams: Promise<{ action?: string }> }): Promise<Metadata> {
  const [{ creditId }, { action }] = await Promise.all([params, searchParams]);
  return creditPageMetadata(creditId, TERMS_ACTIONS.includes(action as ActionName) ? actionRule(action as ActionName).label : "Edit terms");
}

const TERMS_ACTIONS: readonly ActionName[] = ["reviseDraft", "proposeChanges", "counterPropose", "requestAmendment"];

export default async function EditTermsPage({ params, searchParams }: { params: Promise<{ creditId: string }>; searchParams: Promise<{ action?: string }> }) {
  const actor = await requireActor();
  const { creditId } = await params;
  const { action } = await searchParams;
  const credit = await getCredit(actor, creditId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const name = action as ActionName;
  const allowed = [...credit.actions, ...credit.createActions];
  if (!TERMS_ACTIONS.includes(name) || !allowed.includes(name) || !credit.terms) redirect(`/credits/${creditId}`);
  const rule = actionRule(name);
  const amendment = name === "requestAmendment";
  return (
    <>
      <PageHeader
        title={rule.label}
        breadcrumbs={[{ href: "/credits", label: "Credits" }, { href: `/credits/${creditId}`, label: credit.creditNumber ?? credit.reference }, { href: "#", label: rule.label }]}
        description={
          amendment
            ? "Change only what the amendment should change. The credit's terms stay as they are until the beneficiary accepts (UCP 600 art. 10)."
            : `You are editing version ${credit.currentVersion}. Your changes become version ${(credit.currentVersion ?? 0) + 1}; the other party sees exactly what changed.`
        }
      />
      <TermsForm
        initial={credit.terms}
        submitLabel={amendment ? "Request amendment" : rule.label}
        serverAction={saveTerms}
        hidden={{ action: name, creditId, expectedVersion: String(credit.version), idempotencyKey: randomUUID() }}
        lockParties={amendment}
        commentLabel={amendment ? "Note to the bank and the beneficiary (optional)" : undefined}
      />
    </>
  );
}
