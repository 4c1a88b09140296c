import { type AuthenticationResponseJSON, type PublicKeyCredentialRequestOptionsJSON, generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server";
import { db } from "@/lib/db/client";
import { challengeOf, consumeChallenge, issueChallenge } from "./challenges";
import { relyingParty } from "./relying-party";

// Signing in with a passkey, usernameless: the browser asks its authenticators for any
// discoverable credential of ours, and the server finds the passkey by the credential id the
// response names. The response must answer a live sign-in challenge (used up here), come from
// our origin and RP ID, carry user verification, be signed by the passkey's key, and carry a
// signature counter above the one stored (a cloned authenticator replays a lower one). The caller
// starts the session (lib/auth/index.ts, as after a password).

export type PasskeySignInResult =
  | { ok: true; user: { id: string; email: string; name: string }; passkeyId: string }
  | { ok: false; reason: "challenge" | "unknown-passkey" | "revoked" | "not-verified" | "counter" };

/** The options for navigator.credentials.get(): a fresh challenge, no credentials named. */
export async function startPasskeySignIn(options: { now?: Date } = {}): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const challenge = await issueChallenge({ ceremony: "AUTHENTICATION" }, options.now);
  return generateAuthenticationOptions({ rpID: relyingParty().id, challenge: new Uint8Array(Buffer.from(challenge, "base64url")), userVerification: "required" });
}

export async function verifyPasskeySignIn(options: { response: AuthenticationResponseJSON; now?: Date }): Promise<PasskeySignInResult> {
  const { response } = options;
  const now = options.now ?? new Date();
  const challenge = challengeOf(response);
  if (!challenge || !(await consumeChallenge(challenge, { ceremony: "AUTHENTICATION" }, now))) return { ok: false, reason: "challenge" };

  const passkey = typeof response.id === "string" ? await db().passkey.findUnique({ where: { credentialId: response.id }, include: { user: { select: { id: true, email: true, name: true } } } }) : null;
  if (!passkey) return { ok: false, reason: "unknown-passkey" };
  if (passkey.revokedAt) return { ok: false, reason: "revoked" };
  // The user handle, when the authenticator returns one, must name the passkey's owner.
  if (response.response.userHandle && Buffer.from(response.response.userHandle, "base64url").toString("utf8") !== passkey.userId) return { ok: false, reason: "not-verified" };

  const rp = relyingParty();
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      requireUserVerification: true,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(Buffer.from(passkey.publicKey, "base64url")), counter: Number(passkey.counter), transports: passkey.transports as never },
    });
  } catch (error) {
    return { ok: false, reason: error instanceof Error && /counter/i.test(error.message) ? "counter" : "not-verified" };
  }
  if (!verification.verified) return { ok: false, reason: "not-verified" };

  // Only forward, and only while the passkey is live: of two responses carrying the same counter
  // (a clone used at once), one signs in. Authenticators that keep no counter always send 0.
  const next = BigInt(verification.authenticationInfo.newCounter);
  const moved = await db().passkey.updateMany({
    where: { id: passkey.id, revokedAt: null, OR: [{ counter: { lt: next } }, ...(next === BigInt(0) ? [{ counter: BigInt(0) }] : [])] },
    data: { counter: next, lastUsedAt: now },
  });
  if (moved.count === 0) return { ok: false, reason: "counter" };
  await db().user.update({ where: { id: passkey.userId }, data: { lastSignInAt: now } });
  return { ok: true, user: passkey.user, passkeyId: passkey.id };
}
