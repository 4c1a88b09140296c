import { Readable } from "node:stream";
import { contentDisposition } from "@/lib/documents/file-name";
import { documentForDownload } from "@/lib/documents/access";
import { documentStorage } from "@/lib/storage";
import { authenticated } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/v1/documents/{id}[?inline=1]: the stored bytes, with their SHA-256 in a header. */
export const GET = authenticated<{ documentId: string }>(async (request, actor, { documentId }) => {
  const document = await documentForDownload(actor, documentId);
  const file = await documentStorage().get(document.storageKey);
  const inline = new URL(request.url).searchParams.get("inline") === "1";
  return new Response(Readable.toWeb(file.body) as ReadableStream, {
    headers: {
      "content-type": document.mediaType,
      "content-length": String(document.size),
      "content-disposition": contentDisposition(document.fileName, inline ? "inline" : "attachment"),
      "x-content-sha256": document.sha256,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      // A preview may be framed by our own pages only; the PDF viewer runs no scripts of ours.
      "content-security-policy": "default-src 'none'; frame-ancestors 'self'; sandbox",
    },
  });
});
