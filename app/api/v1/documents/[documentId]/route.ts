import { Readable } from "node:stream";
import { contentDisposition } from "@/lib/documents/file-name";
import { documentForDownload } from "@/lib/documents/access";
import { openVerifiedDocument } from "@/lib/documents/serve";
import { documentStorage } from "@/lib/storage";
import { z } from "zod";
import { authenticated } from "@/lib/http/route";
import { readQuery } from "@/lib/http/query";

const DOWNLOAD_QUERY = { inline: z.literal("1", { error: "must be 1 (show it in the browser), or left out (download it)" }).optional() };

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/documents/{id}[?inline=1]: the stored bytes, with the SHA-256 of exactly those bytes
 * in a header. A stored file that is not the recorded document is refused (409), not served.
 */
export const GET = authenticated<{ documentId: string }>(async (request, actor, { documentId }) => {
  const query = readQuery(new URL(request.url).searchParams, DOWNLOAD_QUERY);
  const document = await documentForDownload(actor, documentId);
  const file = await openVerifiedDocument(documentStorage(), document);
  const inline = query.inline === "1";
  return new Response(Readable.toWeb(file.body) as ReadableStream, {
    headers: {
      "content-type": document.mediaType,
      "content-length": String(file.size),
      "content-disposition": contentDisposition(document.fileName, inline ? "inline" : "attachment"),
      "x-content-sha256": file.sha256,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      // A preview may be framed by our own pages only; the PDF viewer runs no scripts of ours.
      "content-security-policy": "default-src 'none'; frame-ancestors 'self'; sandbox",
    },
  });
});
