import { creditResource } from "@/lib/api/resources";
import { getCredit } from "@/lib/credits/get-credit";
import { authenticated, json } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/v1/credits/{id}: the credit with its terms, versions, amendments, presentations, milestones and next actions. */
export const GET = authenticated<{ creditId: string }>(async (_request, actor, { creditId }) => json(creditResource(await getCredit(actor, creditId))));
