import { authenticated, json, readJson } from "@/lib/http/route";
import { AppError } from "@/lib/errors";
import { importAmendment, previewAmendmentImport } from "@/lib/credits/import-amendment";

export const dynamic = "force-dynamic";

/** POST /api/v1/credits/{creditId}/swift-imports {fin, preview?}: the advising bank applies an incoming MT707 (docs/SWIFT.md, Import). */
export const POST = authenticated<{ creditId: string }>(async (request, actor, { creditId }) => {
  const body = await readJson(request, 300_000);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("INVALID_REQUEST", 'Send a JSON object: {"fin": "{1:F01…"}.');
  const { fin, preview, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new AppError("INVALID_REQUEST", `Unknown field${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}. An MT707 import takes fin and preview.`);
  if (preview !== undefined && typeof preview !== "boolean") throw new AppError("INVALID_REQUEST", "preview is true or false.");
  if (preview) return json(await previewAmendmentImport(actor, creditId, { fin }));
  return json(await importAmendment(actor, creditId, { fin }), { status: 201 });
});
