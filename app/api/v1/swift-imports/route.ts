import { authenticated, json, readJson } from "@/lib/http/route";
import { AppError } from "@/lib/errors";
import { importCredit, previewCreditImport } from "@/lib/credits/import-credit";

export const dynamic = "force-dynamic";

/** POST /api/v1/swift-imports {fin, beneficiaryId, issuingBankName?, preview?}: an advising bank imports an MT700/MT710 (docs/SWIFT.md, Import). */
export const POST = authenticated(async (request, actor) => {
  const body = await readJson(request, 300_000);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("INVALID_REQUEST", 'Send a JSON object: {"fin": "{1:F01…", "beneficiaryId": "…"}.');
  const { fin, beneficiaryId, issuingBankName, preview, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new AppError("INVALID_REQUEST", `Unknown field${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}. An import takes fin, beneficiaryId, issuingBankName and preview.`);
  if (preview !== undefined && typeof preview !== "boolean") throw new AppError("INVALID_REQUEST", "preview is true or false.");
  if (preview) return json(await previewCreditImport(actor, { fin, issuingBankName }));
  return json(await importCredit(actor, { fin, beneficiaryId, issuingBankName }), { status: 201 });
});
