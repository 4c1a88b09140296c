import { type KeyObject, createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { isoCBOR } from "@simplewebauthn/server/helpers";

// A software authenticator for tests: P-256 keys from node:crypto, authenticatorData and
// clientDataJSON built by hand as the WebAuthn spec lays them out, "none" attestation. It holds
// discoverable credentials and answers as a browser would, from whichever origin a test names.

const FLAG = { UP: 0x01, UV: 0x04, AT: 0x40 } as const;
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();
const b64url = (data: Uint8Array) => Buffer.from(data).toString("base64url");

interface Credential {
  id: Buffer;
  privateKey: KeyObject;
  userHandle: string;
  rpId: string;
  counter: number;
}

function authenticatorData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
}

export class SoftwareAuthenticator {
  readonly credentials: Credential[] = [];

  constructor(readonly origin: string) {}

  /** Answers navigator.credentials.create() with a new P-256 credential. */
  register(options: PublicKeyCredentialCreationOptionsJSON, overrides: { origin?: string; rpId?: string; userVerified?: boolean } = {}): RegistrationResponseJSON {
    const rpId = overrides.rpId ?? options.rp.id!;
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = publicKey.export({ format: "jwk" });
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, "base64url")],
        [-3, Buffer.from(jwk.y!, "base64url")],
      ]),
    );
    const id = randomBytes(16);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(id.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, id, Buffer.from(cose)]);
    const flags = FLAG.UP | FLAG.AT | (overrides.userVerified === false ? 0 : FLAG.UV);
    const authData = authenticatorData(rpId, flags, 0, attested);
    const attestationObject = isoCBOR.encode(new Map<string, unknown>([["fmt", "none"], ["attStmt", new Map()], ["authData", authData]]) as never);
    const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.create", challenge: options.challenge, origin: overrides.origin ?? this.origin, crossOrigin: false }));
    this.credentials.push({ id, privateKey, userHandle: options.user.id, rpId, counter: 0 });
    return {
      id: b64url(id),
      rawId: b64url(id),
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
      response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ["internal"] },
    };
  }

  /**
   * Answers navigator.credentials.get() with a credential (the last registered unless named),
   * its counter moved on by one unless `counter` says what to send (a clone's stale counter).
   */
  authenticate(options: PublicKeyCredentialRequestOptionsJSON, overrides: { credential?: Credential; origin?: string; counter?: number; challenge?: string } = {}): AuthenticationResponseJSON {
    const credential = overrides.credential ?? this.credentials.at(-1);
    if (!credential) throw new Error("The software authenticator holds no credential.");
    const counter = overrides.counter ?? credential.counter + 1;
    credential.counter = Math.max(credential.counter, counter);
    const authData = authenticatorData(options.rpId ?? credential.rpId, FLAG.UP | FLAG.UV, counter);
    const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge: overrides.challenge ?? options.challenge, origin: overrides.origin ?? this.origin, crossOrigin: false }));
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), credential.privateKey);
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature), userHandle: credential.userHandle },
    };
  }
}
