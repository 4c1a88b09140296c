import { creditFileName } from "@/lib/credits/label-db";
import { authenticated, json } from "@/lib/http/route";
import { exportProofBundle } from "@/lib/verify/export";

export const dynamic = "force-dynamic";

/** GET /api/v1/credits/{id}/proof-bundle: the self-contained proof bundle as a JSON download. */
export const GET = authenticated<{ creditId: string }>(async (_request, actor, { creditId }) => {
  const bundle = await exportProofBundle(actor, creditId);
  return json(bundle, { headers: { "content-disposition": `attachment; filename="${await creditFileName(bundle.credit.id, "proof-bundle.json")}"` } });
});
