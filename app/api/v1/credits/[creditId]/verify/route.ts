import { authenticated, json } from "@/lib/http/route";
import { verifyCreditNow } from "@/lib/verify/live";

export const dynamic = "force-dynamic";

/** POST /api/v1/credits/{id}/verify: re-check every milestone against the chain now. */
export const POST = authenticated<{ creditId: string }>(async (_request, actor, { creditId }) => json(await verifyCreditNow(actor, creditId)), { scope: "read" });
