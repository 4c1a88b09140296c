import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { config } from "@/lib/config";
import { parseDocumentData } from "@/lib/documents/data";
import { safeFileName } from "@/lib/documents/file-name";
import { ingestDocument } from "@/lib/documents/ingest";
import { MAX_DETAILS_BYTES, splitUploadBody } from "@/lib/documents/upload-body";
import { documentStorage } from "@/lib/storage";
import { DOCUMENT_KINDS, type DocumentKind } from "@/lib/terms/schema";
import { performAction, precheckAction } from "@/lib/lifecycle/perform";
import { authenticated, json } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * POST …/presentations/{id}/documents
 * The body is one line of JSON describing the document ({ kind, originals, copies, fileName,
 * data }), a line feed, then the file's bytes (lib/documents/upload-body.ts). The file streams
 * to storage while it is hashed: nothing is buffered, so a 200 MB scan costs no more memory than
 * a 20 kB one. Older clients may still describe the document in the query string
 * (?kind=…&originals=…&copies=…&fileName=…&data=<json>) with the raw file as the body; a long
 * description there fails at the HTTP server's header limit, before it reaches us.
 * Under eUCP (docs/EUCP.md) the description may say `medium: "PAPER"` (a paper document for the
 * counter, art. e6(a)(ii)), and a record re-presented at the bank's request (art. e12) is
 * described by `{ requestId, fileName }` alone: it takes the corrupted record's type and details.
 */
export const POST = authenticated<{ creditId: string; presentationId: string }>(async (request, actor, params) => {
  const url = new URL(request.url);
  if (!request.body) throw new AppError("INVALID_REQUEST", "Send the document's details and the file as the request body.");
  const maxBytes = config().UPLOAD_MAX_BYTES;
  // Refuse a declared oversize at once; an undeclared one is cut off by ingest as it streams.
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes + MAX_DETAILS_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the largest we accept.`, { file: "Too large" });
  }
  // Refuse before storing a byte: wrong party or state (for a re-presentation, once its description names it).
  const inQueryFirst = url.searchParams.has("kind");
  if (inQueryFirst) await precheckAction({ actor, action: "addDocument", creditId: params.creditId, subjectId: params.presentationId });
  const inQuery = url.searchParams.has("kind");
  let description: Record<string, unknown>;
  let body: Readable;
  if (inQuery) {
    let data: unknown;
    try {
      data = JSON.parse(url.searchParams.get("data") ?? "{}");
    } catch {
      throw new AppError("INVALID_REQUEST", "The document details are not valid JSON.");
    }
    description = { ...Object.fromEntries(url.searchParams), data };
    body = Readable.fromWeb(request.body as never);
  } else {
    const split = await splitUploadBody(request.body);
    if (typeof split.details !== "object" || split.details === null || Array.isArray(split.details)) {
      split.file.destroy();
      throw new AppError("INVALID_REQUEST", "The document's details must be a JSON object.");
    }
    description = split.details as Record<string, unknown>;
    body = split.file;
  }
  // eUCP art. e12: a corrupted record re-presented at the bank's request names the request instead of describing a new document.
  const requestId = typeof description.requestId === "string" ? description.requestId : null;
  let details: ReturnType<typeof describe> | null = null;
  try {
    if (!inQueryFirst) await precheckAction({ actor, action: requestId ? "representRecord" : "addDocument", creditId: params.creditId, subjectId: params.presentationId });
    if (!requestId) details = describe(description);
  } catch (error) {
    body.destroy();
    throw error;
  }
  const fileName = details?.fileName ?? (typeof description.fileName === "string" ? description.fileName : "");

  const storage = documentStorage();
  const stored = await ingestDocument({ body, maxBytes, storage });
  try {
    const file = { ...stored, fileName: safeFileName(fileName, stored.mediaType) };
    const result = await performAction({
      actor,
      action: requestId ? "representRecord" : "addDocument",
      creditId: params.creditId,
      subjectId: params.presentationId,
      input: requestId ? { requestId, file } : { kind: details!.kind, originals: details!.originals, copies: details!.copies, medium: details!.medium, data: details!.data, file },
    });
    return json({ documentId: result.output?.documentId, sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, version: result.version }, { status: 201 });
  } catch (error) {
    await storage.delete(stored.storageKey).catch(() => {});
    throw error;
  }
}, { scope: "upload" });

/** The document's description, validated: a 400 naming each field, before a byte is stored. */
function describe(raw: Record<string, unknown>) {
  const kind = raw.kind as DocumentKind;
  if (typeof kind !== "string" || !DOCUMENT_KINDS.includes(kind)) throw new AppError("INVALID_REQUEST", "Choose the document type.", { kind: "Choose the document type" });
  const count = (name: "originals" | "copies", fallback: number) => {
    const value = raw[name] === undefined || raw[name] === null || raw[name] === "" ? fallback : Number(raw[name]);
    if (!Number.isInteger(value) || value < 0 || value > 10) throw new AppError("INVALID_REQUEST", `${name} must be a whole number from 0 to 10.`, { [name]: "0 to 10" });
    return value;
  };
  const originals = count("originals", 1);
  const copies = count("copies", 0);
  const parsed = parseDocumentData(kind, raw.data ?? {});
  if (!parsed.ok) throw new AppError("INVALID_REQUEST", "Some document details need your attention.", Object.fromEntries(Object.entries(parsed.fields).map(([k, v]) => [`data.${k}`, v])));
  const medium = raw.medium === undefined || raw.medium === null || raw.medium === "" ? "ELECTRONIC" : raw.medium;
  if (medium !== "ELECTRONIC" && medium !== "PAPER") throw new AppError("INVALID_REQUEST", "medium is ELECTRONIC (an electronic record) or PAPER (a paper document for the counter, eUCP art. e6(a)(ii)).", { medium: "ELECTRONIC or PAPER" });
  return { kind, originals, copies, medium: medium as "ELECTRONIC" | "PAPER", data: parsed.data, fileName: typeof raw.fileName === "string" ? raw.fileName : "" };
}
