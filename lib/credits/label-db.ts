import { db } from "@/lib/db/client";
import { creditFileStem } from "./label";

/**
 * "MTB-LC-2026-0042-audit-certificate.pdf": a download's file name, led by the credit's label
 * (lib/credits/label.ts). Call it only after the caller was authorised to read the credit.
 */
export async function creditFileName(creditId: string, suffix: string): Promise<string> {
  const credit = await db().credit.findUniqueOrThrow({ where: { id: creditId }, select: { reference: true, creditNumber: true } });
  return `${creditFileStem(credit)}-${suffix}`;
}
