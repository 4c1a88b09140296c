import type { PresentationStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";
import { visiblePartiesOf } from "@/lib/lifecycle/authorize";
import { canAuditorSee } from "@/lib/credits/audit-access";
import { recordAuditUse } from "@/lib/audit/log";
import { isUuid } from "@/lib/ids";

// Who may download a document: the beneficiary who presented it and the banks of the credit;
// the applicant once the documents are released to it (after payment), or when it must decide
// on a waiver; auditors with a live grant. Everyone else is refused (403): document ids are
// random UUIDs, so saying the document exists reveals nothing, and a back office integrating
// with the API learns that it is a permission problem rather than a wrong id.

const RELEASED_TO_APPLICANT: readonly PresentationStatus[] = ["DISCREPANT", "WAIVED", "WAIVER_ACCEPTED", "PAYMENT_PENDING", "PAID"];

export async function documentForDownload(actor: Actor, documentId: string) {
  if (!isUuid(documentId)) throw notFound("The document");
  const document = await db().document.findUnique({ where: { id: documentId }, include: { credit: true, presentation: { select: { status: true } } } });
  if (!document) throw notFound("The document");
  if (actor.organizationKind === "AUDITOR") {
    if (!(await canAuditorSee(actor, document.creditId))) throw forbidden("Your firm holds no audit grant for this credit.");
    await recordAuditUse(actor, { action: "download-document", creditId: document.creditId, data: { documentId, sha256: document.sha256 } });
    return document;
  }
  const parties = visiblePartiesOf(actor.organizationId, document.credit);
  const mayRead = parties.some((party) => {
    if (party === "applicant") return document.presentation !== null && RELEASED_TO_APPLICANT.includes(document.presentation.status);
    return true;
  });
  if (!mayRead) {
    throw forbidden(
      parties.includes("applicant")
        ? "The documents reach the applicant when the bank releases them (after a discrepancy notice or payment)."
        : "Only the parties of this credit may download its documents.",
    );
  }
  return document;
}
