import type { Actor } from "@/lib/auth/actor";
import { db, readRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/** For the app shell's badge on every signed-in page: on pg without Prisma's engine (readRows). */
export async function unreadCount(actor: Actor): Promise<number> {
  const [row] = await readRows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${actor.userId}::uuid AND read_at IS NULL`);
  return row?.n ?? 0;
}

export function listNotifications(actor: Actor, take = 100) {
  return db().notification.findMany({ where: { userId: actor.userId }, orderBy: { createdAt: "desc" }, take });
}

/** Marks the user's notifications read (all, or those of one credit when it is opened). */
export async function markRead(actor: Actor, options: { creditId?: string } = {}): Promise<void> {
  await db().notification.updateMany({ where: { userId: actor.userId, readAt: null, ...(options.creditId ? { creditId: options.creditId } : {}) }, data: { readAt: new Date() } });
}
