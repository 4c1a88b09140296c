import { getCredit } from "@/lib/credits/get-credit";
import { authenticated, json } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/v1/credits/{id}/milestones: the credit's milestone chain with anchoring status. */
export const GET = authenticated<{ creditId: string }>(async (_request, actor, { creditId }) => {
  const credit = await getCredit(actor, creditId);
  return json({ creditId: credit.id, reference: credit.reference, milestones: credit.milestones });
});
