import { auditCertificate } from "@/lib/audit/certificate";
import { creditFileName } from "@/lib/credits/label-db";
import { authenticated } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/v1/credits/{id}/certificate: the audit certificate as a PDF. */
export const GET = authenticated<{ creditId: string }>(async (_request, actor, { creditId }) => {
  const pdf = await auditCertificate(actor, creditId);
  return new Response(Buffer.from(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${await creditFileName(creditId, "audit-certificate.pdf")}"`, "cache-control": "private, no-store" },
  });
});
