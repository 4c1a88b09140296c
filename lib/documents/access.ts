import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";
import { visiblePartiesOf } from "@/lib/lifecycle/authorize";
import { canAuditorSee } from "@/lib/credits/audit-access";
import { recordAuditUse } from "@/lib/audit/log";
import { isUuid } from "@/lib/ids";
import { readsDocument } from "@/lib/credits/read-rules";

// Who may download a document (lib/credits/read-rules.ts): the beneficiary who presented it;
// the banks of the credit once it is presented (not while in a draft, nor after the beneficiary
// removed it from one); the applicant once the documents are released to it (after a notice of
// discrepancies, for its waiver, or payment); auditors with a live grant, as the banks. Everyone
// else is refused (403): document ids are random UUIDs, so saying the document exists reveals
// nothing, and a back office integrating with the API learns that it is a permission problem
// rather than a wrong id.

export async function documentForDownload(actor: Actor, documentId: string) {
  if (!isUuid(documentId)) throw notFound("The document");
  const document = await db().document.findUnique({ where: { id: documentId }, include: { credit: true, presentation: { select: { status: true } } } });
  if (!document) throw notFound("The document");
  const status = document.presentation?.status ?? null;
  if (actor.organizationKind === "AUDITOR") {
    if (!(await canAuditorSee(actor, document.creditId))) throw forbidden("Your firm holds no audit grant for this credit.");
    if (!readsDocument({ parties: [], auditing: true }, status)) throw forbidden("This document was never presented: it stays with the beneficiary.");
    await recordAuditUse(actor, { action: "download-document", creditId: document.creditId, data: { documentId, sha256: document.sha256 } });
    return document;
  }
  const parties = visiblePartiesOf(actor.organizationId, document.credit);
  if (!readsDocument({ parties, auditing: false }, status)) {
    throw forbidden(
      parties.length === 0
        ? "Only the parties of this credit may download its documents."
        : parties.includes("applicant") && status !== null && status !== "DRAFT"
          ? "The documents reach the applicant when the bank releases them (after a discrepancy notice or payment)."
          : "This document is not presented: it stays with the beneficiary until it is.",
    );
  }
  return document;
}
