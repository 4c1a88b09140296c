// How a credit is named to people, everywhere (pages, notifications, file names): its credit
// number (MT700 field 20) once the issuing bank has issued it, TradeTrail's own reference
// (TT-2026-000042) before. One rule, so a notification never says TT-… where the page says MTB/….

export function creditLabel(credit: { reference: string; creditNumber: string | null }): string {
  return credit.creditNumber ?? credit.reference;
}

/** The label made safe for a file name: "MTB/LC/2026/0042" -> "MTB-LC-2026-0042". */
export function creditFileStem(credit: { reference: string; creditNumber: string | null }): string {
  return creditLabel(credit).replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "credit";
}
