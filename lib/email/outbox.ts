import nodemailer, { type Transporter } from "nodemailer";
import { config, siteUrl } from "@/lib/config";
import { type Db, type Tx, db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

// The e-mail outbox. A message is a row written in the same transaction as what causes it, so
// it is never lost when SMTP is down, and never sent for a change that rolled back. A job
// (lib/jobs/background.ts) sends what is due; a failed send is retried with a backoff that
// doubles from RETRY_BASE_MS up to RETRY_MAX_MS, and given up after MAX_ATTEMPTS, the last error
// kept on the row.

export const MAX_ATTEMPTS = 8;
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 3_600_000;
/** A claimed message is someone's to send for this long; a sender that dies lets it go again. */
const CLAIM_MS = 120_000;

export interface Email {
  to: string;
  subject: string;
  text: string;
  kind: string;
}

/** Queues a message, in `client`'s transaction when it is one. */
export async function queueEmail(client: Db | Tx, email: Email): Promise<void> {
  await client.emailMessage.create({ data: { to: email.to, subject: email.subject, text: email.text, kind: email.kind } });
}

/** The wait before attempt `attempts + 1`: 30 s, 1 min, 2 min … at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export type MailTransport = Pick<Transporter, "sendMail">;

let transport: { url: string; transporter: Transporter } | undefined;

/** The SMTP transport for SMTP_URL, or null when none is configured (messages wait in the outbox). */
export function smtpTransport(): MailTransport | null {
  const url = config().SMTP_URL;
  if (!url) return null;
  if (transport?.url !== url) {
    transport?.transporter.close();
    transport = { url, transporter: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  }
  return transport.transporter;
}

/**
 * Sends up to `limit` due messages through `mail`, one at a time, each claimed just before it is
 * sent (several senders may share the outbox). Claiming a run of messages up front would let the
 * claims of those still waiting their turn run out behind a slow SMTP server, and another sender
 * would send them too. Answers how many were sent and how many failed this time.
 */
export async function deliverDueEmails(mail: MailTransport, options: { now?: Date; limit?: number; from?: string; claimMs?: number } = {}): Promise<{ sent: number; failed: number }> {
  const claimMs = options.claimMs ?? CLAIM_MS;
  const from = options.from ?? config().EMAIL_FROM;
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < (options.limit ?? 20); i++) {
    // The clock at this message's turn (a test's fixed `now` stands for it throughout).
    const now = options.now ?? new Date();
    const [message] = await db().$queryRaw<{ id: string; to_address: string; subject: string; text: string; attempts: number }[]>(Prisma.sql`
      UPDATE email_outbox SET next_attempt_at = ${new Date(now.getTime() + claimMs)}
       WHERE id = (SELECT id FROM email_outbox WHERE status = 'QUEUED' AND next_attempt_at <= ${now}
                    ORDER BY next_attempt_at, created_at FOR UPDATE SKIP LOCKED LIMIT 1)
       RETURNING id, to_address, subject, text, attempts`);
    if (!message) break;
    try {
      await mail.sendMail({ from, to: message.to_address, subject: message.subject, text: message.text });
      await db().emailMessage.update({ where: { id: message.id }, data: { status: "SENT", sentAt: new Date(), attempts: message.attempts + 1, lastError: null } });
      sent++;
    } catch (error) {
      failed++;
      const attempts = message.attempts + 1;
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await db().emailMessage.update({
        where: { id: message.id },
        data: attempts >= MAX_ATTEMPTS ? { status: "FAILED", attempts, lastError: reason } : { attempts, lastError: reason, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) },
      });
    }
  }
  return { sent, failed };
}

/** The site's address for links in e-mail (lib/config.ts siteUrl): APP_URL, else AUTH_URL, else null (unknown). */
export { siteUrl };

/** siteUrl(), for e-mail that is useless without its link (a reset, an invitation). */
export function appUrl(): string {
  const url = siteUrl();
  if (!url) throw new Error("Set APP_URL (or AUTH_URL) to the site's public address: e-mailed links point there.");
  return url;
}
