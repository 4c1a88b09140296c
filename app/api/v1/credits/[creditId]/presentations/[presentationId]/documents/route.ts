import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { config } from "@/lib/config";
import { parseDocumentData } from "@/lib/documents/data";
import { safeFileName } from "@/lib/documents/file-name";
import { ingestDocument } from "@/lib/documents/ingest";
import { documentStorage } from "@/lib/storage";
import { DOCUMENT_KINDS, type DocumentKind } from "@/lib/terms/schema";
import { performAction, precheckAction } from "@/lib/lifecycle/perform";
import { authenticated, json } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * POST …/presentations/{id}/documents?kind=…&originals=…&copies=…&fileName=…&data=<json>
 * The file is the raw request body, streamed to storage while it is hashed: nothing is buffered,
 * so a 200 MB scan costs no more memory than a 20 kB one. The description travels in the query.
 */
export const POST = authenticated<{ creditId: string; presentationId: string }>(async (request, actor, params) => {
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind") as DocumentKind | null;
  if (!kind || !DOCUMENT_KINDS.includes(kind)) throw new AppError("INVALID_REQUEST", "Choose the document type.", { kind: "Choose the document type" });
  const count = (name: string, fallback: number) => {
    const raw = url.searchParams.get(name);
    const value = raw === null || raw === "" ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 10) throw new AppError("INVALID_REQUEST", `${name} must be a whole number from 0 to 10.`, { [name]: "0 to 10" });
    return value;
  };
  const originals = count("originals", 1);
  const copies = count("copies", 0);
  let data: unknown;
  try {
    data = JSON.parse(url.searchParams.get("data") ?? "{}");
  } catch {
    throw new AppError("INVALID_REQUEST", "The document details are not valid JSON.");
  }
  // Refuse before storing a byte: wrong party or state, or details that do not validate.
  await precheckAction({ actor, action: "addDocument", creditId: params.creditId, subjectId: params.presentationId });
  const parsed = parseDocumentData(kind, data);
  if (!parsed.ok) throw new AppError("INVALID_REQUEST", "Some document details need your attention.", Object.fromEntries(Object.entries(parsed.fields).map(([k, v]) => [`data.${k}`, v])));
  if (!request.body) throw new AppError("INVALID_REQUEST", "Send the file as the request body.");
  const maxBytes = config().UPLOAD_MAX_BYTES;
  // Refuse a declared oversize at once; an undeclared one is cut off by ingest as it streams.
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the largest we accept.`, { file: "Too large" });
  }

  const storage = documentStorage();
  const stored = await ingestDocument({ body: Readable.fromWeb(request.body as never), maxBytes, storage });
  try {
    const result = await performAction({
      actor,
      action: "addDocument",
      creditId: params.creditId,
      subjectId: params.presentationId,
      input: {
        kind,
        originals,
        copies,
        data: parsed.data,
        file: { ...stored, fileName: safeFileName(url.searchParams.get("fileName") ?? "", stored.mediaType) },
      },
    });
    return json({ documentId: result.output?.documentId, sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, version: result.version }, { status: 201 });
  } catch (error) {
    await storage.delete(stored.storageKey).catch(() => {});
    throw error;
  }
});
