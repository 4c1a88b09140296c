import { creditFileName } from "@/lib/credits/label-db";
import { getSwiftMessage } from "@/lib/credits/swift-messages";
import { z } from "zod";
import { authenticated } from "@/lib/http/route";
import { readQuery } from "@/lib/http/query";

const MESSAGE_QUERY = { download: z.enum(["fin", "txt"], { error: 'must be "fin" or "txt"' }).optional() };

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/credits/{id}/swift/{message}: one message's FIN text (with its continuations), as
 * text/plain; `?download=fin` or `?download=txt` sends it as a file of that name.
 */
export const GET = authenticated<{ creditId: string; messageId: string }>(async (request, actor, { creditId, messageId }) => {
  const { download } = readQuery(new URL(request.url).searchParams, MESSAGE_QUERY);
  const message = await getSwiftMessage(actor, creditId, messageId);
  const headers: Record<string, string> = {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "private, no-store",
    "x-swift-message-type": `MT${message.type}`,
    "x-swift-valid": message.problems.length === 0 ? "true" : "false",
    // The body's hash and whether it is the one its milestone anchored (docs/SWIFT.md, Recorded hashes).
    "x-swift-sha256": message.anchored.sha256,
    "x-swift-anchored": message.anchored.status === "notRecorded" ? "not-recorded" : message.anchored.status,
  };
  if (download) headers["content-disposition"] = `attachment; filename="${await creditFileName(creditId, `${message.id}.${download}`)}"`;
  return new Response(message.text, { headers });
});
