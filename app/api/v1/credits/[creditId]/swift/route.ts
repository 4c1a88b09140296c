import { swiftSummary } from "@/lib/api/swift";
import { listSwiftMessages } from "@/lib/credits/swift-messages";
import { authenticated, json } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/v1/credits/{id}/swift: the SWIFT messages the credit has produced so far (404 for whoever may not see the credit). */
export const GET = authenticated<{ creditId: string }>(async (_request, actor, { creditId }) => {
  const { reference, creditNumber, messages } = await listSwiftMessages(actor, creditId);
  return json({ creditId, reference, creditNumber, messages: messages.map((m) => swiftSummary(creditId, m)) });
});
