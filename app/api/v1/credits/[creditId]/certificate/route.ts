import { auditCertificate } from "@/lib/audit/certificate";
import { authenticated } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/v1/credits/{id}/certificate: the audit certificate as a PDF. */
export const GET = authenticated<{ creditId: string }>(async (_request, actor, { creditId }) => {
  const pdf = await auditCertificate(actor, creditId);
  return new Response(Buffer.from(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="audit-certificate-${creditId.slice(0, 8)}.pdf"`, "cache-control": "private, no-store" },
  });
});
