import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";

export function unreadCount(actor: Actor): Promise<number> {
  return db().notification.count({ where: { userId: actor.userId, readAt: null } });
}

export function listNotifications(actor: Actor, take = 100) {
  return db().notification.findMany({ where: { userId: actor.userId }, orderBy: { createdAt: "desc" }, take });
}

/** Marks the user's notifications read (all, or those of one credit when it is opened). */
export async function markRead(actor: Actor, options: { creditId?: string } = {}): Promise<void> {
  await db().notification.updateMany({ where: { userId: actor.userId, readAt: null, ...(options.creditId ? { creditId: options.creditId } : {}) }, data: { readAt: new Date() } });
}
