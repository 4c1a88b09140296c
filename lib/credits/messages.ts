import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { visiblePartiesOf } from "@/lib/lifecycle/authorize";
import { creditLabel } from "./label";
import { MESSAGE_MAX_CHARS, messageLengthProblem } from "./message-rules";
import { isUuid } from "@/lib/ids";

/** A message in the credit's thread, visible to every party that sees the credit. */
export async function postMessage(actor: Actor, creditId: string, body: string): Promise<{ id: string }> {
  const text = body.trim();
  const problem = messageLengthProblem(text);
  if (problem) throw new AppError("INVALID_REQUEST", problem, { body: text.length === 0 ? "Write a message" : `At most ${MESSAGE_MAX_CHARS.toLocaleString("en-GB")} characters` });
  if (actor.roles.every((r) => r === "VIEWER")) throw forbidden("Viewers can read the thread but not post to it.");
  if (!isUuid(creditId)) throw notFound("The credit");
  const credit = await db().credit.findUnique({ where: { id: creditId } });
  if (!credit || visiblePartiesOf(actor.organizationId, credit).length === 0) throw notFound("The credit");
  const message = await db().message.create({ data: { creditId, authorId: actor.userId, authorOrgId: actor.organizationId, body: text }, select: { id: true } });
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
  return message;
}
