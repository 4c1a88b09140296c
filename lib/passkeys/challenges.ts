import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { PasskeyCeremony } from "@/lib/generated/prisma/enums";

// WebAuthn challenges, kept on the server: each is random, lives CHALLENGE_MINUTES and is used
// once (consuming deletes its row, whether or not the response then verifies). A registration
// challenge belongs to the user's session that asked for it: another user or another session
// cannot use it, and does not use it up.

export const CHALLENGE_MINUTES = 5;

export type ChallengeBinding = { ceremony: "REGISTRATION"; userId: string; sessionId: string } | { ceremony: "AUTHENTICATION" };

/** A new challenge (base64url) for a ceremony; expired challenges are cleared on the way. */
export async function issueChallenge(binding: ChallengeBinding, now = new Date()): Promise<string> {
  const challenge = randomBytes(32).toString("base64url");
  await db().passkeyChallenge.deleteMany({ where: { expiresAt: { lte: now } } });
  await db().passkeyChallenge.create({
    data: {
      challenge,
      ceremony: binding.ceremony satisfies PasskeyCeremony,
      userId: binding.ceremony === "REGISTRATION" ? binding.userId : null,
      sessionId: binding.ceremony === "REGISTRATION" ? binding.sessionId : null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
    },
  });
  return challenge;
}

/** Uses up a live challenge issued for this binding, in one statement; false when there is none. */
export async function consumeChallenge(challenge: string, binding: ChallengeBinding, now = new Date()): Promise<boolean> {
  const bound = binding.ceremony === "REGISTRATION" ? { userId: binding.userId, sessionId: binding.sessionId } : { userId: null, sessionId: null };
  const { count } = await db().passkeyChallenge.deleteMany({ where: { challenge, ceremony: binding.ceremony, expiresAt: { gt: now }, ...bound } });
  return count === 1;
}

/** The challenge a response answers, read from its clientDataJSON (its signature is checked later). */
export function challengeOf(response: { response?: { clientDataJSON?: unknown } }): string | null {
  try {
    const raw = response.response?.clientDataJSON;
    if (typeof raw !== "string") return null;
    const client = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as { challenge?: unknown };
    return typeof client.challenge === "string" ? client.challenge : null;
  } catch {
    return null;
  }
}
