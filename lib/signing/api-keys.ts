import { createPublicKey, randomBytes } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logAdminEvent } from "@/lib/organizations/admin-log";
import { passkeyName } from "@/lib/passkeys/register-passkey";
import { relyingParty } from "@/lib/passkeys/relying-party";
import { recordKeyAdded } from "./key-events";
import { signingKeyFromCose } from "./public-key";

// API signing keys (issue 14): a back office that takes steps through the REST API signs them
// with an ECDSA P-256 key of its own instead of a passkey. Its user registers the public key in
// Settings from a signed-in browser (never with an API token: a stolen token alone must not be
// able to add a key that signs), and it enters the organisation's anchored key trail like a
// passkey. The client then signs each step as an authenticator would (docs/API.md): the same
// assertion format, the same checks, the same verifiers.

export const API_KEY_DEVICE_TYPE = "api-key";

export async function registerApiSigningKey(options: { actor: Actor; name: string; publicKeyPem: string; now?: Date }): Promise<{ id: string; credentialId: string }> {
  const { actor } = options;
  const now = options.now ?? new Date();
  if (!actor.sessionId) throw new AppError("FORBIDDEN", "Register an API signing key from a signed-in browser, not with an API token.");
  const name = passkeyName(options.name);
  let jwk: { kty?: string; crv?: string; x?: string; y?: string };
  try {
    jwk = createPublicKey(options.publicKeyPem.trim()).export({ format: "jwk" }) as typeof jwk;
  } catch {
    throw new AppError("INVALID_REQUEST", "This is not a public key in PEM form (-----BEGIN PUBLIC KEY-----).", { publicKey: "Paste the PEM public key" });
  }
  if (jwk.kty !== "EC" || jwk.crv !== "P-256" || !jwk.x || !jwk.y) {
    throw new AppError("INVALID_REQUEST", "API signing keys are ECDSA P-256 (prime256v1) keys.", { publicKey: "An ECDSA P-256 public key" });
  }
  const cose = Buffer.from(
    isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, new Uint8Array(Buffer.from(jwk.x, "base64url"))],
        [-3, new Uint8Array(Buffer.from(jwk.y, "base64url"))],
      ]),
    ),
  ).toString("base64url");
  const key = signingKeyFromCose(cose);
  const credentialId = `api-${randomBytes(16).toString("base64url")}`;
  const rp = relyingParty();
  return db().$transaction(async (tx) => {
    const row = await tx.passkey.create({
      data: { userId: actor.userId, credentialId, publicKey: cose, counter: 0n, transports: [], name, deviceType: API_KEY_DEVICE_TYPE, backedUp: false, aaguid: "00000000-0000-0000-0000-000000000000", createdAt: now },
      select: { id: true },
    });
    await recordKeyAdded(tx, { userId: actor.userId, userName: actor.name, credentialId, key, rpId: rp.id, now });
    await logAdminEvent(tx, { organizationId: actor.organizationId, actorId: actor.userId, action: "passkey-added", subject: `${actor.email}: ${name} (API signing key)`, data: { credentialId, name, publicKey: key.spki } });
    return { id: row.id, credentialId };
  });
}
