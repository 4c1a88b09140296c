import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";

export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** A synced passkey (iCloud Keychain, Google Password Manager…) rather than one device's. */
  synced: boolean;
}

/** The acting user's passkeys that are not revoked, oldest first. */
export async function listPasskeys(actor: Actor): Promise<PasskeySummary[]> {
  const rows = await db().passkey.findMany({ where: { userId: actor.userId, revokedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((p) => ({ id: p.id, name: p.name, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt, synced: p.deviceType === "multiDevice" }));
}
