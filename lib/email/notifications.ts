import { type Db, type Tx, db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { queueEmail, siteUrl } from "./outbox";

// Notifications by e-mail (issue 12), by each user's preference: immediately (one message per
// notification, queued in the same transaction as the step that caused it), a daily digest, or
// off. Every message links to the item on the site. Without a known site address (APP_URL or
// AUTH_URL; `npm start` always sets one) nothing is queued: a link-less e-mail helps no one.

const FOOTER = "You receive this because you are a member of an organisation party to the credit. Choose immediately, a daily digest, or no e-mail in Settings.";

/** Queues the immediate e-mails of notifications just written for `userIds`, in the same transaction. */
export async function emailNotifications(client: Db | Tx, userIds: readonly string[], notification: { title: string; href: string }): Promise<number> {
  const base = siteUrl();
  if (!base || userIds.length === 0) return 0;
  const users = await client.user.findMany({ where: { id: { in: [...userIds] }, emailNotifications: "IMMEDIATELY" }, select: { email: true, name: true } });
  for (const user of users) {
    await queueEmail(client, {
      to: user.email,
      kind: "notification",
      subject: notification.title,
      text: [`Hello ${user.name},`, "", notification.title, "", `Open it: ${base}${notification.href}`, "", FOOTER].join("\n"),
    });
  }
  return users.length;
}

/**
 * Sends each user on the daily digest one message listing the notifications of the last day,
 * at most once a day (a job runs this often). Answers how many digests were queued.
 */
export async function queueDailyDigests(now = new Date()): Promise<number> {
  const base = siteUrl();
  if (!base) return 0;
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const due = await db().$queryRaw<{ id: string; email: string; name: string; since: Date }[]>(Prisma.sql`
    SELECT u.id, u.email, u.name, GREATEST(COALESCE(u.last_digest_at, ${dayAgo}), ${dayAgo}) AS since
      FROM users u
     WHERE u.email_notifications = 'DAILY' AND (u.last_digest_at IS NULL OR u.last_digest_at <= ${dayAgo})`);
  let queued = 0;
  for (const user of due) {
    await db().$transaction(async (tx) => {
      // Claimed first: a second job runner finds the digest already taken.
      const claimed = await tx.user.updateMany({ where: { id: user.id, OR: [{ lastDigestAt: null }, { lastDigestAt: { lte: dayAgo } }] }, data: { lastDigestAt: now } });
      if (claimed.count !== 1) return;
      const items = await tx.notification.findMany({ where: { userId: user.id, createdAt: { gt: user.since, lte: now } }, orderBy: { createdAt: "asc" }, select: { title: true, href: true } });
      if (items.length === 0) return;
      await queueEmail(tx, {
        to: user.email,
        kind: "digest",
        subject: `TradeTrail: ${items.length} update${items.length === 1 ? "" : "s"} in the last day`,
        text: [`Hello ${user.name},`, "", ...items.flatMap((item) => [`- ${item.title}`, `  ${base}${item.href}`]), "", FOOTER].join("\n"),
      });
      queued++;
    });
  }
  return queued;
}

/** A user's own e-mail preference. */
export async function emailPreference(userId: string): Promise<string> {
  return (await db().user.findUniqueOrThrow({ where: { id: userId }, select: { emailNotifications: true } })).emailNotifications;
}

/** Sets a user's own e-mail preference. */
export async function setEmailPreference(userId: string, preference: string): Promise<void> {
  if (preference !== "IMMEDIATELY" && preference !== "DAILY" && preference !== "OFF") throw new Error(`Unknown e-mail preference ${preference}`);
  await db().user.update({ where: { id: userId }, data: { emailNotifications: preference } });
}
