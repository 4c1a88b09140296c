import { type PublicKeyCredentialCreationOptionsJSON, type RegistrationResponseJSON, generateRegistrationOptions, verifyRegistrationResponse } from "@simplewebauthn/server";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logAdminEvent } from "@/lib/organizations/admin-log";
import { challengeOf, consumeChallenge, issueChallenge } from "./challenges";
import { relyingParty } from "./relying-party";
import { recordKeyAdded } from "@/lib/signing/key-events";
import { signingKeyFromCose } from "@/lib/signing/public-key";

// Adding a passkey in Settings: the server hands the browser options with a fresh challenge
// bound to this session, the browser's authenticator creates a discoverable credential, and the
// server verifies the response and stores the credential's public key, counter and transports.
// The addition is logged in the organisation's administrative log with the credential id.

export const PASSKEY_NAME_MAX = 60;

function sessionOf(actor: Actor): string {
  // An API token has no browser to hold a passkey: only a signed-in session adds one.
  if (!actor.sessionId) throw new AppError("FORBIDDEN", "Add a passkey from a signed-in browser.");
  return actor.sessionId;
}

export function passkeyName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > PASSKEY_NAME_MAX) throw new AppError("INVALID_REQUEST", `Name the passkey in 1 to ${PASSKEY_NAME_MAX} characters.`, { name: `1 to ${PASSKEY_NAME_MAX} characters` });
  return trimmed;
}

/** The options for navigator.credentials.create(), with a challenge for this user's session. */
export async function startPasskeyRegistration(options: { actor: Actor; now?: Date }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { actor } = options;
  const sessionId = sessionOf(actor);
  const rp = relyingParty();
  const existing = await db().passkey.findMany({ where: { userId: actor.userId, revokedAt: null }, select: { credentialId: true, transports: true } });
  const challenge = await issueChallenge({ ceremony: "REGISTRATION", userId: actor.userId, sessionId }, options.now);
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    // The user handle an authenticator returns at sign-in: our user id, nothing personal.
    userID: new TextEncoder().encode(actor.userId),
    userName: actor.email,
    userDisplayName: actor.name,
    // Bytes: a string would be taken as UTF-8 text and encoded again.
    challenge: new Uint8Array(Buffer.from(challenge, "base64url")),
    attestationType: "none",
    // An authenticator already holding one of the user's passkeys is not offered again.
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    // Only the algorithms every verifier (WebCrypto, in the browser too) can check a signature with.
    supportedAlgorithmIDs: [-7, -257],
    // Discoverable, so that sign-in needs no e-mail address; verified, since it is a whole sign-in.
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
}

export interface RegisteredPasskey {
  id: string;
  credentialId: string;
  name: string;
}

/** Verifies the browser's response to this session's challenge and stores the new passkey. */
export async function finishPasskeyRegistration(options: { actor: Actor; name: string; response: RegistrationResponseJSON; now?: Date }): Promise<RegisteredPasskey> {
  const { actor, response } = options;
  const now = options.now ?? new Date();
  const sessionId = sessionOf(actor);
  const name = passkeyName(options.name);
  const challenge = challengeOf(response);
  const refused = () => new AppError("INVALID_REQUEST", "This passkey could not be added: its response did not answer a challenge this session asked for in the last few minutes. Try again.");
  if (!challenge || !(await consumeChallenge(challenge, { ceremony: "REGISTRATION", userId: actor.userId, sessionId }, now))) throw refused();

  const rp = relyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: rp.origins, expectedRPID: rp.id, requireUserVerification: true });
  } catch (error) {
    throw new AppError("INVALID_REQUEST", `This passkey could not be added: ${error instanceof Error ? error.message : "its response did not verify"}.`);
  }
  if (!verification.verified) throw refused();
  const info = verification.registrationInfo;
  const credentialId = info.credential.id;
  const publicKey = Buffer.from(info.credential.publicKey).toString("base64url");
  // The form key events carry and verifiers read (refuses algorithms they cannot check).
  const signingKey = signingKeyFromCose(publicKey);

  return db().$transaction(async (tx) => {
    if (await tx.passkey.findUnique({ where: { credentialId }, select: { id: true } })) {
      throw new AppError("CONFLICT", "This passkey is already registered.");
    }
    const created = await tx.passkey.create({
      data: {
        userId: actor.userId,
        credentialId,
        publicKey,
        counter: BigInt(info.credential.counter),
        transports: info.credential.transports ?? response.response.transports ?? [],
        name,
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        aaguid: info.aaguid,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordKeyAdded(tx, { userId: actor.userId, userName: actor.name, credentialId, key: signingKey, rpId: rp.id, now });
    await logAdminEvent(tx, { organizationId: actor.organizationId, actorId: actor.userId, action: "passkey-added", subject: `${actor.email}: ${name}`, data: { credentialId, name, publicKey, aaguid: info.aaguid } });
    return { id: created.id, credentialId, name };
  });
}
