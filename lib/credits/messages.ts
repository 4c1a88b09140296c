import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { type Tx, db } from "@/lib/db/client";
import { AppError, forbidden, invalid, notFound } from "@/lib/errors";
import { visiblePartiesOf } from "@/lib/lifecycle/authorize";
import { recordAuditUse } from "@/lib/audit/log";
import { creditLabel } from "./label";
import { canAuditorSee } from "./audit-access";
import { MESSAGE_MAX_CHARS, messageLengthProblem } from "./message-rules";
import { isUuid } from "@/lib/ids";

// The credit's message thread: the parties' conversation beside the credit (the Messages tab and
// GET/POST /api/v1/credits/{id}/messages). Every party that sees the credit reads and posts to it;
// an auditor under a grant reads it and never posts; a viewer reads it and never posts.

/** One message as the page and the API show it. */
export interface ThreadMessage {
  id: string;
  body: string;
  author: { name: string };
  organization: { id: string; name: string };
  createdAt: Date;
  /** Posted by the reader themself. */
  mine: boolean;
}

/** The idempotency_keys action of a message (the lifecycle's actions are named in camelCase too, none like it). */
const POST_MESSAGE = "postMessage";

/** The thread (or the one message `messageId`), oldest first, for anyone who may read the credit: a party that sees it, or an auditor under a live grant (the read is logged). */
export async function listMessages(actor: Actor, creditId: string, options: { messageId?: string } = {}): Promise<{ creditId: string; reference: string; messages: ThreadMessage[] }> {
  if (!isUuid(creditId)) throw notFound("The credit");
  const credit = await db().credit.findUnique({ where: { id: creditId } });
  if (!credit) throw notFound("The credit");
  const party = actor.organizationKind !== "AUDITOR" && visiblePartiesOf(actor.organizationId, credit).length > 0;
  const auditing = !party && (await canAuditorSee(actor, creditId));
  if (!party && !auditing) throw notFound("The credit");
  const rows = await db().message.findMany({ where: { creditId, ...(options.messageId ? { id: options.messageId } : {}) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const [users, orgs] = await Promise.all([
    db().user.findMany({ where: { id: { in: [...new Set(rows.map((m) => m.authorId))] } }, select: { id: true, name: true } }),
    db().organization.findMany({ where: { id: { in: [...new Set(rows.map((m) => m.authorOrgId))] } }, select: { id: true, name: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  if (auditing) await recordAuditUse(actor, { action: "view-messages", creditId, data: { messages: rows.length } });
  return {
    creditId,
    reference: credit.reference,
    messages: rows.map((m) => ({
      id: m.id,
      body: m.body,
      author: { name: userName.get(m.authorId) ?? "Unknown user" },
      organization: { id: m.authorOrgId, name: orgName.get(m.authorOrgId) ?? "" },
      createdAt: m.createdAt,
      mine: m.authorId === actor.userId,
    })),
  };
}

/**
 * Posts a message to the credit's thread, visible to every party that sees the credit, and tells
 * the other parties' users. With an idempotency key (the API's Idempotency-Key), a retry of the
 * same message replays the first post instead of posting twice; the key with another credit or
 * another text is refused with 422, as for lifecycle actions.
 */
export async function postMessage(actor: Actor, creditId: string, body: string, options: { idempotencyKey?: string } = {}): Promise<{ id: string; replayed?: boolean }> {
  const text = body.trim();
  const problem = messageLengthProblem(text);
  if (problem) throw new AppError("INVALID_REQUEST", problem, { body: text.length === 0 ? "Write a message" : `At most ${MESSAGE_MAX_CHARS.toLocaleString("en-GB")} characters` });
  const key = options.idempotencyKey;
  if (key !== undefined && !/^[A-Za-z0-9_-]{8,100}$/.test(key)) throw invalid("The idempotency key must be 8–100 letters, digits, '-' or '_'.");
  if (actor.roles.every((r) => r === "VIEWER")) throw forbidden("Viewers can read the thread but not post to it.");
  if (!isUuid(creditId)) throw notFound("The credit");
  const credit = await db().credit.findUnique({ where: { id: creditId } });
  // An auditor is never a party (visiblePartiesOf), so an audit firm's user gets 404 here as in the pages.
  if (!credit || visiblePartiesOf(actor.organizationId, credit).length === 0) throw notFound("The credit");

  const requestHash = createHash("sha256").update(text).digest("hex");
  const posted: { id: string; replayed?: true } = await db().$transaction(async (tx): Promise<{ id: string; replayed?: true }> => {
    if (key) {
      // Claimed first: a concurrent duplicate waits here for the first to commit, then replays it.
      const claimed = await tx.$executeRaw`
        INSERT INTO idempotency_keys (user_id, key, action, credit_id, subject_id, request_hash, response)
        VALUES (${actor.userId}::uuid, ${key}, ${POST_MESSAGE}, ${creditId}::uuid, NULL, ${requestHash}, '{}'::jsonb)
        ON CONFLICT DO NOTHING`;
      if (claimed === 0) return replayMessage(tx, actor.userId, key, creditId, requestHash);
    }
    const message = await tx.message.create({ data: { creditId, authorId: actor.userId, authorOrgId: actor.organizationId, body: text }, select: { id: true } });
    if (key) await tx.idempotencyKey.update({ where: { userId_key: { userId: actor.userId, key } }, data: { response: { id: message.id } } });
    return message;
  });
  if (posted.replayed) return posted;

  // Tell the other parties' users who see the credit.
  const others = await db().membership.findMany({
    where: {
      organizationId: { in: [credit.applicantId, credit.beneficiaryId, credit.issuingBankId, credit.advisingBankId, ...(credit.confirmingBankId ? [credit.confirmingBankId] : [])].filter((id) => id !== actor.organizationId && visiblePartiesOf(id, credit).length > 0) },
    },
    select: { userId: true },
  });
  if (others.length > 0) {
    await db().notification.createMany({
      data: [...new Set(others.map((m) => m.userId))].map((userId) => ({ userId, creditId, title: `${creditLabel(credit)}: new message from ${actor.organizationName}`, body: text.slice(0, 140), href: `/credits/${creditId}?tab=messages` })),
    });
  }
  return posted;
}

/** The first post of this key, when this is the same message to the same credit again; 422 for anything else. */
async function replayMessage(tx: Tx, userId: string, key: string, creditId: string, requestHash: string): Promise<{ id: string; replayed: true }> {
  const stored = await tx.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
  const reused = (what: string) => new AppError("IDEMPOTENCY_KEY_REUSED", `This Idempotency-Key was already used ${what}. Send a new key for a new request; the same key replays only the same request.`);
  if (!stored || stored.action !== POST_MESSAGE) throw reused(`for another action${stored ? ` (${stored.action})` : ""}`);
  if (stored.creditId !== creditId) throw reused("on another credit");
  if (stored.requestHash !== requestHash) throw reused("with a different body");
  const id = (stored.response as { id?: unknown }).id;
  if (typeof id !== "string") throw reused("for another request");
  return { id, replayed: true };
}
