import { getCredit } from "@/lib/credits/get-credit";
import { authenticated, json } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/v1/credits/{id}: the credit with its terms, versions, amendments, presentations, milestones and next actions. */
export const GET = authenticated<{ creditId: string }>(async (_request, actor, { creditId }) => {
  const credit = await getCredit(actor, creditId);
  const { messages: _messages, ...resource } = credit;
  return json(resource);
});
